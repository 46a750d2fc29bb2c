package com.example.orders;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.SecretKey;

// ok: missing-upgrade-auth -- modifyHandshake throws when the bearer token does not verify, which fails the upgrade
// ok: missing-origin-check -- Authorization header token: a cross-site page cannot send it
@ServerEndpoint(value = "/orders/stream", configurator = ConfiguratorThrowsOnBadToken.BearerConfigurator.class)
public class ConfiguratorThrowsOnBadToken {

    public static class BearerConfigurator extends ServerEndpointConfig.Configurator {
        private static final SecretKey KEY =
            Keys.hmacShaKeyFor(System.getenv("ORDERS_KEY").getBytes(StandardCharsets.UTF_8));

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            List<String> auth = request.getHeaders().get("Authorization");
            if (auth == null || auth.isEmpty() || !auth.get(0).startsWith("Bearer ")) {
                throw new SecurityException("missing bearer token");
            }
            // parseSignedClaims throws on a bad signature or an expired token: the exception fails the handshake
            String user = Jwts.parser().verifyWith(KEY).build() // ok: unverified-token
                .parseSignedClaims(auth.get(0).substring(7)).getPayload().getSubject();
            sec.getUserProperties().put("user", user);
        }
    }

    @OnMessage
    public String onMessage(String orderId, Session session) {
        return "{\"watching\":\"" + orderId + "\"}";
    }
}
