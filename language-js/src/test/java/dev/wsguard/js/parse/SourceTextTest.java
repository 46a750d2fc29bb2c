package dev.wsguard.js.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsguard.core.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTextTest {
  private static SourceText text(String s) {
    return new SourceText("a.js", s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void countsColumnsInUtf16CodeUnits() {
    String s = "é😀x";
    SourceText t = text(s);
    int x = s.substring(0, s.indexOf('x')).getBytes(StandardCharsets.UTF_8).length;
    // é is one unit, the emoji two: x is the fourth unit
    assertEquals(4, t.column(x));
  }

  @Test
  void countsColumnsOnVeryLongLinesLikeShortOnes() {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      line.append(i % 7 == 0 ? "😀" : i % 5 == 0 ? "é" : "x");
    }
    String s = line.toString();
    SourceText t = text(s);
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    int units = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int offset = s.substring(0, i).getBytes(StandardCharsets.UTF_8).length;
      if (i % 97 == 0) {
        assertEquals(units + 1, t.column(offset), "at byte " + offset);
      }
      units += Character.charCount(cp);
      i += Character.charCount(cp);
    }
    assertEquals(units + 1, t.column(bytes.length));
  }

  @Test
  void countsLinesAcrossEveryLineBreak() {
    SourceText t = text("a\r\nb\nc\rd");
    assertEquals(1, t.line(0));
    assertEquals(2, t.line(3));
    assertEquals(3, t.line(5));
    assertEquals(4, t.line(7));
    assertEquals(1, t.column(7));
  }

  @Test
  void countsAStrayByteAsOneUnit() {
    SourceText t = new SourceText("a.js", new byte[] {'a', (byte) 0xff, 'b'});
    assertEquals(3, t.column(2));
  }

  @Test
  void makesLocationsWithByteOffsets() {
    SourceLocation at = text("ab\ncd").location(3, 5);
    assertEquals(new SourceLocation("a.js", 2, 1, 2, 3, 3, 5), at);
  }
}
