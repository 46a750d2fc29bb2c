package com.acme.portal.ws;

import com.acme.portal.auth.PortalHandshakeConfigurator;
import com.acme.portal.config.WsPaths;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

// ok: missing-upgrade-auth -- the configurator in auth/ verifies through JwtService and throws on failure
// ok: missing-origin-check -- allow-list in the configurator
@ServerEndpoint(value = WsPaths.PORTAL, configurator = PortalHandshakeConfigurator.class)
public class PortalUpdatesEndpoint {

    @OnMessage
    public void onMessage(String topic, Session session) throws IOException {
        session.getBasicRemote().sendText("{\"subscribed\":\"" + topic + "\"}");
    }
}
