package dev.wsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
  @TempDir Path tmp;

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesTheFileAndLeavesNothingElse() throws IOException {
    Path target = tmp.resolve("report.sarif");
    AtomicOutput.write(target, out -> out.write("{}\n"));
    assertEquals("{}\n", Files.readString(target));
    assertEquals(List.of("report.sarif"), names());
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
  }

  @Test
  void replacesAnExistingFileKeepingItsPermissions() throws IOException {
    Path target = Files.writeString(tmp.resolve("report.txt"), "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw----"));
    AtomicOutput.write(target, out -> out.write("new"));
    assertEquals("new", Files.readString(target));
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
  }

  @Test
  void leavesTheOldFileWhenWritingFails() throws IOException {
    Path target = Files.writeString(tmp.resolve("report.txt"), "old");
    assertThrows(IOException.class, () -> AtomicOutput.write(target, out -> {
      out.write("half");
      throw new IOException("disk full");
    }));
    assertEquals("old", Files.readString(target));
    assertEquals(List.of("report.txt"), names());
  }
}
