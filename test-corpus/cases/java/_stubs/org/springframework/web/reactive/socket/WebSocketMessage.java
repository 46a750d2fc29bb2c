package org.springframework.web.reactive.socket;

public class WebSocketMessage {
  public enum Type { TEXT, BINARY, PING, PONG }
  public Type getType() { throw new UnsupportedOperationException("stub"); }
  public String getPayloadAsText() { throw new UnsupportedOperationException("stub"); }
}
