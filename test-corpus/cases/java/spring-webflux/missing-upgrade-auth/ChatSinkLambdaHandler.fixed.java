package com.acme.webflux.chat;

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
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

@Configuration
class ChatSocketConfig {

    // the origins of the app's own pages, comma-separated; empty refuses every cross-origin handshake
    @Value("${app.websocket.allowed-origins:}")
    private String[] allowedOrigins;

    private final Sinks.Many<String> chatSink = Sinks.many().multicast().directBestEffort();

    @Bean
    public HandlerMapping chatMapping() {
        // expect: missing-upgrade-auth
        // expect: missing-origin-check -- no authentication, so any page can reach it through a visitor's browser
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/ws/chat", chatHandler()), -1);
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(allowedOrigins));
        mapping.setCorsConfigurations(Map.of("/ws/chat", cors));
        return mapping;
    }

    @Bean
    public WebSocketHandler chatHandler() {
        return session -> {
            String user = authenticate(session.getHandshakeInfo());
            if (user == null) {
                return session.close(CloseStatus.POLICY_VIOLATION);
            }
            Mono<Void> input = session.receive()
                .map(WebSocketMessage::getPayloadAsText)
                // expect-no-fix: broadcast-to-all -- a WebFlux broadcast has no per-user send to narrow it to: who should receive it is the app's decision
                // expect: broadcast-to-all -- an anonymous relay: anyone connects, reads and pushes to all
                .doOnNext(text -> chatSink.tryEmitNext(text))
                .then();
            Flux<WebSocketMessage> output = chatSink.asFlux().map(session::textMessage);
            return Mono.zip(input, session.send(output)).then();
        };
    }

    @Bean
    public WebSocketHandlerAdapter handlerAdapter() {
        return new WebSocketHandlerAdapter();
    }

    // Closes every session until it is wired to the app's own check of the handshake's credential (a token
    // in its access_token query parameter, verified with the app's key): return the user's name, or null
    // to close the session.
    private static String authenticate(HandshakeInfo handshake) {
        return null;
    }
}
