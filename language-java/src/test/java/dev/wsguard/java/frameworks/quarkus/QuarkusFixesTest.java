package dev.wsguard.java.frameworks.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.java.Linked;
import dev.wsguard.java.fix.Patching;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuarkusFixesTest {
  private static final String OPEN = """
      package org.acme;

      import io.quarkus.websockets.next.OnTextMessage;
      import io.quarkus.websockets.next.WebSocket;

      // the live feed of the desk
      @WebSocket(path = "/desk")
      public class DeskSocket {
          @OnTextMessage
          public String onMessage(String text) {
              return "ok";
          }
      }
      """;

  @Test
  void annotatesTheEndpointClassWithAuthenticated() {
    Endpoint before = Linked.of("org/acme/DeskSocket.java", OPEN).endpoint();
    String out = Patching.patched("org/acme/DeskSocket.java", OPEN, new FixIntent.AddUpgradeAuth(before))
        .orElseThrow();
    assertTrue(out.startsWith("""
        package org.acme;

        import io.quarkus.security.Authenticated;
        import io.quarkus.websockets.next.HttpUpgradeCheck;
        import io.quarkus.websockets.next.OnTextMessage;
        import io.quarkus.websockets.next.WebSocket;
        import io.smallrye.mutiny.Uni;
        """), out);
    assertTrue(out.contains("// the live feed of the desk\n@Authenticated\n@WebSocket(path = \"/desk\")\n"), out);
    assertTrue(Linked.of("org/acme/DeskSocket.java", out).endpoint().authenticated());
  }

  @Test
  void bothFindingsGetOnePatchThatAuthenticatesAndChecksTheOrigin() {
    Endpoint before = Linked.of("org/acme/DeskSocket.java", OPEN).endpoint();
    String auth = Patching.patched("org/acme/DeskSocket.java", OPEN, new FixIntent.AddUpgradeAuth(before))
        .orElseThrow();
    String origin = Patching.patched("org/acme/DeskSocket.java", OPEN, new FixIntent.RestrictOrigins(before))
        .orElseThrow();
    assertEquals(auth, origin);
    assertTrue(auth.contains("@Authenticated\n@WebSocket(path"), auth);
    assertTrue(auth.contains("    public static class OriginCheck implements HttpUpgradeCheck {\n"), auth);
    Endpoint after = Linked.of("org/acme/DeskSocket.java", auth).endpoint();
    assertTrue(after.authenticated());
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, after.originPolicy().kind());
  }

  @Test
  void leavesAPermitAllEndpointOpenButChecksItsOrigin() {
    String text = OPEN.replace("import io.quarkus.websockets.next.OnTextMessage;",
        "import io.quarkus.websockets.next.OnTextMessage;\nimport jakarta.annotation.security.PermitAll;")
        .replace("@WebSocket(path", "@PermitAll\n@WebSocket(path");
    Endpoint before = Linked.of("org/acme/DeskSocket.java", text).endpoint();
    assertEquals(Optional.empty(),
        Patching.patched("org/acme/DeskSocket.java", text, new FixIntent.AddUpgradeAuth(before)));
    String out = Patching.patched("org/acme/DeskSocket.java", text, new FixIntent.RestrictOrigins(before))
        .orElseThrow();
    assertFalse(out.contains("@Authenticated"), out);
    assertEquals(OriginPolicy.Kind.ALLOW_LIST,
        Linked.of("org/acme/DeskSocket.java", out).endpoint().originPolicy().kind());
  }

  @Test
  void refusesWhenTheChecksNameIsTaken() {
    String text = OPEN.replace("    @OnTextMessage", "    static class OriginCheck {\n    }\n\n    @OnTextMessage");
    Endpoint before = Linked.of("org/acme/DeskSocket.java", text).endpoint();
    assertEquals(Optional.empty(),
        Patching.patched("org/acme/DeskSocket.java", text, new FixIntent.RestrictOrigins(before)));
  }
}
