package com.acme.webflux.support;

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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Configuration
class SupportChatConfig {

    @Bean
    SecurityWebFilterChain springSecurityFilterChain(ServerHttpSecurity http) {
        return http
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers("/login", "/assets/**").permitAll()
                .anyExchange().authenticated())
            .formLogin(Customizer.withDefaults())
            .build();
    }

    @Bean
    HandlerMapping supportMapping(SupportChatHandler handler) {
        CorsConfiguration cors = new CorsConfiguration();
        // expect-no-fix: missing-origin-check -- the mapping has a CORS configuration: its permit-all defaults are replaced where they are written, by the app's origins
        // expect: missing-origin-check -- applyPermitDefaultValues allows every origin, and the login is a cookie
        cors.applyPermitDefaultValues();
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/support/chat", handler), -1); // ok: missing-upgrade-auth
        mapping.setCorsConfigurations(Map.of("/**", cors));
        return mapping;
    }
}

class SupportChatHandler implements WebSocketHandler {
    private final TicketService tickets;

    SupportChatHandler(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.getHandshakeInfo().getPrincipal()
            .flatMap(agent -> session.send(tickets.threadOf(agent.getName()).map(session::textMessage)));
    }
}

interface TicketService {
    Flux<String> threadOf(String agent);
}
