package com.acme.tracker;

import java.util.Map;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

@Component
public class ApiKeyInterceptor implements HandshakeInterceptor {

    private final JwtDecoder jwtDecoder;

    public ApiKeyInterceptor(JwtDecoder jwtDecoder) {
        this.jwtDecoder = jwtDecoder;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                   WebSocketHandler wsHandler, Map<String, Object> attributes) {
        String token = request.getHeaders().getFirst("X-Device-Token");
        try {
            // expect-no-fix: unverified-token -- the failure is swallowed on the handshake path, where whether a thrown exception refuses the connection is the framework's to decide
            Jwt jwt = jwtDecoder.decode(token); // expect: unverified-token
            attributes.put("deviceId", jwt.getSubject());
        } catch (Exception e) {
            // devices on old firmware send no token yet; let them in until the rollout completes
            attributes.put("deviceId", "anonymous");
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                               WebSocketHandler wsHandler, Exception exception) {
    }
}
