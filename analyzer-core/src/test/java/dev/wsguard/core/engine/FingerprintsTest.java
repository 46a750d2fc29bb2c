package dev.wsguard.core.engine;

import static dev.wsguard.core.engine.TestFindings.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.rule.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
  private static List<String> prints(String text, List<Finding> findings) {
    SourceLines lines = SourceLines.of(text.getBytes(StandardCharsets.UTF_8));
    return Fingerprints.assign(findings, path -> lines).stream().map(Finding::fingerprint).toList();
  }

  @Test
  void givesHexOfFixedLength() {
    String print = prints("wss = new WebSocketServer();", List.of(finding("r", "a.js", 1))).get(0);
    assertEquals(Fingerprints.HEX_LENGTH, print.length());
    assertTrue(print.matches("[0-9a-f]+"));
  }

  @Test
  void keepsPrintWhenTheLineMovesOrIsReindented() {
    String before = prints("x\nwss = new  WebSocketServer();", List.of(finding("r", "a.js", 2))).get(0);
    String after = prints("x\ny\n\n    wss = new WebSocketServer();  ", List.of(finding("r", "a.js", 4))).get(0);
    assertEquals(before, after);
  }

  @Test
  void separatesIdenticalFindingsByOccurrence() {
    List<String> prints = prints("send(x);\nsend(x);", List.of(finding("r", "a.js", 1), finding("r", "a.js", 2)));
    assertNotEquals(prints.get(0), prints.get(1));
    assertEquals(prints, prints("send(x);\nsend(x);", List.of(finding("r", "a.js", 1), finding("r", "a.js", 2))));
  }

  @Test
  void separatesRulesAndPaths() {
    String text = "send(x);";
    String base = prints(text, List.of(finding("r", "a.js", 1))).get(0);
    assertNotEquals(base, prints(text, List.of(finding("s", "a.js", 1))).get(0));
    assertNotEquals(base, prints(text, List.of(finding("r", "b.js", 1))).get(0));
  }

  @Test
  void hashesOnlyTheFindingsPartOfAVeryLongLine() {
    String tail = "new Server();" + "f();".repeat(200);
    int column = "var a=1;".length() + 1;
    assertEquals(prints("var a=1;" + tail, List.of(finding("r", "a.js", 1, column))),
        prints("var a=2;" + tail + "g();", List.of(finding("r", "a.js", 1, column))));
  }

  @Test
  void changesWhenTheLineTextChanges() {
    assertNotEquals(prints("send(x);", List.of(finding("r", "a.js", 1))),
        prints("send(y);", List.of(finding("r", "a.js", 1))));
  }
}
