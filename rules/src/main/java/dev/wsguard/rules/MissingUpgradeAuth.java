package dev.wsguard.rules;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.core.rule.Confidence;
import dev.wsguard.core.rule.EndpointCheck;
import dev.wsguard.core.rule.FixKind;
import dev.wsguard.core.rule.Level;
import dev.wsguard.core.rule.MessageVariant;
import dev.wsguard.core.rule.Precision;
import dev.wsguard.core.rule.Reporter;
import dev.wsguard.core.rule.RuleInfo;
import dev.wsguard.core.rule.Tag;
import java.util.Comparator;
import java.util.List;

/** Flags endpoints where no verified authentication guard covers every path to the accept. */
@RuleInfo(
    id = "missing-upgrade-auth",
    summary = "WebSocket endpoint accepts connections without verified authentication on every path",
    cwe = 306,
    level = Level.ERROR,
    tags = {Tag.AUTHENTICATION},
    fix = FixKind.SUGGESTED,
    precision = Precision.HIGH,
    // CVSS 3.1 AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N: anyone who can reach the port reads what the endpoint sends
    // and drives whatever its handlers allow, with no user interaction
    securitySeverity = "8.2")
public final class MissingUpgradeAuth implements EndpointCheck {

  enum Variant implements MessageVariant {
    NO_GUARD("The {framework} endpoint accepts connections without authentication: wsguard found no check at the"
        + " handshake, none in the connection handler before any send and no first message that gates the others"),
    SOME_PATHS("The {framework} endpoint authenticates only some paths to the accept: {guard} ({place}) leaves {paths}"
        + " unchecked"),
    DECODED_ONLY("The {framework} endpoint never verifies its credential: {guard} ({place}) decodes the token without"
        + " checking its signature"),
    FAILS_OPEN("The {framework} endpoint lets connections through when authentication fails: {guard} ({place}) carries"
        + " on after a failed check"),
    UNREADABLE_GUARD("wsguard cannot tell whether {guard} ({place}) authenticates this {framework} endpoint: {why}"),
    UNKNOWN_COVERAGE("wsguard cannot tell whether {guard} ({place}) covers every path to the accept of this"
        + " {framework} endpoint");

    private final String template;

    Variant(String template) {
      this.template = template;
    }

    @Override
    public String template() {
      return template;
    }
  }

  /**
   * The guard a message should describe: the one closest to counting as authentication. A guard that might still
   * count (its strength or coverage is unknown) comes first, so that an unreadable helper lowers the confidence
   * instead of being hidden behind a weaker guard that clearly fails.
   */
  private static final Comparator<HandshakeGuard> CLOSEST_TO_COUNTING =
      Comparator.comparing((HandshakeGuard g) -> !mightCount(g))
          .thenComparingInt(g -> strengthRank(g.strength()))
          .thenComparing(HandshakeGuard::place)
          .thenComparing(HandshakeGuard::evidence, SourceLocation.ORDER);

  private static boolean mightCount(HandshakeGuard guard) {
    boolean strengthOpen = guard.strength() == Strength.VERIFIED || guard.strength() == Strength.UNKNOWN;
    return strengthOpen && guard.coverage() != Coverage.SOME_PATHS;
  }

  private static int strengthRank(Strength strength) {
    return switch (strength) {
      case VERIFIED -> 0;
      case UNKNOWN -> 1;
      case FAILS_OPEN -> 2;
      case DECODED_ONLY -> 3;
    };
  }

  /** Unknown means the front end could not read the guard; the finding then rests on a guess. */
  private static boolean undecided(Variant variant) {
    return variant == Variant.UNREADABLE_GUARD || variant == Variant.UNKNOWN_COVERAGE;
  }

  @Override
  public void check(Endpoint endpoint, Reporter report) {
    if (endpoint.authenticated()) {
      return;
    }
    String framework = endpoint.framework().token();
    List<HandshakeGuard> auth =
        endpoint.guards(GuardKind.AUTHENTICATION).stream().sorted(CLOSEST_TO_COUNTING).toList();
    Reporter.FindingBuilder finding = report.at(endpoint.declaration()).fix(new FixIntent.AddUpgradeAuth(endpoint));
    if (auth.isEmpty()) {
      finding.variant(Variant.NO_GUARD, framework).emit();
      return;
    }
    HandshakeGuard best = auth.get(0);
    Variant variant = variantFor(best);
    String guard = best.description();
    String place = best.place().description();
    switch (variant) {
      case SOME_PATHS -> finding.variant(variant, framework, guard, place, uncovered(best));
      case UNREADABLE_GUARD -> finding.variant(variant, guard, place, framework, whyUnreadable(endpoint));
      case UNKNOWN_COVERAGE -> finding.variant(variant, guard, place, framework);
      default -> finding.variant(variant, framework, guard, place);
    }
    for (HandshakeGuard g : auth) {
      finding.related(g.evidence(), g.description() + " (" + g.place().description() + "): " + verdict(g));
      g.related().forEach(finding::related);
    }
    finding.confidence(undecided(variant) ? Confidence.MEDIUM : Confidence.HIGH).emit();
  }

  // Order matters: a guard that decodes only or fails open never counts, whatever its coverage; a guard covering
  // some paths leaves them open even if it verifies; only then do the unknowns decide.
  private static Variant variantFor(HandshakeGuard guard) {
    if (guard.strength() == Strength.DECODED_ONLY) {
      return Variant.DECODED_ONLY;
    }
    if (guard.strength() == Strength.FAILS_OPEN) {
      return Variant.FAILS_OPEN;
    }
    if (guard.coverage() == Coverage.SOME_PATHS) {
      return Variant.SOME_PATHS;
    }
    return guard.strength() == Strength.UNKNOWN ? Variant.UNREADABLE_GUARD : Variant.UNKNOWN_COVERAGE;
  }

  private static String uncovered(HandshakeGuard guard) {
    return guard.uncoveredPaths().isEmpty() ? "other paths" : String.join(", ", guard.uncoveredPaths());
  }

  private static String whyUnreadable(Endpoint endpoint) {
    return endpoint.unknowns().isEmpty() ? "its code could not be read" : String.join("; ", endpoint.unknowns());
  }

  private static String verdict(HandshakeGuard guard) {
    String strength = switch (guard.strength()) {
      case VERIFIED -> "verifies";
      case DECODED_ONLY -> "decodes without verifying";
      case FAILS_OPEN -> "carries on when the check fails";
      case UNKNOWN -> "could not be read";
    };
    return switch (guard.coverage()) {
      case ALL_PATHS -> strength + " on every path";
      case SOME_PATHS -> strength + " on some paths only";
      case UNKNOWN -> strength + ", coverage unknown";
    };
  }
}
