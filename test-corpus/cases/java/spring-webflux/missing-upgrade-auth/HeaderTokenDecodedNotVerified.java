package com.acme.webflux.devices;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

@Configuration
class DeviceRoutes {
    @Bean
    HandlerMapping deviceMapping(DeviceTelemetryHandler handler) {
        // expect-no-fix: missing-upgrade-auth -- handle() checks the bearer token already: the unverified-token patch makes it verify
        // expect: missing-upgrade-auth -- the bearer token is decoded, never verified
        // expect: missing-origin-check -- nothing verified: the rule treats it as unauthenticated
        return new SimpleUrlHandlerMapping(Map.of("/devices/telemetry", handler), 0);
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
        DecodedJWT jwt = JWT.decode(auth.substring(7)); // expect: unverified-token
        String deviceId = jwt.getSubject();
        return session.receive()
            // todo-ok: missing-message-authz -- the device appends to its own series, keyed by its token's subject
            .doOnNext(m -> store.append(deviceId, m.getPayloadAsText()))
            .then();
    }
}

interface TelemetryStore {
    void append(String deviceId, String reading);
}
