package org.acme.chat;

import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

// expect: missing-origin-check
@WebSocket(path = "/chat/{username}") // expect: missing-upgrade-auth
class ChatSocket {

    public record ChatMessage(String user, String text) {
    }

    private final WebSocketConnection connection;

    ChatSocket(WebSocketConnection connection) {
        this.connection = connection;
    }

    @OnOpen(broadcast = true) // ok: broadcast-to-all
    public ChatMessage onOpen() {
        return new ChatMessage("system", "someone joined");
    }

    @OnTextMessage(broadcast = true) // expect: broadcast-to-all
    public ChatMessage onMessage(ChatMessage message) {
        return message;
    }
}
