package dev.wsguard.core.engine;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** One-line, machine-independent texts for exceptions that end up in notifications. */
final class Messages {
  private Messages() {}

  /**
   * The exception's kind and the first line of its message, with the scan root's absolute path taken out so the
   * same tree scanned from two places reads the same.
   */
  static String oneLine(Throwable error, Path root) {
    if (error instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (error instanceof NoSuchFileException) {
      return "no such file";
    }
    String prefix = root.toString() + root.getFileSystem().getSeparator();
    return oneLine(error).replace(prefix, "");
  }

  /** The exception's kind and the first line of its message. */
  static String oneLine(Throwable error) {
    String message = error.getMessage();
    String kind = error.getClass().getSimpleName();
    String first = message == null ? "" : message.lines().findFirst().orElse("").strip();
    return first.isEmpty() ? kind : kind + ": " + first;
  }
}
