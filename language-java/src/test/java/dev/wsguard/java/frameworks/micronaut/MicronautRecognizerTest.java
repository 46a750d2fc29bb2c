package dev.wsguard.java.frameworks.micronaut;

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
import dev.wsguard.java.JavaFrontEnd;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MicronautRecognizerTest {
  private static final String ENDPOINT = """
      package example;
      import io.micronaut.security.annotation.Secured;
      import io.micronaut.security.rules.SecurityRule;
      import io.micronaut.websocket.WebSocketBroadcaster;
      import io.micronaut.websocket.WebSocketSession;
      import io.micronaut.websocket.annotation.*;
      %s
      @ServerWebSocket("/chat/{topic}")
      public class Chat {
        private final WebSocketBroadcaster broadcaster;
        private final Rooms rooms;
        Chat(WebSocketBroadcaster b, Rooms r) { broadcaster = b; rooms = r; }
        %s
        @OnMessage
        public void onMessage(String topic, String message, WebSocketSession session) {
          rooms.deleteRoom(topic);
          broadcaster.broadcastSync(message);
          broadcaster.broadcastSync(message, s -> topic.equals(s.getId()));
          session.sendSync("ok");
        }
      }
      """;

  private static Endpoint scan(String classAnnotation, String methodAnnotation, String... more) {
    JavaFrontEnd frontEnd = new JavaFrontEnd();
    List<FileAnalysis> analyses = new ArrayList<>();
    try (FrontEnd.Worker worker = frontEnd.newWorker()) {
      analyses.add(worker.analyze(new SourceFile("src/main/java/example/Chat.java",
          ENDPOINT.formatted(classAnnotation, methodAnnotation).getBytes(StandardCharsets.UTF_8))));
      for (int i = 0; i < more.length; i += 2) {
        analyses.add(worker.analyze(new SourceFile(more[i], more[i + 1].getBytes(StandardCharsets.UTF_8))));
      }
    }
    return frontEnd.link(analyses, new LinkContext(false, n -> {})).stream()
        .flatMap(f -> f.endpoints().stream()).findFirst().orElseThrow();
  }

  @Test
  void anonymousEndpointHasNoGuardAndNoOriginCheck() {
    Endpoint e = scan("@Secured(SecurityRule.IS_ANONYMOUS)", "");
    assertTrue(e.guards().isEmpty());
    assertEquals(OriginPolicy.Kind.ANY, e.originPolicy().kind());
  }

  @Test
  void broadcasterWithoutPredicateReachesEveryone() {
    Endpoint e = scan("@Secured(SecurityRule.IS_ANONYMOUS)", "");
    assertEquals(List.of(Audience.ALL_CONNECTIONS, Audience.ROOM, Audience.THIS_CONNECTION),
        e.sends().stream().map(s -> s.audience()).toList());
  }

  @Test
  void securedIsAuthenticatedWithBearerConfigurationIsAnExplicitToken() {
    Endpoint e = scan("@Secured(SecurityRule.IS_AUTHENTICATED)", "",
        "src/main/resources/application.yml", "micronaut:\n  security:\n    authentication: bearer\n");
    assertTrue(e.authenticated());
    assertEquals(Set.of(CredentialSource.HEADER_TOKEN), e.credentials());
  }

  @Test
  void methodSecuredWithARoleIsAPermissionCheck() {
    assertEquals(PermissionCheck.PRESENT,
        scan("@Secured(SecurityRule.IS_AUTHENTICATED)", "@Secured(\"ROLE_ADMIN\")").handlers().get(0)
            .permissionCheck());
    Endpoint plain = scan("@Secured(SecurityRule.IS_AUTHENTICATED)", "");
    assertFalse(plain.handlers().isEmpty());
    assertEquals(PermissionCheck.ABSENT, plain.handlers().get(0).permissionCheck());
  }
}
