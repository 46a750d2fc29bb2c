package org.springframework.web.socket.handler;

import org.springframework.web.socket.*;
public abstract class AbstractWebSocketHandler implements WebSocketHandler {
  public void afterConnectionEstablished(WebSocketSession session) throws Exception {}
  public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {}
  protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {}
  public void handleTransportError(WebSocketSession session, Throwable exception) throws Exception {}
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {}
  public boolean supportsPartialMessages() { return false; }
}
