package com.example.docs;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;

// ok: missing-upgrade-auth -- modifyHandshake stores "uid" only for a verified token and @OnOpen closes without it
// ok: missing-origin-check -- subprotocol token
@ServerEndpoint(value = "/docs/collab", configurator = ModifyHandshakeMarkerClosedOnOpen.Handshake.class)
public class ModifyHandshakeMarkerClosedOnOpen {

    public static class Handshake extends ServerEndpointConfig.Configurator {
        private static final Algorithm RS = Algorithm.HMAC256(System.getenv("COLLAB_SECRET"));

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            List<String> protocols = request.getHeaders().get(HandshakeRequest.SEC_WEBSOCKET_PROTOCOL);
            if (protocols == null || protocols.isEmpty()) {
                return;
            }
            try {
                String uid = JWT.require(RS).build().verify(protocols.get(0)).getSubject(); // ok: unverified-token
                sec.getUserProperties().put("uid", uid);
            } catch (JWTVerificationException e) {
                // modifyHandshake cannot refuse by returning: leave "uid" unset and let @OnOpen close
            }
        }
    }

    @OnOpen
    public void onOpen(Session session, EndpointConfig config) throws IOException {
        Object uid = config.getUserProperties().get("uid");
        if (uid == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "unauthenticated"));
            return;
        }
        session.getUserProperties().put("uid", uid);
    }
}
