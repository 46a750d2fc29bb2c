package org.springframework.http.server.reactive;

import org.springframework.http.HttpHeaders;

public interface ServerHttpRequest {
  HttpHeaders getHeaders();
}
