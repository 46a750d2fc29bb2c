package com.acme.game;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

// expect: missing-upgrade-auth
// expect: missing-origin-check
public class KickCommandWithoutRoleCheck extends WebSocketServer {
    private final Map<WebSocket, String> players = new ConcurrentHashMap<>();
    private final PlayerRepository playerRepository;

    public KickCommandWithoutRoleCheck(int port, PlayerRepository playerRepository) {
        super(new InetSocketAddress(port));
        this.playerRepository = playerRepository;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        players.put(conn, handshake.getResourceDescriptor());
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        players.remove(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        String[] parts = message.split(":");
        // expect-no-fix: missing-message-authz -- who may kick a player is the app's rule, and wsguard has no permission check of the app to call
        if (parts[0].equals("kick")) { // expect: missing-message-authz
            playerRepository.deletePlayer(parts[1]);
        }
        broadcast(playerRepository.findAll().toString()); // expect: broadcast-to-all
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
    }

    interface PlayerRepository {
        void deletePlayer(String name);

        java.util.List<String> findAll();
    }
}
