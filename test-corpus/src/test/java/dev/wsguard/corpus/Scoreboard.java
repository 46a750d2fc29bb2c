package dev.wsguard.corpus;

import dev.wsguard.corpus.Verdict.Outcome;
import dev.wsguard.corpus.Verdict.Tally;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Precision and recall of the analyzer on the corpus, per language/framework and rule, with the accepted gaps
 * ({@code todo-*} markers) counted apart. Printed after the corpus test and kept in the build folder.
 */
final class Scoreboard {
  private final Map<String, Map<String, EnumMap<Outcome, Integer>>> rows = new TreeMap<>();

  synchronized void add(String group, Tally tally) {
    rows.computeIfAbsent(group, g -> new TreeMap<>())
        .computeIfAbsent(tally.ruleId(), r -> new EnumMap<>(Outcome.class))
        .merge(tally.outcome(), 1, Integer::sum);
  }

  synchronized String render() {
    StringBuilder out = new StringBuilder();
    String header = String.format("%-22s %-22s %5s %5s %5s %5s %9s %7s %9s %7s%n", "framework", "rule", "tp",
        "fn", "fp", "ok", "todo-exp", "todo-ok", "precision", "recall");
    out.append(header);
    EnumMap<Outcome, Integer> total = new EnumMap<>(Outcome.class);
    rows.forEach((group, byRule) -> byRule.forEach((rule, counts) -> {
      out.append(line(group, rule, counts));
      counts.forEach((k, v) -> total.merge(k, v, Integer::sum));
    }));
    out.append(line("all", "all", total));
    return out.toString();
  }

  private static String line(String group, String rule, Map<Outcome, Integer> c) {
    int tp = c.getOrDefault(Outcome.TRUE_POSITIVE, 0);
    int fn = c.getOrDefault(Outcome.MISSED, 0);
    int fp = c.getOrDefault(Outcome.FALSE_POSITIVE, 0);
    int ok = c.getOrDefault(Outcome.OK_HELD, 0);
    int todoExpect = c.getOrDefault(Outcome.TODO_EXPECT_MISSED, 0);
    int todoOk = c.getOrDefault(Outcome.TODO_OK_FIRED, 0);
    // accepted gaps still count against the figures: they are known misses and false alarms
    String precision = ratio(tp, tp + fp + todoOk);
    String recall = ratio(tp, tp + fn + todoExpect);
    return String.format("%-22s %-22s %5d %5d %5d %5d %9d %7d %9s %7s%n", group, rule, tp, fn, fp, ok, todoExpect,
        todoOk, precision, recall);
  }

  private static String ratio(int num, int den) {
    return den == 0 ? "-" : String.format("%.2f", (double) num / den);
  }
}
