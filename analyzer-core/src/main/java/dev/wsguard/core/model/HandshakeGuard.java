package dev.wsguard.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A check that runs before (or as) a connection is accepted.
 *
 * @param description what the guard is, in the source's terms ("verifyClient", "upgrade handler", "io.use")
 * @param evidence where the guard is
 * @param related further evidence, possibly in other files (the imported helper that verifies, the catch that
 *     lets a failure through)
 * @param uncoveredPaths for SOME_PATHS, the paths (or branches) that reach the accept unchecked, as the source
 *     names them; empty when unknown
 */
public record HandshakeGuard(
    GuardKind kind,
    GuardPlace place,
    Strength strength,
    Coverage coverage,
    String description,
    SourceLocation evidence,
    List<RelatedLocation> related,
    List<String> uncoveredPaths) {

  public HandshakeGuard {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(place);
    Objects.requireNonNull(strength);
    Objects.requireNonNull(coverage);
    Objects.requireNonNull(description);
    Objects.requireNonNull(evidence);
    related = List.copyOf(related);
    uncoveredPaths = List.copyOf(uncoveredPaths);
  }

  public boolean verifiedOnAllPaths() {
    return strength == Strength.VERIFIED && coverage == Coverage.ALL_PATHS;
  }
}
