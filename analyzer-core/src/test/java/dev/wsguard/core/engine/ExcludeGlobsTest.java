package dev.wsguard.core.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class ExcludeGlobsTest {
  @Test
  void matchesPathsRelativeToTheRoot() {
    ExcludeGlobs globs = new ExcludeGlobs(List.of("src/*.js", "**/generated/**"));
    assertTrue(globs.excludes(Path.of("src/a.js")));
    assertFalse(globs.excludes(Path.of("src/sub/a.js")));
    assertTrue(globs.excludes(Path.of("lib/generated/x/y.ts")));
  }

  @Test
  void matchesGlobWithoutSlashAgainstNamesAnywhere() {
    ExcludeGlobs globs = new ExcludeGlobs(List.of("*.test.js", "fixtures"));
    assertTrue(globs.excludes(Path.of("src/deep/a.test.js")));
    assertTrue(globs.excludes(Path.of("test/fixtures")));
    assertFalse(globs.excludes(Path.of("src/a.js")));
  }

  @Test
  void dropsTrailingSlash() {
    assertTrue(new ExcludeGlobs(List.of("vendor/")).excludes(Path.of("vendor")));
  }

  @Test
  void rejectsMalformedGlob() {
    assertThrows(PatternSyntaxException.class, () -> new ExcludeGlobs(List.of("src/[a")));
  }
}
