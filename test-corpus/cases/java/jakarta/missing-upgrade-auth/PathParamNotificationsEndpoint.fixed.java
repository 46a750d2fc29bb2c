package com.shop.notify;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Pushes order updates to the customer whose id is in the path. */
// expect: missing-upgrade-auth -- the user id comes from the path, so anyone can listen as anyone
// expect: missing-origin-check
@ServerEndpoint(
    value = "/notifications/{userId}",
    subprotocols = {"notify.v2"},
    configurator = PathParamNotificationsEndpoint.HandshakeGuard.class)
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

  /** Checks each handshake before the container upgrades it: throwing here fails the upgrade. */
  public static class HandshakeGuard extends ServerEndpointConfig.Configurator {
    // Browser Origins allowed to connect ("https://app.example.com"); while empty, every browser is refused
    private static final Set<String> ALLOWED_ORIGINS = Set.of();

    @Override
    public boolean checkOrigin(String originHeaderValue) {
      return originHeaderValue != null && ALLOWED_ORIGINS.contains(originHeaderValue);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
      Object user = authenticateHandshake(request);
      if (user == null) {
        throw new SecurityException("WebSocket handshake not authenticated");
      }
      sec.getUserProperties().put("user", user);
    }

    // Rejects every handshake until it is wired to the app's own check of the request's credential (its
    // HTTP session, or a token verified with the app's key): return the user, or null to refuse.
    private static Object authenticateHandshake(HandshakeRequest request) {
      return null;
    }
  }
}
