package dev.wsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
  @TempDir Path tmp;

  @Test
  void printsTheCatalogueAsAnAlignedTable() {
    Cli.Run run = Cli.tiny(tmp, "rules");
    assertEquals(ExitCodes.OK, run.code());
    assertEquals(List.of(
        "ID             LEVEL  CWE      SUMMARY",
        "tiny-endpoint  error  CWE-306  Tiny endpoint found",
        "tiny-token     note   CWE-347  Tiny token found"), run.out().lines().toList());
  }

  @Test
  void listsEveryStandardRule() {
    Cli.Run run = Cli.run(tmp, Analyzers.standard(), "rules");
    assertEquals(ExitCodes.OK, run.code());
    for (String id : List.of("broadcast-to-all", "missing-message-authz", "missing-origin-check",
        "missing-upgrade-auth", "unverified-token")) {
      assertTrue(run.out().contains(id), run.out());
    }
  }
}
