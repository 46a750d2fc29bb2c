package com.example.team;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

// ok: missing-upgrade-auth
// expect: missing-origin-check
@ServerEndpoint(value = "/team/chat", configurator = AuthenticatedChatRelay.HandshakeGuard.class)
public class AuthenticatedChatRelay {
    private static final Map<String, Session> BY_ID = new ConcurrentHashMap<>();

    @OnOpen
    public void onOpen(Session session) throws IOException {
        if (session.getUserPrincipal() == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "login"));
            return;
        }
        BY_ID.put(session.getId(), session);
    }

    @OnMessage
    public void onMessage(String text, Session from) {
        String line = from.getUserPrincipal().getName() + ": " + text;
        BY_ID.values().forEach(s -> s.getAsyncRemote().sendText(line)); // ok: broadcast-to-all -- a chat relay among signed-in users
    }

    @OnClose
    public void onClose(Session session) {
        BY_ID.remove(session.getId());
    }

    /** Checks each handshake before the container upgrades it: throwing here fails the upgrade. */
    public static class HandshakeGuard extends ServerEndpointConfig.Configurator {
        // Browser Origins allowed to connect ("https://app.example.com"); while empty, every browser is refused
        private static final Set<String> ALLOWED_ORIGINS = Set.of();

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return originHeaderValue != null && ALLOWED_ORIGINS.contains(originHeaderValue);
        }
    }
}
