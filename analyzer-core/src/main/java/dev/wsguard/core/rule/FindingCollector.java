package dev.wsguard.core.rule;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The {@link Reporter} one rule reports into; the engine runs one per rule and reads {@link #findings()}. */
public final class FindingCollector implements Reporter {
  private final Rule rule;
  private final List<Finding> findings = new ArrayList<>();

  public FindingCollector(Rule rule) {
    this.rule = Objects.requireNonNull(rule);
  }

  @Override
  public FindingBuilder at(SourceLocation location) {
    return new Builder(Objects.requireNonNull(location, "location"));
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  private final class Builder implements FindingBuilder {
    private final SourceLocation location;
    private final List<RelatedLocation> related = new ArrayList<>();
    private MessageVariant variant;
    private Object[] args = new Object[0];
    private Level level = rule.info().level();
    private Confidence confidence = Confidence.HIGH;
    private FixIntent fix;
    private boolean emitted;

    Builder(SourceLocation location) {
      this.location = location;
    }

    @Override
    public FindingBuilder variant(MessageVariant v, Object... a) {
      this.variant = Objects.requireNonNull(v);
      this.args = a.clone();
      return this;
    }

    @Override
    public FindingBuilder level(Level l) {
      if (l == Level.NONE) {
        throw new IllegalArgumentException("a finding cannot have level NONE");
      }
      this.level = l;
      return this;
    }

    @Override
    public FindingBuilder confidence(Confidence c) {
      this.confidence = Objects.requireNonNull(c);
      return this;
    }

    @Override
    public FindingBuilder related(SourceLocation loc, String message) {
      related.add(new RelatedLocation(Objects.requireNonNull(loc), Objects.requireNonNull(message)));
      return this;
    }

    @Override
    public FindingBuilder fix(FixIntent intent) {
      this.fix = intent;
      return this;
    }

    @Override
    public void emit() {
      if (emitted) {
        throw new IllegalStateException("finding emitted twice");
      }
      if (variant == null) {
        throw new IllegalStateException(rule.id() + ": a finding needs a message variant");
      }
      emitted = true;
      findings.add(new Finding(rule.id(), level, variant.key(), variant.format(args), location, related,
          confidence, fix, null, null));
    }
  }
}
