package com.example.forum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

// ok: missing-upgrade-auth
// ok: missing-origin-check
public class TypeDispatchModeration extends WebSocketServer {
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<WebSocket, ForumUser> users = new ConcurrentHashMap<>();
    private final ApiKeyRepository apiKeyRepository = new ApiKeyRepository();
    private final ThreadService threads = new ThreadService();

    public TypeDispatchModeration(int port) {
        super(new InetSocketAddress(port));
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        ForumUser user = apiKeyRepository.findByKey(handshake.getFieldValue("X-Api-Key"));
        if (user == null) {
            conn.close(CloseFrame.POLICY_VALIDATION, "unknown api key");
            return;
        }
        users.put(conn, user);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        JsonNode msg;
        try {
            msg = mapper.readTree(message);
        } catch (JsonProcessingException e) {
            return;
        }
        ForumUser user = users.get(conn);
        String type = msg.get("type").asText();
        if ("lock-thread".equals(type)) { // expect: missing-message-authz
            threads.lockThread(msg.get("threadId").asLong());
        } else if ("delete-post".equals(type)) { // ok: missing-message-authz -- moderators only
            if (!user.isModerator()) {
                conn.send("{\"error\":\"forbidden\"}");
                return;
            }
            threads.deletePost(msg.get("postId").asLong());
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        users.remove(conn);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
    }

    static class ForumUser {
        boolean isModerator() {
            return false;
        }
    }

    static class ApiKeyRepository {
        ForumUser findByKey(String key) {
            return null;
        }
    }

    static class ThreadService {
        void lockThread(long threadId) {
        }

        void deletePost(long postId) {
        }
    }
}
