package org.springframework.web.socket.config.annotation;

import org.springframework.web.socket.server.HandshakeInterceptor;
public interface WebSocketHandlerRegistration {
  WebSocketHandlerRegistration addInterceptors(HandshakeInterceptor... interceptors);
  WebSocketHandlerRegistration setAllowedOrigins(String... origins);
  WebSocketHandlerRegistration setAllowedOriginPatterns(String... originPatterns);
  SockJsServiceRegistration withSockJS();
}
