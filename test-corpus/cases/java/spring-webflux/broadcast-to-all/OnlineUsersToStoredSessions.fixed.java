package com.acme.webflux.presence;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
class PresenceConfig {
    // the origins of the app's own pages, comma-separated; empty refuses every cross-origin handshake
    @Value("${app.websocket.allowed-origins:}")
    private String[] allowedOrigins;

    @Bean
    HandlerMapping presenceMapping(UserRepository users) {
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping();
        // expect: missing-upgrade-auth
        // expect: missing-origin-check
        mapping.setUrlMap(Map.of("/presence", new PresenceHandler(users)));
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(allowedOrigins));
        mapping.setCorsConfigurations(Map.of("/presence", cors));
        return mapping;
    }
}

class PresenceHandler implements WebSocketHandler {
    private static final Set<WebSocketSession> SESSIONS = ConcurrentHashMap.newKeySet();
    private final UserRepository users;
    private final ObjectMapper mapper = new ObjectMapper();

    PresenceHandler(UserRepository users) {
        this.users = users;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        String user = authenticate(session.getHandshakeInfo());
        if (user == null) {
            return session.close(CloseStatus.POLICY_VIOLATION);
        }
        SESSIONS.add(session);
        return session.receive()
            .doOnNext(m -> broadcastOnline())
            .doFinally(sig -> SESSIONS.remove(session))
            .then();
    }

    private void broadcastOnline() {
        String json;
        try {
            json = mapper.writeValueAsString(users.findAllOnline());
        } catch (Exception e) {
            return;
        }
        for (WebSocketSession s : SESSIONS) {
            // expect-no-fix: broadcast-to-all -- a WebFlux broadcast has no per-user send to narrow it to: who should receive it is the app's decision
            s.send(Mono.just(s.textMessage(json))).subscribe(); // expect: broadcast-to-all
        }
    }

    // Closes every session until it is wired to the app's own check of the handshake's credential (a token
    // in its access_token query parameter, verified with the app's key): return the user's name, or null
    // to close the session.
    private static String authenticate(HandshakeInfo handshake) {
        return null;
    }
}

interface UserRepository {
    List<UserRecord> findAllOnline();
}

record UserRecord(String name, String email, String lastIp) {}
