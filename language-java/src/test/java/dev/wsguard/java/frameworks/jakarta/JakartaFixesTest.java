package dev.wsguard.java.frameworks.jakarta;

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

class JakartaFixesTest {
  private static final String PATH = "app/Feed.java";

  private static final String UNAUTHENTICATED = """
      package app;

      import jakarta.websocket.OnMessage;
      import jakarta.websocket.Session;
      import jakarta.websocket.server.ServerEndpoint;

      @ServerEndpoint("/feed")
      public class Feed {
          @OnMessage
          public String onMessage(String text, Session session) {
              return text;
          }
      }
      """;

  private static final String TOKENS = """
      package com.acme.auth;

      import io.jsonwebtoken.Claims;
      import io.jsonwebtoken.Jwts;
      import javax.crypto.SecretKey;

      public final class Tokens {
          private static SecretKey key;

          public static Claims verify(String token) {
              return Jwts.parser().verifyWith(key).build().parseSignedClaims(token).getPayload();
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

  private static Verifier verifier(Verifier.Failure failure) {
    return new Verifier("verify", "com.acme.auth.Tokens", new SourceLocation("com/acme/auth/Tokens.java", 10, 5, 10,
        11, 200, 206), Verifier.Input.TOKEN, failure, false, false);
  }

  @Test
  void nestsOneConfiguratorWithBothChecksAndNamesItInTheAnnotation() {
    String patched = apply(UNAUTHENTICATED, fix(UNAUTHENTICATED, true, FixContext.EMPTY).orElseThrow());
    assertEquals("""
        package app;

        import jakarta.websocket.HandshakeResponse;
        import jakarta.websocket.OnMessage;
        import jakarta.websocket.Session;
        import jakarta.websocket.server.HandshakeRequest;
        import jakarta.websocket.server.ServerEndpoint;
        import jakarta.websocket.server.ServerEndpointConfig;
        import java.util.Set;

        @ServerEndpoint(value = "/feed", configurator = Feed.HandshakeGuard.class)
        public class Feed {
            @OnMessage
            public String onMessage(String text, Session session) {
                return text;
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
        """, patched);
    Endpoint after = Linked.of(PATH, patched).endpoint();
    assertTrue(after.authenticated(), "the placeholder that rejects everyone counts as the handshake's check");
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, after.originPolicy().kind());
  }

  @Test
  void eitherIntentRendersTheSameCombinedPatch() {
    assertEquals(fix(UNAUTHENTICATED, true, FixContext.EMPTY).orElseThrow().edits(),
        fix(UNAUTHENTICATED, false, FixContext.EMPTY).orElseThrow().edits());
  }

  @Test
  void addsOnlyTheOriginCheckWhenOnOpenAuthenticates() {
    String text = """
        package app;

        import jakarta.websocket.CloseReason;
        import jakarta.websocket.OnOpen;
        import jakarta.websocket.Session;
        import jakarta.websocket.server.ServerEndpoint;
        import java.io.IOException;

        @ServerEndpoint("/notes")
        public class Feed {
            @OnOpen
            public void open(Session session) throws IOException {
                if (session.getUserPrincipal() == null) {
                    session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "login required"));
                }
            }
        }
        """;
    assertTrue(fix(text, true, FixContext.EMPTY).isEmpty(), "authenticated: no handshake check to add");
    String patched = apply(text, fix(text, false, FixContext.EMPTY).orElseThrow());
    assertTrue(patched.contains("checkOrigin") && !patched.contains("modifyHandshake"), patched);
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, Linked.of(PATH, patched).endpoint().originPolicy().kind());
  }

  @Test
  void callsTheProjectsVerifierWithTheQueryToken() {
    FixContext context = new FixContext(List.of(verifier(Verifier.Failure.THROWS)));
    String patched = apply(UNAUTHENTICATED, fix(UNAUTHENTICATED, true, context).orElseThrow());
    assertTrue(patched.contains("import com.acme.auth.Tokens;\n"), patched);
    assertTrue(patched.contains("""
                    List<String> tokens = request.getParameterMap().get("access_token");
                    if (tokens == null || tokens.isEmpty()) {
                        throw new SecurityException("WebSocket handshake without an access token");
                    }
                    Object user;
                    try {
                        user = Tokens.verify(tokens.get(0));
                    } catch (Exception e) {
                        throw new SecurityException("WebSocket handshake with an invalid access token", e);
                    }
                    if (user == null) {
        """), patched);
    assertFalse(patched.contains("authenticateHandshake"), "no placeholder when the project's verifier fits");
    Endpoint after = Linked.of(PATH, patched, "com/acme/auth/Tokens.java", TOKENS).endpoints().get(0);
    assertTrue(after.authenticated(), "the verifier's own check decides");
  }

  @Test
  void aVerifierThatReturnsFalseIsTestedForFalseToo() {
    FixContext context = new FixContext(List.of(verifier(Verifier.Failure.RETURNS_FALSY)));
    String patched = apply(UNAUTHENTICATED, fix(UNAUTHENTICATED, true, context).orElseThrow());
    assertTrue(patched.contains("if (user == null || Boolean.FALSE.equals(user)) {"), patched);
  }

  @Test
  void followsTheJavaxApiAndAddsToAnAnnotationWithNamedMembers() {
    String text = """
        package app;

        import javax.websocket.OnMessage;
        import javax.websocket.Session;
        import javax.websocket.server.ServerEndpoint;

        @ServerEndpoint(value = "/status", subprotocols = {"v1"})
        public class Feed {
        \t@OnMessage
        \tpublic String onMessage(String text, Session session) {
        \t\treturn text;
        \t}
        }
        """;
    String patched = apply(text, fix(text, true, FixContext.EMPTY).orElseThrow());
    assertTrue(patched.contains(
        "@ServerEndpoint(value = \"/status\", subprotocols = {\"v1\"}, configurator = Feed.HandshakeGuard.class)"));
    assertTrue(patched.contains("import javax.websocket.server.ServerEndpointConfig;")
        && !patched.contains("jakarta"), patched);
    assertTrue(patched.contains("\n\tpublic static class HandshakeGuard"), "the file's tab indentation");
    assertTrue(Linked.of(PATH, patched).endpoint().authenticated());
  }

  @Test
  void addsTheMissingOverrideToANestedConfiguratorAndRewritesACheckOriginThatReturnsTrue() {
    String text = """
        package app;

        import jakarta.servlet.http.HttpSession;
        import jakarta.websocket.HandshakeResponse;
        import jakarta.websocket.server.HandshakeRequest;
        import jakarta.websocket.server.ServerEndpoint;
        import jakarta.websocket.server.ServerEndpointConfig;

        @ServerEndpoint(value = "/account", configurator = Feed.Sessions.class)
        public class Feed {
            public static class Sessions extends ServerEndpointConfig.Configurator {
                @Override
                public boolean checkOrigin(String origin) {
                    return true;
                }

                @Override
                public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse r) {
                    HttpSession http = (HttpSession) request.getHttpSession();
                    if (http == null || http.getAttribute("account") == null) {
                        throw new IllegalStateException("login required");
                    }
                }
            }
        }
        """;
    assertTrue(fix(text, true, FixContext.EMPTY).isEmpty(), "authenticated already");
    String patched = apply(text, fix(text, false, FixContext.EMPTY).orElseThrow());
    assertTrue(patched.contains("return origin != null && ALLOWED_ORIGINS.contains(origin);"), patched);
    assertTrue(patched.contains("private static final Set<String> ALLOWED_ORIGINS = Set.of();\n    }\n}"), patched);
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, Linked.of(PATH, patched).endpoint().originPolicy().kind());
  }

  @Test
  void refusesAConfiguratorItCannotSeeInto() {
    String elsewhere = UNAUTHENTICATED.replace("@ServerEndpoint(\"/feed\")",
        "@ServerEndpoint(value = \"/feed\", configurator = AuditConfigurator.class)");
    assertTrue(fix(elsewhere, true, FixContext.EMPTY).isEmpty(), "a configurator in another file");
    assertTrue(fix(elsewhere, false, FixContext.EMPTY).isEmpty(), "a configurator in another file");
    String inherited = UNAUTHENTICATED.replace("@ServerEndpoint(\"/feed\")",
        "@ServerEndpoint(value = \"/feed\", configurator = Feed.Admin.class)")
        .replace("public class Feed {", "public class Feed {\n    public static class Admin extends BaseConfigurator {\n"
            + "    }\n");
    assertTrue(fix(inherited, false, FixContext.EMPTY).isEmpty(), "what the project base class does is unseen");
  }

  @Test
  void refusesToRewriteAHandshakeCheckOrAnOriginTestItDidNotWrite() {
    String text = """
        package app;

