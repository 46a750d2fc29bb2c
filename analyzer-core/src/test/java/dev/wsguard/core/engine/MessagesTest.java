package dev.wsguard.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MessagesTest {
  private final Path root = Path.of("/srv/app").toAbsolutePath();

  @Test
  void keepsTheFirstLineOnly() {
    assertEquals("IllegalStateException: first", Messages.oneLine(new IllegalStateException("first\nsecond")));
  }

  @Test
  void namesTheKindWhenThereIsNoMessage() {
    assertEquals("NullPointerException", Messages.oneLine(new NullPointerException()));
  }

  @Test
  void takesTheRootOutOfMessages() {
    IOException e = new IOException("cannot open " + root.resolve("src/a.js"));
    assertEquals("IOException: cannot open src/a.js", Messages.oneLine(e, root));
  }

  @Test
  void saysPermissionDeniedPlainly() {
    assertEquals("permission denied", Messages.oneLine(new AccessDeniedException(root + "/a.js"), root));
  }
}
