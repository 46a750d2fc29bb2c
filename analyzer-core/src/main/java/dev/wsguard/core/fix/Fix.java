package dev.wsguard.core.fix;

import java.util.List;
import java.util.Objects;

/** A rendered patch: a one-line description and its edits, sorted and free of overlaps. */
public record Fix(String description, List<TextEdit> edits) {
  public Fix {
    Objects.requireNonNull(description);
    edits = EditSet.of(edits).edits();
  }
}
