package com.acme.portal.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/** Kept from the first version of the audit screen: reads the user from the token the gateway already checked. */
public class LegacyAuditConfigurator extends ServerEndpointConfig.Configurator {

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        List<String> auth = request.getHeaders().get("Authorization");
        if (auth == null || auth.isEmpty()) {
            throw new SecurityException("no token");
        }
        DecodedJWT jwt = JWT.require(tokenAlgorithm()).build().verify(auth.get(0).substring("Bearer ".length())); // expect: unverified-token
        sec.getUserProperties().put("auditor", jwt.getSubject());
    }

    private static Algorithm tokenAlgorithm() {
        // wire the algorithm and key your tokens are signed with (Algorithm.HMAC256(secret), Algorithm.RSA256(publicKey, null)); until then every token is refused
        throw new IllegalStateException("tokenAlgorithm is not wired: tokens cannot be verified");
    }
}
