package dev.wsguard.core.engine;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.rule.Confidence;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Level;
import java.util.List;

/** Findings built directly, for tests of the phases after the rules. */
final class TestFindings {
  private TestFindings() {}

  static SourceLocation at(String path, int line) {
    return new SourceLocation(path, line, 1, line, 5, 0, 4);
  }

  static Finding finding(String ruleId, String path, int line) {
    return finding(ruleId, at(path, line), null);
  }

  static Finding finding(String ruleId, String path, int line, int column) {
    return finding(ruleId, new SourceLocation(path, line, column, line, column + 1, 0, 1), null);
  }

  static Finding finding(String ruleId, SourceLocation location, FixIntent intent) {
    return new Finding(ruleId, Level.ERROR, "seen", "seen it", location, List.of(), Confidence.HIGH, intent, null,
        null);
  }
}
