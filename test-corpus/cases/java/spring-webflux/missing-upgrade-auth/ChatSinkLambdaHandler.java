package com.acme.webflux.chat;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

@Configuration
class ChatSocketConfig {

    private final Sinks.Many<String> chatSink = Sinks.many().multicast().directBestEffort();

    @Bean
    public HandlerMapping chatMapping() {
        // expect: missing-upgrade-auth
        // expect: missing-origin-check -- no authentication, so any page can reach it through a visitor's browser
        return new SimpleUrlHandlerMapping(Map.of("/ws/chat", chatHandler()), -1);
    }

    @Bean
    public WebSocketHandler chatHandler() {
        return session -> {
            Mono<Void> input = session.receive()
                .map(WebSocketMessage::getPayloadAsText)
                // expect-no-fix: broadcast-to-all -- a WebFlux broadcast has no per-user send to narrow it to: who should receive it is the app's decision
                // expect: broadcast-to-all -- an anonymous relay: anyone connects, reads and pushes to all
                .doOnNext(text -> chatSink.tryEmitNext(text))
                .then();
            Flux<WebSocketMessage> output = chatSink.asFlux().map(session::textMessage);
            return Mono.zip(input, session.send(output)).then();
        };
    }

    @Bean
    public WebSocketHandlerAdapter handlerAdapter() {
        return new WebSocketHandlerAdapter();
    }
}
