package io.netty.channel.group;

public interface ChannelMatcher {
  boolean matches(io.netty.channel.Channel channel);
}
