package com.example.intranet;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;

// ok: missing-upgrade-auth -- the container's login principal is required
// expect: missing-origin-check
@ServerEndpoint(value = "/intranet/notes", configurator = PrincipalRequiredOnOpen.HandshakeGuard.class)
public class PrincipalRequiredOnOpen {

    @OnOpen
    public void open(Session session) throws IOException {
        Principal principal = session.getUserPrincipal();
        if (principal == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, "login required"));
        }
    }

    @OnMessage
    public void onMessage(String note, Session session) throws IOException {
        session.getBasicRemote().sendText("saved " + note.length() + " characters");
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
