package com.acme.notes;

import java.io.IOException;
import java.security.Principal;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

@Configuration
@EnableWebSocket
class NotesSocketConfig implements WebSocketConfigurer {

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // same-origin only by Spring's default, and anonymous sessions are closed on connect
        registry.addHandler(new NotesHandler(), "/notes"); // ok: missing-upgrade-auth
    }

    static class NotesHandler extends TextWebSocketHandler {

        @Override
        public void afterConnectionEstablished(WebSocketSession session) throws IOException {
            Principal principal = session.getPrincipal();
            if (principal == null) {
                session.close(CloseStatus.POLICY_VIOLATION.withReason("login required"));
                return;
            }
            session.sendMessage(new TextMessage("welcome " + principal.getName()));
        }

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
            session.sendMessage(new TextMessage("saved"));
        }
    }
}
