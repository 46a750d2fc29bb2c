package com.example.tickets;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

// ok: missing-upgrade-auth -- onOpen closes before anything is sent
// ok: missing-origin-check
public class OnOpenClosesWithoutValidToken extends WebSocketServer {
    private static final SecretKey KEY =
        Keys.hmacShaKeyFor(System.getenv("TICKETS_KEY").getBytes(StandardCharsets.UTF_8));

    public OnOpenClosesWithoutValidToken(int port) {
        super(new InetSocketAddress(port));
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String protocol = handshake.getFieldValue("Sec-WebSocket-Protocol");
        try {
            Claims claims = Jwts.parser().verifyWith(KEY).build().parseSignedClaims(protocol).getPayload(); // ok: unverified-token
            conn.setAttachment(claims.getSubject());
        } catch (JwtException e) {
            conn.close(CloseFrame.POLICY_VALIDATION, "invalid token");
            return;
        }
        conn.send("{\"type\":\"ready\"}");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        conn.send(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
    }
}
