package com.example.portal;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.util.Set;

public class CookieAuthHandlerChecksOrigin extends ChannelInitializer<SocketChannel> {
    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536), new SessionCookieHandler(),
            // ok: missing-origin-check -- SessionCookieHandler refuses foreign origins
            // ok: missing-upgrade-auth
            new WebSocketServerProtocolHandler("/portal"));
    }

    static class SessionCookieHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private static final Set<String> ALLOWED = Set.of("https://portal.example.com");
        private final SessionStore sessionStore = new SessionStore();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            String origin = req.headers().get(HttpHeaderNames.ORIGIN);
            if (origin == null || !ALLOWED.contains(origin)) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN))
                    .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            String cookie = req.headers().get(HttpHeaderNames.COOKIE);
            if (sessionStore.findUser(cookie) == null) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED))
                    .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.fireChannelRead(req.retain());
        }
    }

    static class SessionStore {
        String findUser(String cookieHeader) {
            return null;
        }
    }
}
