package com.acme.chat;

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
import java.util.Map;
import javax.crypto.SecretKey;

// ok: missing-upgrade-auth
// ok: missing-origin-check
@ServerEndpoint("/secure-chat")
public class OnOpenQueryTokenJjwt {
    private static final SecretKey KEY = Keys.hmacShaKeyFor(System.getenv("JWT_SECRET").getBytes(StandardCharsets.UTF_8));

    @OnOpen
    public void onOpen(Session session) throws IOException {
        Map<String, List<String>> params = session.getRequestParameterMap();
        List<String> tokens = params.get("token");
        if (tokens == null || tokens.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "missing token"));
            return;
        }
        try {
            Claims claims = Jwts.parser().verifyWith(KEY).build().parseSignedClaims(tokens.get(0)).getPayload(); // ok: unverified-token
            session.getUserProperties().put("user", claims.getSubject());
        } catch (JwtException e) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "invalid token"));
        }
    }

    @OnMessage
    public void onMessage(String text, Session session) throws IOException {
        session.getBasicRemote().sendText("echo: " + text);
    }
}
