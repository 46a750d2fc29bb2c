package com.acme.portal.ws;

import com.acme.portal.auth.LegacyAuditConfigurator;
import com.acme.portal.config.WsPaths;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

// expect-no-fix: missing-upgrade-auth -- its configurator is in another file; the patch would have to rewrite that file's modifyHandshake
// expect: missing-upgrade-auth -- the configurator only decodes the token
// expect-no-fix: missing-origin-check -- its configurator is in another file, out of reach of a patch of the endpoint's file
// expect: missing-origin-check
@ServerEndpoint(value = WsPaths.AUDIT, configurator = LegacyAuditConfigurator.class)
public class AuditTrailEndpoint {

    @OnMessage
    public void onMessage(String query, Session session) throws IOException {
        session.getBasicRemote().sendText("[]");
    }
}
