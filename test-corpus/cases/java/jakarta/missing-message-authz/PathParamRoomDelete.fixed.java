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
@ServerEndpoint(value = "/rooms/{roomId}/control", configurator = PathParamRoomDelete.HandshakeGuard.class)
public class PathParamRoomDelete {
    private final RoomService roomService = new RoomService();

    @OnOpen
    public void onOpen(Session session) throws IOException {
        if (session.getUserPrincipal() == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "login"));
        }
    }

    @OnMessage
    public void onMessage(String command, Session session, @PathParam("roomId") String roomId) {
        // expect-no-fix: missing-message-authz -- who may delete a room is the app's rule, and wsguard has no permission check of the app to call
        if (command.equals("close-room")) { // expect: missing-message-authz -- roomId comes from the URL
            roomService.deleteRoom(roomId);
        }
    }

    static class RoomService {
        void deleteRoom(String roomId) {
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
