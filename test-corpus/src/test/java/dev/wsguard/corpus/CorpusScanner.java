package dev.wsguard.corpus;

import dev.wsguard.core.engine.Scan;
import dev.wsguard.core.engine.ScanOptions;
import dev.wsguard.core.engine.ScanResult;
import dev.wsguard.core.rule.Rule;
import dev.wsguard.java.JavaFrontEnd;
import dev.wsguard.js.JsFrontEnd;
import dev.wsguard.rules.Rules;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs the real engine, front ends and rules on corpus paths, as the CLI would. */
final class CorpusScanner {
  private CorpusScanner() {}

  static ScanResult scan(Path root, Path target) {
    Scan scan = new Scan(List.of(new JsFrontEnd(), new JavaFrontEnd()), Rules.ALL);
    // a fix case's expected output is no part of the case: beside a Java app's input it would declare its classes twice
    return scan.run(new ScanOptions(root, List.of(target), Set.of(), List.of("*.fixed.*"), 1, false));
  }

  static Set<String> ruleIds() {
    return Rules.ALL.stream().map(Rule::id).collect(Collectors.toUnmodifiableSet());
  }
}
