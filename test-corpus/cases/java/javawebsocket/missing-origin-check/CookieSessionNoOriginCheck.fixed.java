package com.example.bank;

import java.net.InetSocketAddress;
import java.util.Set;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

// expect: missing-origin-check -- the browser sends the session cookie from any page
// ok: missing-upgrade-auth
public class CookieSessionNoOriginCheck extends WebSocketServer {
    private final SessionStore sessionStore = new SessionStore();

    public CookieSessionNoOriginCheck(int port) {
        super(new InetSocketAddress(port));
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
            ClientHandshake request) throws InvalidDataException {
        if (!ALLOWED_ORIGINS.contains(request.getFieldValue("Origin"))) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "Origin not allowed");
        }
        if (sessionStore.findAccount(request.getFieldValue("Cookie")) == null) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "no session");
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        conn.send("{\"ok\":true}");
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
    }

    static class SessionStore {
        String findAccount(String cookieHeader) {
            return null;
        }
    }

    // Browser Origins allowed to connect ("https://app.example.com"); while empty, every browser is refused
    private static final Set<String> ALLOWED_ORIGINS = Set.of();
}
