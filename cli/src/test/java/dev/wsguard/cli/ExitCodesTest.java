package dev.wsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.rule.Confidence;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
  private static Finding at(Level level) {
    return new Finding("r", level, "v", "m", new SourceLocation("a.js", 1, 1, 1, 2, 0, 1), List.of(),
        Confidence.HIGH, null, null, null);
  }

  @Test
  void failsOnFindingsAtOrAboveTheThreshold() {
    assertEquals(ExitCodes.FINDINGS, ExitCodes.forFindings(List.of(at(Level.WARNING)), Level.WARNING, false));
    assertEquals(ExitCodes.FINDINGS, ExitCodes.forFindings(List.of(at(Level.ERROR)), Level.NOTE, false));
  }

  @Test
  void passesFindingsBelowTheThreshold() {
    assertEquals(ExitCodes.OK, ExitCodes.forFindings(List.of(at(Level.NOTE), at(Level.WARNING)), Level.ERROR,
        false));
  }

  @Test
  void neverFailsWithThresholdNoneOrExitZero() {
    assertEquals(ExitCodes.OK, ExitCodes.forFindings(List.of(at(Level.ERROR)), Level.NONE, false));
    assertEquals(ExitCodes.OK, ExitCodes.forFindings(List.of(at(Level.ERROR)), Level.NOTE, true));
  }

  @Test
  void passesWithoutFindings() {
    assertEquals(ExitCodes.OK, ExitCodes.forFindings(List.of(), Level.NOTE, false));
  }
}
