package com.example.live;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Set;

// expect: missing-upgrade-auth
// expect: missing-origin-check -- the token check fails open, so nothing authenticates the connection
@ServerEndpoint(value = "/live/dashboard", configurator = OnOpenSendsBeforeVerifying.HandshakeGuard.class)
public class OnOpenSendsBeforeVerifying {
    private static final Algorithm HMAC = Algorithm.HMAC256(System.getenv("DASHBOARD_SECRET"));
    private final DashboardService dashboard = new DashboardService();

    @OnOpen
    public void onOpen(Session session) throws IOException {
        // render something immediately so the page is not blank while we check the token
        session.getBasicRemote().sendText(dashboard.snapshotJson());
        String token = session.getRequestParameterMap().get("token").get(0);
        try {
            JWT.require(HMAC).withIssuer("dashboard").build().verify(token); // ok: unverified-token -- the catch closes
        } catch (JWTVerificationException e) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "bad token"));
        }
    }

    static class DashboardService {
        String snapshotJson() {
            return "{\"widgets\":[]}";
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
