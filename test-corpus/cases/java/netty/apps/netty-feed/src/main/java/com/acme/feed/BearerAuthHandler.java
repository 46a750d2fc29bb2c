// corpus: no-findings -- a helper of the app; the findings it decides are on the endpoint
package com.acme.feed;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

public class BearerAuthHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final TokenService tokens;

    public BearerAuthHandler(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        String header = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !tokens.isValid(header.substring(7))) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED))
                .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(req.retain());
    }
}
