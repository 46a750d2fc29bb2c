package com.example.presence;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;
import java.util.Set;

// ok: missing-upgrade-auth
// expect: missing-origin-check
@ServerEndpoint(value = "/presence", configurator = OpenSessionsUserList.HandshakeGuard.class)
public class OpenSessionsUserList {
    private final UserDirectory directory = new UserDirectory();

    @OnOpen
    public void onOpen(Session session) throws IOException {
        if (session.getUserPrincipal() == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "login"));
        }
    }

    @OnMessage
    public void onMessage(String ignored, Session session) throws IOException {
        List<String> users = directory.onlineUsersWithEmails();
        for (Session s : session.getOpenSessions()) {
            s.getBasicRemote().sendText(String.join(",", users)); // expect: broadcast-to-all
        }
    }

    static class UserDirectory {
        List<String> onlineUsersWithEmails() {
            return List.of();
        }
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
