package org.java_websocket;

public interface WebSocket {
  void send(String text);
  void close(int code, String message);
  void close(int code);
  void close();
  String getResourceDescriptor();
  java.net.InetSocketAddress getRemoteSocketAddress();
  <T> void setAttachment(T attachment);
  <T> T getAttachment();
  boolean isOpen();
}
