package dev.wsguard.rules;

import static dev.wsguard.rules.Facts.endpoint;
import static dev.wsguard.rules.Facts.findings;
import static dev.wsguard.rules.Facts.line;
import static dev.wsguard.rules.Facts.send;
import static dev.wsguard.rules.Facts.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Provenance;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.rule.Confidence;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class BroadcastToAllTest {
  private final BroadcastToAll rule = new BroadcastToAll();
  private final Endpoint authenticated = endpoint().authenticatedByQueryToken().build();
  private final Endpoint anonymous = endpoint().build();

  private List<Finding> run(Endpoint endpoint, Send send) {
    return findings(rule, r -> rule.check(endpoint, send, r));
  }

  private Finding only(Endpoint endpoint, Send send) {
    return single(run(endpoint, send));
  }

  @Test
  void ignoresSendsThatDoNotReachEveryone() {
    for (Audience audience : List.of(Audience.THIS_CONNECTION, Audience.ONE_USER, Audience.ROOM, Audience.UNKNOWN)) {
      assertEquals(List.of(), run(anonymous, send(audience, Provenance.SENSITIVE, 20)), audience::name);
    }
  }

  @Test
  void ignoresPublicDataEvenOnAnEndpointWithoutAuthentication() {
    assertEquals(List.of(), run(anonymous, send(Audience.ALL_CONNECTIONS, Provenance.PUBLIC, 20)));
  }

  @Test
  void ignoresARelayOnAnAuthenticatedEndpoint() {
    assertEquals(List.of(), run(authenticated, send(Audience.ALL_BUT_SENDER, Provenance.ECHO, 20)));
  }

  @Test
  void reportsPerUserDataAtTheSendWithTheFixIntent() {
    Send send = send(Audience.ALL_CONNECTIONS, Provenance.PER_USER, 20);
    Finding f = only(authenticated, send);
    assertEquals("broadcast-to-all", f.ruleId());
    assertEquals("per-user-data", f.variant());
    assertEquals(Level.WARNING, f.level());
    assertEquals(Confidence.HIGH, f.confidence());
    assertEquals(line(20), f.location());
    assertEquals("JSON.stringify(data) holds one user's data and is sent to every connection of the ws endpoint",
        f.message());
    FixIntent.ScopeSendToUser intent = assertInstanceOf(FixIntent.ScopeSendToUser.class, f.fixIntent());
    assertSame(send, intent.send());
    assertSame(authenticated, intent.endpoint());
  }

  @Test
  void reportsSensitiveDataSentToEveryOtherConnection() {
    Finding f = only(authenticated, send(Audience.ALL_BUT_SENDER, Provenance.SENSITIVE, 20));
    assertEquals("sensitive-data", f.variant());
    assertTrue(f.message().contains("sent to every other connection"), f.message());
  }

  @Test
  void reportsUnclassifiedDataWithMediumConfidence() {
    Finding f = only(authenticated, send(Audience.ALL_CONNECTIONS, Provenance.UNKNOWN, 20));
    assertEquals("unclassified-data", f.variant());
    assertEquals(Confidence.MEDIUM, f.confidence());
    assertTrue(f.message().contains("could not classify the payload as public"), f.message());
  }

  @Test
  void reportsARelayOnAnEndpointWithoutAuthenticationWithoutAFix() {
    Finding f = only(anonymous, send(Audience.ALL_CONNECTIONS, Provenance.ECHO, 20));
    assertEquals("anonymous-relay", f.variant());
    assertEquals(Confidence.HIGH, f.confidence());
    assertNull(f.fixIntent());
    assertEquals(List.of(new RelatedLocation(line(3),
        "the endpoint accepts connections without verified authentication")), f.related());
  }

  @Test
  void reportsTheAudienceLoopAsRelated() {
    Send send = new Send(line(20), Audience.ALL_CONNECTIONS, Provenance.PER_USER, "profile", line(18));
    Finding f = only(authenticated, send);
    assertEquals(List.of(new RelatedLocation(line(18), "the send goes to every connection")), f.related());
  }
}
