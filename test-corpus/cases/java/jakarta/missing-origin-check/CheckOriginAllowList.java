package com.example.account;

import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Set;

// ok: missing-origin-check -- only the listed origins pass checkOrigin
// ok: missing-upgrade-auth
@ServerEndpoint(value = "/account/alerts", configurator = CheckOriginAllowList.AllowListConfigurator.class)
public class CheckOriginAllowList {

    public static class AllowListConfigurator extends ServerEndpointConfig.Configurator {
        private static final Set<String> ALLOWED_ORIGINS =
            Set.of("https://app.example.com", "https://admin.example.com");

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return originHeaderValue != null && ALLOWED_ORIGINS.contains(originHeaderValue);
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            HttpSession httpSession = (HttpSession) request.getHttpSession();
            if (httpSession == null || httpSession.getAttribute("accountId") == null) {
                throw new IllegalStateException("login required");
            }
            sec.getUserProperties().put("accountId", httpSession.getAttribute("accountId"));
        }
    }

    @OnMessage
    public void onMessage(String message, Session session) throws IOException {
        session.getAsyncRemote().sendText("ack");
    }
}
