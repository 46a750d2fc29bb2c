package dev.wsguard.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus marker grammar (DESIGN.md "Corpus conventions"). A marker is a line comment
 * {@code // <kind>: <rule-id>} with an optional variant key in parentheses and an optional reason after
 * {@code --}. It applies to its own line when it trails code, and to the next line that is not itself only
 * markers when it stands alone (so several stand-alone markers may stack above one line). Several markers may sit
 * on one line: {@code foo(); // expect: a // ok: b}.
 */
final class Markers {
  enum Kind {
    EXPECT("expect"),
    OK("ok"),
    TODO_EXPECT("todo-expect"),
    TODO_OK("todo-ok"),
    EXPECT_NO_FIX("expect-no-fix");

    final String token;

    Kind(String token) {
      this.token = token;
    }
  }

  /** One marker: the line it applies to, the line it is written on, its kind, rule and optional variant. */
  record Marker(int line, int writtenOn, Kind kind, String ruleId, String variant) {
    @Override
    public String toString() {
      return "line " + line + ": " + kind.token + ": " + ruleId + (variant == null ? "" : " (" + variant + ")");
    }
  }

  /** A file's markers, plus the opt-out for files meant to have no markers at all. */
  record Parsed(List<Marker> markers, boolean declaredNoFindings, List<String> errors) {}

  private static final Pattern MARKER =
      Pattern.compile(
          "//\\s*(todo-expect|todo-ok|expect-no-fix|expect|ok):\\s*([A-Za-z0-9_-]+)(?:\\s*\\(([a-z0-9-]+)\\))?");
  private static final Pattern MARKERS_ONLY =
      Pattern.compile("^\\s*(//\\s*(todo-expect|todo-ok|expect-no-fix|expect|ok):.*)$");
  private static final String NO_FINDINGS = "// corpus: no-findings";

  private Markers() {}

  static Parsed parse(String text, Set<String> knownRules) {
    String[] lines = text.split("\r\n|\n|\r", -1);
    List<Marker> markers = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    boolean noFindings = lines.length > 0 && lines[0].strip().startsWith(NO_FINDINGS);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MARKER.matcher(lines[i]);
      boolean standalone = MARKERS_ONLY.matcher(lines[i]).matches();
      int target = standalone ? nextCodeLine(lines, i) : i + 1;
      while (m.find()) {
        Kind kind = kindOf(m.group(1));
        String rule = m.group(2);
        if (!knownRules.contains(rule)) {
          errors.add("line " + (i + 1) + ": unknown rule id '" + rule + "' in marker");
          continue;
        }
        if (target < 0) {
          errors.add("line " + (i + 1) + ": stand-alone marker with no code line below it");
          continue;
        }
        markers.add(new Marker(target, i + 1, kind, rule, m.group(3)));
      }
    }
    return new Parsed(List.copyOf(markers), noFindings, List.copyOf(errors));
  }

  /** The 1-based number of the first line after {@code index} that is not only markers; -1 if none. */
  private static int nextCodeLine(String[] lines, int index) {
    for (int j = index + 1; j < lines.length; j++) {
      if (!MARKERS_ONLY.matcher(lines[j]).matches()) {
        return j + 1;
      }
    }
    return -1;
  }

  private static Kind kindOf(String token) {
    for (Kind k : Kind.values()) {
      if (k.token.equals(token)) {
        return k;
      }
    }
    throw new IllegalArgumentException(token);
  }
}
