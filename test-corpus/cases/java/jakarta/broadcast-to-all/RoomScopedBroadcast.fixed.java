package com.example.rooms;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Set;

// ok: missing-upgrade-auth
// expect: missing-origin-check
@ServerEndpoint(value = "/rooms/{room}", configurator = RoomScopedBroadcast.HandshakeGuard.class)
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

    /** Checks each handshake before the container upgrades it: throwing here fails the upgrade. */
    public static class HandshakeGuard extends ServerEndpointConfig.Configurator {
        // Browser Origins allowed to connect ("https://app.example.com"); while empty, every browser is refused
        private static final Set<String> ALLOWED_ORIGINS = Set.of();

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return originHeaderValue != null && ALLOWED_ORIGINS.contains(originHeaderValue);
        }
    }
}
