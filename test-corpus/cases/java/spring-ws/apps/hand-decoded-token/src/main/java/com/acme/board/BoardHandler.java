package com.acme.board;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

@Component
public class BoardHandler extends TextWebSocketHandler {

    private final Set<WebSocketSession> viewers = new CopyOnWriteArraySet<>();

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        viewers.add(session);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        // sticky notes are shown to everyone on the board except the one who moved them
        for (WebSocketSession viewer : viewers) {
            if (!viewer.getId().equals(session.getId())) {
                // expect-no-fix: broadcast-to-all -- a relay among anonymous clients: the remedy is authenticating the endpoint, not scoping the relay to its sender
                viewer.sendMessage(message); // expect: broadcast-to-all
            }
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        viewers.remove(session);
    }
}
