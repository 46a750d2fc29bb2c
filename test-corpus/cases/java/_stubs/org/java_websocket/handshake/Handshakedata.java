package org.java_websocket.handshake;

public interface Handshakedata {
  String getFieldValue(String name);
  boolean hasFieldValue(String name);
}
