// corpus: no-findings
package com.acme.notify;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class NotificationHandler implements WebSocketHandler {
    private final NotificationService notifications;

    NotificationHandler(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.getHandshakeInfo().getPrincipal()
            .flatMapMany(user -> notifications.streamFor(user.getName()))
            .map(session::textMessage)
            .as(session::send);
    }
}

interface NotificationService {
    Flux<String> streamFor(String user);
}
