package com.acme.webflux.market;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

@Configuration
public class MarketDataConfig {
  // the origins of the app's own pages, comma-separated; empty refuses every cross-origin handshake
  @Value("${app.websocket.allowed-origins:}")
  private String[] allowedOrigins;

  private final Sinks.Many<String> orders = Sinks.many().multicast().onBackpressureBuffer();

  @Bean
  public HandlerMapping marketMapping() {
    WebSocketHandler handler = session -> {
      String user = authenticate(session.getHandshakeInfo());
      if (user == null) {
        return session.close(CloseStatus.POLICY_VIOLATION);
      }
      Mono<Void> in = session.receive()
          .map(WebSocketMessage::getPayloadAsText)
          // expect-no-fix: broadcast-to-all -- a WebFlux broadcast has no per-user send to narrow it to: who should receive it is the app's decision
          // expect: broadcast-to-all -- every order typed by anyone reaches every session
          .doOnNext(order -> orders.tryEmitNext(order))
          .then();
      Flux<WebSocketMessage> out = orders.asFlux().map(session::textMessage);
      return Mono.zip(in, session.send(out)).then();
    };
    // expect: missing-upgrade-auth
    // expect: missing-origin-check
    SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/market/orders", handler));
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(List.of(allowedOrigins));
    mapping.setCorsConfigurations(Map.of("/market/orders", cors));
    mapping.setOrder(10);
    return mapping;
  }

  // Closes every session until it is wired to the app's own check of the handshake's credential (a token
  // in its access_token query parameter, verified with the app's key): return the user's name, or null
  // to close the session.
  private static String authenticate(HandshakeInfo handshake) {
    return null;
  }
}
