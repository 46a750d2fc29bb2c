package org.springframework.http.server.reactive;

import org.springframework.http.HttpStatusCode;
import reactor.core.publisher.Mono;

public interface ServerHttpResponse {
  boolean setStatusCode(HttpStatusCode status);
  Mono<Void> setComplete();
}
