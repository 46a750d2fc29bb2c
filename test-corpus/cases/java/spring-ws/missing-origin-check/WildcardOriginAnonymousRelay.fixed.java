package com.acme.lobby;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

@Configuration
@EnableWebSocket
class LobbySocketConfig implements WebSocketConfigurer {

    // the origins of the app's own pages, comma-separated; empty allows same-origin handshakes only
    @Value("${app.websocket.allowed-origins:}")
    private String[] allowedOrigins;

    private static final String[] ANY_ORIGIN = {"*"};

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry
            .addHandler(new LobbyHandler(), "/lobby") // expect: missing-upgrade-auth
            .addInterceptors(new AuthenticatingHandshakeInterceptor())
            .setAllowedOrigins(allowedOrigins) // expect: missing-origin-check
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

    /** Refuses the handshake with 401 unless the request carries a verified user, kept in the session. */
    static class AuthenticatingHandshakeInterceptor implements HandshakeInterceptor {
        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                WebSocketHandler wsHandler, Map<String, Object> attributes) {
            Principal user = authenticate(request);
            if (user == null) {
                response.setStatusCode(HttpStatus.UNAUTHORIZED);
                return false;
            }
            attributes.put("user", user);
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                WebSocketHandler wsHandler, Exception exception) {
            // nothing to do once the connection is up
        }

        // Rejects every handshake until it is wired to the app's own check of the request's credential (the
        // principal Spring Security established, or a token verified with the app's key): return the user, or
        // null to answer 401.
        private static Principal authenticate(ServerHttpRequest request) {
            return null;
        }
    }
}
