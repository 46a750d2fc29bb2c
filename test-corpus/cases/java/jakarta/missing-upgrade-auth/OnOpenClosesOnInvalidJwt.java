package com.example.secure;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.SecretKey;

// ok: missing-upgrade-auth -- @OnOpen closes before anything is sent when the token does not verify
// ok: missing-origin-check -- the credential is an explicit query token, not a cookie
@ServerEndpoint("/secure/chat")
public class OnOpenClosesOnInvalidJwt {
    private static final SecretKey KEY =
        Keys.hmacShaKeyFor(System.getenv("WS_JWT_SECRET").getBytes(StandardCharsets.UTF_8));

    @OnOpen
    public void onOpen(Session session) throws IOException {
        List<String> tokens = session.getRequestParameterMap().get("access_token");
        if (tokens == null || tokens.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "token required"));
            return;
        }
        try {
            Claims claims = Jwts.parser().verifyWith(KEY).build().parseSignedClaims(tokens.get(0)).getPayload(); // ok: unverified-token
            session.getUserProperties().put("username", claims.getSubject());
        } catch (JwtException e) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "invalid token"));
        }
    }

    @OnMessage
    public String onMessage(String text, Session session) {
        return session.getUserProperties().get("username") + ": " + text;
    }
}
