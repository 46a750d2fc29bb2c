package com.example.social;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

// ok: missing-upgrade-auth
// ok: missing-origin-check
public class ProfileBroadcastToAll extends WebSocketServer {
    private final Algorithm algorithm = Algorithm.HMAC256(System.getenv("SOCIAL_SECRET"));
    private final Map<WebSocket, String> userIds = new ConcurrentHashMap<>();
    private final ProfileService profiles = new ProfileService();

    public ProfileBroadcastToAll(int port) {
        super(new InetSocketAddress(port));
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        try {
            String token = handshake.getFieldValue("Authorization").replace("Bearer ", "");
            userIds.put(conn, JWT.require(algorithm).build().verify(token).getSubject()); // ok: unverified-token
        } catch (JWTVerificationException | NullPointerException e) {
            conn.close(CloseFrame.POLICY_VALIDATION, "unauthorized");
        }
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        if (message.equals("profile-updated")) {
            String profileJson = profiles.privateProfileJson(userIds.get(conn));
            // expect-no-fix: broadcast-to-all -- which connections may see a profile is the app's rule, which a patch cannot infer
            broadcast(profileJson); // expect: broadcast-to-all -- one user's private profile goes to everyone
        } else {
            broadcast(message); // ok: broadcast-to-all -- relay among authenticated users
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        userIds.remove(conn);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
    }

    static class ProfileService {
        String privateProfileJson(String userId) {
            return "{}";
        }
    }
}
