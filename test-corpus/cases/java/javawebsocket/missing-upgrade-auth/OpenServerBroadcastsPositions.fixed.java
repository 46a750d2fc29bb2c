package com.example.fleet;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

// expect: missing-upgrade-auth
// expect: missing-origin-check
public class OpenServerBroadcastsPositions extends WebSocketServer {
    private final Map<WebSocket, String> drivers = new ConcurrentHashMap<>();
    private final DriverRepository driverRepository = new DriverRepository();

    public OpenServerBroadcastsPositions(int port) {
        super(new InetSocketAddress(port));
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        drivers.put(conn, handshake.getResourceDescriptor());
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        drivers.remove(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        for (WebSocket client : getConnections()) {
            client.send(driverRepository.findAllDriverLocations()); // expect: broadcast-to-all
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
    }

    static class DriverRepository {
        String findAllDriverLocations() {
            return "[]";
        }
    }

    // Browser Origins allowed to connect ("https://app.example.com"); while empty, every browser is refused
    private static final Set<String> ALLOWED_ORIGINS = Set.of();

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
            ClientHandshake request) throws InvalidDataException {
        if (!ALLOWED_ORIGINS.contains(request.getFieldValue("Origin"))) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "Origin not allowed");
        }
        Object user = authenticateHandshake(request);
        if (user == null) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "Not authenticated");
        }
        conn.setAttachment(user);
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    // Rejects every handshake until it is wired to the app's own check of the request's credential (a
    // session cookie, or a token verified with the app's key): return the user, or null to refuse.
    private static Object authenticateHandshake(ClientHandshake request) {
        return null;
    }
}
