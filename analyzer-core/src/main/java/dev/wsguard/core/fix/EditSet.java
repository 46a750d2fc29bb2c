package dev.wsguard.core.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Edits sorted by file and position; overlapping edits are rejected, never merged. */
public final class EditSet {
  private static final Comparator<TextEdit> ORDER =
      Comparator.comparing((TextEdit e) -> e.range().path())
          .thenComparingInt(e -> e.range().startByte())
          .thenComparingInt(e -> e.range().endByte());

  private final List<TextEdit> edits;

  private EditSet(List<TextEdit> edits) {
    this.edits = edits;
  }

  /** @throws OverlappingEditsException when two edits touch the same bytes */
  public static EditSet of(List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(ORDER);
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i - 1).overlaps(sorted.get(i))) {
        throw new OverlappingEditsException(sorted.get(i - 1), sorted.get(i));
      }
    }
    return new EditSet(List.copyOf(sorted));
  }

  public List<TextEdit> edits() {
    return edits;
  }

  /** Thrown when edits overlap; the caller drops the later fix. */
  public static final class OverlappingEditsException extends IllegalArgumentException {
    public OverlappingEditsException(TextEdit a, TextEdit b) {
      super("overlapping edits at " + a.range() + " and " + b.range());
    }
  }
}
