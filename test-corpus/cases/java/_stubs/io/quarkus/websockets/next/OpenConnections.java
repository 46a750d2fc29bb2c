package io.quarkus.websockets.next;

public interface OpenConnections extends Iterable<WebSocketConnection> {
  java.util.List<WebSocketConnection> listAll();
}
