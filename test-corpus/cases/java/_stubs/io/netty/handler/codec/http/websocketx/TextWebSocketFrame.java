package io.netty.handler.codec.http.websocketx;

public class TextWebSocketFrame extends WebSocketFrame {
  public TextWebSocketFrame(String text) {
  }

  public String text() {
    throw new UnsupportedOperationException("stub");
  }
}
