package io.netty.handler.codec.http;

public interface HttpRequest {
  HttpHeaders headers();

  String uri();
}
