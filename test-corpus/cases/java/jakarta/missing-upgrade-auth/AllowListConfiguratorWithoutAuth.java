package com.example.dispatch;

import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
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
