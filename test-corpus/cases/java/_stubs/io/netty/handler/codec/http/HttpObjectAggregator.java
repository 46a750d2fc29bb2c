package io.netty.handler.codec.http;

public class HttpObjectAggregator implements io.netty.channel.ChannelHandler {
  public HttpObjectAggregator(int maxContentLength) {
  }
}
