package com.acme.feed;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

public class FeedServerInitializer extends ChannelInitializer<SocketChannel> {
    private final TokenService tokens;

    public FeedServerInitializer(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        p.addLast(new HttpServerCodec());
        p.addLast(new HttpObjectAggregator(65536));
        p.addLast(new BearerAuthHandler(tokens));
        // ok: missing-upgrade-auth -- BearerAuthHandler answers 401 and closes before the upgrade
        // ok: missing-origin-check -- Authorization header token
        p.addLast(new WebSocketServerProtocolHandler(FeedPaths.FEED));
        p.addLast(new FeedFrameHandler());
    }
}
