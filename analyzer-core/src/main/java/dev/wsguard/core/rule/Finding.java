package dev.wsguard.core.rule;

import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.SourceLocation;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One reported problem.
 *
 * @param variant the message variant's key ("some-paths")
 * @param fixIntent what the rule would change; null when it offers nothing
 * @param fix the intent rendered as edits by the front end; null when there is none
 * @param fingerprint stable across runs and unrelated edits; filled by the engine
 */
public record Finding(
    String ruleId,
    Level level,
    String variant,
    String message,
    SourceLocation location,
    List<RelatedLocation> related,
    Confidence confidence,
    FixIntent fixIntent,
    Fix fix,
    String fingerprint) {

  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::location, SourceLocation.ORDER)
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::message);

  public Finding {
    Objects.requireNonNull(ruleId);
    Objects.requireNonNull(level);
    Objects.requireNonNull(variant);
    Objects.requireNonNull(message);
    Objects.requireNonNull(location);
    Objects.requireNonNull(confidence);
    related = List.copyOf(related);
  }

  public Finding withFix(Fix rendered) {
    return new Finding(ruleId, level, variant, message, location, related, confidence, fixIntent, rendered,
        fingerprint);
  }

  public Finding withFingerprint(String print) {
    return new Finding(ruleId, level, variant, message, location, related, confidence, fixIntent, fix, print);
  }
}
