package com.acme.webflux.board;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

@Configuration
class BoardRoutes {
    // the origins of the app's own pages, comma-separated; empty refuses every cross-origin handshake
    @Value("${app.websocket.allowed-origins:}")
    private String[] allowedOrigins;

    @Bean
    HandlerMapping boardMapping(BoardHandler board) {
        // expect-no-fix: missing-upgrade-auth -- handle() has its own token check, which fails open: the repair belongs in that check, not in a second one
        // expect: missing-upgrade-auth -- a failed verification is logged and the session goes on
        // expect: missing-origin-check
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/board", board), 0);
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(allowedOrigins));
        mapping.setCorsConfigurations(Map.of("/board", cors));
        return mapping;
    }
}

class BoardHandler implements WebSocketHandler {
    private static final Logger LOG = Logger.getLogger(BoardHandler.class.getName());
    private final JWTVerifier verifier = JWT.require(Algorithm.HMAC256(System.getenv("BOARD_SECRET"))).build();

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        String token = session.getHandshakeInfo().getHeaders().getFirst("X-Board-Token");
        if (token == null) {
            return session.close(CloseStatus.POLICY_VIOLATION);
        }
        try {
            // expect-no-fix: unverified-token -- the failure is swallowed on the handshake path, where whether a thrown exception refuses the connection is the framework's to decide
            verifier.verify(token); // expect: unverified-token
        } catch (JWTVerificationException e) {
            LOG.warning("board token rejected: " + e.getMessage());
        }
        return session.send(session.receive().map(m -> session.textMessage("ack")));
    }
}
