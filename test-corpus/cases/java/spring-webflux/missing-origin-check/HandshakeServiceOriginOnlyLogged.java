package com.acme.webflux.kiosk;

import java.util.Map;
import java.util.logging.Logger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
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
    @Bean
    SecurityWebFilterChain chain(ServerHttpSecurity http) {
        return http.authorizeExchange(ex -> ex.anyExchange().hasRole("KIOSK"))
            .httpBasic(Customizer.withDefaults())
            .build();
    }

    @Bean
    HandlerMapping kioskMapping(KioskHandler handler) {
        // expect: missing-origin-check -- the service only logs the Origin: HTTP Basic credentials ride along
        return new SimpleUrlHandlerMapping(Map.of("/kiosk/feed", handler), -1); // ok: missing-upgrade-auth
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
