package io.netty.channel;

public interface Channel {
  ChannelPipeline pipeline();
  ChannelFuture writeAndFlush(Object msg);
  ChannelFuture close();
  ChannelId id();
  boolean isActive();
}
