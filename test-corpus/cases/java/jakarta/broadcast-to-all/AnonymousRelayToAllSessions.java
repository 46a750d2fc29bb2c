package com.acme.notify;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

// expect: missing-upgrade-auth
// expect: missing-origin-check
@ServerEndpoint("/notifications")
public class AnonymousRelayToAllSessions {
    private static final Set<Session> sessions = new CopyOnWriteArraySet<>();

    @OnOpen
    public void onOpen(Session session) {
        sessions.add(session);
    }

    @OnMessage
    public void onMessage(String message, Session session) throws IOException {
        for (Session s : sessions) {
            if (s.isOpen()) {
                // expect-no-fix: broadcast-to-all -- which sessions may see a message is the app's rule (its users, rooms, tenants), which a patch cannot infer
                s.getBasicRemote().sendText(message); // expect: broadcast-to-all
            }
        }
    }

    @OnClose
    public void onClose(Session session) {
        sessions.remove(session);
    }
}
