package org.springframework.web.reactive.socket;

import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface WebSocketSession {
  String getId();
  HandshakeInfo getHandshakeInfo();
  Map<String, Object> getAttributes();
  Flux<WebSocketMessage> receive();
  Mono<Void> send(Publisher<WebSocketMessage> messages);
  boolean isOpen();
  Mono<Void> close();
  Mono<Void> close(CloseStatus status);
  Mono<CloseStatus> closeStatus();
  WebSocketMessage textMessage(String payload);
}
