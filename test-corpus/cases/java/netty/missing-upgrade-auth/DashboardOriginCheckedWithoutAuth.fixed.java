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
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
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
            .addLast(new UpgradeGuard(), new WebSocketServerProtocolHandler("/dashboard/live")); // expect: missing-upgrade-auth
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

    // Sees the HTTP upgrade request before WebSocketServerProtocolHandler: refusing it answers the request
    // and closes the channel; anything else goes on unchanged
    static class UpgradeGuard extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest request) {
                String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
                List<String> query = new QueryStringDecoder(request.uri()).parameters().get("access_token");
                String token = header != null && header.startsWith("Bearer ") ? header.substring(7)
                        : query != null && !query.isEmpty() ? query.get(0) : null;
                if (token == null || authenticate(token) == null) {
                    ReferenceCountUtil.release(request);
                    ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED))
                            .addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            ctx.fireChannelRead(msg);
        }

        // Rejects every token until it is wired to the app's own check (a JWT verified with the app's
        // key, a session lookup): return the token's user, or null to answer 401
        private static Object authenticate(String token) {
            return null;
        }
    }
}
