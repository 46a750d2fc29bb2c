package dev.wsguard.java.frameworks.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.FrontEnd;
import dev.wsguard.core.engine.LinkContext;
import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.Strength;
import dev.wsguard.java.JavaFrontEnd;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuarkusRecognizerTest {
  private static final String ENDPOINT = """
      package org.acme;
      import io.quarkus.websockets.next.*;
      import io.quarkus.security.Authenticated;
      import jakarta.annotation.security.RolesAllowed;
      %s
      @WebSocket(path = "/chat/{room}")
      public class Chat {
        private final WebSocketConnection connection;
        private final RoomService rooms;
        Chat(WebSocketConnection c, RoomService r) { connection = c; rooms = r; }
        %s
        @OnTextMessage(broadcast = true)
        public String onMessage(String text) {
          rooms.deleteRoom(text);
          connection.sendTextAndAwait("ok");
          return text;
        }
      }
      """;

  private static Endpoint scan(String classAnnotation, String methodAnnotation, String... more) {
    JavaFrontEnd frontEnd = new JavaFrontEnd();
    List<FileAnalysis> analyses = new ArrayList<>();
    try (FrontEnd.Worker worker = frontEnd.newWorker()) {
      analyses.add(worker.analyze(new SourceFile("src/main/java/org/acme/Chat.java",
          ENDPOINT.formatted(classAnnotation, methodAnnotation).getBytes(StandardCharsets.UTF_8))));
      for (int i = 0; i < more.length; i += 2) {
        analyses.add(worker.analyze(new SourceFile(more[i], more[i + 1].getBytes(StandardCharsets.UTF_8))));
      }
    }
    return frontEnd.link(analyses, new LinkContext(false, n -> {})).stream()
        .flatMap(f -> f.endpoints().stream()).findFirst().orElseThrow();
  }

  @Test
  void endpointWithoutSecurityAcceptsAnyOriginAndAnyone() {
    Endpoint e = scan("", "");
    assertEquals(List.of("/chat/{room}"), e.paths());
    assertTrue(e.guards().isEmpty());
    assertEquals(OriginPolicy.Kind.ANY, e.originPolicy().kind());
    assertEquals(Set.of(Audience.ALL_CONNECTIONS, Audience.THIS_CONNECTION),
        Set.copyOf(e.sends().stream().map(s -> s.audience()).toList()));
  }

  @Test
  void classLevelAuthenticatedSecuresTheUpgrade() {
    Endpoint e = scan("@Authenticated", "");
    assertTrue(e.authenticated());
    assertEquals(Set.of(CredentialSource.UNKNOWN), e.credentials());
  }

  @Test
  void methodLevelRolesAllowedIsAPerMessageCheck() {
    Endpoint e = scan("", "@RolesAllowed(\"admin\")");
    assertFalse(e.authenticated());
    assertEquals(PermissionCheck.PRESENT, e.handlers().get(0).permissionCheck());
    assertEquals(PermissionCheck.ABSENT, scan("", "").handlers().get(0).permissionCheck());
  }

  @Test
  void httpPermissionPolicyCoveringThePathSecuresTheUpgrade() {
    Endpoint e = scan("", "", "src/main/resources/application.properties", """
        quarkus.http.auth.permission.chat.paths=/chat/*
        quarkus.http.auth.permission.chat.policy=authenticated
        quarkus.http.auth.form.enabled=true
        """);
    assertEquals(Strength.VERIFIED, e.guards().get(0).strength());
    assertEquals(Set.of(CredentialSource.COOKIE), e.credentials());
    Endpoint permit = scan("", "", "src/main/resources/application.properties", """
        quarkus.http.auth.permission.chat.paths=/chat/*
        quarkus.http.auth.permission.chat.policy=permit
        """);
    assertTrue(permit.guards().isEmpty());
  }

  @Test
  void upgradeCheckThatRejectsIsAHandshakeGuard() {
    Endpoint e = scan("", "", "src/main/java/org/acme/TokenCheck.java", """
        package org.acme;
        import io.quarkus.websockets.next.HttpUpgradeCheck;
        import org.springframework.security.oauth2.jwt.JwtDecoder;
        public class TokenCheck implements HttpUpgradeCheck {
          private JwtDecoder decoder;
          public Object perform(Object context) {
            String token = header(context);
            if (token == null) { return CheckResult.rejectUpgrade(401); }
            decoder.decode(token);
            return CheckResult.permitUpgrade();
          }
        }
        """);
    assertEquals(Strength.VERIFIED, e.guards().get(0).strength());
  }

  @Test
  void upgradeCheckThatRefusesOnlyOnTheOriginIsAnAllowListAndNoAuthentication() {
    String check = """
        package org.acme;
        import io.quarkus.websockets.next.HttpUpgradeCheck;
        import io.smallrye.mutiny.Uni;
        import java.util.Set;
        public class OriginCheck implements HttpUpgradeCheck {
          private static final Set<String> ALLOWED = Set.of("https://app.example.com");
          public Uni<CheckResult> perform(HttpUpgradeContext context) {
            String origin = context.httpRequest().getHeader("Origin");
            if (origin != null && !ALLOWED.contains(origin)) {
              return CheckResult.rejectUpgrade(403);
            }
            return CheckResult.permitUpgrade();
          }
        }
        """;
    Endpoint e = scan("", "", "src/main/java/org/acme/OriginCheck.java", check);
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, e.originPolicy().kind());
    assertTrue(e.guards().isEmpty(), e.guards().toString());
    Endpoint selective = scan("", "", "src/main/java/org/acme/OriginCheck.java", check.replace(
        "  public Uni<CheckResult> perform", "  public boolean appliesTo(String id) { return id.equals(\"x\"); }\n"
            + "  public Uni<CheckResult> perform"));
    assertEquals(OriginPolicy.Kind.UNKNOWN, selective.originPolicy().kind());
  }
}
