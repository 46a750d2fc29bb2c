package dev.wsguard.core.engine;

import dev.wsguard.core.rule.Level;
import java.util.Comparator;
import java.util.Objects;

/**
 * A tool notification: something wsguard could not read, parse or decide, reported beside the findings (SARIF
 * {@code toolExecutionNotifications}, a stderr line in text mode). It never changes the exit code.
 *
 * @param id a stable kebab-case kind ("parse-error", "unreadable-file", "skipped-minified", "symlink-loop")
 * @param path the file concerned, relative to the scan root; null when none
 * @param line 1-based line, 0 when none
 */
public record Notification(String id, Level level, String path, int line, String message) {
  public static final Comparator<Notification> ORDER =
      Comparator.comparing((Notification n) -> n.path() == null ? "" : n.path())
          .thenComparingInt(Notification::line)
          .thenComparing(Notification::id)
          .thenComparing(Notification::message);

  public Notification {
    Objects.requireNonNull(id);
    Objects.requireNonNull(level);
    Objects.requireNonNull(message);
  }

  public static Notification of(String id, Level level, String path, String message) {
    return new Notification(id, level, path, 0, message);
  }
}
