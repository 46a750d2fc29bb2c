package dev.wsguard.java.unit;

import dev.wsguard.core.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns JavaParser's positions (1-based line, 1-based column counting UTF-16 code units, tabs as one) into
 * {@link SourceLocation}s with byte offsets into the file as stored.
 */
public final class LineIndex {
  private final String path;
  private final byte[] content;
  private final int[] lineStarts;

  public LineIndex(String path, byte[] content) {
    this.path = path;
    this.content = content;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\n') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  public String path() {
    return path;
  }

  /** The span from (beginLine, beginColumn) to (endLine, endColumn), both inclusive as JavaParser gives them. */
  public SourceLocation span(int beginLine, int beginColumn, int endLine, int endColumn) {
    int startByte = byteOffset(beginLine, beginColumn);
    int endByte = Math.max(startByte, byteOffset(endLine, endColumn + 1));
    return new SourceLocation(path, Math.max(1, beginLine), Math.max(1, beginColumn), Math.max(beginLine, endLine),
        Math.max(1, endColumn + 1), startByte, endByte);
  }

  /** The byte offset of a 1-based (line, column); clamped to the file. */
  public int byteOffset(int line, int column) {
    if (line < 1) {
      return 0;
    }
    if (line > lineStarts.length) {
      return content.length;
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : content.length;
    String text = new String(content, start, end - start, StandardCharsets.UTF_8);
    int chars = Math.min(Math.max(0, column - 1), text.length());
    return Math.min(content.length, start + text.substring(0, chars).getBytes(StandardCharsets.UTF_8).length);
  }
}
