package dev.wsguard.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wsguard.core.engine.ScanResult;
import dev.wsguard.core.fix.Patches;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.rule.FixKind;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Rule;
import dev.wsguard.core.rule.RuleInfo;
import dev.wsguard.corpus.Markers.Kind;
import dev.wsguard.corpus.Markers.Marker;
import dev.wsguard.js.parse.JsGrammar;
import dev.wsguard.js.parse.JsParser;
import dev.wsguard.js.parse.Node;
import dev.wsguard.rules.Rules;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fix cases: a corpus file with an {@code x.fixed.ext} sibling. The case is scanned, all the patches its findings
 * carry are applied, and the result must equal the sibling byte for byte, parse cleanly (JavaScript: also pass
 * {@code node --check} where Node is installed; Java: compile against the API stubs), and, scanned again in place
 * of the original, lose the patched findings without raising any new one (DESIGN.md "Suggested patches").
 */
class FixCorpusTest {
  private static final Set<String> NODE_CHECKED = Set.of(".js", ".cjs", ".mjs");
  /** Scans of the fix cases, shared by the tests of this class: scanning is the slow part. */
  private static Map<CorpusCase, ScanResult> scans;

  @TempDir
  Path temp;

  private static synchronized Map<CorpusCase, ScanResult> fixCases() {
    if (scans == null) {
      Map<CorpusCase, ScanResult> out = new LinkedHashMap<>();
      for (CorpusCase c : CorpusCase.all()) {
        if (c.files().stream().anyMatch(f -> Files.exists(CorpusCase.fixedSibling(f)))) {
          out.put(c, CorpusScanner.scan(c.root(), c.scanPath()));
        }
      }
      scans = out;
    }
    return scans;
  }

