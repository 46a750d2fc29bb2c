package org.springframework.web.socket.server.support;

import java.util.List;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
public class WebSocketHttpRequestHandler {
  public WebSocketHttpRequestHandler(WebSocketHandler wsHandler) {}
  public void setHandshakeInterceptors(List<HandshakeInterceptor> interceptors) {}
}
