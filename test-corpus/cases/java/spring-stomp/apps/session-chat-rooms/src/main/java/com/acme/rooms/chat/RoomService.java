// corpus: no-findings
package com.acme.rooms.chat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

@Service
public class RoomService {

    private final Map<String, List<String>> history = new ConcurrentHashMap<>();

    public void deleteRoom(String roomId) {
        history.remove(roomId);
    }

    public void clearHistory(String roomId) {
        history.put(roomId, List.of());
    }

    public List<String> findRoomsOfUser(String username) {
        return List.copyOf(history.keySet());
    }
}
