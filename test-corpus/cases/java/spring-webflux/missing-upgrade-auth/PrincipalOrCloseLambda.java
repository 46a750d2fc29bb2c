package com.acme.webflux.inbox;

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
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import reactor.core.publisher.Flux;

@Configuration
class InboxSocketConfig {

    @Bean
    SecurityWebFilterChain chain(ServerHttpSecurity http) {
        // the socket is outside the rules' paths: the handler itself turns anonymous sessions away
        return http.authorizeExchange(ex -> ex.pathMatchers("/account/**").authenticated())
            .formLogin(Customizer.withDefaults())
            .build();
    }

    @Bean
    HandlerMapping inboxMapping(InboxService inbox) {
        WebSocketHandler handler = session -> session.getHandshakeInfo().getPrincipal()
            .flatMap(user -> session.send(inbox.unreadFor(user.getName()).map(session::textMessage)))
            .switchIfEmpty(session.close(CloseStatus.POLICY_VIOLATION.withReason("login required")));
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of("https://mail.acme.example"));
        // ok: missing-upgrade-auth
        // ok: missing-origin-check -- the session cookie authorises it, but CORS refuses other origins
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/inbox/live", handler), 1);
        mapping.setCorsConfigurations(Map.of("/inbox/**", cors));
        return mapping;
    }
}

interface InboxService {
    Flux<String> unreadFor(String user);
}
