package com.example.support;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;
import java.util.Set;

// expect: missing-upgrade-auth
// expect: missing-origin-check
@ServerEndpoint(value = "/support", configurator = OptionalTokenOnOpen.HandshakeGuard.class)
public class OptionalTokenOnOpen {
    private static final Algorithm ALG = Algorithm.HMAC256(System.getenv("SUPPORT_SECRET"));

    @OnOpen
    public void onOpen(Session session) throws IOException {
        List<String> token = session.getRequestParameterMap().get("token");
        // guests may chat with support too; signed-in customers get their name shown
        if (token != null && !token.isEmpty()) {
            try {
                DecodedJWT jwt = JWT.require(ALG).build().verify(token.get(0)); // ok: unverified-token
                session.getUserProperties().put("customer", jwt.getSubject());
            } catch (JWTVerificationException e) {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "invalid token"));
            }
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
