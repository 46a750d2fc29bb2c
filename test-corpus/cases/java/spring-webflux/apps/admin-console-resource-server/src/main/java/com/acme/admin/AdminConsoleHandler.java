package com.acme.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

@Component
public class AdminConsoleHandler implements WebSocketHandler {
    private final ObjectMapper mapper = new ObjectMapper();
    private final AccountService accounts;

    public AdminConsoleHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.send(session.receive()
            .map(WebSocketMessage::getPayloadAsText)
            .flatMap(text -> dispatch(text))
            .map(session::textMessage));
    }

    private Mono<String> dispatch(String text) {
        JsonNode cmd;
        try {
            cmd = mapper.readTree(text);
        } catch (Exception e) {
            return Mono.just("{\"error\":\"bad json\"}");
        }
        switch (cmd.get("op").asText()) {
            // expect-no-fix: missing-message-authz -- wsguard writes permission checks for Spring WebSocket handlers, not for WebFlux receive pipelines
            case "suspend": // expect: missing-message-authz -- any signed-in user may suspend any account
                accounts.suspendAccount(cmd.get("accountId").asLong());
                return Mono.just("{\"ok\":true}");
            case "ping":
                return Mono.just("{\"pong\":true}");
            default:
                return Mono.just("{\"error\":\"unknown op\"}");
        }
    }
}

interface AccountService {
    void suspendAccount(long id);
}
