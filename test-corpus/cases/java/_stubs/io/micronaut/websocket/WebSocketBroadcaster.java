package io.micronaut.websocket;

import java.util.function.Predicate;
public interface WebSocketBroadcaster {
  <T> void broadcastSync(T message);
  <T> void broadcastSync(T message, Predicate<WebSocketSession> filter);
}
