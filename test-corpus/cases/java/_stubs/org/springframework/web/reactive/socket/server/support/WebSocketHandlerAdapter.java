package org.springframework.web.reactive.socket.server.support;

import org.springframework.web.reactive.socket.server.WebSocketService;

public class WebSocketHandlerAdapter {
  public WebSocketHandlerAdapter() {}
  public WebSocketHandlerAdapter(WebSocketService webSocketService) {}
}
