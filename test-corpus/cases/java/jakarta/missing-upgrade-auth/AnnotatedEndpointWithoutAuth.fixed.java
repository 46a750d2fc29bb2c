package com.example.chat;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

// expect: missing-upgrade-auth
// expect: missing-origin-check
@ServerEndpoint(value = "/chat", configurator = AnnotatedEndpointWithoutAuth.HandshakeGuard.class)
public class AnnotatedEndpointWithoutAuth {
    private static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();

    @OnOpen
    public void onOpen(Session session) {
        SESSIONS.add(session);
    }

    @OnMessage
    public void onMessage(String message, Session sender) throws IOException {
        for (Session peer : SESSIONS) {
            if (peer.isOpen()) {
                peer.getBasicRemote().sendText(message); // expect: broadcast-to-all
            }
        }
    }

    @OnClose
    public void onClose(Session session) {
        SESSIONS.remove(session);
    }

    /** Checks each handshake before the container upgrades it: throwing here fails the upgrade. */
    public static class HandshakeGuard extends ServerEndpointConfig.Configurator {
        // Browser Origins allowed to connect ("https://app.example.com"); while empty, every browser is refused
        private static final Set<String> ALLOWED_ORIGINS = Set.of();

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return originHeaderValue != null && ALLOWED_ORIGINS.contains(originHeaderValue);
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            Object user = authenticateHandshake(request);
            if (user == null) {
                throw new SecurityException("WebSocket handshake not authenticated");
            }
            sec.getUserProperties().put("user", user);
        }

        // Rejects every handshake until it is wired to the app's own check of the request's credential (its
        // HTTP session, or a token verified with the app's key): return the user, or null to refuse.
        private static Object authenticateHandshake(HandshakeRequest request) {
            return null;
        }
    }
}
