// corpus: no-findings
package com.acme.crm;

import java.security.Principal;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class DealPipelineHandler implements WebSocketHandler {
    private final DealService deals;

    DealPipelineHandler(DealService deals) {
        this.deals = deals;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.getHandshakeInfo().getPrincipal()
            .flatMap(owner -> session.send(updatesOf(owner).map(session::textMessage)));
    }

    private Flux<String> updatesOf(Principal owner) {
        return deals.pipelineOf(owner.getName());
    }
}

interface DealService {
    Flux<String> pipelineOf(String owner);
}
