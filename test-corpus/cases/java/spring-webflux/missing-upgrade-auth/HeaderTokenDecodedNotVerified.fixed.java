package com.acme.webflux.devices;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.util.List;
import java.util.Map;
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
class DeviceRoutes {
    // the origins of the app's own pages, comma-separated; empty refuses every cross-origin handshake
    @Value("${app.websocket.allowed-origins:}")
    private String[] allowedOrigins;

    @Bean
    HandlerMapping deviceMapping(DeviceTelemetryHandler handler) {
        // expect-no-fix: missing-upgrade-auth -- handle() checks the bearer token already: the unverified-token patch makes it verify
        // expect: missing-upgrade-auth -- the bearer token is decoded, never verified
        // expect: missing-origin-check -- nothing verified: the rule treats it as unauthenticated
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/devices/telemetry", handler), 0);
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(allowedOrigins));
        mapping.setCorsConfigurations(Map.of("/devices/telemetry", cors));
        return mapping;
    }
}

class DeviceTelemetryHandler implements WebSocketHandler {
    private final TelemetryStore store;

    DeviceTelemetryHandler(TelemetryStore store) {
        this.store = store;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        String auth = session.getHandshakeInfo().getHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return session.close(CloseStatus.POLICY_VIOLATION);
        }
        DecodedJWT jwt = JWT.require(tokenAlgorithm()).build().verify(auth.substring(7)); // expect: unverified-token
        String deviceId = jwt.getSubject();
        return session.receive()
            // todo-ok: missing-message-authz -- the device appends to its own series, keyed by its token's subject
            .doOnNext(m -> store.append(deviceId, m.getPayloadAsText()))
            .then();
    }

    private static Algorithm tokenAlgorithm() {
        // wire the algorithm and key your tokens are signed with (Algorithm.HMAC256(secret), Algorithm.RSA256(publicKey, null)); until then every token is refused
        throw new IllegalStateException("tokenAlgorithm is not wired: tokens cannot be verified");
    }
}

interface TelemetryStore {
    void append(String deviceId, String reading);
}
