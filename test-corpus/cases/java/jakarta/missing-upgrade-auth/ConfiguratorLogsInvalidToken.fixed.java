package com.example.board;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

// expect-no-fix: missing-upgrade-auth -- modifyHandshake exists and only logs a failed verification; wsguard does not rewrite a check it did not write
// expect: missing-upgrade-auth
// expect: missing-origin-check
@ServerEndpoint(value = "/board", configurator = ConfiguratorLogsInvalidToken.TokenConfigurator.class)
public class ConfiguratorLogsInvalidToken {
    private static final Logger LOG = Logger.getLogger(ConfiguratorLogsInvalidToken.class.getName());

    public static class TokenConfigurator extends ServerEndpointConfig.Configurator {
        private final Algorithm algorithm = Algorithm.HMAC256(System.getenv("BOARD_SECRET"));

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            List<String> token = request.getParameterMap().get("token");
            try {
                String user = JWT.require(algorithm).build().verify(token.get(0)).getSubject(); // ok: unverified-token -- only "user" stays unset
                sec.getUserProperties().put("user", user);
            } catch (JWTVerificationException e) {
                LOG.warning("rejected board token: " + e.getMessage());
            }
        }

        // Browser Origins allowed to connect ("https://app.example.com"); while empty, every browser is refused
        private static final Set<String> ALLOWED_ORIGINS = Set.of();

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return originHeaderValue != null && ALLOWED_ORIGINS.contains(originHeaderValue);
        }
    }

    @OnOpen
    public void onOpen(Session session) {
        LOG.info("board viewer connected: " + session.getId());
    }
}
