package com.acme.webflux.kiosk;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@Configuration
class KioskConfig {
    // the origins of the app's own pages, comma-separated; empty refuses every cross-origin handshake
    @Value("${app.websocket.allowed-origins:}")
    private String[] allowedOrigins;

    @Bean
    SecurityWebFilterChain chain(ServerHttpSecurity http) {
        return http.authorizeExchange(ex -> ex.anyExchange().hasRole("KIOSK"))
            .httpBasic(Customizer.withDefaults())
            .build();
    }

    @Bean
    HandlerMapping kioskMapping(KioskHandler handler) {
        // expect: missing-origin-check -- the service only logs the Origin: HTTP Basic credentials ride along
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/kiosk/feed", handler), -1);
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(allowedOrigins));
        mapping.setCorsConfigurations(Map.of("/kiosk/feed", cors));
        return mapping; // ok: missing-upgrade-auth
    }

    @Bean
    WebSocketHandlerAdapter webSocketHandlerAdapter() {
        return new WebSocketHandlerAdapter(new AuditingHandshakeService());
    }
}

class AuditingHandshakeService extends HandshakeWebSocketService {
    private static final Logger LOG = Logger.getLogger(AuditingHandshakeService.class.getName());

    @Override
    public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
        String origin = exchange.getRequest().getHeaders().getOrigin();
        LOG.info("kiosk handshake from " + origin);
        return super.handleRequest(exchange, handler);
    }
}

class KioskHandler implements WebSocketHandler {
    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.send(session.receive().map(m -> session.textMessage("ok")));
    }
}
