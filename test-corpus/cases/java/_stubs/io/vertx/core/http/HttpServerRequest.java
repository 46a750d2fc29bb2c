package io.vertx.core.http;

public interface HttpServerRequest {
  String getHeader(String headerName);

  String uri();
}
