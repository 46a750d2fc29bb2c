package dev.wsguard.rules;

import static dev.wsguard.rules.Facts.authGuard;
import static dev.wsguard.rules.Facts.endpoint;
import static dev.wsguard.rules.Facts.findings;
import static dev.wsguard.rules.Facts.line;
import static dev.wsguard.rules.Facts.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.core.rule.Confidence;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingOriginCheckTest {
  private final MissingOriginCheck rule = new MissingOriginCheck();

  private List<Finding> run(Endpoint endpoint) {
    return findings(rule, r -> rule.check(endpoint, r));
  }

  private Finding only(Endpoint endpoint) {
    return single(run(endpoint));
  }

  @Test
  void ignoresAllowList() {
    OriginPolicy allowList = new OriginPolicy(OriginPolicy.Kind.ALLOW_LIST, line(6), "verifyClient allow-list");
    assertEquals(List.of(), run(endpoint().origin(allowList).credentials(CredentialSource.COOKIE).build()));
  }

  @Test
  void ignoresSameOriginDefault() {
    OriginPolicy sameOrigin = new OriginPolicy(OriginPolicy.Kind.SAME_ORIGIN_DEFAULT, null, "Spring default");
    assertEquals(List.of(), run(endpoint().origin(sameOrigin).build()));
  }

  @Test
  void ignoresVerifiedExplicitTokenAuth() {
    assertEquals(List.of(), run(endpoint().authenticatedByQueryToken().build()));
  }

  @Test
  void reportsErrorWhenCredentialsAreAmbient() {
    Endpoint endpoint = endpoint().guard(Facts.verifiedAuth(5)).credentials(CredentialSource.COOKIE).build();
    Finding f = only(endpoint);
    assertEquals("missing-origin-check", f.ruleId());
    assertEquals("ambient-credentials", f.variant());
    assertEquals(Level.ERROR, f.level());
    assertEquals(Confidence.HIGH, f.confidence());
    assertEquals(line(3), f.location());
    assertEquals("ws accepts every Origin by default, and the connection is authorised by a cookie, which the"
        + " browser sends by itself: any web page a signed-in user visits can open this socket as that user",
        f.message());
    FixIntent.RestrictOrigins intent = assertInstanceOf(FixIntent.RestrictOrigins.class, f.fixIntent());
    assertSame(endpoint, intent.endpoint());
  }

  @Test
  void reportsErrorNamingEveryAmbientSourceEvenBesideAToken() {
    Finding f = only(endpoint()
        .guard(Facts.verifiedAuth(5))
        .credentials(CredentialSource.HEADER_TOKEN, CredentialSource.HTTP_SESSION, CredentialSource.HTTP_AUTH)
        .build());
    assertEquals(Level.ERROR, f.level());
    assertTrue(f.message().contains("by an HTTP session and HTTP authentication,"), f.message());
  }

  @Test
  void reportsWarningWhenNothingAuthenticates() {
    Finding f = only(endpoint().build());
    assertEquals("no-authentication", f.variant());
    assertEquals(Level.WARNING, f.level());
    assertEquals(Confidence.HIGH, f.confidence());
    assertTrue(f.message().contains("localhost"), f.message());
  }

  @Test
  void reportsWarningWhenTheExplicitTokenIsOnlyDecoded() {
    Finding f = only(endpoint()
        .guard(authGuard(GuardPlace.HANDSHAKE, Strength.DECODED_ONLY, Coverage.ALL_PATHS, 5))
        .credentials(CredentialSource.QUERY_TOKEN)
        .build());
    assertEquals("no-authentication", f.variant());
    assertEquals(Level.WARNING, f.level());
  }

  @Test
  void reportsAtAnExplicitWildcardWithTheEndpointAsRelated() {
    OriginPolicy wildcard = new OriginPolicy(OriginPolicy.Kind.ANY, line(12), "setAllowedOrigins(\"*\")");
    Finding f = only(endpoint().origin(wildcard).credentials(CredentialSource.HTTP_SESSION).build());
    assertEquals(line(12), f.location());
    assertEquals(List.of(new RelatedLocation(line(3), "the ws endpoint this policy opens")), f.related());
  }

  @Test
  void reportsUnknownPolicyAtTheDeclarationWithMediumConfidence() {
    OriginPolicy unknown = new OriginPolicy(OriginPolicy.Kind.UNKNOWN, line(8), "verifyClient calls isAllowed");
    Finding f = only(endpoint().origin(unknown).credentials(CredentialSource.COOKIE).build());
    assertEquals(line(3), f.location());
    assertEquals(Level.ERROR, f.level());
    assertEquals(Confidence.MEDIUM, f.confidence());
    assertTrue(f.message().startsWith("wsguard cannot tell which Origins this endpoint accepts (verifyClient calls"
        + " isAllowed)"), f.message());
    assertEquals(List.of(new RelatedLocation(line(8), "origin policy: verifyClient calls isAllowed")), f.related());
  }

  @Test
  void reportsUnknownCredentialStyleOfAnAuthenticatedEndpointWithMediumConfidence() {
    Finding f = only(endpoint().guard(Facts.verifiedAuth(5)).credentials(CredentialSource.UNKNOWN).build());
    assertEquals("unknown-credentials", f.variant());
    assertEquals(Level.WARNING, f.level());
    assertEquals(Confidence.MEDIUM, f.confidence());
  }

  @Test
  void reportsOriginGuardsThatAcceptAnythingAsRelated() {
    HandshakeGuard presenceOnly = new HandshakeGuard(GuardKind.ORIGIN, GuardPlace.HANDSHAKE, Strength.VERIFIED,
        Coverage.ALL_PATHS, "checks only that an Origin header is present", line(9), List.of(), List.of());
    Finding f = only(endpoint().guard(presenceOnly).build());
    assertEquals(List.of(new RelatedLocation(line(9),
        "origin check found here: checks only that an Origin header is present")), f.related());
  }
}
