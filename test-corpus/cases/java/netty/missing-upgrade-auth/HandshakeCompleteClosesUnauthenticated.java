package com.example.collab;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;

public class HandshakeCompleteClosesUnauthenticated extends ChannelInitializer<SocketChannel> {
    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536));
        // ok: missing-upgrade-auth -- the frame handler closes on HandshakeComplete before writing anything
        // ok: missing-origin-check -- query token
        ch.pipeline().addLast(new WebSocketServerProtocolHandler("/collab"));
        ch.pipeline().addLast(new CollabHandler());
    }

    static class CollabHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private static final byte[] SECRET = System.getenv("COLLAB_KEY").getBytes(StandardCharsets.UTF_8);

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof HandshakeComplete handshake) {
                List<String> token = new QueryStringDecoder(handshake.requestUri()).parameters().get("token");
                if (token == null || !valid(token.get(0))) {
                    ctx.close();
                    return;
                }
                ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"welcome\"}"));
            }
        }

        private static boolean valid(String token) {
            try {
                SignedJWT jwt = SignedJWT.parse(token);
                return jwt.verify(new MACVerifier(SECRET)); // ok: unverified-token
            } catch (ParseException | JOSEException e) {
                return false;
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            ctx.writeAndFlush(new TextWebSocketFrame(frame.text()));
        }
    }
}
