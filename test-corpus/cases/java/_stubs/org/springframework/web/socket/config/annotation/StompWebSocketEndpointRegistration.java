package org.springframework.web.socket.config.annotation;

import org.springframework.web.socket.server.HandshakeInterceptor;
public interface StompWebSocketEndpointRegistration {
  StompWebSocketEndpointRegistration setAllowedOrigins(String... origins);
  StompWebSocketEndpointRegistration setAllowedOriginPatterns(String... originPatterns);
  StompWebSocketEndpointRegistration addInterceptors(HandshakeInterceptor... interceptors);
  SockJsServiceRegistration withSockJS();
}
