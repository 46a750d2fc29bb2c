package com.acme.webflux.anon;

import java.util.Collections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

@Configuration
public class AnonymousHandlerConfig {
    @Bean
    public HandlerMapping statusMapping(StatusService status) {
        WebSocketHandler handler = new WebSocketHandler() {
            @Override
            public Mono<Void> handle(WebSocketSession session) {
                return session.send(status.updates().map(session::textMessage));
            }
        };
        // expect: missing-upgrade-auth
        // expect: missing-origin-check -- no authentication: any page can open it from a visitor's browser
        return new SimpleUrlHandlerMapping(Collections.singletonMap("/status", handler), -1);
    }
}

interface StatusService {
    reactor.core.publisher.Flux<String> updates();
}
