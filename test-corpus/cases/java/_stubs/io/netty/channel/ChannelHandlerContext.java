package io.netty.channel;

public interface ChannelHandlerContext {
  Channel channel();
  ChannelHandlerContext fireChannelRead(Object msg);
  ChannelFuture writeAndFlush(Object msg);
  ChannelFuture close();
  ChannelPipeline pipeline();
}
