package io.netty.handler.codec.http;

public interface FullHttpRequest extends HttpRequest {
  FullHttpRequest retain();
}
