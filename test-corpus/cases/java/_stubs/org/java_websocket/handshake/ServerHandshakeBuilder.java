package org.java_websocket.handshake;

public interface ServerHandshakeBuilder {
  void put(String name, String value);
}
