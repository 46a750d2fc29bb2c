package dev.wsguard.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.ScanResult;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.corpus.Markers.Kind;
import dev.wsguard.corpus.Markers.Marker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every corpus file tests every rule: a finding on a line with no {@code expect} for its rule fails, and an
 * {@code expect} with no finding fails (DESIGN.md "Corpus conventions").
 */
class CorpusTest {
  private static final Scoreboard SCOREBOARD = new Scoreboard();

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesItsMarkers() {
    List<CorpusCase> cases = CorpusCase.all();
    assertTrue(!cases.isEmpty(), "no corpus cases found under " + CorpusCase.CASES.toAbsolutePath());
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(CorpusCase c) throws IOException {
    ScanResult result = CorpusScanner.scan(c.root(), c.scanPath());
    Set<String> rules = CorpusScanner.ruleIds();
    List<String> problems = new ArrayList<>();
    for (Notification n : result.notifications()) {
      if (n.id().equals("parse-error") || n.id().equals("internal-error") || n.id().equals("rule-error")) {
        problems.add((n.path() == null ? "" : n.path() + ":" + n.line() + ": ") + n.id() + ": " + n.message());
      }
    }
    for (Path file : c.files()) {
      String rel = c.relative(file);
      Markers.Parsed parsed = Markers.parse(Files.readString(file, StandardCharsets.UTF_8), rules);
      parsed.errors().forEach(e -> problems.add(rel + ":" + e));
      List<Finding> findings = result.findings().stream().filter(f -> f.location().path().equals(rel)).toList();
      Verdict verdict = new Verdict(findings, parsed.markers());
      verdict.problems.forEach(p -> problems.add(rel + ":" + p));
      verdict.tallies.forEach(t -> SCOREBOARD.add(c.language() + "/" + c.framework(), t));
      for (Finding f : findings) {
        if (f.fix() != null && !Files.exists(CorpusCase.fixedSibling(file))) {
          problems.add(rel + ":" + f.location().startLine() + ": " + f.ruleId()
              + " produced a patch but there is no " + CorpusCase.fixedSibling(file).getFileName()
              + " beside the case: add the expected output");
        }
      }
    }
    if (!problems.isEmpty()) {
      StringBuilder all = new StringBuilder();
      for (Finding f : result.findings()) {
        all.append("\n    ").append(f.location()).append(' ').append(f.ruleId()).append(" (").append(f.variant())
            .append(") ").append(f.message());
      }
      fail(c.name() + ":\n  " + String.join("\n  ", problems) + "\n  all findings in this case:"
          + (all.length() == 0 ? " none" : all));
    }
  }

  @Test
  void everyFileHasMarkersUnlessItSaysNoFindings() throws IOException {
    List<String> bare = new ArrayList<>();
    for (CorpusCase c : CorpusCase.all()) {
      for (Path file : c.files()) {
        Markers.Parsed parsed = Markers.parse(Files.readString(file), CorpusScanner.ruleIds());
        if (parsed.markers().isEmpty() && !parsed.declaredNoFindings()) {
          bare.add(file.toString());
        }
      }
    }
    assertEquals(List.of(), bare, "corpus files without markers (add them, or '// corpus: no-findings' on line 1)");
  }

  @Test
  void noTwoCorpusFilesAreTheSame() throws IOException {
    Map<String, Path> seen = new HashMap<>();
    List<String> duplicates = new ArrayList<>();
    for (CorpusCase c : CorpusCase.all()) {
      for (Path file : c.files()) {
        String normalised = Files.readString(file).replaceAll("\\s+", "");
        Path first = seen.putIfAbsent(normalised, file);
        if (first != null) {
          duplicates.add(first + " = " + file);
        }
      }
    }
    assertEquals(List.of(), duplicates, "duplicate corpus files");
  }

  /** STYLE.md E: each rule has at least one expect and one ok per language the corpus covers. */
  @Test
  void everyRuleHasExpectAndOkPerLanguage() throws IOException {
    Map<String, Set<String>> have = new TreeMap<>();
    Set<String> languages = new TreeSet<>();
    for (CorpusCase c : CorpusCase.all()) {
      languages.add(c.language());
      for (Path file : c.files()) {
        for (Marker m : Markers.parse(Files.readString(file), CorpusScanner.ruleIds()).markers()) {
          if (m.kind() == Kind.EXPECT || m.kind() == Kind.OK) {
            have.computeIfAbsent(c.language(), l -> new TreeSet<>()).add(m.kind().token + ":" + m.ruleId());
          }
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (String language : languages) {
      for (String rule : new TreeSet<>(CorpusScanner.ruleIds())) {
        for (String kind : List.of("expect", "ok")) {
          if (!have.getOrDefault(language, Set.of()).contains(kind + ":" + rule)) {
            missing.add(language + " " + kind + ": " + rule);
          }
        }
      }
    }
    assertEquals(List.of(), missing, "rules without an expect and an ok case per language");
  }

  @AfterAll
  static void printScoreboard() throws IOException {
    String board = SCOREBOARD.render();
    System.out.println("wsguard corpus scoreboard\n" + board);
    Path out = Path.of("target", "corpus-scoreboard.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, board);
  }
}
