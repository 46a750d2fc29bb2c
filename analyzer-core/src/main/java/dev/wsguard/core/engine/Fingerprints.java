package dev.wsguard.core.engine;

import dev.wsguard.core.rule.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Stable finding fingerprints: SHA-256 over the rule id, the path, the finding line's text with whitespace folded,
 * the message variant and the occurrence index among findings sharing all of those. Line numbers are left out, so
 * edits elsewhere in the file keep a finding's fingerprint; reindenting the line keeps it too.
 */
final class Fingerprints {
  /** 128 bits, as hex: plenty against collisions, short enough to read in a baseline file. */
  static final int HEX_LENGTH = 32;
  /**
   * On a longer line (a bundle's one line) only this much text from the finding's column counts: hashing megabytes
   * per finding is slow, and any edit anywhere in the bundle would change every print.
   */
  static final int MAX_LINE_CHARS = 400;

  private Fingerprints() {}

  /**
   * The findings with fingerprints, in the given order, which must be {@link Finding#ORDER} so occurrence indexes
   * are stable.
   *
   * @param lines a file's lines by path; null when the file is not at hand (the line text then counts as empty)
   */
  static List<Finding> assign(List<Finding> sorted, Function<String, SourceLines> lines) {
    Map<String, Integer> occurrences = new HashMap<>();
    List<Finding> out = new ArrayList<>(sorted.size());
    for (Finding finding : sorted) {
      SourceLines file = lines.apply(finding.location().path());
      String text = file == null ? "" : fold(window(file.text(finding.location().startLine()),
          finding.location().startColumn()));
      String key = String.join("\u0000", finding.ruleId(), finding.location().path(), text, finding.variant());
      int occurrence = occurrences.merge(key, 1, Integer::sum) - 1;
      out.add(finding.withFingerprint(hash(key + "\u0000" + occurrence)));
    }
    return out;
  }

  /** The line, or on a very long line the part starting at the finding's 1-based (UTF-16) column. */
  static String window(String line, int column) {
    if (line.length() <= MAX_LINE_CHARS) {
      return line;
    }
    int from = Math.min(Math.max(column - 1, 0), line.length());
    return line.substring(from, Math.min(line.length(), from + MAX_LINE_CHARS));
  }

  /** Trims and collapses every run of whitespace to one space. */
  static String fold(String line) {
    return line.strip().replaceAll("\\s+", " ");
  }

  private static String hash(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HEX_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
