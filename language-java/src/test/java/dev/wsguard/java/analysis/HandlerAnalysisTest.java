package dev.wsguard.java.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.java.Linked;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandlerAnalysisTest {
  private static List<MessageHandler> handlers(String body) {
    return Linked.of("src/main/java/a/H.java", """
        package a;
        import jakarta.websocket.*;
        import jakarta.websocket.server.ServerEndpoint;
        @ServerEndpoint("/h")
        public class H {
          private final Docs docs = new Docs();
          @OnMessage
          public void onMessage(String raw, Session session) throws Exception {
        """ + body + """
          }
          static class Docs {
            void deleteDoc(String id) {}
            void updateDoc(String id, String text) {}
            void updateLastSeen(String user) {}
            boolean canEdit(String user, String id) { return false; }
          }
        }
        """).endpoint().handlers();
  }

  @Test
  void dispatchesOnASwitchAndFindsTheClientSuppliedId() {
    List<MessageHandler> hs = handlers("""
            String[] p = raw.split(":");
            switch (p[0]) {
              case "delete" -> docs.deleteDoc(p[1]);
              case "ping" -> session.getBasicRemote().sendText("pong");
              default -> { }
            }
        """);
    MessageHandler delete = hs.stream().filter(h -> "delete".equals(h.messageType())).findFirst().orElseThrow();
    assertTrue(delete.privileged());
    assertEquals(PermissionCheck.ABSENT, delete.permissionCheck());
    assertFalse(hs.stream().filter(h -> "ping".equals(h.messageType())).findFirst().orElseThrow().privileged());
  }

  @Test
  void countsAPermissionCallBeforeTheAction() {
    MessageHandler h = handlers("""
            String id = raw.substring(7);
            if (!docs.canEdit(session.getUserPrincipal().getName(), id)) { return; }
            docs.updateDoc(id, raw);
        """).get(0);
    assertTrue(h.privileged());
    assertEquals(PermissionCheck.PRESENT, h.permissionCheck());
    assertNull(h.clientSuppliedId());
  }

  @Test
  void doesNotTreatEditingTheSendersOwnStateAsPrivileged() {
    MessageHandler h = handlers("""
            docs.updateLastSeen(session.getUserPrincipal().getName());
        """).get(0);
    assertFalse(h.privileged(), h.toString());
  }
}
