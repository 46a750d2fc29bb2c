package io.netty.handler.codec.http;

public interface FullHttpRequest extends HttpRequest, io.netty.util.ReferenceCounted {
  @Override
  FullHttpRequest retain();
}
