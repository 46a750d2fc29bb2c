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

// expect: missing-origin-check -- checkOrigin accepts everything and the HTTP session cookie authorises the socket
// ok: missing-upgrade-auth -- modifyHandshake throws without a logged-in HTTP session
@ServerEndpoint(value = "/account/events", configurator = CheckOriginReturnsTrue.SessionConfigurator.class)
public class CheckOriginReturnsTrue {

    public static class SessionConfigurator extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            // the frontend is served from several domains during the migration
            return originHeaderValue != null && ALLOWED_ORIGINS.contains(originHeaderValue);
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            HttpSession httpSession = (HttpSession) request.getHttpSession();
            if (httpSession == null || httpSession.getAttribute("accountId") == null) {
                throw new IllegalStateException("no authenticated HTTP session");
            }
            sec.getUserProperties().put("accountId", httpSession.getAttribute("accountId"));
        }

        // Browser Origins allowed to connect ("https://app.example.com"); while empty, every browser is refused
        private static final Set<String> ALLOWED_ORIGINS = Set.of();
    }

    @OnMessage
    public void onMessage(String message, Session session) throws IOException {
        session.getBasicRemote().sendText("pong");
    }
}
