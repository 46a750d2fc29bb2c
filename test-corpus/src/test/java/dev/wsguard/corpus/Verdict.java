package dev.wsguard.corpus;

import dev.wsguard.core.rule.Finding;
import dev.wsguard.corpus.Markers.Kind;
import dev.wsguard.corpus.Markers.Marker;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares one file's findings with its markers, exhaustively in both directions: every finding needs an
 * {@code expect} (or an accepted {@code todo-ok}) for its rule on its line, and every {@code expect} needs a
 * finding. Known gaps ({@code todo-*}) are counted, and fail once they start passing so the marker gets updated.
 */
final class Verdict {
  /** Tallies for one file, by rule: what the scoreboard adds up. */
  record Tally(String ruleId, Outcome outcome) {}

  enum Outcome {
    TRUE_POSITIVE,
    MISSED,
    FALSE_POSITIVE,
    OK_HELD,
    TODO_EXPECT_MISSED,
    TODO_OK_FIRED
  }

  final List<String> problems = new ArrayList<>();
  final List<Tally> tallies = new ArrayList<>();

  Verdict(List<Finding> findings, List<Marker> markers) {
    for (Finding f : findings) {
      int line = f.location().startLine();
      Marker expect = find(markers, Kind.EXPECT, f.ruleId(), line);
      Marker todoOk = find(markers, Kind.TODO_OK, f.ruleId(), line);
      Marker ok = find(markers, Kind.OK, f.ruleId(), line);
      Marker todoExpect = find(markers, Kind.TODO_EXPECT, f.ruleId(), line);
      if (expect != null) {
        if (expect.variant() != null && !expect.variant().equals(f.variant())) {
          problems.add("line " + line + ": " + f.ruleId() + " reported with variant (" + f.variant()
              + ") but the marker expects (" + expect.variant() + "): " + f.message());
        }
        tallies.add(new Tally(f.ruleId(), Outcome.TRUE_POSITIVE));
      } else if (todoOk != null) {
        tallies.add(new Tally(f.ruleId(), Outcome.TODO_OK_FIRED));
      } else if (todoExpect != null) {
        problems.add("line " + line + ": todo-expect: " + f.ruleId() + " now passes: make it an expect marker");
        tallies.add(new Tally(f.ruleId(), Outcome.TRUE_POSITIVE));
      } else {
        problems.add("line " + line + ": unexpected " + f.ruleId() + " (" + f.variant() + ")"
            + (ok != null ? " where the file says ok" : "") + ": " + f.message());
        tallies.add(new Tally(f.ruleId(), Outcome.FALSE_POSITIVE));
      }
      Marker noFix = find(markers, Kind.EXPECT_NO_FIX, f.ruleId(), line);
      if (noFix != null && f.fix() != null) {
        problems.add("line " + line + ": " + f.ruleId() + " came with a patch, but the file says expect-no-fix");
      }
    }
    for (Marker m : markers) {
      boolean fired = findings.stream()
          .anyMatch(f -> f.ruleId().equals(m.ruleId()) && f.location().startLine() == m.line());
      switch (m.kind()) {
        case EXPECT -> {
          if (!fired) {
            problems.add("line " + m.line() + ": missed " + m.ruleId()
                + (m.variant() == null ? "" : " (" + m.variant() + ")") + ": no finding there");
            tallies.add(new Tally(m.ruleId(), Outcome.MISSED));
          }
        }
        case OK -> {
          if (!fired) {
            tallies.add(new Tally(m.ruleId(), Outcome.OK_HELD));
          }
        }
        case TODO_EXPECT -> {
          if (!fired) {
            tallies.add(new Tally(m.ruleId(), Outcome.TODO_EXPECT_MISSED));
          }
        }
        case TODO_OK -> {
          if (!fired) {
            problems.add("line " + m.line() + ": todo-ok: " + m.ruleId() + " no longer fires: make it an ok marker");
          }
        }
        case EXPECT_NO_FIX -> {
          if (!fired) {
            problems.add("line " + m.line() + ": expect-no-fix: " + m.ruleId() + " but no finding there");
          }
        }
        default -> throw new IllegalStateException(m.kind().name());
      }
    }
  }

  private static Marker find(List<Marker> markers, Kind kind, String rule, int line) {
    return markers.stream()
        .filter(m -> m.kind() == kind && m.ruleId().equals(rule) && m.line() == line)
        .findFirst()
        .orElse(null);
  }
}
