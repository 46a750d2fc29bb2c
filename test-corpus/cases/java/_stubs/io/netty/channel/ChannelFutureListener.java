package io.netty.channel;

public interface ChannelFutureListener {
  ChannelFutureListener CLOSE = future -> {
  };

  void operationComplete(ChannelFuture future) throws Exception;
}
