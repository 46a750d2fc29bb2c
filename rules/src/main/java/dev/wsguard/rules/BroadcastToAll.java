package dev.wsguard.rules;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Provenance;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.rule.Confidence;
import dev.wsguard.core.rule.FixKind;
import dev.wsguard.core.rule.Level;
import dev.wsguard.core.rule.MessageVariant;
import dev.wsguard.core.rule.Precision;
import dev.wsguard.core.rule.Reporter;
import dev.wsguard.core.rule.RuleInfo;
import dev.wsguard.core.rule.SendCheck;
import dev.wsguard.core.rule.Tag;

/**
 * Flags sends to every connection whose payload is not recognisably public, and relays to every connection of an
 * endpoint that authenticates nobody.
 */
@RuleInfo(
    id = "broadcast-to-all",
    summary = "Data that is not public is sent to every connection of a WebSocket endpoint",
    cwe = 200,
    level = Level.WARNING,
    tags = {Tag.DATA_EXPOSURE},
    fix = FixKind.SUGGESTED,
    precision = Precision.MEDIUM,
    // CVSS 3.1 AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N: any connected client reads other users' data; nothing is
    // written
    securitySeverity = "6.5")
public final class BroadcastToAll implements SendCheck {

  enum Variant implements MessageVariant {
    PER_USER_DATA("{payload} holds one user's data and is sent to {audience} of the {framework} endpoint"),
    SENSITIVE_DATA("{payload} holds sensitive data (credentials, sessions, query results or user lists) and is sent"
        + " to {audience} of the {framework} endpoint"),
    UNCLASSIFIED_DATA("{payload} is sent to {audience} of the {framework} endpoint, and wsguard could not classify"
        + " the payload as public"),
    ANONYMOUS_RELAY("{payload} relays a client's message to {audience} of the {framework} endpoint, which has no"
        + " verified authentication: anyone can connect, read what every user sends and push content to all");

    private final String template;

    Variant(String template) {
      this.template = template;
    }

    @Override
    public String template() {
      return template;
    }
  }

  private static boolean reachesEveryone(Send send) {
    return send.audience().everyone();
  }

  /**
   * Public data (constants, public feeds) is meant for everyone, so a public ticker on a public endpoint is the
   * design, not a leak: it stays quiet even without authentication.
   */
  private static boolean meantForEveryone(Send send) {
    return send.provenance() == Provenance.PUBLIC;
  }

  /**
   * A relay of the incoming message is what chat rooms do among signed-in users. Without authentication, though,
   * what users type reaches anonymous listeners, and anyone can push content to every client, so it fires there.
   */
  private static boolean relayAmongKnownUsers(Endpoint endpoint, Send send) {
    return send.provenance() == Provenance.ECHO && endpoint.authenticated();
  }

  @Override
  public void check(Endpoint endpoint, Send send, Reporter report) {
    if (!reachesEveryone(send) || meantForEveryone(send) || relayAmongKnownUsers(endpoint, send)) {
      return;
    }
    Variant variant = switch (send.provenance()) {
      case PER_USER -> Variant.PER_USER_DATA;
      case SENSITIVE -> Variant.SENSITIVE_DATA;
      case ECHO -> Variant.ANONYMOUS_RELAY;
      default -> Variant.UNCLASSIFIED_DATA;
    };
    Reporter.FindingBuilder finding = report.at(send.location())
        .variant(variant, send.payload(), audience(send.audience()), endpoint.framework().token())
        .confidence(variant == Variant.UNCLASSIFIED_DATA ? Confidence.MEDIUM : Confidence.HIGH);
    if (send.audienceEvidence() != null) {
      finding.related(send.audienceEvidence(), "the send goes to " + audience(send.audience()));
    }
    if (variant == Variant.ANONYMOUS_RELAY) {
      // The remedy is authenticating the endpoint, which missing-upgrade-auth offers there; scoping a relay to its
      // own sender would break it, so no fix intent here.
      finding.related(endpoint.declaration(), "the endpoint accepts connections without verified authentication");
    } else {
      finding.fix(new FixIntent.ScopeSendToUser(endpoint, send));
    }
    finding.emit();
  }

  private static String audience(Audience audience) {
    return audience == Audience.ALL_BUT_SENDER ? "every other connection" : "every connection";
  }
}
