package com.acme.game;

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
