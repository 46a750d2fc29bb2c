package io.netty.handler.codec.http;

public class DefaultFullHttpResponse {
  public DefaultFullHttpResponse(HttpVersion version, HttpResponseStatus status) {
  }
}
