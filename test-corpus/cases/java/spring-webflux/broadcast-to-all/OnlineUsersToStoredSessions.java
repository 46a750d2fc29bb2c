package com.acme.webflux.presence;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

@Configuration
class PresenceConfig {
    @Bean
    HandlerMapping presenceMapping(UserRepository users) {
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping();
        // expect: missing-upgrade-auth
        // expect: missing-origin-check
        mapping.setUrlMap(Map.of("/presence", new PresenceHandler(users)));
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
}

interface UserRepository {
    List<UserRecord> findAllOnline();
}

record UserRecord(String name, String email, String lastIp) {}
