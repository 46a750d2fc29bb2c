package com.example.rooms;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

// ok: missing-upgrade-auth
// expect: missing-origin-check
@ServerEndpoint("/rooms/{room}")
public class RoomScopedBroadcast {
    private final InvoiceService invoices = new InvoiceService();

    @OnOpen
    public void onOpen(Session session, @PathParam("room") String room) throws IOException {
        if (session.getUserPrincipal() == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "login"));
            return;
        }
        session.getUserProperties().put("room", room);
    }

    @OnMessage
    public void onMessage(String text, Session sender) throws IOException {
        Object room = sender.getUserProperties().get("room");
        String summary = invoices.summaryForRoom(String.valueOf(room));
        for (Session s : sender.getOpenSessions()) {
            if (room.equals(s.getUserProperties().get("room"))) {
                s.getBasicRemote().sendText(summary); // ok: broadcast-to-all -- only the members of the room
            }
        }
    }

    static class InvoiceService {
        String summaryForRoom(String room) {
            return "";
        }
    }
}
