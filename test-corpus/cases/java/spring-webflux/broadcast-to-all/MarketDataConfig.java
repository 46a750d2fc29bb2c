package com.acme.webflux.market;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

@Configuration
public class MarketDataConfig {
  private final Sinks.Many<String> orders = Sinks.many().multicast().onBackpressureBuffer();

  @Bean
  public HandlerMapping marketMapping() {
    WebSocketHandler handler = session -> {
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
    mapping.setOrder(10);
    return mapping;
  }
}
