package com.acme.webflux.anon;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

@Configuration
public class AnonymousHandlerConfig {
    // the origins of the app's own pages, comma-separated; empty refuses every cross-origin handshake
    @Value("${app.websocket.allowed-origins:}")
    private String[] allowedOrigins;

    @Bean
    public HandlerMapping statusMapping(StatusService status) {
        WebSocketHandler handler = new WebSocketHandler() {
            @Override
            public Mono<Void> handle(WebSocketSession session) {
                String user = authenticate(session.getHandshakeInfo());
                if (user == null) {
                    return session.close(CloseStatus.POLICY_VIOLATION);
                }
                return session.send(status.updates().map(session::textMessage));
            }
        };
        // expect: missing-upgrade-auth
        // expect: missing-origin-check -- no authentication: any page can open it from a visitor's browser
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Collections.singletonMap("/status", handler), -1);
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(allowedOrigins));
        mapping.setCorsConfigurations(Map.of("/status", cors));
        return mapping;
    }

    // Closes every session until it is wired to the app's own check of the handshake's credential (a token
    // in its access_token query parameter, verified with the app's key): return the user's name, or null
    // to close the session.
    private static String authenticate(HandshakeInfo handshake) {
        return null;
    }
}

interface StatusService {
    reactor.core.publisher.Flux<String> updates();
}
