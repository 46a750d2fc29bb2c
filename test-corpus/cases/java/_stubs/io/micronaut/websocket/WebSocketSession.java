package io.micronaut.websocket;

public interface WebSocketSession extends AutoCloseable {
  String getId();

  default java.util.Optional<java.security.Principal> getUserPrincipal() {
    return java.util.Optional.empty();
  }
  boolean isOpen();
  <T> void sendSync(T message);
  void close();
}
