package com.example.dashboard;

import io.netty.channel.ChannelFutureListener;
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
import java.util.Set;

/** The ops dashboard only talks to its own front end, so it pins the Origin; nobody asked who is connecting. */
public class DashboardOriginCheckedWithoutAuth extends ChannelInitializer<SocketChannel> {
    private static final Set<String> DASHBOARD_ORIGINS = Set.of("https://dashboard.example.com");

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
            .addLast(new HttpServerCodec())
            .addLast(new HttpObjectAggregator(65536))
            .addLast(new OriginFilter())
            // ok: missing-origin-check -- OriginFilter refuses other origins
            .addLast(new WebSocketServerProtocolHandler("/dashboard/live")); // expect: missing-upgrade-auth
    }

    static class OriginFilter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest req) {
                String origin = req.headers().get(HttpHeaderNames.ORIGIN);
                if (!DASHBOARD_ORIGINS.contains(origin)) {
                    req.release();
                    ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN))
                        .addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            ctx.fireChannelRead(msg);
        }
    }
}
