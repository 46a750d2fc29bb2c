package com.acme.rooms.chat;

import java.security.Principal;
import java.time.Instant;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
@MessageMapping("/rooms")
public class RoomController {

    private final RoomService roomService;

    public RoomController(RoomService roomService) {
        this.roomService = roomService;
    }

    @MessageMapping("/lobby.send")
    @SendTo("/topic/lobby") // ok: broadcast-to-all
    public ChatMessage sendToLobby(@Payload ChatMessage message, Principal principal) {
        return new ChatMessage(principal.getName(), message.text(), Instant.now().toString());
    }

    @MessageMapping("/{roomId}.delete")
    public void deleteRoom(@DestinationVariable String roomId, Principal principal) { // expect: missing-message-authz
        if (!isAllowed(principal, "/rooms/{roomId}.delete")) {
            throw new MessagingException("Forbidden: /rooms/{roomId}.delete");
        }
        roomService.deleteRoom(roomId);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MessageMapping("/{roomId}.purge")
    public void purgeHistory(@DestinationVariable String roomId) { // ok: missing-message-authz
        roomService.clearHistory(roomId);
    }

    @MessageMapping("/mine")
    @SendToUser("/queue/rooms") // ok: broadcast-to-all
    public Object myRooms(Principal principal) {
        return roomService.findRoomsOfUser(principal.getName());
    }

    // Denies every action until it is wired to the app's permission model (the user's roles, or whether
    // the user owns what the message names): return true only when the user may perform the action.
    private static boolean isAllowed(Principal user, String action) {
        return false;
    }
}