  @TestFactory
  Stream<DynamicTest> everyFixCaseGivesItsFixedFile() {
    Map<CorpusCase, ScanResult> cases = fixCases();
    assertTrue(!cases.isEmpty(), "no fix cases (x.fixed.ext beside x.ext) under " + CorpusCase.CASES);
    return cases.entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey().name(), () -> check(e.getKey(), e.getValue())));
  }

  @Test
  void everyFixedFileHasItsInput() throws IOException {
    List<String> orphans = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(CorpusCase.CASES)) {
      for (Path fixed : walk.filter(CorpusCase::isFixedOutput).toList()) {
        String n = fixed.getFileName().toString();
        Path input = fixed.resolveSibling(n.replaceFirst("\\.fixed\\.", "."));
        if (!Files.exists(input)) {
          orphans.add(fixed.toString());
        }
      }
    }
    assertEquals(List.of(), orphans, ".fixed files without the case they are the output of");
  }

  private void check(CorpusCase c, ScanResult before) throws IOException {
    List<String> problems = new ArrayList<>();
    Path copy = temp.resolve(c.name().replace('/', '_'));
    copyTree(c.root(), copy);
    Map<String, Map<String, Integer>> patchedRules = new TreeMap<>();
    for (Path file : c.files()) {
      Path fixedFile = CorpusCase.fixedSibling(file);
      if (!Files.exists(fixedFile)) {
        continue;
      }
      String rel = c.relative(file);
      List<TextEdit> edits = new ArrayList<>();
      Map<String, Integer> rules = new TreeMap<>();
      for (Finding f : before.findings()) {
        if (f.fix() == null) {
          continue;
        }
        List<TextEdit> here = f.fix().edits().stream().filter(e -> e.range().path().equals(rel)).toList();
        if (!here.isEmpty()) {
          edits.addAll(here);
          rules.merge(f.ruleId(), 1, Integer::sum);
        }
      }
      if (edits.isEmpty()) {
        problems.add(rel + ": has " + fixedFile.getFileName() + " but no finding in it carries a patch");
        continue;
      }
      byte[] patched = Patches.apply(Files.readAllBytes(file), edits);
      String expected = Files.readString(fixedFile, StandardCharsets.UTF_8);
      String actual = new String(patched, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        problems.add(rel + ": the patched file differs from " + fixedFile.getFileName() + firstDifference(expected,
            actual));
      }
      syntaxProblem(rel, patched).ifPresent(problems::add);
      Files.write(copy.resolve(rel), patched);
      patchedRules.put(rel, rules);
    }
    javaProblems(c, copy, patchedRules.keySet()).ifPresent(problems::add);
    ScanResult after = CorpusScanner.scan(copy, copy.resolve(c.root().relativize(c.scanPath()).toString()));
    for (String rel : relativeFiles(c)) {
      Map<String, Integer> patched = patchedRules.getOrDefault(rel, Map.of());
      Map<String, Integer> was = countByRule(before, rel);
      Map<String, Integer> now = countByRule(after, rel);
      for (Map.Entry<String, Integer> e : now.entrySet()) {
        int allowed = was.getOrDefault(e.getKey(), 0) - patched.getOrDefault(e.getKey(), 0);
        if (e.getValue() > allowed) {
          problems.add(rel + ": after the patches " + e.getValue() + " " + e.getKey() + " finding(s), at most "
              + allowed + " allowed (" + was.getOrDefault(e.getKey(), 0) + " before, "
              + patched.getOrDefault(e.getKey(), 0) + " patched): " + describe(after, rel, e.getKey()));
        }
      }
    }
    after.notifications().stream()
        .filter(n -> n.id().equals("parse-error") || n.id().equals("internal-error"))
        .forEach(n -> problems.add("re-scan: " + n.id() + ": " + n.message()));
    if (!problems.isEmpty()) {
      fail(c.name() + ":\n  " + String.join("\n  ", problems));
    }
  }

  /**
   * STYLE.md E: a rule offers patches ({@code fix = SUGGESTED}) exactly when a fix case shows one, and each rule a
   * framework's corpus expects either has a fix case there or says where and why it comes without a patch.
   */
  @Test
  void everyExpectedRuleHasAFixCaseOrSaysWhyNot() throws IOException {
    Map<String, Set<String>> expected = new TreeMap<>();
    Map<String, Set<String>> covered = new TreeMap<>();
    for (CorpusCase c : CorpusCase.all()) {
      String framework = c.language() + "/" + c.framework();
      for (Path file : c.files()) {
        for (Marker m : Markers.parse(Files.readString(file), CorpusScanner.ruleIds()).markers()) {
          if (m.kind() == Kind.EXPECT) {
            expected.computeIfAbsent(framework, k -> new TreeSet<>()).add(m.ruleId());
          } else if (m.kind() == Kind.EXPECT_NO_FIX) {
            covered.computeIfAbsent(framework, k -> new TreeSet<>()).add(m.ruleId());
          }
        }
      }
    }
    Set<String> patchedRules = new TreeSet<>();
    for (Map.Entry<CorpusCase, ScanResult> e : fixCases().entrySet()) {
      String framework = e.getKey().language() + "/" + e.getKey().framework();
      for (Finding f : e.getValue().findings()) {
        if (f.fix() != null) {
          covered.computeIfAbsent(framework, k -> new TreeSet<>()).add(f.ruleId());
          patchedRules.add(f.ruleId());
        }
      }
    }
    List<String> missing = new ArrayList<>();
    expected.forEach((framework, rules) -> rules.stream()
        .filter(r -> !covered.getOrDefault(framework, Set.of()).contains(r))
        .forEach(r -> missing.add(framework + " " + r)));
    assertEquals(List.of(), missing,
        "rule x framework pairs with an expect but neither a fix case nor an expect-no-fix marker");
    List<String> wrongKind = new ArrayList<>();
    for (Rule rule : Rules.ALL) {
      boolean suggested = rule.getClass().getAnnotation(RuleInfo.class).fix() == FixKind.SUGGESTED;
      if (suggested != patchedRules.contains(rule.id())) {
        wrongKind.add(rule.id() + (suggested ? " says fix = SUGGESTED but no fix case patches it"
            : " has a fix case but says fix = NONE"));
      }
    }
    assertEquals(List.of(), wrongKind, "RuleInfo.fix against the fix cases");
  }

  private static java.util.Optional<String> syntaxProblem(String rel, byte[] patched) throws IOException {
    JsGrammar grammar = JsGrammar.forPath(rel);
    if (grammar == null) {
      return java.util.Optional.empty();
    }
    try (JsParser parser = new JsParser()) {
      Node problem = parser.parse(rel, patched, grammar).firstProblem();
      if (problem != null) {
        return java.util.Optional.of(rel + ": the patched file does not parse: " + problem.type() + " at line "
            + problem.line());
      }
    }
    String ending = rel.substring(rel.lastIndexOf('.')).toLowerCase(Locale.ROOT);
    Path node = onPath("node");
    if (node == null || !NODE_CHECKED.contains(ending)) {
      return java.util.Optional.empty();
    }
    Path script = Files.createTempFile("wsguard-fix", ending);
    try {
      Files.write(script, patched);
      Process p = new ProcessBuilder(node.toString(), "--check", script.toString()).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return java.util.Optional.of(rel + ": node --check did not finish");
      }
      return p.exitValue() == 0 ? java.util.Optional.empty()
          : java.util.Optional.of(rel + ": node --check rejects the patched file:\n" + output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.Optional.of(rel + ": interrupted while running node --check");
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /**
   * A patched Java file must compile: the case's Java sources, with the patched ones in place, are compiled against
   * the API stubs (a file marked as not meant to compile is left out).
   */
  private static java.util.Optional<String> javaProblems(CorpusCase c, Path copy, Set<String> patched)
      throws IOException {
    if (patched.stream().noneMatch(rel -> rel.endsWith(".java"))) {
      return java.util.Optional.empty();
    }
    List<Path> sources = new ArrayList<>();
    for (Path file : c.files()) {
      if (JavaStubs.meantToCompile(file)) {
        sources.add(copy.resolve(c.relative(file)));
      }
    }
    String problems = JavaStubs.compileAgainstStubs(sources);
    return problems.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of("the patched sources do not compile against the stubs:\n" + problems);
  }

  private static Path onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static List<String> relativeFiles(CorpusCase c) {
    return c.files().stream().map(c::relative).toList();
  }

  private static Map<String, Integer> countByRule(ScanResult result, String rel) {
    Map<String, Integer> out = new TreeMap<>();
    for (Finding f : result.findings()) {
      if (f.location().path().equals(rel)) {
        out.merge(f.ruleId(), 1, Integer::sum);
      }
    }
    return out;
  }

  private static String describe(ScanResult result, String rel, String rule) {
    StringBuilder out = new StringBuilder();
    for (Finding f : result.findings()) {
      if (f.location().path().equals(rel) && f.ruleId().equals(rule)) {
        out.append("\n      ").append(f.location()).append(" (").append(f.variant()).append(") ").append(f.message());
      }
    }
    return out.toString();
  }

  private static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String el = i < e.length ? e[i] : "<end of file>";
      String al = i < a.length ? a[i] : "<end of file>";
      if (!el.equals(al)) {
        return " at line " + (i + 1) + ":\n    expected: " + el + "\n    actual:   " + al;
      }
    }
    return "";
  }

  /** Copies the case's folder (fix outputs left out), so the re-scan sees the same neighbours as the scan. */
  private static void copyTree(Path from, Path to) throws IOException {
    Path folder = Files.isDirectory(from) ? from : from.getParent();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(folder.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!CorpusCase.isFixedOutput(p)) {
          Files.copy(p, target);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
