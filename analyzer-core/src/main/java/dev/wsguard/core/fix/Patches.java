package dev.wsguard.core.fix;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Applies one file's edits to its bytes. Every byte outside the edits stays as it was (encoding, byte order mark,
 * trailing whitespace); inserted text, which renderers write with {@code \n}, takes the file's own line ending, and
 * nothing is ever inserted before a byte order mark.
 */
public final class Patches {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private Patches() {}

  /**
   * The patched bytes.
   *
   * @param edits edits of this one file, free of overlaps (as {@link EditSet} gives them)
   * @throws IllegalArgumentException when an edit lies outside the file
   */
  public static byte[] apply(byte[] original, List<TextEdit> edits) {
    String newline = lineEnding(original);
    int floor = startsWithBom(original) ? BOM.length : 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 256);
    int at = 0;
    for (TextEdit edit : EditSet.of(edits).edits()) {
      int start = edit.range().startByte();
      int end = edit.range().endByte();
      if (end > original.length || start < at) {
        throw new IllegalArgumentException("edit outside the file or out of order at " + edit.range());
      }
      if (start < floor && end <= floor) {
        start = floor;
        end = floor;
      }
      out.write(original, at, start - at);
      byte[] text = withLineEnding(edit.replacement(), newline).getBytes(StandardCharsets.UTF_8);
      out.write(text, 0, text.length);
      at = end;
    }
    out.write(original, at, original.length - at);
    return out.toByteArray();
  }

  /** "\r\n" when the file's first line ends so, else "\n". */
  public static String lineEnding(byte[] content) {
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\n') {
        return i > 0 && content[i - 1] == '\r' ? "\r\n" : "\n";
      }
    }
    return "\n";
  }

  /** SHA-256 of the bytes, as lower-case hex. */
  public static String digest(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static boolean startsWithBom(byte[] content) {
    return content.length >= 3 && content[0] == BOM[0] && content[1] == BOM[1] && content[2] == BOM[2];
  }

  private static String withLineEnding(String text, String newline) {
    if (newline.equals("\n")) {
      return text;
    }
    return text.replace("\r\n", "\n").replace("\n", newline);
  }
}
