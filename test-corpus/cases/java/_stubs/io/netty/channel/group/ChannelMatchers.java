package io.netty.channel.group;

public final class ChannelMatchers {
  public static ChannelMatcher isNot(io.netty.channel.Channel channel) {
    throw new UnsupportedOperationException("stub");
  }
}
