package com.example.chat;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

// expect: missing-upgrade-auth
// expect: missing-origin-check
@ServerEndpoint("/chat")
public class AnnotatedEndpointWithoutAuth {
    private static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();

    @OnOpen
    public void onOpen(Session session) {
        SESSIONS.add(session);
    }

    @OnMessage
    public void onMessage(String message, Session sender) throws IOException {
        for (Session peer : SESSIONS) {
            if (peer.isOpen()) {
                peer.getBasicRemote().sendText(message); // expect: broadcast-to-all
            }
        }
    }

    @OnClose
    public void onClose(Session session) {
        SESSIONS.remove(session);
    }
}
