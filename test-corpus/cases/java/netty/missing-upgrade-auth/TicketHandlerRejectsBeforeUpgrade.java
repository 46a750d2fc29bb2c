package com.acme.tickets;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.util.List;

public class TicketHandlerRejectsBeforeUpgrade extends ChannelInitializer<SocketChannel> {
    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 16), new TicketHandler());
        // ok: missing-upgrade-auth -- TicketHandler rejects unknown tickets before the upgrade
        // ok: missing-origin-check -- explicit query ticket
        ch.pipeline().addLast(new WebSocketServerProtocolHandler("/tickets"));
    }

    static class TicketHandler extends ChannelInboundHandlerAdapter {
        private final TicketStore ticketStore = new TicketStore();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest req) {
                List<String> ticket = new QueryStringDecoder(req.uri()).parameters().get("ticket");
                if (ticket == null || ticketStore.findUser(ticket.get(0)) == null) {
                    req.release();
                    ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED))
                        .addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            ctx.fireChannelRead(msg);
        }
    }

    static class TicketStore {
        String findUser(String ticket) {
            return null;
        }
    }
}
