package dev.wsguard.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.model.Endpoint;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Files the analysers must survive: syntax errors, the newest syntax, types that resolve nowhere. */
class BadInputTest {
  @Test
  void keepsWhatAPartialTreeShowsAndReportsTheParseError() {
    String broken = """
        package a;
        import jakarta.websocket.*;
        import jakarta.websocket.server.ServerEndpoint;
        @ServerEndpoint("/broken")
        public class Broken {
          @OnMessage
          public void onMessage(String m, Session s) throws Exception {
            s.getBasicRemote().sendText(m
          }
        }
        """;
    FileAnalysis analysis;
    try (JavaWorker worker = new JavaWorker()) {
      analysis = worker.analyze(new SourceFile("Broken.java", broken.getBytes(StandardCharsets.UTF_8)));
    }
    assertFalse(analysis.notifications().isEmpty(), "the parse error is reported");
    assertEquals(JavaWorker.PARSE_ERROR, analysis.notifications().get(0).id());
    Endpoint e = Linked.of("Broken.java", broken).endpoint();
    assertEquals("/broken", e.paths().get(0));
  }

  @Test
  void readsJava21SyntaxAroundAnEndpoint() {
    Endpoint e = Linked.of("Modern.java", """
        package a;
        import jakarta.websocket.*;
        import jakarta.websocket.server.ServerEndpoint;
        @ServerEndpoint("/modern")
        public class Modern {
          sealed interface Cmd permits Delete, Ping {}
          record Delete(String docId) implements Cmd {}
          record Ping() implements Cmd {}
          private final DocumentService documents = new DocumentService();
          @OnMessage
          public String onMessage(String raw, Session s) {
            Cmd cmd = raw.startsWith("del:") ? new Delete(raw.substring(4)) : new Ping();
            return switch (cmd) {
              case Delete d -> { documents.deleteDocument(d.docId()); yield "deleted"; }
              case Ping p -> \"""
                  pong
                  \""";
            };
          }
          static class DocumentService { void deleteDocument(String id) {} }
        }
        """).endpoint();
    assertTrue(e.handlers().stream().anyMatch(h -> h.privileged()), e.handlers().toString());
  }

  @Test
  void goesOnWhenNothingResolves() {
    Endpoint e = Linked.of("Odd.java", """
        package a;
        import jakarta.websocket.server.ServerEndpoint;
        import com.vendor.Unknown;
        @ServerEndpoint(value = "/odd", configurator = Unknown.class)
        public class Odd {}
        """).endpoint();
    assertTrue(e.unknowns().stream().anyMatch(u -> u.contains("Unknown")), e.unknowns().toString());
  }
}
