package com.example.live;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

// expect: missing-upgrade-auth
// expect: missing-origin-check -- the token check fails open, so nothing authenticates the connection
@ServerEndpoint("/live/dashboard")
public class OnOpenSendsBeforeVerifying {
    private static final Algorithm HMAC = Algorithm.HMAC256(System.getenv("DASHBOARD_SECRET"));
    private final DashboardService dashboard = new DashboardService();

    @OnOpen
    public void onOpen(Session session) throws IOException {
        // render something immediately so the page is not blank while we check the token
        session.getBasicRemote().sendText(dashboard.snapshotJson());
        String token = session.getRequestParameterMap().get("token").get(0);
        try {
            JWT.require(HMAC).withIssuer("dashboard").build().verify(token); // ok: unverified-token -- the catch closes
        } catch (JWTVerificationException e) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "bad token"));
        }
    }

    static class DashboardService {
        String snapshotJson() {
            return "{\"widgets\":[]}";
        }
    }
}
