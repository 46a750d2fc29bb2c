package dev.wsguard.core.report.text;

import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.ScanResult;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Level;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The terminal format: one line per finding, {@code path:line:col: level rule-id message}, the form compilers use so
 * that editors and terminals link it, then a summary line such as {@code 3 findings (2 errors, 1 warning) in 12
 * files}. Notifications go to their own writer ({@link #writeNotifications}) because the CLI sends them to stderr.
 * Lines end in {@code \n} on every platform.
 */
public final class TextWriter {
  private static final List<Level> SUMMARY_LEVELS = List.of(Level.ERROR, Level.WARNING, Level.NOTE);

  public void write(ScanResult result, Writer out) throws IOException {
    Map<Level, Integer> counts = new EnumMap<>(Level.class);
    for (Finding finding : result.findings()) {
      out.write(line(finding));
      out.write('\n');
      counts.merge(finding.level(), 1, Integer::sum);
    }
    out.write(summary(result.findings().size(), counts, result.filesScanned()));
    out.write('\n');
    out.flush();
  }

  /** One line per notification: {@code path:line: level: message [id]}, leaving out what the notification lacks. */
  public void writeNotifications(List<Notification> notifications, Writer out) throws IOException {
    for (Notification notification : notifications) {
      out.write(line(notification));
      out.write('\n');
    }
    out.flush();
  }

  static String line(Finding finding) {
    return finding.location().path() + ":" + finding.location().startLine() + ":"
        + finding.location().startColumn() + ": " + finding.level().sarif() + " " + finding.ruleId() + " "
        + oneLine(finding.message());
  }

  static String line(Notification notification) {
    StringBuilder line = new StringBuilder();
    if (notification.path() != null) {
      line.append(notification.path());
      if (notification.line() > 0) {
        line.append(':').append(notification.line());
      }
      line.append(": ");
    }
    return line.append(notification.level().sarif()).append(": ").append(oneLine(notification.message()))
        .append(" [").append(notification.id()).append(']').toString();
  }

  static String summary(int findings, Map<Level, Integer> counts, int files) {
    List<String> parts = new ArrayList<>();
    for (Level level : SUMMARY_LEVELS) {
      int count = counts.getOrDefault(level, 0);
      if (count > 0) {
        parts.add(count(count, level.sarif()));
      }
    }
    String breakdown = parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    return count(findings, "finding") + breakdown + " in " + count(files, "file");
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  // a message that spans lines would break the one-line-per-finding contract that grep and editors rely on
  private static String oneLine(String message) {
    return message.replaceAll("\\s*\\R\\s*", " ");
  }
}
