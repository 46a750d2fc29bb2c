package dev.wsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WsguardCommandTest {
  @TempDir Path tmp;

  @Test
  void printsVersion() {
    Cli.Run run = Cli.tiny(tmp, "--version");
    assertEquals(ExitCodes.OK, run.code());
    assertTrue(run.out().matches("wsguard \\d+\\.\\d+\\.\\d+\\S*\\R"), run.out());
  }

  @Test
  void printsHelpNamingEverySubcommand() {
    Cli.Run run = Cli.tiny(tmp, "--help");
    assertEquals(ExitCodes.OK, run.code());
    for (String command : List.of("scan", "rules", "explain")) {
      assertTrue(run.out().contains(command), run.out());
    }
  }

  @Test
  void reportsUnknownOptionInOneLine() {
    Cli.Run run = Cli.tiny(tmp, "scan", "--bogus");
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals(List.of("wsguard: Unknown option: '--bogus'"), run.errLines());
    assertEquals("", run.out());
  }

  @Test
  void reportsMissingCommandInOneLine() {
    Cli.Run run = Cli.tiny(tmp);
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals(List.of("wsguard: missing command: scan, fix, rules or explain (see wsguard --help)"), run.errLines());
  }

  @Test
  void reportsUnknownCommandInOneLine() {
    Cli.Run run = Cli.tiny(tmp, "frobnicate");
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals(1, run.errLines().size());
    assertTrue(run.err().startsWith("wsguard: Unmatched argument"), run.err());
  }

  @Test
  void reportsBadOptionValueInOneLine() {
    Cli.Run run = Cli.tiny(tmp, "scan", "--fail-on", "fatal");
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals(1, run.errLines().size());
    assertTrue(run.err().contains("--fail-on"), run.err());
  }
}
