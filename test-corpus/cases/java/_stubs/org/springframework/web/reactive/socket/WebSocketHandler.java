package org.springframework.web.reactive.socket;

import java.util.Collections;
import java.util.List;
import reactor.core.publisher.Mono;

public interface WebSocketHandler {
  default List<String> getSubProtocols() { return Collections.emptyList(); }
  Mono<Void> handle(WebSocketSession session);
}
