package io.netty.channel;

public class ChannelInboundHandlerAdapter implements ChannelHandler {
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    ctx.fireChannelRead(msg);
  }

  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
  }

  public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
  }

  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
  }

  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
  }
}
