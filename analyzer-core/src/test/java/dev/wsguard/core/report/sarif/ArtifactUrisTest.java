package dev.wsguard.core.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArtifactUrisTest {
  @Test
  void keepsUnreservedCharactersAndSlashes() {
    assertEquals("src/a-b_c.d~e/Server2.java", ArtifactUris.relative("src/a-b_c.d~e/Server2.java"));
  }

  @Test
  void percentEncodesEveryOtherByteOfTheUtf8Form() {
    assertEquals("src/r%C3%A4ume/chat%20room.js", ArtifactUris.relative("src/räume/chat room.js"));
    assertEquals("a%23b%3Fc%25d.js", ArtifactUris.relative("a#b?c%d.js"));
    // a colon in the first segment would otherwise read as a URI scheme
    assertEquals("c%3Adir/x.js", ArtifactUris.relative("c:dir/x.js"));
  }

  @Test
  void encodedPathResolvesBackToTheOriginalName() {
    URI base = URI.create("file:///repo/");
    URI resolved = base.resolve(ArtifactUris.relative("src/räume/chat room #1.js"));
    assertEquals("/repo/src/räume/chat room #1.js", resolved.getPath());
  }

  @Test
  void writesRootAsAbsoluteFileUriEndingInSlash() {
    String uri = ArtifactUris.root(Path.of("/home/dev/chat-app"));
    assertEquals("file:///home/dev/chat-app/", uri);
    assertTrue(ArtifactUris.root(Path.of("relative")).startsWith("file:///"));
  }
}
