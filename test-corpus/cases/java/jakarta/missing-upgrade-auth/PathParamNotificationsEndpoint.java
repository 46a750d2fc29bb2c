package com.shop.notify;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Pushes order updates to the customer whose id is in the path. */
// expect: missing-upgrade-auth -- the user id comes from the path, so anyone can listen as anyone
// expect: missing-origin-check
@ServerEndpoint(
    value = "/notifications/{userId}",
    subprotocols = {"notify.v2"})
public class PathParamNotificationsEndpoint {
  private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

  @OnOpen
  public void open(Session session, @PathParam("userId") String userId) {
    SESSIONS.put(userId, session);
  }

  @OnClose
  public void close(Session session) {
    SESSIONS.values().remove(session);
  }

  public static void push(String userId, String json) {
    Session s = SESSIONS.get(userId);
    if (s != null) {
      s.getAsyncRemote().sendText(json);
    }
  }
}
