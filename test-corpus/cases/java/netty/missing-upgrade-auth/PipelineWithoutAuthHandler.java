package com.example.metrics;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;

public class PipelineWithoutAuthHandler extends ChannelInitializer<SocketChannel> {
    static final ChannelGroup CLIENTS = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192),
            // expect: missing-upgrade-auth
            // expect: missing-origin-check
            new WebSocketServerProtocolHandler("/admin-events"),
            new AdminEventsHandler());
    }

    static class AdminEventsHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private final SessionRegistry sessionRegistry = new SessionRegistry();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            CLIENTS.add(ctx.channel());
            String sessions = sessionRegistry.dumpActiveSessions();
            // expect-no-fix: broadcast-to-all -- a ChannelGroup knows no users: scoping the send needs the app's own channel-to-user map
            CLIENTS.writeAndFlush(new TextWebSocketFrame(sessions)); // expect: broadcast-to-all
        }
    }

    static class SessionRegistry {
        String dumpActiveSessions() {
            return "[]";
        }
    }
}
