package org.springframework.web.reactive.socket.server.support;

import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

public class HandshakeWebSocketService implements WebSocketService {
  public HandshakeWebSocketService() {}
  public HandshakeWebSocketService(RequestUpgradeStrategy upgradeStrategy) {}
  @Override
  public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) { throw new UnsupportedOperationException("stub"); }
}
