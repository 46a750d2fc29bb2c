package dev.wsguard.core.rule;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.SourceLocation;

/** How a rule reports: {@code report.at(loc).variant(V, args).fix(intent).emit()}. */
public interface Reporter {
  FindingBuilder at(SourceLocation location);

  /** Builds one finding; nothing is reported until {@link #emit()}. */
  interface FindingBuilder {
    FindingBuilder variant(MessageVariant variant, Object... args);

    /** Overrides the rule's default level for this finding (missing-origin-check with ambient credentials). */
    FindingBuilder level(Level level);

    FindingBuilder confidence(Confidence confidence);

    FindingBuilder related(SourceLocation location, String message);

    default FindingBuilder related(RelatedLocation related) {
      return related(related.location(), related.message());
    }

    FindingBuilder fix(FixIntent intent);

    void emit();
  }
}