        import jakarta.websocket.HandshakeResponse;
        import jakarta.websocket.server.HandshakeRequest;
        import jakarta.websocket.server.ServerEndpoint;
        import jakarta.websocket.server.ServerEndpointConfig;
        import java.util.logging.Logger;

        @ServerEndpoint(value = "/board", configurator = Feed.Tokens.class)
        public class Feed {
            public static class Tokens extends ServerEndpointConfig.Configurator {
                @Override
                public boolean checkOrigin(String origin) {
                    return origin != null && origin.endsWith("example.com");
                }

                @Override
                public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse r) {
                    Logger.getLogger("board").info("handshake " + request.getHeaders().get("Authorization"));
                }
            }
        }
        """;
    assertTrue(fix(text, true, FixContext.EMPTY).isEmpty(), "modifyHandshake exists");
    assertTrue(fix(text, false, FixContext.EMPTY).isEmpty(), "checkOrigin exists and is not a bare return true");
  }

  @Test
  void refusesProgrammaticRegistrationsAndTakenNames() {
    String programmatic = """
        package app;

        import jakarta.websocket.DeploymentException;
        import jakarta.websocket.Endpoint;
        import jakarta.websocket.EndpointConfig;
        import jakarta.websocket.Session;
        import jakarta.websocket.server.ServerContainer;
        import jakarta.websocket.server.ServerEndpointConfig;

        public class Feed {
            void register(ServerContainer container) throws DeploymentException {
                container.addEndpoint(ServerEndpointConfig.Builder.create(Prices.class, "/prices").build());
            }

            public static class Prices extends Endpoint {
                @Override
                public void onOpen(Session session, EndpointConfig config) {
                }
            }
        }
        """;
    assertTrue(fix(programmatic, true, FixContext.EMPTY).isEmpty());
    String taken = UNAUTHENTICATED.replace("public class Feed {", "public class Feed {\n    interface HandshakeGuard {}\n");
    assertTrue(fix(taken, true, FixContext.EMPTY).isEmpty(), "HandshakeGuard is taken");
  }
}
