package com.acme.webflux.tracker;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

@Configuration
class CorsWildcardTracker {
  @Bean
  SecurityWebFilterChain chain(ServerHttpSecurity http) {
    return http.authorizeExchange(e -> e.anyExchange().authenticated()).formLogin(Customizer.withDefaults()).build();
  }

  @Bean
  HandlerMapping trackerMapping(TrackerHandler handler) {
    CorsConfiguration cors = new CorsConfiguration();
    // expect-no-fix: missing-origin-check -- the mapping has a CORS configuration: its wildcard is replaced where it is written, by the app's origins
    // expect: missing-origin-check -- "*" lets every page in, and the login is a session cookie
    cors.setAllowedOrigins(List.of("*"));
    SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/tracker", handler), -1);
    mapping.setCorsConfigurations(Map.of("/tracker", cors));
    return mapping;
  }
}

class TrackerHandler implements WebSocketHandler {
  @Override
  public Mono<Void> handle(WebSocketSession session) {
    return session.send(session.receive().map(m -> session.textMessage("tracked")));
  }
}
