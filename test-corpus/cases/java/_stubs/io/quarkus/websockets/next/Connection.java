package io.quarkus.websockets.next;

public interface Connection {
  String id();
  String pathParam(String name);
  boolean isOpen();
  void sendTextAndAwait(Object message);
}
