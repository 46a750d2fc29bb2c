package com.acme.board;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/** Reads the user from the bearer token the gateway already checked (or so the comment in the ticket said). */
public class BearerPayloadInterceptor implements HandshakeInterceptor {

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                   WebSocketHandler wsHandler, Map<String, Object> attributes) {
        String header = request.getHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            return false;
        }
        String token = header.substring(7);
        // expect-no-fix: unverified-token -- a payload decoded by hand: which library and key verify it is the app's choice
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), // expect: unverified-token
                StandardCharsets.UTF_8);
        Map<String, Object> claims = JsonParserFactory.getJsonParser().parseMap(json);
        if (claims.get("sub") == null) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            return false;
        }
        attributes.put("username", claims.get("sub"));
        attributes.put("roles", claims.get("roles"));
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                               WebSocketHandler wsHandler, Exception exception) {
    }
}
