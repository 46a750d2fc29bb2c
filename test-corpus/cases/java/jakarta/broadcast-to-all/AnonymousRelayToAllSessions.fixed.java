package com.acme.notify;

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
import java.util.concurrent.CopyOnWriteArraySet;

// expect: missing-upgrade-auth
// expect: missing-origin-check
@ServerEndpoint(value = "/notifications", configurator = AnonymousRelayToAllSessions.HandshakeGuard.class)
public class AnonymousRelayToAllSessions {
    private static final Set<Session> sessions = new CopyOnWriteArraySet<>();

    @OnOpen
    public void onOpen(Session session) {
        sessions.add(session);
    }

    @OnMessage
    public void onMessage(String message, Session session) throws IOException {
        for (Session s : sessions) {
            if (s.isOpen()) {
                // expect-no-fix: broadcast-to-all -- which sessions may see a message is the app's rule (its users, rooms, tenants), which a patch cannot infer
                s.getBasicRemote().sendText(message); // expect: broadcast-to-all
            }
        }
    }

    @OnClose
    public void onClose(Session session) {
        sessions.remove(session);
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
