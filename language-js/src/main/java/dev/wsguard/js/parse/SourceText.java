package dev.wsguard.js.parse;

import dev.wsguard.core.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A file's bytes with a line index: slices text by byte offsets and turns offsets into locations with 1-based lines
 * and UTF-16 columns. Line breaks are {@code \n}, {@code \r\n} and a lone {@code \r}, as the corpus markers count them.
 */
public final class SourceText {
  private final String path;
  private final byte[] bytes;
  private final int[] lineStarts;

  public SourceText(String path, byte[] bytes) {
    this.path = path;
    this.bytes = bytes;
    this.lineStarts = indexLines(bytes);
  }

  private static int[] indexLines(byte[] bytes) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      boolean lineBreak = b == '\n' || (b == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'));
      if (lineBreak) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  public String path() {
    return path;
  }

  public byte[] bytes() {
    return bytes;
  }

  public int length() {
    return bytes.length;
  }

  public String text(int startByte, int endByte) {
    int start = Math.max(0, Math.min(startByte, bytes.length));
    int end = Math.max(start, Math.min(endByte, bytes.length));
    return new String(bytes, start, end - start, StandardCharsets.UTF_8);
  }

  /** The 0-based line holding a byte offset. */
  public int lineIndex(int offset) {
    int found = Arrays.binarySearch(lineStarts, offset);
    return found >= 0 ? found : -found - 2;
  }

  /** The 1-based line of a byte offset. */
  public int line(int offset) {
    return lineIndex(offset) + 1;
  }

  /** The 1-based UTF-16 column of a byte offset: the line's bytes up to the offset, counted as UTF-16 code units. */
  public int column(int offset) {
    int line = lineIndex(offset);
    int start = lineStarts[line];
    int end = Math.min(offset, bytes.length);
    if (end - start <= CHECKPOINT) {
      return units(start, end) + 1;
    }
    // long (minified) lines keep counts at code point boundaries about every CHECKPOINT bytes
    int[][] marks = checkpoints.computeIfAbsent(line, this::checkpoints);
    int[] positions = marks[0];
    int k = java.util.Arrays.binarySearch(positions, end);
    k = k >= 0 ? k : -k - 2;
    return marks[1][k] + units(positions[k], end) + 1;
  }

  private static final int CHECKPOINT = 512;
  private final java.util.Map<Integer, int[][]> checkpoints = new java.util.HashMap<>();

  /** Byte positions on a long line (code point boundaries) and the UTF-16 units before each. */
  private int[][] checkpoints(int line) {
    int start = lineStarts[line];
    int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : bytes.length;
    int size = (end - start) / CHECKPOINT + 2;
    int[] positions = new int[size];
    int[] counts = new int[size];
    int n = 1;
    positions[0] = start;
    int units = 0;
    int i = start;
    int next = start + CHECKPOINT;
    while (i < end) {
      if (i >= next && n < size) {
        positions[n] = i;
        counts[n] = units;
        n++;
        next = i + CHECKPOINT;
      }
      int lead = bytes[i] & 0xff;
      int length = sequenceLength(lead);
      if (length == 0 || i + length > end || !continuations(i + 1, length - 1)) {
        units++;
        i++;
      } else {
        units += length == 4 ? 2 : 1;
        i += length;
      }
    }
    return new int[][] {java.util.Arrays.copyOf(positions, n), java.util.Arrays.copyOf(counts, n)};
  }

  /** UTF-16 code units in bytes [from, end). */
  private int units(int from, int end) {
    int units = 0;
    int i = from;
    while (i < end) {
      int lead = bytes[i] & 0xff;
      int length = sequenceLength(lead);
      if (length == 0 || i + length > end || !continuations(i + 1, length - 1)) {
        units++; // a stray byte decodes to one replacement character
        i++;
        continue;
      }
      units += length == 4 ? 2 : 1;
      i += length;
    }
    return units;
  }

  private static int sequenceLength(int lead) {
    if (lead < 0x80) {
      return 1;
    }
    if (lead >= 0xc2 && lead < 0xe0) {
      return 2;
    }
    if (lead >= 0xe0 && lead < 0xf0) {
      return 3;
    }
    if (lead >= 0xf0 && lead < 0xf5) {
      return 4;
    }
    return 0;
  }

  private boolean continuations(int from, int count) {
    for (int k = 0; k < count; k++) {
      if ((bytes[from + k] & 0xc0) != 0x80) {
        return false;
      }
    }
    return true;
  }

  public SourceLocation location(int startByte, int endByte) {
    return new SourceLocation(path, line(startByte), column(startByte), line(endByte), column(endByte), startByte,
        endByte);
  }
}
