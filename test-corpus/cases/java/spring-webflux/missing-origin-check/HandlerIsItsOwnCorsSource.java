package com.acme.webflux.drafts;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@Configuration
class DraftSyncConfig {
    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http) {
        return http.authorizeExchange(ex -> ex
                .pathMatchers("/drafts/**").hasRole("EDITOR")
                .anyExchange().permitAll())
            .httpBasic(Customizer.withDefaults())
            .build();
    }

    @Bean
    HandlerMapping draftMapping() {
        // ok: missing-origin-check -- the handler is a CorsConfigurationSource naming the editor's origin
        return new SimpleUrlHandlerMapping(Map.of("/drafts/sync", new DraftSyncHandler()), 0); // ok: missing-upgrade-auth
    }
}

class DraftSyncHandler implements WebSocketHandler, CorsConfigurationSource {

    @Override
    public CorsConfiguration getCorsConfiguration(ServerWebExchange exchange) {
        CorsConfiguration config = new CorsConfiguration();
        config.addAllowedOrigin("https://editor.acme.example");
        return config;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.send(session.receive().map(m -> session.textMessage("saved")));
    }
}
