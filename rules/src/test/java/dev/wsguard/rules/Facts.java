package dev.wsguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.Provenance;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.FindingCollector;
import dev.wsguard.core.rule.Reporter;
import dev.wsguard.core.rule.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Small builders for model facts, shared by the rule tests; every fact sits in one file, told apart by line. */
final class Facts {
  /** Runs one check of {@code rule} into a fresh collector and returns what it reported. */
  static List<Finding> findings(Rule rule, Consumer<Reporter> check) {
    FindingCollector collector = new FindingCollector(rule);
    check.accept(collector);
    return collector.findings();
  }

  /** The one finding; fails with the whole list when there are none or several. */
  static Finding single(List<Finding> findings) {
    assertEquals(1, findings.size(), findings::toString);
    return findings.get(0);
  }

  static final String FILE = "server.js";

  private Facts() {}

  static SourceLocation line(int line) {
    return new SourceLocation(FILE, line, 1, line, 30, line * 100, line * 100 + 29);
  }

  static HandshakeGuard authGuard(GuardPlace place, Strength strength, Coverage coverage, int line) {
    return new HandshakeGuard(GuardKind.AUTHENTICATION, place, strength, coverage, "verifyClient", line(line),
        List.of(), List.of());
  }

  static HandshakeGuard verifiedAuth(int line) {
    return authGuard(GuardPlace.HANDSHAKE, Strength.VERIFIED, Coverage.ALL_PATHS, line);
  }

  static Send send(Audience audience, Provenance provenance, int line) {
    return new Send(line(line), audience, provenance, "JSON.stringify(data)", null);
  }

  static MessageHandler handler(String action, PermissionCheck check, String clientId, int line) {
    return new MessageHandler("delete-doc", line(line), action, check, clientId, List.of());
  }

  static EndpointFacts endpoint() {
    return new EndpointFacts();
  }

  /** A ws endpoint declared on line 3, with no guard, no credentials and ws's default policy of any Origin. */
  static final class EndpointFacts {
    private final List<HandshakeGuard> guards = new ArrayList<>();
    private Set<CredentialSource> credentials = Set.of();
    private OriginPolicy origin = OriginPolicy.anyByDefault("ws");
    private List<String> unknowns = List.of();

    EndpointFacts guard(HandshakeGuard guard) {
      guards.add(guard);
      return this;
    }

    EndpointFacts credentials(CredentialSource... sources) {
      credentials = Set.of(sources);
      return this;
    }

    EndpointFacts origin(OriginPolicy policy) {
      origin = policy;
      return this;
    }

    EndpointFacts unknowns(String... things) {
      unknowns = List.of(things);
      return this;
    }

    /** Verified at the handshake on every path, with a query-string token: nothing ambient. */
    EndpointFacts authenticatedByQueryToken() {
      return guard(verifiedAuth(5)).credentials(CredentialSource.QUERY_TOKEN);
    }

    Endpoint build() {
      return new Endpoint(Framework.WS, Language.JAVASCRIPT, line(3), List.of(), guards, credentials, origin,
          List.of(), List.of(), Limits.NONE, unknowns);
    }
  }
}
