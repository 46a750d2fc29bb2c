package dev.wsguard.rules;

import static dev.wsguard.rules.Facts.authGuard;
import static dev.wsguard.rules.Facts.endpoint;
import static dev.wsguard.rules.Facts.findings;
import static dev.wsguard.rules.Facts.line;
import static dev.wsguard.rules.Facts.single;
import static dev.wsguard.rules.Facts.verifiedAuth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.core.rule.Confidence;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingUpgradeAuthTest {
  private final MissingUpgradeAuth rule = new MissingUpgradeAuth();

  private List<Finding> run(Endpoint endpoint) {
    return findings(rule, r -> rule.check(endpoint, r));
  }

  private Finding only(Endpoint endpoint) {
    return single(run(endpoint));
  }

  @Test
  void ignoresVerifiedGuardOnAllPaths() {
    assertEquals(List.of(), run(endpoint().guard(verifiedAuth(5)).build()));
  }

  @Test
  void ignoresWhenOneOfSeveralGuardsVerifiesEveryPath() {
    Endpoint endpoint = endpoint()
        .guard(authGuard(GuardPlace.HANDSHAKE, Strength.DECODED_ONLY, Coverage.ALL_PATHS, 5))
        .guard(authGuard(GuardPlace.CONNECTION, Strength.VERIFIED, Coverage.ALL_PATHS, 9))
        .build();
    assertEquals(List.of(), run(endpoint));
  }

  @Test
  void reportsWhenNoGuardAtTheDeclarationWithTheFixIntent() {
    Endpoint endpoint = endpoint().build();
    Finding f = only(endpoint);
    assertEquals("missing-upgrade-auth", f.ruleId());
    assertEquals("no-guard", f.variant());
    assertEquals(Level.ERROR, f.level());
    assertEquals(Confidence.HIGH, f.confidence());
    assertEquals(line(3), f.location());
    assertEquals(List.of(), f.related());
    FixIntent.AddUpgradeAuth intent = assertInstanceOf(FixIntent.AddUpgradeAuth.class, f.fixIntent());
    assertSame(endpoint, intent.endpoint());
    // the message names every kind of place that was searched
    assertTrue(f.message().startsWith("The ws endpoint"), f.message());
    assertTrue(f.message().contains("handshake") && f.message().contains("connection handler")
        && f.message().contains("first message"), f.message());
  }

  @Test
  void reportsWhenOnlyAnOriginGuardExists() {
    HandshakeGuard origin = new HandshakeGuard(GuardKind.ORIGIN, GuardPlace.HANDSHAKE, Strength.VERIFIED,
        Coverage.ALL_PATHS, "verifyClient", line(5), List.of(), List.of());
    assertEquals("no-guard", only(endpoint().guard(origin).build()).variant());
  }

  @Test
  void reportsWhenGuardCoversSomePathsNamingThem() {
    HandshakeGuard guard = new HandshakeGuard(GuardKind.AUTHENTICATION, GuardPlace.HANDSHAKE, Strength.VERIFIED,
        Coverage.SOME_PATHS, "upgrade handler", line(7), List.of(), List.of("/feed", "/status"));
    Finding f = only(endpoint().guard(guard).build());
    assertEquals("some-paths", f.variant());
    assertEquals(Confidence.HIGH, f.confidence());
    assertEquals("The ws endpoint authenticates only some paths to the accept: upgrade handler (at the handshake)"
        + " leaves /feed, /status unchecked", f.message());
    assertEquals(List.of(new RelatedLocation(line(7), "upgrade handler (at the handshake): verifies on some paths"
        + " only")), f.related());
  }

  @Test
  void reportsSomePathsWithoutNamesAsOtherPaths() {
    Finding f = only(endpoint()
        .guard(authGuard(GuardPlace.HANDSHAKE, Strength.VERIFIED, Coverage.SOME_PATHS, 7)).build());
    assertTrue(f.message().endsWith("leaves other paths unchecked"), f.message());
  }

  @Test
  void reportsWhenGuardOnlyDecodes() {
    Finding f = only(endpoint()
        .guard(authGuard(GuardPlace.HANDSHAKE, Strength.DECODED_ONLY, Coverage.ALL_PATHS, 6)).build());
    assertEquals("decoded-only", f.variant());
    assertEquals(Confidence.HIGH, f.confidence());
    assertTrue(f.message().contains("verifyClient (at the handshake) decodes the token"), f.message());
    assertEquals(line(6), f.related().get(0).location());
  }

  @Test
  void reportsWhenGuardFailsOpen() {
    Finding f = only(endpoint()
        .guard(authGuard(GuardPlace.CONNECTION, Strength.FAILS_OPEN, Coverage.ALL_PATHS, 8)).build());
    assertEquals("fails-open", f.variant());
    assertTrue(f.message().contains("in the connection handler"), f.message());
  }

  @Test
  void reportsUnreadableGuardWithMediumConfidenceSayingWhatCouldNotBeRead() {
    Finding f = only(endpoint()
        .guard(authGuard(GuardPlace.HANDSHAKE, Strength.UNKNOWN, Coverage.ALL_PATHS, 5))
        .unknowns("verifyToken is imported from './auth', which could not be read")
        .build());
    assertEquals("unreadable-guard", f.variant());
    assertEquals(Confidence.MEDIUM, f.confidence());
    assertTrue(f.message().endsWith("verifyToken is imported from './auth', which could not be read"), f.message());
  }

  @Test
  void reportsUnknownCoverageOfAVerifiedGuardWithMediumConfidence() {
    Finding f = only(endpoint()
        .guard(authGuard(GuardPlace.HANDSHAKE, Strength.VERIFIED, Coverage.UNKNOWN, 5)).build());
    assertEquals("unknown-coverage", f.variant());
    assertEquals(Confidence.MEDIUM, f.confidence());
  }

  @Test
  void reportsGuardThatMightCountBeforeOneThatClearlyFails() {
    Finding f = only(endpoint()
        .guard(authGuard(GuardPlace.HANDSHAKE, Strength.DECODED_ONLY, Coverage.ALL_PATHS, 5))
        .guard(authGuard(GuardPlace.CONNECTION, Strength.UNKNOWN, Coverage.ALL_PATHS, 9))
        .build());
    assertEquals("unreadable-guard", f.variant());
    assertEquals(Confidence.MEDIUM, f.confidence());
    // both guards are evidence, the described one first
    assertEquals(List.of(line(9), line(5)), f.related().stream().map(RelatedLocation::location).toList());
  }

  @Test
  void reportsWithTheGuardsOwnEvidenceAsRelated() {
    RelatedLocation helper = new RelatedLocation(
        new SourceLocation("auth.js", 4, 1, 4, 20, 50, 69), "verifyToken calls jwt.decode");
    HandshakeGuard guard = new HandshakeGuard(GuardKind.AUTHENTICATION, GuardPlace.HANDSHAKE, Strength.DECODED_ONLY,
        Coverage.ALL_PATHS, "verifyToken", line(6), List.of(helper), List.of());
    Finding f = only(endpoint().guard(guard).build());
    assertEquals(List.of(line(6), helper.location()), f.related().stream().map(RelatedLocation::location).toList());
  }
}
