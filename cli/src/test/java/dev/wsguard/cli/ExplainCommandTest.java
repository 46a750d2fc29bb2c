package dev.wsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
  @TempDir Path tmp;

  @Test
  void printsTheRulesDocsPage() {
    Cli.Run run = Cli.tiny(tmp, "explain", "tiny-token");
    assertEquals(ExitCodes.OK, run.code());
    assertEquals("# tiny-token\nTiny token found\n## What it flags\nEvery tiny token.\n", run.out());
  }

  @Test
  void printsAStandardRulesPage() {
    Cli.Run run = Cli.run(tmp, Analyzers.standard(), "explain", "missing-upgrade-auth");
    assertEquals(ExitCodes.OK, run.code());
    assertTrue(run.out().startsWith("# missing-upgrade-auth"), run.out());
  }

  @Test
  void rejectsUnknownRuleInOneLine() {
    Cli.Run run = Cli.tiny(tmp, "explain", "nope");
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals(List.of("wsguard: unknown rule id: nope (known: tiny-endpoint, tiny-token)"), run.errLines());
  }

  @Test
  void requiresARuleId() {
    Cli.Run run = Cli.tiny(tmp, "explain");
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals(1, run.errLines().size());
  }
}
