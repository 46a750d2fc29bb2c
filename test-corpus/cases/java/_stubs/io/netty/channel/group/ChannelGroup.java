package io.netty.channel.group;

public interface ChannelGroup extends java.util.Set<io.netty.channel.Channel> {
  ChannelGroupFuture writeAndFlush(Object message);

  ChannelGroupFuture writeAndFlush(Object message, ChannelMatcher matcher);
}
