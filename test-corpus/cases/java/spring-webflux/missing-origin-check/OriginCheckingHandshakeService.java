package com.acme.webflux.whiteboard;

import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
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
class WhiteboardConfig {
    @Bean
    SecurityWebFilterChain chain(ServerHttpSecurity http) {
        return http.authorizeExchange(ex -> ex.anyExchange().authenticated())
            .formLogin(Customizer.withDefaults())
            .build();
    }

    @Bean
    HandlerMapping whiteboardMapping(WhiteboardHandler handler) {
        // ok: missing-upgrade-auth
        // ok: missing-origin-check -- the adapter's service refuses handshakes from other origins
        return new SimpleUrlHandlerMapping(Map.of("/whiteboard", handler), -1);
    }

    @Bean
    WebSocketHandlerAdapter webSocketHandlerAdapter() {
        return new WebSocketHandlerAdapter(new SameSiteHandshakeService(Set.of("https://board.acme.example")));
    }
}

class SameSiteHandshakeService extends HandshakeWebSocketService {
    private final Set<String> allowedOrigins;

    SameSiteHandshakeService(Set<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
        String origin = exchange.getRequest().getHeaders().getOrigin();
        if (origin == null || !allowedOrigins.contains(origin)) {
            exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
            return exchange.getResponse().setComplete();
        }
        return super.handleRequest(exchange, handler);
    }
}

class WhiteboardHandler implements WebSocketHandler {
    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.send(session.receive().map(m -> session.textMessage("stroke saved")));
    }
}
