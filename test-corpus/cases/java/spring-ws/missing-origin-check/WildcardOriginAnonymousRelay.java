package com.acme.lobby;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
class LobbySocketConfig implements WebSocketConfigurer {

    private static final String[] ANY_ORIGIN = {"*"};

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry
            .addHandler(new LobbyHandler(), "/lobby") // expect: missing-upgrade-auth
            .setAllowedOrigins(ANY_ORIGIN) // expect: missing-origin-check
            .withSockJS();
    }

    static class LobbyHandler extends TextWebSocketHandler {
        private final List<WebSocketSession> players = new CopyOnWriteArrayList<>();

        @Override
        public void afterConnectionEstablished(WebSocketSession session) {
            players.add(session);
        }

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) {
            players.forEach(p -> {
                try {
                    p.sendMessage(new TextMessage(message.getPayload())); // expect: broadcast-to-all
                } catch (IOException e) {
                    players.remove(p);
                }
            });
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            players.remove(session);
        }
    }
}
