package org.springframework.web.reactive.socket.server;

import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

public interface WebSocketService {
  Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler webSocketHandler);
}
