package dev.wsguard.cli;

import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Level;
import java.util.List;

/** The exit codes DESIGN.md promises; scripts and CI depend on them, so they never change meaning. */
final class ExitCodes {
  /** No finding at or above {@code --fail-on}. */
  static final int OK = 0;
  /** At least one finding at or above {@code --fail-on}. */
  static final int FINDINGS = 1;
  /** A usage error (unknown option, missing path, unknown rule id), or nothing could be scanned. */
  static final int USAGE = 2;

  private ExitCodes() {}

  static int forFindings(List<Finding> findings, Level failOn, boolean exitZero) {
    if (exitZero) {
      return OK;
    }
    return findings.stream().anyMatch(f -> f.level().atLeast(failOn)) ? FINDINGS : OK;
  }
}
