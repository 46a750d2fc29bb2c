package dev.wsguard.core.fix;

import dev.wsguard.core.model.SourceLocation;
import java.util.Objects;

/**
 * The primitive edit: replace {@code range} (possibly empty, for an insert) with {@code replacement}. Offsets are
 * the range's byte offsets, so applying an edit keeps every untouched byte as it was.
 */
public record TextEdit(SourceLocation range, String replacement) {
  public TextEdit {
    Objects.requireNonNull(range);
    Objects.requireNonNull(replacement);
  }

  public boolean overlaps(TextEdit other) {
    if (!range.path().equals(other.range.path())) {
      return false;
    }
    int a0 = range.startByte();
    int a1 = range.endByte();
    int b0 = other.range.startByte();
    int b1 = other.range.endByte();
    // two inserts at the same point overlap too: their order would be a guess
    return a0 < b1 && b0 < a1 || a0 == b0;
  }
}
