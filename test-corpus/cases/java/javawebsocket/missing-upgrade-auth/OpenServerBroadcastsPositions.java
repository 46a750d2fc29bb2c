package com.example.fleet;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
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
}
