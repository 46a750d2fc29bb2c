package io.netty.handler.stream;

public class ChunkedWriteHandler implements io.netty.channel.ChannelHandler {
  public ChunkedWriteHandler() {
  }
}
