package com.acme.webflux.scores;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import reactor.core.publisher.Flux;

@Configuration
class LiveScoresConfig {

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http) {
        return http.authorizeExchange(ex -> ex
                .pathMatchers("/live/**").permitAll()
                .anyExchange().authenticated())
            .httpBasic(Customizer.withDefaults())
            .build();
    }

    @Bean
    HandlerMapping scoresMapping(BetSlipService slips) {
        WebSocketHandler handler = session -> session.getHandshakeInfo().getPrincipal()
            .flatMapMany(user -> slips.openSlipsOf(user.getName()))
            .map(session::textMessage)
            .as(session::send);
        // the first matching rule decides: /live/** is permitAll, so the handshake needs no login
        // expect-no-fix: missing-upgrade-auth -- the handler is an expression lambda the check would have to rewrite, and the app's own rules make /live/** permitAll
        // expect: missing-upgrade-auth
        // expect: missing-origin-check
        return new SimpleUrlHandlerMapping(Map.of("/live/slips", handler), -1);
    }
}

interface BetSlipService {
    Flux<String> openSlipsOf(String user);
}
