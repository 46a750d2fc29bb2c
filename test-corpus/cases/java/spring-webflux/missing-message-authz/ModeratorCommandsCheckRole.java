package com.acme.webflux.forum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.Principal;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

@Configuration
class ForumSocketConfig {
    @Bean
    SecurityWebFilterChain chain(ServerHttpSecurity http) {
        return http.authorizeExchange(ex -> ex.anyExchange().authenticated())
            .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
            .build();
    }

    @Bean
    HandlerMapping forumMapping(ModerationHandler moderation) {
        return new SimpleUrlHandlerMapping(Map.of("/forum/moderation", moderation), 0); // ok: missing-upgrade-auth
    }
}

class ModerationHandler implements WebSocketHandler {
    private final ObjectMapper mapper = new ObjectMapper();
    private final PostService posts;
    private final MembershipService memberships;

    ModerationHandler(PostService posts, MembershipService memberships) {
        this.posts = posts;
        this.memberships = memberships;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.getHandshakeInfo().getPrincipal().flatMap(user -> session.send(session.receive()
            .map(WebSocketMessage::getPayloadAsText)
            .flatMap(text -> moderate(user, text))
            .map(session::textMessage)));
    }

    private Mono<String> moderate(Principal user, String text) {
        JsonNode cmd;
        try {
            cmd = mapper.readTree(text);
        } catch (Exception e) {
            return Mono.just("{\"error\":\"bad json\"}");
        }
        if (!memberships.hasModeratorRole(user.getName())) {
            return Mono.just("{\"error\":\"forbidden\"}");
        }
        switch (cmd.get("op").asText()) {
            case "remove-post": // ok: missing-message-authz -- the moderator role is checked before the dispatch
                posts.removePost(cmd.get("postId").asLong());
                return Mono.just("{\"ok\":true}");
            case "lock-thread": // ok: missing-message-authz
                posts.lockThread(cmd.get("threadId").asLong());
                return Mono.just("{\"ok\":true}");
            default:
                return Mono.just("{\"error\":\"unknown op\"}");
        }
    }
}

interface PostService {
    void removePost(long postId);

    void lockThread(long threadId);
}

interface MembershipService {
    boolean hasModeratorRole(String user);
}
