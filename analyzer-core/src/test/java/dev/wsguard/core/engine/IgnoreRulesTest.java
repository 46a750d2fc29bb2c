package dev.wsguard.core.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoreRulesTest {
  @TempDir Path tmp;

  private Path write(String relative, String content) throws IOException {
    Path file = tmp.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  @Test
  void appliesRootRulesToNestedFiles() throws IOException {
    write(".gitignore", "*.gen.js\n");
    Path nested = write("src/deep/a.gen.js", "");
    Path plain = write("src/deep/a.js", "");
    IgnoreRules rules = new IgnoreRules(tmp);
    assertTrue(rules.isIgnored(nested, false));
    assertFalse(rules.isIgnored(plain, false));
  }

  @Test
  void letsDeeperNegationWin() throws IOException {
    write(".gitignore", "*.gen.js\n");
    write("src/.gitignore", "!keep.gen.js\n");
    IgnoreRules rules = new IgnoreRules(tmp);
    assertFalse(rules.isIgnored(write("src/keep.gen.js", ""), false));
    assertTrue(rules.isIgnored(write("src/other.gen.js", ""), false));
    assertTrue(rules.isIgnored(write("keep.gen.js", ""), false));
  }

  @Test
  void matchesFolderOnlyPatternsOnFolders() throws IOException {
    write(".gitignore", "secret/\n");
    Path dir = Files.createDirectories(tmp.resolve("app/secret"));
    IgnoreRules rules = new IgnoreRules(tmp);
    assertTrue(rules.isIgnored(dir, true));
    assertFalse(rules.isIgnored(write("app/secret2/x.js", ""), false));
  }

  @Test
  void appliesInfoExcludeOfTheRepository() throws IOException {
    write(".git/info/exclude", "local-*.js\n");
    IgnoreRules rules = new IgnoreRules(tmp);
    assertTrue(rules.isIgnored(write("src/local-debug.js", ""), false));
  }

  @Test
  void appliesRulesAboveTheRootInsideTheSameRepository() throws IOException {
    Files.createDirectories(tmp.resolve(".git"));
    write(".gitignore", "generated/\n");
    Path root = Files.createDirectories(tmp.resolve("services/api"));
    Path dir = Files.createDirectories(root.resolve("generated"));
    assertTrue(new IgnoreRules(root).isIgnored(dir, true));
  }

  @Test
  void ignoresRulesAboveTheRootOutsideARepository() throws IOException {
    write(".gitignore", "generated/\n");
    Path root = Files.createDirectories(tmp.resolve("services/api"));
    Path dir = Files.createDirectories(root.resolve("generated"));
    assertFalse(new IgnoreRules(root).isIgnored(dir, true));
  }
}
