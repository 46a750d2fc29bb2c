package dev.wsguard.java.frameworks.javawebsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.Patches;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.java.JavaFrontEnd;
import dev.wsguard.java.Linked;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavaWebSocketFixesTest {
  private static final String PATH = "app/Lobby.java";

  private static final String OPEN = """
      package app;

      import java.net.InetSocketAddress;
      import org.java_websocket.WebSocket;
      import org.java_websocket.handshake.ClientHandshake;
      import org.java_websocket.server.WebSocketServer;

      public class Lobby extends WebSocketServer {
          public Lobby(int port) {
              super(new InetSocketAddress(port));
          }

          @Override
          public void onOpen(WebSocket conn, ClientHandshake handshake) {
              conn.send("welcome");
          }

          @Override
          public void onClose(WebSocket conn, int code, String reason, boolean remote) {
          }

          @Override
          public void onMessage(WebSocket conn, String message) {
              conn.send(message);
          }

          @Override
          public void onError(WebSocket conn, Exception ex) {
          }

          @Override
          public void onStart() {
          }
      }
      """;

  private static final String COOKIE_HOOK = """
      package app;

      import java.net.InetSocketAddress;
      import org.java_websocket.WebSocket;
      import org.java_websocket.drafts.Draft;
      import org.java_websocket.exceptions.InvalidDataException;
      import org.java_websocket.framing.CloseFrame;
      import org.java_websocket.handshake.ClientHandshake;
      import org.java_websocket.handshake.ServerHandshakeBuilder;
      import org.java_websocket.server.WebSocketServer;

      public class Lobby extends WebSocketServer {
          private final SessionStore sessionStore = new SessionStore();

          public Lobby(int port) {
              super(new InetSocketAddress(port));
          }

          @Override
          public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                  ClientHandshake handshake) throws InvalidDataException {
              if (sessionStore.findAccount(handshake.getFieldValue("Cookie")) == null) {
                  throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "no session");
              }
              return super.onWebsocketHandshakeReceivedAsServer(conn, draft, handshake);
          }

          @Override
          public void onOpen(WebSocket conn, ClientHandshake handshake) {
          }

          @Override
          public void onClose(WebSocket conn, int code, String reason, boolean remote) {
          }

          @Override
          public void onMessage(WebSocket conn, String message) {
          }

          @Override
          public void onError(WebSocket conn, Exception ex) {
          }

          @Override
          public void onStart() {
          }

          static class SessionStore {
              String findAccount(String cookie) {
                  return null;
              }
          }
      }
      """;

  private static Optional<Fix> fix(String text, boolean auth, FixContext context) {
    Endpoint endpoint = Linked.of(PATH, text).endpoints().get(0);
    FixIntent intent = auth ? new FixIntent.AddUpgradeAuth(endpoint) : new FixIntent.RestrictOrigins(endpoint);
    return new JavaFrontEnd().fixRenderer()
        .render(intent, new SourceFile(PATH, text.getBytes(StandardCharsets.UTF_8)), context);
  }

  private static String apply(String text, Fix fix) {
    return new String(Patches.apply(text.getBytes(StandardCharsets.UTF_8), fix.edits()), StandardCharsets.UTF_8);
  }

  @Test
  void overridesTheHandshakeHookWithBothChecksAndDefersToSuper() {
    Fix fix = fix(OPEN, true, FixContext.EMPTY).orElseThrow();
    assertEquals(fix.edits(), fix(OPEN, false, FixContext.EMPTY).orElseThrow().edits(), "either intent, one patch");
    String patched = apply(OPEN, fix);
    assertTrue(patched.contains("""
            // Browser Origins allowed to connect ("https://app.example.com"); while empty, every browser is refused
            private static final Set<String> ALLOWED_ORIGINS = Set.of();

            @Override
            public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                    ClientHandshake request) throws InvalidDataException {
                if (!ALLOWED_ORIGINS.contains(request.getFieldValue("Origin"))) {
                    throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "Origin not allowed");
                }
                Object user = authenticateHandshake(request);
                if (user == null) {
                    throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "Not authenticated");
                }
                conn.setAttachment(user);
                return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
            }

            // Rejects every handshake until it is wired to the app's own check of the request's credential (a
            // session cookie, or a token verified with the app's key): return the user, or null to refuse.
            private static Object authenticateHandshake(ClientHandshake request) {
                return null;
            }
        }
        """), patched);
    assertTrue(patched.contains("import java.util.Set;\nimport org.java_websocket.WebSocket;\n"
        + "import org.java_websocket.drafts.Draft;\n"), patched);
    Endpoint after = Linked.of(PATH, patched).endpoint();
    assertTrue(after.authenticated());
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, after.originPolicy().kind());
  }

  @Test
  void callsTheProjectsVerifierWithTheBearerToken() {
    Verifier verifier = new Verifier("verify", "com.acme.auth.Tokens", new SourceLocation(
        "com/acme/auth/Tokens.java", 10, 5, 10, 11, 200, 206), Verifier.Input.TOKEN, Verifier.Failure.THROWS, false,
        false);
    String patched = apply(OPEN, fix(OPEN, true, new FixContext(List.of(verifier))).orElseThrow());
    assertTrue(patched.contains("user = Tokens.verify(header.substring(7));"), patched);
    assertTrue(patched.contains("import com.acme.auth.Tokens;\n"), patched);
    assertFalse(patched.contains("authenticateHandshake"), patched);
  }

  @Test
  void putsTheOriginCheckFirstInAnExistingHookAndLeavesItsAuthenticationAlone() {
    assertTrue(fix(COOKIE_HOOK, true, FixContext.EMPTY).isEmpty(), "authenticated by the hook already");
    String patched = apply(COOKIE_HOOK, fix(COOKIE_HOOK, false, FixContext.EMPTY).orElseThrow());
    assertTrue(patched.contains("""
                    ClientHandshake handshake) throws InvalidDataException {
                if (!ALLOWED_ORIGINS.contains(handshake.getFieldValue("Origin"))) {
                    throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "Origin not allowed");
                }
                if (sessionStore.findAccount(handshake.getFieldValue("Cookie")) == null) {
        """), patched);
    Endpoint after = Linked.of(PATH, patched).endpoint();
    assertTrue(after.authenticated());
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, after.originPolicy().kind());
  }

  @Test
  void refusesAnExistingHookForAuthenticationAndTakenNames() {
    String unauthenticatedHook = COOKIE_HOOK.replace(
        "if (sessionStore.findAccount(handshake.getFieldValue(\"Cookie\")) == null) {",
        "if (handshake.getFieldValue(\"Cookie\") == null) {");
    assertTrue(fix(unauthenticatedHook, true, FixContext.EMPTY).isEmpty(), "the hook is not rewritten");
    String taken = OPEN.replace("public Lobby(int port) {", "private static final int ALLOWED_ORIGINS = 0;\n\n"
        + "    public Lobby(int port) {");
    assertTrue(fix(taken, false, FixContext.EMPTY).isEmpty(), "ALLOWED_ORIGINS is taken");
  }
}
