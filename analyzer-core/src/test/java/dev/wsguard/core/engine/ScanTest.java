package dev.wsguard.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.FileFacts;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanTest {
  @TempDir Path tmp;
  private final FakeFrontEnd frontEnd = new FakeFrontEnd();
  private final List<Rule> rules = List.of(new FakeRules.EveryEndpoint(), new FakeRules.OriginEverywhere(),
      new FakeRules.EveryToken());

  private void write(String relative, String content) throws IOException {
    Path file = tmp.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private ScanResult scan(Set<String> ruleIds, int threads) {
    return new Scan(List.of(frontEnd), rules)
        .run(new ScanOptions(tmp, List.of(tmp), ruleIds, List.of(), threads, false));
  }

  private static List<String> summary(ScanResult result) {
    return result.findings().stream()
        .map(f -> f.location() + " " + f.ruleId() + (f.fix() == null ? "" : " +fix")).toList();
  }

  @Test
  void reportsSortedFindingsWithFixesAndFingerprints() throws IOException {
    write("b.fake", "ws\n  ENDPOINT\n");
    write("a.fake", "ws\nTOKEN\n");
    ScanResult result = scan(Set.of(), 2);
    // both endpoint fixes insert at the same point; the first in finding order wins
    assertEquals(List.of("a.fake:2:1 every-token", "b.fake:2:3 every-endpoint +fix",
        "b.fake:2:3 origin-everywhere"), summary(result));
    assertNull(result.findings().get(2).fix());
    result.findings().forEach(f -> assertNotNull(f.fingerprint()));
    assertEquals(2, result.filesScanned());
    assertEquals(rules, result.rules());
    assertEquals(tmp.toAbsolutePath().normalize(), result.root());
  }

  @Test
  void runsOnlyTheSelectedRules() throws IOException {
    write("a.fake", "ws\nENDPOINT TOKEN\n");
    ScanResult result = scan(Set.of("every-token"), 1);
    assertEquals(List.of("a.fake:2:10 every-token"), summary(result));
    assertEquals(List.of("every-token"), result.rules().stream().map(Rule::id).toList());
  }

  @Test
  void rejectsUnknownRuleId() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scan(Set.of("nope"), 1));
    assertEquals("unknown rule id: nope", e.getMessage());
  }

  @Test
  void rejectsDuplicateRuleIds() {
    assertThrows(IllegalArgumentException.class,
        () -> new Scan(List.of(frontEnd), List.of(new FakeRules.EveryToken(), new FakeRules.EveryToken())));
  }

  @Test
  void followsImportsUntilNoNewFileAppears() throws IOException {
    write("server.fake", "ws\nIMPORT lib/auth.fake\n");
    write("lib/auth.fake", "IMPORT lib/keys.fake\nIMPORT server.fake\nIMPORT node_modules/x.fake\nTOKEN\n");
    write("lib/keys.fake", "IMPORT lib/auth.fake\nTOKEN\n");
    write("node_modules/x.fake", "TOKEN\n");
    write("unrelated.fake", "TOKEN\n");
    ScanResult result = scan(Set.of("every-token"), 3);
    assertEquals(List.of("lib/auth.fake:4:1 every-token", "lib/keys.fake:2:1 every-token"), summary(result));
    assertEquals(3, result.filesScanned());
    assertEquals(List.of("lib/auth.fake", "lib/keys.fake", "server.fake"),
        frontEnd.analysed.stream().sorted().toList());
    assertEquals(4, result.stats().filesDiscovered());
    assertEquals(3, result.stats().filesKept());
  }

  @Test
  void followsImportsTwoHopsFromAKeptFileAndNoFurther() throws IOException {
    write("server.fake", "ws\nIMPORT a.fake\n");
    write("a.fake", "IMPORT b.fake\nTOKEN\n");
    write("b.fake", "IMPORT c.fake\nTOKEN\n");
    write("c.fake", "TOKEN\n");
    ScanResult result = new Scan(List.of(frontEnd), rules)
        .run(new ScanOptions(tmp, List.of(tmp), Set.of("every-token"), List.of(), 1, true));
    assertEquals(List.of("a.fake:2:1 every-token", "b.fake:2:1 every-token"), summary(result));
    assertEquals(List.of("a.fake", "b.fake", "server.fake"), frontEnd.analysed.stream().sorted().toList());
    assertEquals(List.of(NotificationIds.IMPORTS_NOT_FOLLOWED),
        result.notifications().stream().map(Notification::id).toList());
  }

  @Test
  void followsAStandaloneFilesImportsOnlyOnceAnotherFileImportsIt() throws IOException {
    write("noise.fake", "ws\nSTANDALONE\nIMPORT big.fake\n");
    write("big.fake", "TOKEN\n");
    write("other.fake", "ws\nSTANDALONE\nIMPORT helper.fake\n");
    write("helper.fake", "TOKEN\n");
    write("server.fake", "ws\nIMPORT other.fake\n");
    ScanResult result = scan(Set.of("every-token"), 1);
    assertEquals(List.of("helper.fake:1:1 every-token"), summary(result));
    assertEquals(List.of("helper.fake", "noise.fake", "other.fake", "server.fake"),
        frontEnd.analysed.stream().sorted().toList());
  }

  @Test
  void keepsScanningWhenAFileBreaksTheFrontEnd() throws IOException {
    write("a.fake", "ws\nBOOM\n");
    write("b.fake", "ws\nENDPOINT\nSYNTAX\n");
    ScanResult result = scan(Set.of("every-endpoint"), 2);
    assertEquals(List.of("b.fake:2:1 every-endpoint +fix"), summary(result));
    assertEquals(List.of("a.fake internal-error", "b.fake parse-error"),
        result.notifications().stream().map(n -> n.path() + " " + n.id()).toList());
  }

  @Test
  void reportsALinkThatThrowsAndStillFinishes() throws IOException {
    write("a.fake", "ws\nENDPOINT\n");
    FakeFrontEnd broken = new FakeFrontEnd() {
      @Override
      public List<FileFacts> link(List<FileAnalysis> analyses, LinkContext context) {
        throw new IllegalStateException("link bug");
      }
    };
    ScanResult result = new Scan(List.of(broken), rules)
        .run(new ScanOptions(tmp, List.of(tmp), Set.of(), List.of(), 1, false));
    assertTrue(result.findings().isEmpty());
    assertEquals("fake front end failed to link 1 files: IllegalStateException: link bug",
        result.notifications().get(0).message());
  }

  @Test
  void reportsRuleErrorsAndKeepsOtherRulesFindings() throws IOException {
    write("a.fake", "ws\nENDPOINT\n");
    ScanResult result = new Scan(List.of(frontEnd), List.of(new FakeRules.AlwaysThrows(),
        new FakeRules.EveryEndpoint())).run(new ScanOptions(tmp, List.of(tmp), Set.of(), List.of(), 1, false));
    assertEquals(List.of("a.fake:2:1 every-endpoint +fix"), summary(result));
    assertEquals(NotificationIds.RULE_ERROR, result.notifications().get(0).id());
  }

  @Test
  void appliesSuppressionsWithReasons() throws IOException {
    write("a.fake", "ws\nENDPOINT // wsguard-ignore every-endpoint -- internal tool\n"
        + "// wsguard-ignore origin-everywhere\nENDPOINT\n");
    ScanResult result = scan(Set.of("every-endpoint", "origin-everywhere"), 1);
    assertEquals(List.of("a.fake:2:1 origin-everywhere +fix", "a.fake:4:1 every-endpoint +fix",
        "a.fake:4:1 origin-everywhere"), summary(result));
    assertEquals(List.of(NotificationIds.SUPPRESSION_WITHOUT_REASON),
        result.notifications().stream().map(Notification::id).toList());
  }

  @Test
  void acceptsSuppressionsOfRulesLeftOutOfTheRun() throws IOException {
    write("a.fake", "ws\nENDPOINT // wsguard-ignore every-endpoint -- internal tool\n");
    ScanResult result = scan(Set.of("every-token"), 1);
    assertTrue(result.notifications().isEmpty(), result.notifications().toString());
  }

  @Test
  void givesTheSameResultWhateverTheThreadCount() throws IOException {
    for (int i = 0; i < 60; i++) {
      write(String.format("d%d/f%02d.fake", i % 7, i), "ws\n".repeat(i % 5) + "ENDPOINT\nTOKEN\nSYNTAX\n");
    }
    write("d1/bin.fake", "ws\u0000");
    ScanResult one = scan(Set.of(), 1);
    ScanResult many = scan(Set.of(), 8);
    assertEquals(one.findings(), many.findings());
    assertEquals(one.notifications(), many.notifications());
    // a fifth of the files lack the trigger word and are never parsed
    assertEquals(48 * 3, one.findings().size());
    assertEquals(48 + 1, one.notifications().size());
  }

  @Test
  void fillsPhaseStatistics() throws IOException {
    write("a.fake", "ws\nENDPOINT\n");
    write("b.fake", "nothing\n");
    ScanStats stats = scan(Set.of(), 1).stats();
    assertEquals(2, stats.filesDiscovered());
    assertEquals(1, stats.filesKept());
    assertEquals(Files.size(tmp.resolve("a.fake")) + Files.size(tmp.resolve("b.fake")), stats.bytesRead());
    assertTrue(stats.discoveryNanos() > 0 && stats.readNanos() > 0 && stats.parseNanos() > 0);
  }

  @Test
  void closesEveryWorkerItCreated() throws IOException {
    for (int i = 0; i < 20; i++) {
      write("f" + i + ".fake", "ws\n");
    }
    scan(Set.of(), 4);
    assertTrue(frontEnd.workersCreated.get() >= 1);
    assertEquals(frontEnd.workersCreated.get(), frontEnd.workersClosed.get());
  }

  @Test
  void findsNothingToScanInAnEmptyTree() {
    ScanResult result = scan(Set.of(), 0);
    assertEquals(0, result.stats().filesDiscovered());
    assertTrue(result.findings().isEmpty());
  }

  private static long countFixes(List<Finding> findings) {
    return findings.stream().filter(f -> f.fix() != null).count();
  }

  @Test
  void dropsOnlyOverlappingFixes() throws IOException {
    write("a.fake", "ws\nENDPOINT\nENDPOINT\n");
    assertEquals(2, countFixes(scan(Set.of(), 1).findings()));
  }
}
