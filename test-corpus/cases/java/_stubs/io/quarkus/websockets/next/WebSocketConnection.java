package io.quarkus.websockets.next;

import java.util.function.Predicate;
public interface WebSocketConnection extends Connection {
  BroadcastSender broadcast();
  interface BroadcastSender {
    BroadcastSender filter(Predicate<WebSocketConnection> filter);
    void sendTextAndAwait(Object message);
  }
}
