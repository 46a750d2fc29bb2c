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
@ServerEndpoint("/rooms/{roomId}/control")
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
}
