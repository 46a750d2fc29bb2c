package io.netty.channel;

public abstract class SimpleChannelInboundHandler<I> extends ChannelInboundHandlerAdapter {
  protected abstract void channelRead0(ChannelHandlerContext ctx, I msg) throws Exception;
}
