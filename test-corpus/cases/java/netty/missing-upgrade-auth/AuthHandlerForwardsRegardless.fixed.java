package com.example.gateway;

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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

public class AuthHandlerForwardsRegardless extends ChannelInitializer<SocketChannel> {
    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast(new HttpServerCodec());
        ch.pipeline().addLast(new HttpObjectAggregator(65536));
        ch.pipeline().addLast(new ApiKeyHandler());
        // expect: missing-upgrade-auth -- the handler answers 401 but still passes the request on
        // expect: missing-origin-check
        ch.pipeline().addLast(new UpgradeGuard(), new WebSocketServerProtocolHandler("/gateway"));
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

    // Sees the HTTP upgrade request before WebSocketServerProtocolHandler: refusing it answers the request
    // and closes the channel; anything else goes on unchanged
    static class UpgradeGuard extends ChannelInboundHandlerAdapter {
        // Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
        private static final Set<String> ALLOWED_ORIGINS =
                Arrays.stream(System.getenv().getOrDefault("ALLOWED_ORIGINS", "").split(","))
                        .map(String::strip).filter(o -> !o.isEmpty()).collect(Collectors.toUnmodifiableSet());

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest request) {
                // browsers always send Origin on a WebSocket upgrade; other clients are left to the token
                String origin = request.headers().get(HttpHeaderNames.ORIGIN);
                if (origin != null && !ALLOWED_ORIGINS.contains(origin)) {
                    ReferenceCountUtil.release(request);
                    ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN))
                            .addListener(ChannelFutureListener.CLOSE);
                    return;
                }
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
