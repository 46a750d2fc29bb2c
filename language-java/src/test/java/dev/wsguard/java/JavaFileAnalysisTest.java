package dev.wsguard.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.rule.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaFileAnalysisTest {
  @Test
  void asksTheEngineToReadNoImportedFile() {
    assertEquals(List.of(), new JavaFileAnalysis("A.java", List.of()).imports());
  }

  @Test
  void keepsItsOwnCopyOfTheNotifications() {
    List<Notification> notifications = new ArrayList<>();
    JavaFileAnalysis analysis = new JavaFileAnalysis("A.java", notifications);
    notifications.add(Notification.of("parse-error", Level.WARNING, "A.java", "late"));
    assertEquals(List.of(), analysis.notifications());
    assertThrows(UnsupportedOperationException.class, () -> analysis.notifications().add(notifications.get(0)));
  }
}
