package org.springframework.web.reactive;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

public interface HandlerMapping {
  Mono<Object> getHandler(ServerWebExchange exchange);
}
