package dev.wsguard.rules;

import static dev.wsguard.rules.Facts.findings;
import static dev.wsguard.rules.Facts.line;
import static dev.wsguard.rules.Facts.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.core.rule.Confidence;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnverifiedTokenTest {
  private final UnverifiedToken rule = new UnverifiedToken();

  private List<Finding> run(TokenUse use) {
    return findings(rule, r -> rule.check(use, r));
  }

  private Finding only(TokenUse use) {
    return single(run(use));
  }

  private static TokenUse decode(boolean trusted) {
    return new TokenUse(line(40), "jsonwebtoken.decode", false, trusted, false, null, null);
  }

  private static TokenUse verify(boolean swallowed) {
    return new TokenUse(line(40), "jsonwebtoken.verify", true, true, swallowed, swallowed ? line(42) : null, null);
  }

  @Test
  void ignoresAVerifyWhoseFailureRejects() {
    assertEquals(List.of(), run(verify(false)));
  }

  @Test
  void ignoresADecodeWhoseResultIsNotTrusted() {
    assertEquals(List.of(), run(decode(false)));
  }

  @Test
  void reportsATrustedDecodeAtTheCallWithTheFixIntent() {
    TokenUse use = decode(true);
    Finding f = only(use);
    assertEquals("unverified-token", f.ruleId());
    assertEquals("decoded-not-verified", f.variant());
    assertEquals(Level.ERROR, f.level());
    assertEquals(Confidence.HIGH, f.confidence());
    assertEquals(line(40), f.location());
    assertEquals("jsonwebtoken.decode decodes the token without verifying its signature, and the result is trusted"
        + " as identity or roles", f.message());
    assertEquals(List.of(), f.related());
    assertSame(use, assertInstanceOf(FixIntent.VerifyToken.class, f.fixIntent()).use());
  }

  @Test
  void reportsASwallowedFailureAtTheVerifyCallWithTheCatchAsRelated() {
    Finding f = only(verify(true));
    assertEquals("failure-swallowed", f.variant());
    assertEquals(line(40), f.location());
    assertEquals(List.of(new RelatedLocation(line(42), "this catch lets a failed verification through")),
        f.related());
    assertInstanceOf(FixIntent.VerifyToken.class, f.fixIntent());
  }

  @Test
  void reportsOnAHandshakePathNamingTheEndpoint() {
    TokenUse use = new TokenUse(line(40), "jsonwebtoken.decode", false, true, false, null, line(3));
    Finding f = only(use);
    assertEquals("jsonwebtoken.decode decodes the token without verifying its signature, and the result is trusted"
        + " as identity or roles, on the handshake of the endpoint at server.js:3:1", f.message());
    assertEquals(List.of(new RelatedLocation(line(3), "the endpoint whose handshake trusts this token")),
        f.related());
  }

  @Test
  void reportsASwallowedFailureOnAHandshakePathWithBothRelatedLocations() {
    TokenUse use = new TokenUse(line(40), "jose.jwtVerify", true, true, true, line(42), line(3));
    Finding f = only(use);
    assertEquals(List.of(line(42), line(3)), f.related().stream().map(RelatedLocation::location).toList());
  }
}
