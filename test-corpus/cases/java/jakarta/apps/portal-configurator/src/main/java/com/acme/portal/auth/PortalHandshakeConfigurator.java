// corpus: no-findings -- a helper of the app; the findings it decides are on the endpoint
package com.acme.portal.auth;

import io.jsonwebtoken.Claims;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Set;

public class PortalHandshakeConfigurator extends ServerEndpointConfig.Configurator {
    private static final Set<String> ORIGINS = Set.of("https://portal.acme.com");
    private final JwtService jwtService = new JwtService();

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return ORIGINS.contains(originHeaderValue);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        List<String> tokens = request.getParameterMap().get("access_token");
        if (tokens == null || tokens.isEmpty()) {
            throw new SecurityException("access_token missing");
        }
        Claims claims = jwtService.verify(tokens.get(0));
        sec.getUserProperties().put("userId", claims.getSubject());
        sec.getUserProperties().put("roles", claims.get("roles", List.class));
    }
}
