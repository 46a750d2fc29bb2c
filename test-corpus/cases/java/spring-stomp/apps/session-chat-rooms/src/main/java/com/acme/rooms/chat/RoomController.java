package com.acme.rooms.chat;

import java.security.Principal;
import java.time.Instant;
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
    public void deleteRoom(@DestinationVariable String roomId) { // expect: missing-message-authz
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
}
