package dev.wsguard.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a report file all at once: into a temporary file in the target's folder, then moved over the target. A
 * reader (a CI upload step, an editor watching the file) sees the old report or the new one, never half of one.
 */
final class AtomicOutput {
  /** What an ordinary file gets under the usual umask; a temporary file starts out private. */
  private static final Set<PosixFilePermission> DEFAULT_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

  /** Writes the report body. */
  interface Body {
    void writeTo(Writer out) throws IOException;
  }

  private AtomicOutput() {}

  static void write(Path target, Body body) throws IOException {
    writeWith(target, temp -> {
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        body.writeTo(out);
      }
    });
  }

  /** Replaces the file's bytes all at once, keeping its permissions. */
  static void writeBytes(Path target, byte[] content) throws IOException {
    writeWith(target, temp -> Files.write(temp, content));
  }

  private interface Filler {
    void fill(Path temp) throws IOException;
  }

  private static void writeWith(Path target, Filler filler) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    Path name = absolute.getFileName();
    if (folder == null || name == null) {
      throw new IOException("not a file path: " + target);
    }
    Path temp = Files.createTempFile(folder, "." + name + ".", ".tmp");
    try {
      filler.fill(temp);
      keepPermissions(absolute, temp);
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void keepPermissions(Path target, Path temp) throws IOException {
    if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) == null) {
      return;
    }
    Set<PosixFilePermission> permissions =
        Files.exists(target) ? Files.getPosixFilePermissions(target) : DEFAULT_PERMISSIONS;
    Files.setPosixFilePermissions(temp, permissions);
  }
}
