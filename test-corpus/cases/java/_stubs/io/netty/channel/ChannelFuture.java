package io.netty.channel;

public interface ChannelFuture {
  ChannelFuture addListener(ChannelFutureListener listener);
}
