package com.example.intranet;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.security.Principal;

// ok: missing-upgrade-auth -- the container's login principal is required
// expect: missing-origin-check
@ServerEndpoint("/intranet/notes")
public class PrincipalRequiredOnOpen {

    @OnOpen
    public void open(Session session) throws IOException {
        Principal principal = session.getUserPrincipal();
        if (principal == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, "login required"));
        }
    }

    @OnMessage
    public void onMessage(String note, Session session) throws IOException {
        session.getBasicRemote().sendText("saved " + note.length() + " characters");
    }
}
