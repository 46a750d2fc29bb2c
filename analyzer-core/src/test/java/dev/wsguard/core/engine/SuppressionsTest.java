package dev.wsguard.core.engine;

import static dev.wsguard.core.engine.TestFindings.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.engine.Suppressions.Directive;
import dev.wsguard.core.rule.Finding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
  private final List<Notification> notes = new ArrayList<>();

  private static SourceFile file(String path, String text) {
    return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
  }

  private List<Finding> apply(String text, List<Finding> findings) {
    return Suppressions.apply(findings, Map.of("a.js", file("a.js", text)), Set.of("rule-a", "rule-b"),
        notes::add);
  }

  @Test
  void trailingCommentSuppressesItsOwnLineOnly() {
    Directive d = Suppressions.parseLine("new Server(); // wsguard-ignore rule-a -- behind the VPN", 4).orElseThrow();
    assertEquals(Set.of("rule-a"), d.ruleIds());
    assertEquals("behind the VPN", d.reason());
    assertFalse(d.standalone());
    assertTrue(d.covers("rule-a", 4));
    assertFalse(d.covers("rule-a", 5));
  }

  @Test
  void commentAloneOnItsLineSuppressesTheNextLine() {
    Directive d = Suppressions.parseLine("  // wsguard-ignore rule-a,rule-b -- test fixture", 7).orElseThrow();
    assertTrue(d.standalone());
    assertTrue(d.covers("rule-b", 8));
    assertFalse(d.covers("rule-a", 9));
  }

  @Test
  void readsBlockComments() {
    Directive trailing = Suppressions.parseLine("x(); /* wsguard-ignore rule-a -- why */ y();", 1).orElseThrow();
    assertEquals("why", trailing.reason());
    assertFalse(trailing.standalone());
    Directive alone = Suppressions.parseLine("/** wsguard-ignore rule-b -- generated */", 2).orElseThrow();
    assertTrue(alone.standalone());
    assertEquals(Set.of("rule-b"), alone.ruleIds());
  }

  @Test
  void ignoresMarkerOutsideAComment() {
    assertTrue(Suppressions.parseLine("log('wsguard-ignore rule-a -- no');", 1).isEmpty());
    assertTrue(Suppressions.parseLine("// see wsguard-ignore rule-a -- prose", 1).isEmpty());
    assertTrue(Suppressions.parseLine("// wsguard-ignored rule-a -- other word", 1).isEmpty());
  }

  @Test
  void dropsSuppressedFindingsAndKeepsOthers() {
    String text = "a\n// wsguard-ignore rule-a -- reviewed\nb\nc // wsguard-ignore rule-b -- reviewed\n";
    List<Finding> kept = apply(text, List.of(finding("rule-a", "a.js", 3), finding("rule-b", "a.js", 3),
        finding("rule-b", "a.js", 4), finding("rule-a", "other.js", 3)));
    assertEquals(List.of("rule-b:3", "rule-a:3"),
        kept.stream().map(f -> f.ruleId() + ":" + f.location().startLine()).toList());
    assertTrue(notes.isEmpty());
  }

  @Test
  void reportsSuppressionWithoutReasonAndKeepsTheFinding() {
    String text = "// wsguard-ignore rule-a\nb\n// wsguard-ignore rule-a --   \nd\n";
    List<Finding> kept = apply(text, List.of(finding("rule-a", "a.js", 2), finding("rule-a", "a.js", 4)));
    assertEquals(2, kept.size());
    assertEquals(List.of(1, 3), notes.stream()
        .filter(n -> n.id().equals(NotificationIds.SUPPRESSION_WITHOUT_REASON)).map(Notification::line).toList());
  }

  @Test
  void reportsUnknownRuleAndMissingRule() {
    apply("x // wsguard-ignore rule-z -- typo\ny // wsguard-ignore -- no rule\n", List.of());
    assertEquals(2, notes.stream().filter(n -> n.id().equals(NotificationIds.SUPPRESSION_UNKNOWN_RULE)).count());
    assertTrue(notes.get(0).message().contains("rule-z"));
  }
}
