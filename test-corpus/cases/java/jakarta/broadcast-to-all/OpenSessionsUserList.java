package com.example.presence;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;

// ok: missing-upgrade-auth
// expect: missing-origin-check
@ServerEndpoint("/presence")
public class OpenSessionsUserList {
    private final UserDirectory directory = new UserDirectory();

    @OnOpen
    public void onOpen(Session session) throws IOException {
        if (session.getUserPrincipal() == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "login"));
        }
    }

    @OnMessage
    public void onMessage(String ignored, Session session) throws IOException {
        List<String> users = directory.onlineUsersWithEmails();
        for (Session s : session.getOpenSessions()) {
            s.getBasicRemote().sendText(String.join(",", users)); // expect: broadcast-to-all
        }
    }

    static class UserDirectory {
        List<String> onlineUsersWithEmails() {
            return List.of();
        }
    }
}
