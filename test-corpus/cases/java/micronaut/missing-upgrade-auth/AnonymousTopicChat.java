package example.micronaut;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketBroadcaster;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import java.util.function.Predicate;

@Secured(SecurityRule.IS_ANONYMOUS)
// expect-no-fix: missing-origin-check -- Micronaut has no per-endpoint Origin hook: the allow-list belongs in an HTTP filter wsguard does not write
// expect: missing-origin-check
@ServerWebSocket("/chat/{topic}/{username}") // expect: missing-upgrade-auth
class ChatServerWebSocket {

    private final WebSocketBroadcaster broadcaster;

    ChatServerWebSocket(WebSocketBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @OnOpen
    public void onOpen(String topic, String username, WebSocketSession session) {
        broadcaster.broadcastSync("[" + username + "] Joined!", isValid(topic)); // ok: broadcast-to-all
    }

    @OnMessage
    public void onMessage(String topic, String username, String message, WebSocketSession session) {
        // only the sessions of this topic receive it
        broadcaster.broadcastSync("[" + username + "] " + message, isValid(topic)); // ok: broadcast-to-all
    }

    @OnClose
    public void onClose(String topic, String username, WebSocketSession session) {
        broadcaster.broadcastSync("[" + username + "] Disconnected!"); // expect: broadcast-to-all
    }

    private Predicate<WebSocketSession> isValid(String topic) {
        return s -> topic.equals(s.getId());
    }
}
