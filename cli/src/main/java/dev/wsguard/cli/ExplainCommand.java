package dev.wsguard.cli;

import dev.wsguard.core.rule.Rule;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wsguard explain RULE-ID}: prints the rule's docs page, the same text SARIF and the IDE show. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Print a rule's documentation.")
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RULE-ID", description = "A rule id, as 'wsguard rules' lists them.")
  String ruleId;

  private final Analyzers analyzers;

  ExplainCommand(Analyzers analyzers) {
    this.analyzers = analyzers;
  }

  @Override
  public Integer call() {
    Rule rule = analyzers.rules().stream()
        .filter(r -> r.id().equals(ruleId))
        .findFirst()
        .orElseThrow(() -> new ParameterException(spec.commandLine(), "unknown rule id: " + ruleId + " (known: "
            + analyzers.rules().stream().map(Rule::id).collect(Collectors.joining(", ")) + ")"));
    PrintWriter out = spec.commandLine().getOut();
    String docs = rule.docs();
    out.print(docs.endsWith("\n") ? docs : docs + "\n");
    out.flush();
    return ExitCodes.OK;
  }
}
