package dev.wsguard.java.analysis;

import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import java.util.List;
import java.util.Set;

/**
 * An authentication check found in one method that runs before or as a connection is accepted, as far as its own
 * file shows. Where it rests on something another file decides, {@code helper} or {@code userPropertyKey} says what,
 * and {@link Summaries#resolve} finishes the judgement at link time.
 *
 * @param helper the project method whose summary decides the strength; null when the file decides it
 * @param helperMustThrow the check stops the connection only if {@code helper} throws on failure (it is called with
 *     no test of its result)
 * @param userPropertyKey the check tests an endpoint user property another method sets (a Jakarta configurator's
 *     {@code modifyHandshake}); null otherwise
 */
public record Gate(GuardPlace place, Strength strength, Coverage coverage, String description,
    SourceLocation evidence, List<RelatedLocation> related, List<String> uncovered,
    Set<CredentialSource> credentials, HelperRef helper, boolean helperMustThrow, String userPropertyKey) {
  public Gate {
    related = List.copyOf(related);
    uncovered = List.copyOf(uncovered);
    credentials = Set.copyOf(credentials);
  }

  public Gate withStrength(Strength s, String newDescription) {
    return new Gate(place, s, coverage, newDescription, evidence, related, uncovered, credentials, helper,
        helperMustThrow, userPropertyKey);
  }
}
