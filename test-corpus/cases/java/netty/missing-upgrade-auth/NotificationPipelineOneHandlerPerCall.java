package com.acme.notify;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.stream.ChunkedWriteHandler;

public class NotificationPipelineOneHandlerPerCall extends ChannelInitializer<SocketChannel> {
    private static final String WEBSOCKET_PATH = "/notifications";

    @Override
    public void initChannel(SocketChannel ch) {
        ChannelPipeline pipeline = ch.pipeline();
        pipeline.addLast(new HttpServerCodec());
        pipeline.addLast(new HttpObjectAggregator(65536));
        pipeline.addLast(new ChunkedWriteHandler());
        // expect: missing-origin-check
        pipeline.addLast(new WebSocketServerProtocolHandler(WEBSOCKET_PATH, null, true)); // expect: missing-upgrade-auth
        pipeline.addLast(new NotificationFrameHandler());
    }

    static class NotificationFrameHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            ctx.channel().writeAndFlush(new TextWebSocketFrame("ack:" + frame.text()));
        }
    }
}
