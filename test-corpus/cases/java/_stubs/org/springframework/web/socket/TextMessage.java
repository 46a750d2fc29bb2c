package org.springframework.web.socket;

public final class TextMessage implements WebSocketMessage<String> {
  public TextMessage(CharSequence payload) {}
  public String getPayload() { throw new UnsupportedOperationException("stub"); }
}
