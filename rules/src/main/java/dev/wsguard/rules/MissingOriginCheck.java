package dev.wsguard.rules;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.rule.Confidence;
import dev.wsguard.core.rule.EndpointCheck;
import dev.wsguard.core.rule.FixKind;
import dev.wsguard.core.rule.Level;
import dev.wsguard.core.rule.MessageVariant;
import dev.wsguard.core.rule.Precision;
import dev.wsguard.core.rule.Reporter;
import dev.wsguard.core.rule.RuleInfo;
import dev.wsguard.core.rule.Tag;
import java.util.stream.Collectors;

/**
 * Flags endpoints that accept any Origin where a cross-site page gains something by connecting: the browser attaches
 * the credential by itself, or nothing authenticates at all.
 */
@RuleInfo(
    id = "missing-origin-check",
    summary = "WebSocket endpoint accepts connections from any Origin while the browser supplies the authority",
    cwe = 1385,
    level = Level.WARNING,
    tags = {Tag.ORIGIN, Tag.CSWSH},
    fix = FixKind.SUGGESTED,
    precision = Precision.MEDIUM,
    // CVSS 3.1 AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:N: a signed-in user opens the attacker's page, which then reads and
    // writes on the socket as that user (cross-site WebSocket hijacking)
    securitySeverity = "8.1")
public final class MissingOriginCheck implements EndpointCheck {

  enum Variant implements MessageVariant {
    AMBIENT_CREDENTIALS("{policy}, and the connection is authorised by {credentials}, which the browser sends by"
        + " itself: any web page a signed-in user visits can open this socket as that user"),
    NO_AUTHENTICATION("{policy}, and no verified authentication protects the connection: any web page a visitor"
        + " opens can connect, even when the server listens only on localhost or a private network"),
    UNKNOWN_CREDENTIALS("{policy}, and wsguard cannot tell whether the connection is authorised by something the"
        + " browser sends by itself (cookies, HTTP authentication)");

    private final String template;

    Variant(String template) {
      this.template = template;
    }

    @Override
    public String template() {
      return template;
    }
  }

  /** A wildcard written in the source ({@code setAllowedOrigins("*")}) is where the fix goes, so report there. */
  private static boolean explicitWildcard(OriginPolicy policy) {
    return policy.kind() == OriginPolicy.Kind.ANY && policy.location() != null;
  }

  /**
   * Authenticated, but with a credential style the front end could not name: it may be a cookie, so this is not the
   * explicit-token case that makes an Origin check unnecessary.
   */
  private static boolean credentialStyleUnknown(Endpoint endpoint) {
    return endpoint.credentials().isEmpty() || endpoint.credentials().contains(CredentialSource.UNKNOWN);
  }

  @Override
  public void check(Endpoint endpoint, Reporter report) {
    OriginPolicy policy = endpoint.originPolicy();
    if (policy.rejectsForeignOrigins()) {
      return;
    }
    if (endpoint.ambientCredentials()) {
      report(endpoint, report, Level.ERROR, Variant.AMBIENT_CREDENTIALS, describe(policy), ambientSources(endpoint));
      return;
    }
    // No authentication: the page's visitor is the attacker's way in to localhost and LAN services.
    if (!endpoint.authenticated()) {
      report(endpoint, report, Level.WARNING, Variant.NO_AUTHENTICATION, describe(policy));
      return;
    }
    if (credentialStyleUnknown(endpoint)) {
      report(endpoint, report, Level.WARNING, Variant.UNKNOWN_CREDENTIALS, describe(policy));
    }
    // Otherwise a verified explicit token (header, subprotocol, query, first message) carries the authority, and a
    // cross-site page cannot present it: no finding.
  }

  private static void report(Endpoint endpoint, Reporter report, Level level, Variant variant, Object... args) {
    OriginPolicy policy = endpoint.originPolicy();
    boolean atPolicy = explicitWildcard(policy);
    Reporter.FindingBuilder finding = report.at(atPolicy ? policy.location() : endpoint.declaration())
        .variant(variant, args)
        .level(level)
        .fix(new FixIntent.RestrictOrigins(endpoint));
    if (atPolicy) {
      finding.related(endpoint.declaration(), "the " + endpoint.framework().token() + " endpoint this policy opens");
    } else if (policy.location() != null) {
      finding.related(policy.location(), "origin policy: " + policy.detail());
    }
    for (HandshakeGuard origin : endpoint.guards(GuardKind.ORIGIN)) {
      finding.related(origin.evidence(), "origin check found here: " + origin.description());
    }
    boolean unknown = policy.kind() == OriginPolicy.Kind.UNKNOWN || variant == Variant.UNKNOWN_CREDENTIALS;
    finding.confidence(unknown ? Confidence.MEDIUM : Confidence.HIGH).emit();
  }

  private static String describe(OriginPolicy policy) {
    if (policy.kind() == OriginPolicy.Kind.UNKNOWN) {
      return "wsguard cannot tell which Origins this endpoint accepts (" + policy.detail() + ")";
    }
    return policy.detail();
  }

  private static String ambientSources(Endpoint endpoint) {
    return endpoint.credentials().stream()
        .filter(CredentialSource::ambient)
        .sorted()
        .map(MissingOriginCheck::words)
        .collect(Collectors.joining(" and "));
  }

  private static String words(CredentialSource source) {
    return switch (source) {
      case COOKIE -> "a cookie";
      case HTTP_SESSION -> "an HTTP session";
      case HTTP_AUTH -> "HTTP authentication";
      case CLIENT_CERT -> "a client certificate";
      default -> throw new IllegalArgumentException(source + " is not an ambient credential");
    };
  }
}
