package com.example.trading;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import java.net.InetSocketAddress;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

// ok: missing-upgrade-auth -- the handshake hook throws InvalidDataException unless the bearer token verifies
// ok: missing-origin-check -- Authorization header token
public class HandshakeHookRejectsBadToken extends WebSocketServer {
    private final Algorithm algorithm = Algorithm.HMAC256(System.getenv("TRADING_SECRET"));

    public HandshakeHookRejectsBadToken(InetSocketAddress address) {
        super(address);
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
            ClientHandshake request) throws InvalidDataException {
        ServerHandshakeBuilder builder = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        String header = request.getFieldValue("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "missing token");
        }
        try {
            conn.setAttachment(JWT.require(algorithm).build().verify(header.substring(7)).getSubject()); // ok: unverified-token
        } catch (JWTVerificationException e) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "invalid token");
        }
        return builder;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        conn.send("{\"type\":\"hello\"}");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        conn.send("{\"type\":\"ack\"}");
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
    }
}
