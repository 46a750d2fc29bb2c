package dev.wsguard.java.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeNamesTest {
  private final CompilationUnit unit = StaticJavaParser.parse("""
      package com.example.ws;
      import jakarta.websocket.server.ServerEndpoint;
      import jakarta.websocket.*;
      import org.springframework.web.socket.server.HandshakeInterceptor;
      import static java.util.Objects.requireNonNull;
      class ChatEndpoint { static class Inner {} }
      """);
  private final TypeNames names = new TypeNames(unit);

  @Test
  void resolvesExplicitImportsDeclaredTypesAndQualifiedNames() {
    assertEquals("jakarta.websocket.server.ServerEndpoint", names.resolve("ServerEndpoint"));
    assertEquals("com.example.ws.ChatEndpoint.Inner", names.resolve("ChatEndpoint.Inner"));
    assertEquals("org.x.Y", names.resolve("org.x.Y"));
    assertEquals("Session", names.resolve("Session"));
    assertEquals("org.springframework.web.socket.server.HandshakeInterceptor",
        names.resolve("HandshakeInterceptor<String>"));
  }

  @Test
  void aWildcardImportMayBringASimpleNameIntoScope() {
    assertTrue(names.is("Session", "jakarta.websocket.Session"));
    assertTrue(names.is("ServerEndpoint", "jakarta.websocket.server.ServerEndpoint"));
    assertFalse(names.is("ServerEndpoint", "javax.websocket.server.ServerEndpoint"));
    assertFalse(names.is("Session", "javax.websocket.Session"));
    assertTrue(names.importsFrom("org.springframework.web.socket"));
    assertFalse(names.importsFrom("io.netty"));
  }

  @Test
  void importCandidatesNameTheImportedSourcesAndTheModuleConfiguration() {
    CompilationUnit endpoint = StaticJavaParser.parse("""
        package com.example.ws;
        import com.example.auth.JwtService;
        import com.example.auth.Tokens.Claims;
        import jakarta.websocket.server.ServerEndpoint;
        class ChatEndpoint { ChatConfigurator c; JwtService s; Claims x; }
        """);
    List<String> paths = ImportCandidates.of("svc/src/main/java/com/example/ws/ChatEndpoint.java", endpoint);
    assertTrue(paths.contains("svc/src/main/java/com/example/auth/JwtService.java"), paths.toString());
    assertTrue(paths.contains("svc/src/main/java/com/example/auth/Tokens.java"), paths.toString());
    assertTrue(paths.contains("svc/src/main/java/com/example/ws/ChatConfigurator.java"), paths.toString());
    assertTrue(paths.contains("svc/src/main/resources/application.yml"), paths.toString());
    assertTrue(paths.contains("svc/src/main/webapp/WEB-INF/web.xml"), paths.toString());
    assertFalse(paths.contains("svc/src/main/java/com/example/ws/ChatEndpoint.java"), paths.toString());
    // a file whose folder does not match its package has no source root to resolve against
    assertEquals(List.of(), ImportCandidates.of("misc/ChatEndpoint.java", endpoint));
  }

  @Test
  void locationsCountBytesOfMultiByteText() {
    byte[] content = "// é\nclass A {}\n".getBytes(StandardCharsets.UTF_8);
    LineIndex lines = new LineIndex("A.java", content);
    var at = lines.span(2, 1, 2, 10);
    assertEquals(6, at.startByte());
    assertEquals(16, at.endByte());
    assertEquals(5, lines.byteOffset(1, 5));
  }
}
