package dev.wsguard.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}, compared byte for byte. To regenerate them after a
 * deliberate change of a report's shape, run the tests with the system property {@code wsguard.updateGolden}:
 * {@code ./mvnw -B -pl analyzer-core test -Dwsguard.updateGolden=true}, then review the diff before committing.
 */
public final class Golden {
  static final String UPDATE_PROPERTY = "wsguard.updateGolden";

  private Golden() {}

  public static void assertMatches(String name, String actual) {
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      write(name, actual);
      return;
    }
    assertEquals(read(name), actual, "golden/" + name + " differs; see Golden's javadoc to regenerate it");
  }

  public static String read(String name) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      assertNotNull(in, "missing golden file golden/" + name + "; see Golden's javadoc to create it");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // surefire runs tests in the module's folder, so this is the source tree, not target/
  private static void write(String name, String content) {
    try {
      Path file = Path.of("src", "test", "resources", "golden", name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
