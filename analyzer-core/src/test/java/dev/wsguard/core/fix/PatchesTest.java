package dev.wsguard.core.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wsguard.core.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchesTest {
  private static TextEdit edit(int start, int end, String text) {
    return new TextEdit(new SourceLocation("a.js", 1, 1, 1, 1, start, end), text);
  }

  private static String apply(String original, TextEdit... edits) {
    return new String(Patches.apply(original.getBytes(StandardCharsets.UTF_8), List.of(edits)),
        StandardCharsets.UTF_8);
  }

  @Test
  void appliesEditsInByteOrderWhateverOrderTheyCome() {
    assertEquals("const a = 2;\nuse(a, b);\n",
        apply("const a = 1;\nuse(a);\n", edit(18, 18, ", b"), edit(10, 11, "2")));
  }

  @Test
  void insertedTextTakesTheFilesLineEnding() {
    assertEquals("a\r\nx\r\ny\r\nb\r\n", apply("a\r\nb\r\n", edit(3, 3, "x\ny\n")));
    assertEquals("a\nx\ny\nb\n", apply("a\nb\n", edit(2, 2, "x\ny\n")));
  }

  @Test
  void nothingGoesBeforeAByteOrderMark() {
    byte[] original = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\n'};
    byte[] patched = Patches.apply(original, List.of(edit(0, 0, "// top\n")));
    assertEquals("\uFEFF// top\na\n", new String(patched, StandardCharsets.UTF_8));
  }

  @Test
  void multiByteTextAroundAnEditIsKept() {
    assertEquals("é = ü;\n", apply("é = ö;\n", edit(5, 7, "ü")));
  }

  @Test
  void anEditBeyondTheFileIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> apply("ab", edit(1, 5, "x")));
    assertThrows(EditSet.OverlappingEditsException.class, () -> apply("abcdef", edit(1, 3, "x"), edit(2, 4, "y")));
  }

  @Test
  void unifiedDiffHasOneHunkPerDistantEditWithShiftedNewLineNumbers() {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      text.append("line").append(i).append('\n');
    }
    byte[] original = text.toString().getBytes(StandardCharsets.UTF_8);
    int line2 = "line1\n".length();
    int line15 = text.indexOf("line15");
    String diff = UnifiedDiff.of("a.js", original,
        List.of(edit(line2, line2, "inserted\n"), edit(line15, line15 + "line15".length(), "changed")));
    assertEquals("""
        --- a/a.js
        +++ b/a.js
        @@ -1,5 +1,6 @@
         line1
        +inserted
         line2
         line3
         line4
         line5
        @@ -12,7 +13,7 @@
         line12
         line13
         line14
        -line15
        +changed
         line16
         line17
         line18
        """, diff);
  }

  @Test
  void unifiedDiffShowsTheLinesAnEditKeepsAsContext() {
    String text = "a\nb\nc\nd\n";
    byte[] original = text.getBytes(StandardCharsets.UTF_8);
    // one edit rewriting b..c that keeps c: only b's replacement shows as a change
    int b = text.indexOf('b');
    int d = text.indexOf('d');
    String diff = UnifiedDiff.of("x.js", original, List.of(edit(b, d, "B1\nB2\nc\n")));
    assertEquals("""
        --- a/x.js
        +++ b/x.js
        @@ -1,4 +1,5 @@
         a
        -b
        +B1
        +B2
         c
         d
        """, diff);
  }
}
