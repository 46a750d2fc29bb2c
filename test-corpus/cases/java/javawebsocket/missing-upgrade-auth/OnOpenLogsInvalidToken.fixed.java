package com.example.sensors;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

// expect: missing-upgrade-auth
// expect: missing-origin-check
public class OnOpenLogsInvalidToken extends WebSocketServer {
    private static final Logger LOG = Logger.getLogger("sensors");
    private final Algorithm algorithm = Algorithm.HMAC256(System.getenv("SENSOR_SECRET"));

    public OnOpenLogsInvalidToken(int port) {
        super(new InetSocketAddress(port));
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String token = handshake.getFieldValue("X-Sensor-Token");
        try {
            // expect-no-fix: unverified-token -- an exception out of onOpen does not close the connection: refusing is the endpoint patch's job
            JWT.require(algorithm).build().verify(token); // expect: unverified-token
        } catch (JWTVerificationException e) {
            LOG.warning("sensor presented a bad token, continuing in compatibility mode");
        }
        conn.send("{\"type\":\"config\",\"interval\":5}");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
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
