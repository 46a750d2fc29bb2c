package com.example.dispatch;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Set;

// expect: missing-upgrade-auth -- the Origin is checked, but nothing says who the caller is
// ok: missing-origin-check -- checkOrigin accepts only the dispatch console's origins
@ServerEndpoint(value = "/dispatch/jobs", configurator = AllowListConfiguratorWithoutAuth.ConsoleOrigins.class)
public class AllowListConfiguratorWithoutAuth {
    private final JobBoard jobs = new JobBoard();

    public static class ConsoleOrigins extends ServerEndpointConfig.Configurator {
        private static final Set<String> CONSOLES = Set.of("https://dispatch.example.com", "https://ops.example.com");

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return CONSOLES.contains(originHeaderValue);
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            Object user = authenticateHandshake(request);
            if (user == null) {
                throw new SecurityException("WebSocket handshake not authenticated");
            }
            sec.getUserProperties().put("user", user);
        }

        // Rejects every handshake until it is wired to the app's own check of the request's credential (its
        // HTTP session, or a token verified with the app's key): return the user, or null to refuse.
        private static Object authenticateHandshake(HandshakeRequest request) {
            return null;
        }
    }

    @OnOpen
    public void onOpen(Session session) throws IOException {
        session.getBasicRemote().sendText(jobs.openJobsJson());
    }

    @OnMessage
    public String onMessage(String jobId, Session session) {
        return "{\"claimed\":\"" + jobId + "\"}";
    }

    static class JobBoard {
        String openJobsJson() {
            return "[]";
        }
    }
}
