package io.micronaut.websocket;

public interface WebSocketSession extends AutoCloseable {
  String getId();
  boolean isOpen();
  <T> void sendSync(T message);
  void close();
}
