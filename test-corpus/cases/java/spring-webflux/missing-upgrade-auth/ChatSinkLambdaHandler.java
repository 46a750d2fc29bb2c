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
        // expect-no-fix: missing-upgrade-auth -- wsguard has no patch writer for spring-webflux endpoints yet
        // expect: missing-upgrade-auth
        // expect-no-fix: missing-origin-check -- wsguard has no patch writer for spring-webflux endpoints yet
        // expect: missing-origin-check -- no authentication, so any page can reach it through a visitor's browser
        return new SimpleUrlHandlerMapping(Map.of("/ws/chat", chatHandler()), -1);
    }

    @Bean
    public WebSocketHandler chatHandler() {
        return session -> {
            Mono<Void> input = session.receive()
                .map(WebSocketMessage::getPayloadAsText)
                // expect-no-fix: broadcast-to-all -- wsguard has no patch writer for spring-webflux endpoints yet
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
