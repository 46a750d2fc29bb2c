package com.example.sensors;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import java.net.InetSocketAddress;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
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
            // expect-no-fix: unverified-token -- wsguard has no patch writer for token uses in Java files yet
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
}
