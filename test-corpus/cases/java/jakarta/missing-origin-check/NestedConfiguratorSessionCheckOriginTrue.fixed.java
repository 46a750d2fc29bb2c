package com.acme.portal;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import jakarta.servlet.http.HttpSession;
import java.util.Set;

// expect: missing-origin-check
// ok: missing-upgrade-auth
@ServerEndpoint(value = "/portal", configurator = NestedConfiguratorSessionCheckOriginTrue.SessionConfigurator.class)
public class NestedConfiguratorSessionCheckOriginTrue {

    public static class SessionConfigurator extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return originHeaderValue != null && ALLOWED_ORIGINS.contains(originHeaderValue);
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            HttpSession httpSession = (HttpSession) request.getHttpSession();
            if (httpSession == null || httpSession.getAttribute("userId") == null) {
                throw new IllegalStateException("not logged in");
            }
            sec.getUserProperties().put("userId", httpSession.getAttribute("userId"));
        }

        // Browser Origins allowed to connect ("https://app.example.com"); while empty, every browser is refused
        private static final Set<String> ALLOWED_ORIGINS = Set.of();
    }

    @OnMessage
    public String onMessage(String msg, Session session) {
        return "ack";
    }
}
