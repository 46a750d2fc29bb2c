package dev.wsguard.core.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A span of source text. {@code path} is relative to the scan root with '/' separators; lines and columns are
 * 1-based, columns count UTF-16 code units (SARIF's default {@code columnKind}); offsets are byte offsets into the
 * file as stored on disk, end exclusive.
 */
public record SourceLocation(
    String path, int startLine, int startColumn, int endLine, int endColumn, int startByte, int endByte) {

  public static final Comparator<SourceLocation> ORDER =
      Comparator.comparing(SourceLocation::path)
          .thenComparingInt(SourceLocation::startLine)
          .thenComparingInt(SourceLocation::startColumn)
          .thenComparingInt(SourceLocation::endLine)
          .thenComparingInt(SourceLocation::endColumn);

  public SourceLocation {
    Objects.requireNonNull(path, "path");
    if (startLine < 1 || startColumn < 1 || endLine < startLine || startByte < 0 || endByte < startByte) {
      throw new IllegalArgumentException("bad location " + path + ":" + startLine + ":" + startColumn);
    }
  }

  /** True if {@code other} lies inside this span of the same file. */
  public boolean contains(SourceLocation other) {
    return path.equals(other.path) && startByte <= other.startByte && other.endByte <= endByte;
  }

  @Override
  public String toString() {
    return path + ":" + startLine + ":" + startColumn;
  }
}
