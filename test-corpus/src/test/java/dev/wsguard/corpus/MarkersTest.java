package dev.wsguard.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.corpus.Markers.Kind;
import dev.wsguard.corpus.Markers.Marker;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkersTest {
  private static final Set<String> RULES = Set.of("missing-upgrade-auth", "missing-origin-check");

  @Test
  void trailingMarkerAppliesToItsOwnLine() {
    var parsed = Markers.parse("a();\nconst wss = new WebSocketServer({}); // expect: missing-upgrade-auth\n", RULES);
    assertEquals(List.of(new Marker(2, 2, Kind.EXPECT, "missing-upgrade-auth", null)), parsed.markers());
  }

  @Test
  void standAloneMarkersStackOntoTheNextCodeLine() {
    String text = "// ok: missing-origin-check -- token in header\n"
        + "  // expect: missing-upgrade-auth (no-guard)\n"
        + "const wss = new WebSocketServer({});\n";
    var parsed = Markers.parse(text, RULES);
    assertEquals(List.of(new Marker(3, 1, Kind.OK, "missing-origin-check", null),
        new Marker(3, 2, Kind.EXPECT, "missing-upgrade-auth", "no-guard")), parsed.markers());
  }

  @Test
  void severalMarkersOnOneLine() {
    var parsed = Markers.parse("x(); // expect: missing-upgrade-auth // todo-ok: missing-origin-check\n", RULES);
    assertEquals(2, parsed.markers().size());
    assertEquals(Kind.TODO_OK, parsed.markers().get(1).kind());
  }

  @Test
  void unknownRuleIdIsAnError() {
    var parsed = Markers.parse("x(); // expect: missing-upgrade-atuh\n", RULES);
    assertTrue(parsed.markers().isEmpty());
    assertEquals(1, parsed.errors().size());
  }

  @Test
  void noFindingsDeclarationOnFirstLine() {
    assertTrue(Markers.parse("// corpus: no-findings\nconst a = 1;\n", RULES).declaredNoFindings());
  }

  @Test
  void crlfLineEndingsKeepLineNumbers() {
    var parsed = Markers.parse("a();\r\nb(); // ok: missing-origin-check\r\n", RULES);
    assertEquals(2, parsed.markers().get(0).line());
  }
}
