package dev.wsguard.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WsguardVersionTest {
  @Test
  void readsVersionFromMavenProperties() {
    String properties = "groupId=dev.wsguard\nartifactId=analyzer-core\nversion=1.2.3\n";
    assertEquals("1.2.3", WsguardVersion.fromPomProperties(
        new ByteArrayInputStream(properties.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void fallsBackWhenPropertiesAreMissingOrHaveNoVersion() {
    assertEquals(WsguardVersion.FALLBACK, WsguardVersion.fromPomProperties(null));
    assertEquals(WsguardVersion.FALLBACK, WsguardVersion.fromPomProperties(
        new ByteArrayInputStream("artifactId=x\n".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void usesTheFallbackOutsideAJar() {
    // tests load classes from target/classes, which has neither a manifest version nor Maven's pom.properties
    assertEquals(WsguardVersion.FALLBACK, WsguardVersion.current());
  }
}
