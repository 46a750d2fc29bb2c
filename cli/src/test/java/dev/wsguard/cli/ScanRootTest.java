package dev.wsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanRootTest {
  @TempDir Path tmp;

  @Test
  void usesTheWorkingDirectoryWhenEveryPathIsUnderIt() throws IOException {
    Path cwd = Files.createDirectories(tmp.resolve("repo"));
    Path file = Files.writeString(Files.createDirectories(cwd.resolve("src")).resolve("a.js"), "");
    assertEquals(Optional.of(cwd), ScanRoot.of(List.of(file, cwd.resolve("src")), cwd));
  }

  @Test
  void usesTheCommonFolderOfPathsOutsideTheWorkingDirectory() throws IOException {
    Path cwd = Files.createDirectories(tmp.resolve("home"));
    Path a = Files.writeString(Files.createDirectories(tmp.resolve("srv/app/a")).resolve("x.js"), "");
    Path b = Files.createDirectories(tmp.resolve("srv/app/b"));
    assertEquals(Optional.of(tmp.resolve("srv/app")), ScanRoot.of(List.of(a, b), cwd));
  }

  @Test
  void usesTheFolderOfASingleFileOutsideTheWorkingDirectory() throws IOException {
    Path cwd = Files.createDirectories(tmp.resolve("home"));
    Path file = Files.writeString(Files.createDirectories(tmp.resolve("srv")).resolve("server.js"), "");
    assertEquals(Optional.of(tmp.resolve("srv")), ScanRoot.of(List.of(file), cwd));
  }
}
