package com.acme.webflux.ticker;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

@Configuration
class TickerConfig {
    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http) {
        return http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .authorizeExchange(ex -> ex.pathMatchers("/ticker/**").authenticated().anyExchange().permitAll())
            .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
            .build();
    }

    @Bean
    HandlerMapping tickerMapping(TickerHandler ticker) {
        // ok: missing-upgrade-auth
        // ok: missing-origin-check -- a bearer token authenticates: nothing the browser attaches by itself
        return new SimpleUrlHandlerMapping(Map.of("/ticker/prices", ticker), -1);
    }
}

class TickerHandler implements WebSocketHandler {
    private final Sinks.Many<String> prices = Sinks.many().replay().latest();

    void onQuote(String symbol, BigDecimal price) {
        prices.tryEmitNext(symbol + ":" + price.toPlainString()); // ok: broadcast-to-all -- a public price feed
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.send(prices.asFlux().map(session::textMessage));
    }
}
