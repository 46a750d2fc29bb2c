package dev.wsguard.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.FrontEnd;
import dev.wsguard.core.engine.LinkContext;
import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.FileFacts;
import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.TokenUse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JavaFrontEndTest {
  private final JavaFrontEnd frontEnd = new JavaFrontEnd();

  @Test
  void readsJavaFilesAndTheConfigurationTheyDependOn() {
    assertEquals("java", frontEnd.name());
    assertEquals(Set.of(".java", ".properties", ".yml", ".yaml", "web.xml"), frontEnd.extensions());
  }

  @Test
  void triggersOnEveryWebSocketAndJwtPackage() {
    List<String> words = frontEnd.triggerWords();
    for (String api : List.of("javax.websocket", "jakarta.websocket", "org.springframework.web.socket",
        "org.springframework.messaging", "org.springframework.security", "org.springframework.web.reactive.socket",
        "org.springframework.web.reactive.handler", "org.java_websocket",
        "io.netty.handler.codec.http.websocketx",
        "io.quarkus.websockets", "io.micronaut.websocket", "io.jsonwebtoken", "com.auth0.jwt",
        "com.nimbusds.jwt", "com.nimbusds.jose",
        "Base64.getUrlDecoder", "Base64.getDecoder")) {
      assertTrue(words.contains(api), api);
    }
    assertEquals(17, words.size());
  }

  @Test
  void tellsAnApisOwnSourceFromAnAppThatUsesIt() {
    assertTrue(frontEnd.isLibrarySource(bytes("package org.springframework.web.socket.server.support;\n"
        + "import org.springframework.web.socket.WebSocketHandler;\nclass DefaultHandshakeHandler {}\n")));
    assertTrue(frontEnd.isLibrarySource(bytes("package io.jsonwebtoken;\npublic interface Jwts {}\n")));
    assertFalse(frontEnd.isLibrarySource(bytes("package com.example.chat;\n"
        + "import org.springframework.web.socket.WebSocketHandler;\nclass ChatHandler {}\n")));
    // a package that only shares a prefix with an API's is an app's
    assertFalse(frontEnd.isLibrarySource(bytes("package io.jsonwebtokenizer.app;\nclass A {}\n")));
    assertFalse(frontEnd.isLibrarySource(bytes("import jakarta.websocket.Session;\nclass A {}\n")));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void givesEachCallerItsOwnWorker() {
    try (FrontEnd.Worker first = frontEnd.newWorker(); FrontEnd.Worker second = frontEnd.newWorker()) {
      assertNotSame(first, second);
    }
  }

  @Test
  void linksEachAnalysisToFactsInPathOrder() {
    List<FileAnalysis> analyses = new ArrayList<>();
    try (FrontEnd.Worker worker = frontEnd.newWorker()) {
      for (String path : List.of("b/Server.java", "a/Config.java")) {
        analyses.add(worker.analyze(new SourceFile(path,
            "import jakarta.websocket.server.ServerEndpoint;\n@ServerEndpoint(\"/chat\")\nclass X {}\n"
                .getBytes(StandardCharsets.UTF_8))));
      }
    }
    List<FileFacts> facts = frontEnd.link(analyses, new LinkContext(false, n -> {}));
    // the engine hands analyses over in thread-finishing order; linking must not depend on it
    assertEquals(List.of("a/Config.java", "b/Server.java"), facts.stream().map(FileFacts::path).toList());
    assertTrue(facts.stream().allMatch(f -> f.language() == Language.JAVA));
  }

  @Test
  void rendersNoFix() {
    SourceLocation at = new SourceLocation("A.java", 1, 1, 1, 2, 0, 1);
    FixIntent intent = new FixIntent.VerifyToken(new TokenUse(at, "jjwt.parse", false, true, false, null, null));
    SourceFile file = new SourceFile("A.java", "class A {}".getBytes(StandardCharsets.UTF_8));
    assertTrue(frontEnd.fixRenderer().render(intent, file, FixContext.EMPTY).isEmpty());
  }
}
