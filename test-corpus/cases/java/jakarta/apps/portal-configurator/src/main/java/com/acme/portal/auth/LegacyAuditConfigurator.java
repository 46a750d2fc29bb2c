package com.acme.portal.auth;

import com.auth0.jwt.JWT;
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
        // expect-no-fix: unverified-token -- wsguard has no patch writer for token uses in Java files yet
        DecodedJWT jwt = JWT.decode(auth.get(0).substring("Bearer ".length())); // expect: unverified-token
        sec.getUserProperties().put("auditor", jwt.getSubject());
    }
}
