package org.springframework.web.server;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

public interface ServerWebExchange {
  ServerHttpRequest getRequest();
  ServerHttpResponse getResponse();
}
