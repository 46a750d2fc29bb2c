package io.netty.channel;

public interface ChannelPipeline {
  ChannelPipeline addLast(ChannelHandler... handlers);
  ChannelPipeline addLast(String name, ChannelHandler handler);
}
