package com.acme.webflux.orders;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Configuration
class OrdersSocketConfig {

    @Value("${shop.frontend-origin:https://shop.example.com}")
    private String frontendOrigin;

    @Bean
    SecurityWebFilterChain chain(ServerHttpSecurity http) {
        return http.authorizeExchange(ex -> ex.anyExchange().authenticated())
            .formLogin(Customizer.withDefaults())
            .build();
    }

    @Bean
    HandlerMapping ordersMapping(OrderUpdatesHandler handler) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(frontendOrigin));
        cors.setAllowCredentials(true);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/ws/**", cors);
        // ok: missing-upgrade-auth
        // ok: missing-origin-check -- the handler mapping refuses handshakes from any other origin
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/ws/orders", handler), -1);
        mapping.setCorsConfigurationSource(source);
        return mapping;
    }

    @Bean
    WebSocketHandlerAdapter webSocketHandlerAdapter() {
        return new WebSocketHandlerAdapter();
    }
}

class OrderUpdatesHandler implements WebSocketHandler {
    private final OrderEvents events;

    OrderUpdatesHandler(OrderEvents events) {
        this.events = events;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.getHandshakeInfo().getPrincipal()
            .flatMap(p -> session.send(events.forCustomer(p.getName()).map(session::textMessage)));
    }
}

interface OrderEvents {
    Flux<String> forCustomer(String customer);
}
