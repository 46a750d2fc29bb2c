package dev.wsguard.core.engine;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file's bytes as read from disk.
 *
 * @param path relative to the scan root, '/' separators: what locations and reports name
 * @param content the bytes, never changed
 */
public record SourceFile(String path, byte[] content) {
  public SourceFile {
    Objects.requireNonNull(path);
    Objects.requireNonNull(content);
  }

  /** True when the bytes are valid UTF-8 (a UTF-8 BOM is allowed). */
  public boolean isValidUtf8() {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(content));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
