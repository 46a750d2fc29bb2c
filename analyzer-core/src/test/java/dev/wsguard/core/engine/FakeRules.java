package dev.wsguard.core.engine;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.core.rule.EndpointCheck;
import dev.wsguard.core.rule.FixKind;
import dev.wsguard.core.rule.Level;
import dev.wsguard.core.rule.MessageVariant;
import dev.wsguard.core.rule.Precision;
import dev.wsguard.core.rule.Reporter;
import dev.wsguard.core.rule.RuleInfo;
import dev.wsguard.core.rule.TokenUseCheck;

/** Rules for engine tests: each reports what the fake front end declares. */
final class FakeRules {
  private FakeRules() {}

  enum Variant implements MessageVariant {
    SEEN("seen {what}");

    private final String template;

    Variant(String template) {
      this.template = template;
    }

    @Override
    public String template() {
      return template;
    }
  }

  /** Reports every endpoint, with an upgrade-auth fix. */
  @RuleInfo(id = "every-endpoint", summary = "Every endpoint", cwe = 306, level = Level.ERROR, tags = {},
      fix = FixKind.SUGGESTED, precision = Precision.HIGH, securitySeverity = "9.0")
  static final class EveryEndpoint implements EndpointCheck {
    @Override
    public void check(Endpoint endpoint, Reporter report) {
      report.at(endpoint.declaration()).variant(Variant.SEEN, "endpoint")
          .fix(new FixIntent.AddUpgradeAuth(endpoint)).emit();
    }
  }

  /** Reports every endpoint as a warning, with a fix at the same place as {@link EveryEndpoint}'s. */
  @RuleInfo(id = "origin-everywhere", summary = "Origin everywhere", cwe = 1385, level = Level.WARNING, tags = {},
      fix = FixKind.SUGGESTED, precision = Precision.HIGH, securitySeverity = "5.0")
  static final class OriginEverywhere implements EndpointCheck {
    @Override
    public void check(Endpoint endpoint, Reporter report) {
      report.at(endpoint.declaration()).variant(Variant.SEEN, "origin")
          .fix(new FixIntent.RestrictOrigins(endpoint)).emit();
    }
  }

  /** Reports every token use as a note, without a fix. */
  @RuleInfo(id = "every-token", summary = "Every token", cwe = 347, level = Level.NOTE, tags = {},
      fix = FixKind.NONE, precision = Precision.HIGH, securitySeverity = "7.0")
  static final class EveryToken implements TokenUseCheck {
    @Override
    public void check(TokenUse use, Reporter report) {
      report.at(use.location()).variant(Variant.SEEN, "token").emit();
    }
  }

  /** Throws on every endpoint. */
  @RuleInfo(id = "always-throws", summary = "Always throws", cwe = 1, level = Level.ERROR, tags = {},
      fix = FixKind.NONE, precision = Precision.LOW, securitySeverity = "1.0")
  static final class AlwaysThrows implements EndpointCheck {
    @Override
    public void check(Endpoint endpoint, Reporter report) {
      throw new IllegalStateException("rule bug");
    }
  }
}
