package dev.wsguard.core.engine;

import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Inline suppressions, the same in every language with C-style comments:
 *
 * <pre>
 * code(); // wsguard-ignore rule-id[,rule-id...] -- reason
 * // wsguard-ignore rule-id -- reason        (alone on the line above the finding)
 * /* wsguard-ignore rule-id -- reason *&#47;
 * </pre>
 *
 * The reason is required: a comment without one suppresses nothing and is reported, so every silenced finding
 * says why in the code. A comment naming an unknown rule is reported too (a typo would silence nothing).
 */
final class Suppressions {
  static final String MARKER = "wsguard-ignore";

  /**
   * One parsed comment.
   *
   * @param line where the comment is
   * @param standalone nothing but the comment on its line: it covers the next line too
   */
  record Directive(int line, Set<String> ruleIds, String reason, boolean standalone) {
    boolean covers(String ruleId, int findingLine) {
      return !reason.isEmpty()
          && ruleIds.contains(ruleId)
          && (findingLine == line || standalone && findingLine == line + 1);
    }
  }

  private static final Prefilter HAS_MARKER = new Prefilter(List.of(MARKER));

  private Suppressions() {}

  /**
   * The findings no directive covers, in their order. Every directive in {@code files} is checked, whether or not it
   * covers a finding, and problems go to {@code notifications}.
   */
  static List<Finding> apply(
      List<Finding> findings, Map<String, SourceFile> files, Set<String> knownRuleIds,
      Consumer<Notification> notifications) {
    Map<String, List<Directive>> byFile = new HashMap<>();
    for (SourceFile file : files.values()) {
      List<Directive> directives = parse(file);
      if (!directives.isEmpty()) {
        byFile.put(file.path(), directives);
        directives.forEach(d -> check(file.path(), d, knownRuleIds, notifications));
      }
    }
    List<Finding> kept = new ArrayList<>();
    for (Finding finding : findings) {
      List<Directive> directives = byFile.getOrDefault(finding.location().path(), List.of());
      int line = finding.location().startLine();
      if (directives.stream().noneMatch(d -> d.covers(finding.ruleId(), line))) {
        kept.add(finding);
      }
    }
    return kept;
  }

  /** Every directive in the file, in line order. */
  static List<Directive> parse(SourceFile file) {
    if (!HAS_MARKER.matches(file.content())) {
      return List.of();
    }
    SourceLines lines = SourceLines.of(file.content());
    List<Directive> directives = new ArrayList<>();
    for (int n = 1; n <= lines.count(); n++) {
      String text = lines.text(n);
      if (text.contains(MARKER)) {
        parseLine(text, n).ifPresent(directives::add);
      }
    }
    return directives;
  }

  /** The directive on one line; empty when the marker is not the start of a comment (prose, a string). */
  static Optional<Directive> parseLine(String text, int line) {
    int at = text.indexOf(MARKER);
    int opener = commentOpener(text, at);
    if (opener < 0) {
      return Optional.empty();
    }
    String body = text.substring(at + MARKER.length());
    if (!body.isEmpty() && !Character.isWhitespace(body.charAt(0))) {
      return Optional.empty();
    }
    boolean block = text.startsWith("/*", opener);
    String after = "";
    if (block) {
      int close = body.indexOf("*/");
      if (close >= 0) {
        after = body.substring(close + 2);
        body = body.substring(0, close);
      }
    }
    boolean standalone = text.substring(0, opener).isBlank() && after.isBlank();
    int dashes = body.indexOf("--");
    String names = dashes < 0 ? body : body.substring(0, dashes);
    String reason = dashes < 0 ? "" : body.substring(dashes + 2).strip();
    Set<String> ids = new LinkedHashSet<>();
    for (String id : names.split("[,\\s]+")) {
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    return Optional.of(new Directive(line, ids, reason, standalone));
  }

  /** Where the comment holding the marker at {@code at} opens ("//", "/*" or "/**", then spaces); -1 if none. */
  private static int commentOpener(String text, int at) {
    int i = at;
    while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    if (i >= 3 && text.startsWith("/**", i - 3)) {
      return i - 3;
    }
    if (i >= 2 && (text.startsWith("//", i - 2) || text.startsWith("/*", i - 2))) {
      return i - 2;
    }
    return -1;
  }

  private static void check(
      String path, Directive directive, Set<String> knownRuleIds, Consumer<Notification> notifications) {
    if (directive.ruleIds().isEmpty()) {
      notifications.accept(new Notification(NotificationIds.SUPPRESSION_UNKNOWN_RULE, Level.WARNING, path,
          directive.line(), MARKER + " names no rule; write " + MARKER + " <rule-id> -- <reason>"));
    }
    for (String id : directive.ruleIds()) {
      if (!knownRuleIds.contains(id)) {
        notifications.accept(new Notification(NotificationIds.SUPPRESSION_UNKNOWN_RULE, Level.WARNING, path,
            directive.line(), MARKER + " names an unknown rule: " + id));
      }
    }
    if (directive.reason().isEmpty()) {
      notifications.accept(new Notification(NotificationIds.SUPPRESSION_WITHOUT_REASON, Level.WARNING, path,
          directive.line(), MARKER + " needs a reason after '--'; it suppresses nothing until it has one"));
    }
  }
}
