package com.example.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

public class AuthHandlerForwardsRegardless extends ChannelInitializer<SocketChannel> {
    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast(new HttpServerCodec());
        ch.pipeline().addLast(new HttpObjectAggregator(65536));
        ch.pipeline().addLast(new ApiKeyHandler());
        // expect: missing-upgrade-auth -- the handler answers 401 but still passes the request on
        // expect: missing-origin-check
        ch.pipeline().addLast(new WebSocketServerProtocolHandler("/gateway"));
    }

    static class ApiKeyHandler extends ChannelInboundHandlerAdapter {
        private final ApiKeyStore keyStore = new ApiKeyStore();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest request) {
                String key = request.headers().get(HttpHeaderNames.AUTHORIZATION);
                if (keyStore.findOwner(key) == null) {
                    ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED));
                }
            }
            ctx.fireChannelRead(msg);
        }
    }

    static class ApiKeyStore {
        String findOwner(String key) {
            return null;
        }
    }
}
