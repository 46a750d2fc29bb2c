package dev.wsguard.cli;

import dev.wsguard.core.rule.Rule;
import dev.wsguard.core.rule.RuleInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wsguard rules}: the rule catalogue as a table. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules.")
final class RulesCommand implements Callable<Integer> {
  private static final List<String> HEADER = List.of("ID", "LEVEL", "CWE", "SUMMARY");

  @Spec CommandSpec spec;

  private final Analyzers analyzers;

  RulesCommand(Analyzers analyzers) {
    this.analyzers = analyzers;
  }

  @Override
  public Integer call() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Rule rule : analyzers.rules()) {
      RuleInfo info = rule.info();
      rows.add(List.of(info.id(), info.level().sarif(), "CWE-" + info.cwe(), info.summary()));
    }
    int[] widths = new int[HEADER.size() - 1];
    for (List<String> row : rows) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < widths.length; c++) {
        line.append(row.get(c)).append(" ".repeat(widths[c] - row.get(c).length() + 2));
      }
      out.println(line.append(row.get(widths.length)));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
