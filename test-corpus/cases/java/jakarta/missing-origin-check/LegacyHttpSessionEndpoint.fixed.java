package com.example.legacy;

import java.io.IOException;
import java.util.Set;
import javax.servlet.http.HttpSession;
import javax.websocket.EndpointConfig;
import javax.websocket.HandshakeResponse;
import javax.websocket.OnMessage;
import javax.websocket.OnOpen;
import javax.websocket.Session;
import javax.websocket.server.HandshakeRequest;
import javax.websocket.server.ServerEndpoint;
import javax.websocket.server.ServerEndpointConfig;

// expect: missing-origin-check -- the JSESSIONID cookie authorises the socket and no Origin is checked
// ok: missing-upgrade-auth -- no HTTP session, no upgrade
@ServerEndpoint(value = "/legacy/inbox", configurator = LegacyHttpSessionEndpoint.HttpSessionConfigurator.class)
public class LegacyHttpSessionEndpoint {

    public static class HttpSessionConfigurator extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            HttpSession httpSession = (HttpSession) request.getHttpSession();
            if (httpSession == null) {
                throw new IllegalStateException("no session");
            }
            Object user = httpSession.getAttribute("user");
            if (user == null) {
                throw new IllegalStateException("not logged in");
            }
            config.getUserProperties().put("user", user);
        }

        // Browser Origins allowed to connect ("https://app.example.com"); while empty, every browser is refused
        private static final Set<String> ALLOWED_ORIGINS = Set.of();

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return originHeaderValue != null && ALLOWED_ORIGINS.contains(originHeaderValue);
        }
    }

    @OnOpen
    public void onOpen(Session session, EndpointConfig config) {
        session.getUserProperties().put("user", config.getUserProperties().get("user"));
    }

    @OnMessage
    public void onMessage(String message, Session session) throws IOException {
        session.getBasicRemote().sendText("unread: 0");
    }
}
