package dev.wsguard.core.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A file's lines by number, over its bytes. Lines end at '\n'; a '\r' before it is not part of the text. */
final class SourceLines {
  private final byte[] content;
  private final int[] starts;
  private final int count;

  private SourceLines(byte[] content, int[] starts, int count) {
    this.content = content;
    this.starts = starts;
    this.count = count;
  }

  static SourceLines of(byte[] content) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return new SourceLines(content, starts, count);
  }

  int count() {
    return count;
  }

  /** The text of 1-based {@code line}, decoded leniently; empty when there is no such line. */
  String text(int line) {
    if (line < 1 || line > count) {
      return "";
    }
    int start = starts[line - 1];
    int end = line < count ? starts[line] - 1 : content.length;
    if (end > start && content[end - 1] == '\r') {
      end--;
    }
    return new String(content, start, end - start, StandardCharsets.UTF_8);
  }
}
