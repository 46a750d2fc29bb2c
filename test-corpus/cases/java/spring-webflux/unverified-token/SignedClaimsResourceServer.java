package com.acme.webflux.ledger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Configuration
class LedgerRoutes {
    @Bean
    HandlerMapping ledgerMapping(LedgerHandler ledger) {
        // ok: missing-upgrade-auth -- the subprotocol carries a signed JWT whose signature handle() checks
        // ok: missing-origin-check -- the token is explicit: a cross-site page cannot present it
        return new SimpleUrlHandlerMapping(Map.of("/ledger/stream", ledger), 0);
    }
}

class LedgerHandler implements WebSocketHandler {
    private final JWSVerifier verifier;
    private final LedgerService ledger;

    LedgerHandler(JWSVerifier verifier, LedgerService ledger) {
        this.verifier = verifier;
        this.ledger = ledger;
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of("bearer");
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        String protocol = session.getHandshakeInfo().getHeaders().getFirst("Sec-WebSocket-Protocol");
        if (protocol == null) {
            return session.close(CloseStatus.POLICY_VIOLATION);
        }
        String account;
        try {
            SignedJWT jwt = SignedJWT.parse(protocol.replace("bearer,", "").trim()); // ok: unverified-token
            if (!jwt.verify(verifier)) {
                return session.close(CloseStatus.POLICY_VIOLATION);
            }
            account = jwt.getJWTClaimsSet().getSubject();
        } catch (ParseException | JOSEException e) {
            return session.close(CloseStatus.POLICY_VIOLATION);
        }
        return session.send(ledger.entriesOf(account).map(session::textMessage));
    }
}

interface LedgerService {
    Flux<String> entriesOf(String account);
}
