package com.acme.portal.ws;

import com.acme.portal.auth.LegacyAuditConfigurator;
import com.acme.portal.config.WsPaths;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

// expect-no-fix: missing-upgrade-auth -- wsguard has no patch writer for Jakarta endpoints yet
// expect: missing-upgrade-auth -- the configurator only decodes the token
// expect-no-fix: missing-origin-check -- wsguard has no patch writer for Jakarta endpoints yet
// expect: missing-origin-check
@ServerEndpoint(value = WsPaths.AUDIT, configurator = LegacyAuditConfigurator.class)
public class AuditTrailEndpoint {

    @OnMessage
    public void onMessage(String query, Session session) throws IOException {
        session.getBasicRemote().sendText("[]");
    }
}
