package com.example.ops;

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
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

public class FrameCommandsWithoutRoleCheck extends ChannelInitializer<SocketChannel> {
    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536), new ApiKeyAuth(),
            // ok: missing-upgrade-auth
            // ok: missing-origin-check
            new WebSocketServerProtocolHandler("/ops"), new OpsCommandHandler());
    }

    static class ApiKeyAuth extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final ApiKeyRepository apiKeyRepository = new ApiKeyRepository();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            if (apiKeyRepository.findOperator(req.headers().get(HttpHeaderNames.AUTHORIZATION)) == null) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED))
                    .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.fireChannelRead(req.retain());
        }
    }

    static class OpsCommandHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private final ClusterService cluster = new ClusterService();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            String[] command = frame.text().split(" ", 2);
            switch (command[0]) {
                case "status" -> ctx.writeAndFlush(new TextWebSocketFrame(cluster.statusJson()));
                // expect-no-fix: missing-message-authz -- which operators may drain a node is the app's decision, not a patch's
                case "drain" -> cluster.drainNode(command[1]); // expect: missing-message-authz
                case "evict" -> { // ok: missing-message-authz -- only operators with the admin role
                    if (!cluster.hasRole(ctx.channel(), "admin")) {
                        ctx.writeAndFlush(new TextWebSocketFrame("forbidden"));
                        return;
                    }
                    cluster.evictNode(command[1]);
                }
                default -> ctx.writeAndFlush(new TextWebSocketFrame("unknown command"));
            }
        }
    }

    static class ApiKeyRepository {
        Object findOperator(String key) {
            return null;
        }
    }

    static class ClusterService {
        String statusJson() {
            return "{}";
        }

        void drainNode(String node) {
        }

        void evictNode(String node) {
        }

        boolean hasRole(io.netty.channel.Channel channel, String role) {
            return false;
        }
    }
}
