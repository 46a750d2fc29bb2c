package com.example.billing;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;

// expect-no-fix: missing-origin-check -- checkOrigin exists and tests a suffix; wsguard does not rewrite a check it did not write
// expect: missing-origin-check -- endsWith lets https://evil-example.com through
// ok: missing-upgrade-auth
@ServerEndpoint(value = "/billing/updates", configurator = CheckOriginSuffixMatch.DomainConfigurator.class)
public class CheckOriginSuffixMatch {

    public static class DomainConfigurator extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String origin) {
            return origin != null && origin.endsWith("example.com");
        }
    }

    @OnOpen
    public void onOpen(Session session) throws IOException {
        if (session.getUserPrincipal() == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in first"));
        }
    }
}
