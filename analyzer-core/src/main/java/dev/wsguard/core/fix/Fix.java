package dev.wsguard.core.fix;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rendered patch: a one-line description and its edits, sorted and free of overlaps.
 *
 * @param bases for each file the edits touch, the SHA-256 of the bytes they were computed on (hex); {@code wsguard
 *     fix} refuses to apply them to a file whose bytes no longer match. Empty until the engine attaches the fix.
 */
public record Fix(String description, List<TextEdit> edits, Map<String, String> bases) {
  public Fix {
    Objects.requireNonNull(description);
    edits = EditSet.of(edits).edits();
    bases = Map.copyOf(bases);
  }

  public Fix(String description, List<TextEdit> edits) {
    this(description, edits, Map.of());
  }

  /** The same fix, stating the bytes of {@code path} it was computed on. */
  public Fix withBase(String path, byte[] content) {
    Map<String, String> all = new HashMap<>(bases);
    all.put(path, Patches.digest(content));
    return new Fix(description, edits, all);
  }
}
