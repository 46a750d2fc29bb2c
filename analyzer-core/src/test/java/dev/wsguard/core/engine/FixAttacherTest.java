package dev.wsguard.core.engine;

import static dev.wsguard.core.engine.TestFindings.at;
import static dev.wsguard.core.engine.TestFindings.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.rule.Finding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixAttacherTest {
  private final List<Notification> notes = new ArrayList<>();
  private final SourceFile file = new SourceFile("a.fake", "ENDPOINT\nENDPOINT\n".getBytes(StandardCharsets.UTF_8));

  private FixAttacher attacher(FrontEnd frontEnd) {
    return new FixAttacher(path -> path.endsWith(".fake") ? frontEnd : null,
        path -> path.equals(file.path()) ? file : null, notes::add, dev.wsguard.core.fix.FixContext.EMPTY);
  }

  private static FixIntent intent(SourceLocation at) {
    return new FixIntent.AddUpgradeAuth(FakeFrontEnd.FakeAnalysis.endpoint(at));
  }

  @Test
  void attachesTheOwningFrontEndsFix() {
    List<Finding> out = attacher(new FakeFrontEnd()).attach(
        List.of(finding("r", at("a.fake", 1), intent(at("a.fake", 1))), finding("s", "a.fake", 2)));
    assertEquals("add auth", out.get(0).fix().description());
    assertNull(out.get(1).fix());
  }

  @Test
  void dropsTheLaterOfTwoOverlappingFixes() {
    SourceLocation same = at("a.fake", 1);
    List<Finding> out = attacher(new FakeFrontEnd()).attach(
        List.of(finding("r", same, intent(same)), finding("s", same, intent(same))));
    assertNotNull(out.get(0).fix());
    assertNull(out.get(1).fix());
    assertEquals(2, out.size());
  }

  @Test
  void reportsARendererThatThrowsAndKeepsTheFinding() {
    FrontEnd broken = new FakeFrontEnd() {
      @Override
      public dev.wsguard.core.fix.FixRenderer fixRenderer() {
        return (intent, source, context) -> {
          throw new IllegalStateException("renderer bug");
        };
      }
    };
    List<Finding> out = attacher(broken).attach(List.of(finding("r", at("a.fake", 1), intent(at("a.fake", 1)))));
    assertNull(out.get(0).fix());
    assertEquals(NotificationIds.INTERNAL_ERROR, notes.get(0).id());
    assertEquals("fix for r failed: IllegalStateException: renderer bug", notes.get(0).message());
  }

  @Test
  void leavesFindingsInFilesNoFrontEndOwns() {
    SourceLocation elsewhere = at("b.other", 1);
    List<Finding> out = attacher(new FakeFrontEnd()).attach(List.of(finding("r", elsewhere, intent(elsewhere))));
    assertNull(out.get(0).fix());
  }
}
