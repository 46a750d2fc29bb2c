package dev.wsguard.core.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.ScanResult;
import dev.wsguard.core.report.SampleScan;
import dev.wsguard.core.rule.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArtifactIndexTest {
  @Test
  void listsEveryReferencedFileOnceInPathOrder() {
    ArtifactIndex index = ArtifactIndex.of(SampleScan.result());
    // verify.js is named only by a related location and a fix edit; broken.js and locked.js only by notifications
    assertEquals(List.of("src/auth/verify.js", "src/broken.js", "src/locked.js", "src/räume/chat room.js",
        "src/server.js"), index.paths());
    assertEquals(4, index.indexOf("src/server.js"));
  }

  @Test
  void skipsNotificationsWithoutPath() {
    ScanResult result = new ScanResult(SampleScan.ROOT, List.of(), List.of(),
        List.of(Notification.of("no-config", Level.NOTE, null, "no config")), 0, null);
    assertEquals(List.of(), ArtifactIndex.of(result).paths());
  }

  @Test
  void rejectsPathItDoesNotList() {
    ArtifactIndex index = ArtifactIndex.of(SampleScan.result());
    assertThrows(IllegalArgumentException.class, () -> index.indexOf("src/other.js"));
  }
}
