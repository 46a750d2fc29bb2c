package dev.wsguard.java.frameworks.javawebsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.Strength;
import dev.wsguard.java.Linked;
import org.junit.jupiter.api.Test;

class JavaWebSocketRecognizerTest {
  private static final String HEAD = """
      package a;
      import org.java_websocket.WebSocket;
      import org.java_websocket.handshake.ClientHandshake;
      import org.java_websocket.server.WebSocketServer;
      """;

  @Test
  void readsAServerThatClosesInOnOpenAndBroadcasts() {
    Endpoint e = Linked.of("S.java", HEAD + """
        public class S extends WebSocketServer {
          S() { super(null); }
          public void onOpen(WebSocket conn, ClientHandshake h) {
            if (h.getFieldValue("Authorization") == null || !sessions.exists(h.getFieldValue("Authorization"))) {
              conn.close(1008, "no");
              return;
            }
          }
          private final SessionStore sessions = new SessionStore();
          public void onMessage(WebSocket conn, String m) { broadcast(m); }
          public void onClose(WebSocket c, int code, String r, boolean remote) {}
          public void onError(WebSocket c, Exception e) {}
          public void onStart() {}
          static class SessionStore { boolean exists(String k) { return false; } }
        }
        """).endpoint();
    assertEquals(Framework.JAVA_WEBSOCKET, e.framework());
    assertEquals(GuardPlace.CONNECTION, e.guards().get(0).place());
    assertEquals(Strength.VERIFIED, e.guards().get(0).strength());
    assertEquals(Audience.ALL_CONNECTIONS, e.sends().get(0).audience());
    assertEquals(5, e.declaration().startLine());
  }

  @Test
  void doesNotCountAThrowInOnOpenAsARefusal() {
    Endpoint e = Linked.of("S.java", HEAD + """
        public class S extends WebSocketServer {
          S() { super(null); }
          public void onOpen(WebSocket conn, ClientHandshake h) {
            com.auth0.jwt.JWT.require(null).build().verify(h.getFieldValue("Authorization"));
          }
          public void onMessage(WebSocket conn, String m) {}
          public void onClose(WebSocket c, int code, String r, boolean remote) {}
          public void onError(WebSocket c, Exception e) {}
          public void onStart() {}
        }
        """).endpoint();
    assertTrue(!e.authenticated(), "Java-WebSocket reports an onOpen exception to onError and keeps the socket");
  }
}
