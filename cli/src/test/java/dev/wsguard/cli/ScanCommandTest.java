package dev.wsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanCommandTest {
  @TempDir Path tmp;

  private Path write(String relative, String content) throws IOException {
    Path file = tmp.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  private List<String> findingLines(Cli.Run run) {
    return run.out().lines().filter(l -> l.contains(": error ") || l.contains(": note ")).toList();
  }

  @Test
  void exitsZeroWhenNothingIsFound() throws IOException {
    write("src/server.tiny", "ws\nnothing here\n");
    Cli.Run run = Cli.tiny(tmp, "scan");
    assertEquals(ExitCodes.OK, run.code());
    assertEquals("0 findings in 1 file\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  void exitsOneOnFindingsAndPrintsThemRelativeToTheWorkingDirectory() throws IOException {
    write("src/server.tiny", "ws\nENDPOINT\n");
    Cli.Run run = Cli.tiny(tmp, "scan", "src");
    assertEquals(ExitCodes.FINDINGS, run.code());
    assertEquals(List.of("src/server.tiny:2:1: error tiny-endpoint found an endpoint"), findingLines(run));
  }

  @Test
  void exitsTwoOnMissingPathWithOneLine() throws IOException {
    write("src/server.tiny", "ws\nENDPOINT\n");
    Cli.Run run = Cli.tiny(tmp, "scan", "src", "foo");
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals(List.of("wsguard: path does not exist: foo"), run.errLines());
    assertEquals("", run.out());
  }

  @Test
  void exitsTwoWhenNothingCanBeScanned() throws IOException {
    write("notes.md", "ws ENDPOINT");
    Cli.Run run = Cli.tiny(tmp, "scan");
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals(List.of("wsguard: nothing to scan: no .tiny file under the given paths"), run.errLines());
  }

  @Test
  void runsOnlyTheRulesAsked() throws IOException {
    write("a.tiny", "ws\nENDPOINT\nTOKEN\n");
    Cli.Run run = Cli.tiny(tmp, "scan", "--rules", "tiny-token");
    assertEquals(ExitCodes.OK, run.code());
    assertEquals(List.of("a.tiny:3:1: note tiny-token found a token"), findingLines(run));
  }

  @Test
  void rejectsUnknownRuleIdInOneLine() throws IOException {
    write("a.tiny", "ws\n");
    Cli.Run run = Cli.tiny(tmp, "scan", "--rules", "tiny-token,nope");
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals(List.of("wsguard: unknown rule id: nope (known: tiny-endpoint, tiny-token)"), run.errLines());
  }

  @ParameterizedTest
  @CsvSource({
      "ENDPOINT, error, 1", "ENDPOINT, warning, 1", "ENDPOINT, none, 0",
      "TOKEN, error, 0", "TOKEN, warning, 0", "TOKEN, note, 1", "TOKEN, NOTE, 1"})
  void failsOnlyAtOrAboveTheFailOnLevel(String marker, String failOn, int expected) throws IOException {
    write("a.tiny", "ws\n" + marker + "\n");
    assertEquals(expected, Cli.tiny(tmp, "scan", "--fail-on", failOn).code());
  }

  @Test
  void exitZeroReportsButPasses() throws IOException {
    write("a.tiny", "ws\nENDPOINT\n");
    Cli.Run run = Cli.tiny(tmp, "scan", "--exit-zero");
    assertEquals(ExitCodes.OK, run.code());
    assertEquals(1, findingLines(run).size());
  }

  @Test
  void writesTheReportToOutputAtomically() throws IOException {
    write("a.tiny", "ws\nENDPOINT\n");
    Files.writeString(tmp.resolve("report.txt"), "stale");
    Cli.Run run = Cli.tiny(tmp, "scan", "--output", "report.txt");
    assertEquals(ExitCodes.FINDINGS, run.code());
    assertEquals("", run.out());
    assertEquals("a.tiny:2:1: error tiny-endpoint found an endpoint\n1 finding (1 error) in 1 file\n",
        Files.readString(tmp.resolve("report.txt")));
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of("a.tiny", "report.txt"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void rejectsOutputInAMissingFolder() throws IOException {
    write("a.tiny", "ws\n");
    Cli.Run run = Cli.tiny(tmp, "scan", "--output", "nope/report.txt");
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals(1, run.errLines().size());
  }

  @Test
  void writesSarifWithNotificationsInside() throws IOException {
    write("a.tiny", "ws\nENDPOINT\n");
    write("b.tiny", "ws\u0000binary");
    Cli.Run run = Cli.tiny(tmp, "scan", "--format", "sarif");
    assertEquals(ExitCodes.FINDINGS, run.code());
    assertEquals("", run.err());
    JsonNode sarif = new ObjectMapper().readTree(run.out());
    JsonNode only = sarif.path("runs").path(0);
    assertEquals("tiny-endpoint", only.path("results").path(0).path("ruleId").asText());
    assertTrue(only.path("invocations").path(0).path("toolExecutionNotifications").toString()
        .contains("binary-file"), only.toString());
  }

  @Test
  void writesJson() throws IOException {
    write("a.tiny", "ws\nTOKEN\n");
    Cli.Run run = Cli.tiny(tmp, "scan", "--format", "json");
    assertEquals(ExitCodes.OK, run.code());
    assertTrue(new ObjectMapper().readTree(run.out()).toString().contains("tiny-token"), run.out());
  }

  @Test
  void printsNotificationsOnStandardErrorInTextMode() throws IOException {
    write("a.tiny", "ws\nENDPOINT\n");
    write("b.tiny", "ws\u0000binary");
    Cli.Run run = Cli.tiny(tmp, "scan");
    assertEquals(ExitCodes.FINDINGS, run.code());
    assertEquals(1, run.errLines().size());
    assertTrue(run.err().startsWith("b.tiny: note: ") && run.err().contains("[binary-file]"), run.err());
  }

  @Test
  void namesFilesRelativeToTheirCommonFolderWhenOutsideTheWorkingDirectory() throws IOException {
    write("srv/app/a.tiny", "ws\nENDPOINT\n");
    Path cwd = Files.createDirectories(tmp.resolve("home"));
    Cli.Run run = Cli.tiny(cwd, "scan", tmp.resolve("srv/app/a.tiny").toString());
    assertEquals(List.of("a.tiny:2:1: error tiny-endpoint found an endpoint"), findingLines(run));
  }

  @Test
  void appliesExcludes() throws IOException {
    write("src/a.tiny", "ws\nENDPOINT\n");
    write("test/a.tiny", "ws\nENDPOINT\n");
    Cli.Run run = Cli.tiny(tmp, "scan", "--exclude", "test/**", "--exclude", "*.skip.tiny");
    assertEquals(List.of("src/a.tiny:2:1: error tiny-endpoint found an endpoint"), findingLines(run));
  }

  @Test
  void rejectsMalformedExcludeInOneLine() throws IOException {
    write("a.tiny", "ws\n");
    Cli.Run run = Cli.tiny(tmp, "scan", "--exclude", "src/[a");
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals(List.of("wsguard: invalid --exclude glob: src/[a"), run.errLines());
  }

  @Test
  void rejectsNegativeThreadCount() throws IOException {
    write("a.tiny", "ws\n");
    assertEquals(ExitCodes.USAGE, Cli.tiny(tmp, "scan", "--threads", "-1").code());
  }

  @Test
  void printsPhaseTimesWithStats() throws IOException {
    write("a.tiny", "ws\n");
    Cli.Run run = Cli.tiny(tmp, "scan", "--stats", "--threads", "2");
    assertEquals(ExitCodes.OK, run.code());
    assertTrue(run.err().startsWith("wsguard stats: 1 files discovered, 1 analysed"), run.err());
    for (String phase : List.of("discovery", "read", "prefilter", "parse", "link", "rules", "report", "wall", "start-up")) {
      assertTrue(run.err().contains("  " + phase + " "), run.err());
    }
  }

  @Test
  void walksIntoDependencyFoldersOnlyWhenTheDefaultSkipsAreLifted() throws IOException {
    write("app/server.tiny", "ws\n");
    write("app/node_modules/lib/index.tiny", "ws\nENDPOINT\n");
    write("app/.git/hooks/x.tiny", "ws\nENDPOINT\n");
    Cli.Run skipped = Cli.tiny(tmp, "scan", "app");
    assertEquals(ExitCodes.OK, skipped.code());
    assertEquals("0 findings in 1 file\n", skipped.out());
    Cli.Run lifted = Cli.tiny(tmp, "scan", "--no-default-skips", "app");
    assertEquals(ExitCodes.FINDINGS, lifted.code());
    assertEquals(List.of("app/node_modules/lib/index.tiny:2:1: error tiny-endpoint found an endpoint"),
        findingLines(lifted));
  }
}
