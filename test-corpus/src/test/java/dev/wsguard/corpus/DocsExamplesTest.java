package dev.wsguard.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.engine.ScanResult;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Rule;
import dev.wsguard.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples in the rules' docs pages are executed (ESLint's check-rule-examples): a block tagged
 * {@code incorrect} must raise its page's rule, a block tagged {@code correct} must raise nothing, and neither may
 * fail to parse.
 */
class DocsExamplesTest {
  private static final Pattern BLOCK =
      Pattern.compile("(?m)^```(js|ts|java) (incorrect|correct)\\s*\\n(.*?)^```", Pattern.DOTALL);
  private static final Map<String, String> EXTENSION = Map.of("js", ".js", "ts", ".ts", "java", ".java");

  @TempDir Path temp;

  record Example(Rule rule, int index, String language, boolean incorrect, String code) {}

  @TestFactory
  Stream<DynamicTest> docsExamplesDoWhatTheySay() {
    List<Example> examples = new ArrayList<>();
    for (Rule rule : Rules.ALL) {
      Matcher m = BLOCK.matcher(rule.docs());
      int i = 0;
      while (m.find()) {
        examples.add(new Example(rule, ++i, m.group(1), m.group(2).equals("incorrect"), m.group(3)));
      }
    }
    return examples.stream().map(e -> DynamicTest.dynamicTest(
        e.rule().id() + " example " + e.index() + (e.incorrect() ? " (incorrect)" : " (correct)"),
        () -> check(e)));
  }

  @TestFactory
  Stream<DynamicTest> everyPageHasBothKindsOfExample() {
    return Rules.ALL.stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
      Matcher m = BLOCK.matcher(rule.docs());
      boolean incorrect = false;
      boolean correct = false;
      while (m.find()) {
        incorrect |= m.group(2).equals("incorrect");
        correct |= m.group(2).equals("correct");
      }
      assertTrue(incorrect && correct, rule.id() + ".md needs an incorrect and a correct example");
    }));
  }

  private void check(Example e) throws IOException {
    Path dir = Files.createDirectories(temp.resolve(e.rule().id() + "-" + e.index()));
    String name = e.language().equals("java") ? exampleClassName(e.code()) : "example";
    Path file = dir.resolve(name + EXTENSION.get(e.language()));
    Files.writeString(file, e.code());
    ScanResult result = CorpusScanner.scan(dir, file);
    assertFalse(result.notifications().stream().anyMatch(n -> n.id().equals("parse-error")),
        "example does not parse: " + result.notifications());
    List<String> found = result.findings().stream().map(DocsExamplesTest::describe).toList();
    if (e.incorrect()) {
      assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals(e.rule().id())),
          "incorrect example raises no " + e.rule().id() + "; found: " + found + "\n" + e.code());
    } else {
      assertEquals(List.of(), found, "correct example raises findings\n" + e.code());
    }
  }

  private static String exampleClassName(String code) {
    Matcher m = Pattern.compile("\\b(?:class|record|interface|enum)\\s+(\\w+)").matcher(code);
    return m.find() ? m.group(1) : "Example";
  }

  private static String describe(Finding f) {
    return f.location().startLine() + ": " + f.ruleId() + " " + f.message();
  }
}
