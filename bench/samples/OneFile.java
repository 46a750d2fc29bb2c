// The "one staged file" of the benchmark: a typical Jakarta WebSocket endpoint, as a pre-commit hook would pass it.
package com.example.chat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

@ServerEndpoint("/rooms/{room}")
public class OneFile {
  private static final Map<String, Set<Session>> ROOMS = new ConcurrentHashMap<>();

  @OnOpen
  public void onOpen(Session session, @PathParam("room") String room) throws IOException {
    if (session.getUserPrincipal() == null) {
      session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "login required"));
      return;
    }
    ROOMS.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(session);
  }

  @OnMessage
  public void onMessage(Session session, String text, @PathParam("room") String room) {
    String from = session.getUserPrincipal().getName();
    String line = from + ": " + (text.length() > 500 ? text.substring(0, 500) : text);
    for (Session peer : ROOMS.getOrDefault(room, Set.of())) {
      if (peer.isOpen()) {
        peer.getAsyncRemote().sendText(line);
      }
    }
  }

  @OnClose
  public void onClose(Session session, @PathParam("room") String room) {
    Set<Session> members = ROOMS.get(room);
    if (members != null) {
      members.remove(session);
    }
  }
}
