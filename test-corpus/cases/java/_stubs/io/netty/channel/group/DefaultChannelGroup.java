package io.netty.channel.group;

public class DefaultChannelGroup extends java.util.AbstractSet<io.netty.channel.Channel> implements ChannelGroup {
  public DefaultChannelGroup(io.netty.util.concurrent.EventExecutor executor) {
  }

  @Override
  public ChannelGroupFuture writeAndFlush(Object message) {
    throw new UnsupportedOperationException("stub");
  }

  @Override
  public ChannelGroupFuture writeAndFlush(Object message, ChannelMatcher matcher) {
    throw new UnsupportedOperationException("stub");
  }

  @Override
  public java.util.Iterator<io.netty.channel.Channel> iterator() {
    throw new UnsupportedOperationException("stub");
  }

  @Override
  public int size() {
    throw new UnsupportedOperationException("stub");
  }
}
