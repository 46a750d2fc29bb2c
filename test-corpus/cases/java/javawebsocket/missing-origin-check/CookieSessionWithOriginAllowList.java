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

// ok: missing-origin-check -- the handshake hook refuses every Origin but the bank's own
// ok: missing-upgrade-auth -- the session cookie is looked up in the store, and an unknown one is refused
public class CookieSessionWithOriginAllowList extends WebSocketServer {
    private static final Set<String> ORIGINS = Set.of("https://bank.example.com");
    private final SessionStore sessionStore = new SessionStore();

    public CookieSessionWithOriginAllowList(int port) {
        super(new InetSocketAddress(port));
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
            ClientHandshake request) throws InvalidDataException {
        String origin = request.getFieldValue("Origin");
        if (!ORIGINS.contains(origin)) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "origin not allowed");
        }
        String cookie = request.getFieldValue("Cookie");
        String account = sessionStore.findAccount(cookie);
        if (account == null) {
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
        conn.send("{\"balance\":\"hidden\"}");
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
}
