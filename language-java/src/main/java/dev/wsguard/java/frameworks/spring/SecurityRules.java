package dev.wsguard.java.frameworks.spring;

import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.Strength;
import dev.wsguard.java.frameworks.spring.SpringFacts.FilterFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.IgnoredPathsFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.SecurityChainFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.SecurityRule;
import dev.wsguard.java.link.LinkIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Matches Spring Security's HTTP rules to an endpoint path as Spring does: paths removed by {@code web.ignoring()}
 * get no security; otherwise the first chain (by {@code @Order}) whose security matcher covers the path decides,
 * and in it the first rule whose matcher matches. {@code permitAll} means no authentication.
 */
final class SecurityRules {
  private static final Set<String> AUTHENTICATING = Set.of("authenticated", "fullyAuthenticated", "hasRole",
      "hasAnyRole", "hasAuthority", "hasAnyAuthority", "rememberMe", "denyAll");

  /** The decision for one path: a guard (or none) and the credentials the chain authenticates with. */
  record Decision(HandshakeGuard guard, Set<CredentialSource> credentials, String unknown) {}

  private final List<SecurityChainFact> chains = new ArrayList<>();
  private final List<IgnoredPathsFact> ignored = new ArrayList<>();
  private final LinkIndex index;

  /** The rules of the module {@code endpointPath} sits in. */
  SecurityRules(LinkIndex index, String endpointPath) {
    this.index = index;
    index.all(SecurityChainFact.class).stream().filter(c -> Modules.same(c.path(), endpointPath))
        .forEach(c -> chains.add(c.fact()));
    chains.sort(Comparator.comparingInt(SecurityChainFact::order));
    index.all(IgnoredPathsFact.class).stream().filter(i -> Modules.same(i.path(), endpointPath))
        .forEach(i -> ignored.add(i.fact()));
  }

  /** Empty when Spring Security does not decide this path (no chain, ignored, or a chain for other paths). */
  Optional<Decision> decide(String path) {
    for (IgnoredPathsFact i : ignored) {
      if (i.patterns().stream().anyMatch(p -> AntPaths.matches(p, path))) {
        return Optional.empty();
      }
    }
    for (SecurityChainFact chain : chains) {
      if (!chain.scope().isEmpty() && chain.scope().stream().noneMatch(p -> AntPaths.matches(p, path))) {
        continue;
      }
      if (chain.rules().isEmpty()) {
        return Optional.empty(); // no authorizeHttpRequests: the chain requires nothing of the request
      }
      for (SecurityRule rule : chain.rules()) {
        if (!rule.applies()) {
          continue;
        }
        if (rule.patterns().stream().anyMatch(p -> p.startsWith("?"))) {
          return Optional.of(new Decision(guard(Strength.UNKNOWN, rule, path), credentials(chain),
              "the Spring Security matcher " + rule.text() + " could not be read"));
        }
        if (!rule.patterns().isEmpty() && rule.patterns().stream().noneMatch(p -> AntPaths.matches(p, path))) {
          continue;
        }
        if (AUTHENTICATING.contains(rule.access())) {
          return Optional.of(new Decision(guard(Strength.VERIFIED, rule, path), credentials(chain), null));
        }
        if (rule.access().equals("permitAll") || rule.access().equals("anonymous")) {
          return Optional.empty();
        }
        return Optional.of(new Decision(guard(Strength.UNKNOWN, rule, path), credentials(chain),
            "the Spring Security rule " + rule.text() + " is a custom expression"));
      }
      return Optional.of(new Decision(new HandshakeGuard(GuardKind.AUTHENTICATION, GuardPlace.HANDSHAKE,
          Strength.UNKNOWN, Coverage.UNKNOWN, "Spring Security (no rule matches " + path + ")", chain.location(),
          List.of(), List.of()), credentials(chain), "no Spring Security rule matches " + path));
    }
    return Optional.empty();
  }

  private static HandshakeGuard guard(Strength strength, SecurityRule rule, String path) {
    return new HandshakeGuard(GuardKind.AUTHENTICATION, GuardPlace.HANDSHAKE, strength, Coverage.ALL_PATHS,
        "Spring Security rule " + rule.text() + " for " + path, rule.at(), List.of(), List.of());
  }

  /**
   * How the chain authenticates: a JWT resource server or a header-reading filter is an explicit token; form
   * login, OAuth2 login and a stateful chain keep the user in the HTTP session; HTTP Basic is ambient too.
   */
  private Set<CredentialSource> credentials(SecurityChainFact chain) {
    Set<CredentialSource> out = EnumSet.noneOf(CredentialSource.class);
    out.addAll(chain.credentials());
    for (String filter : chain.filterTypes()) {
      for (LinkIndex.Located<FilterFact> f : index.all(FilterFact.class)) {
        if (f.fact().type().equals(filter)) {
          out.addAll(f.fact().credentials());
        }
      }
    }
    if (out.isEmpty() && !chain.stateless()) {
      // no login or token configured here: a stateful chain keeps whoever signed in in the HTTP session
      out.add(CredentialSource.HTTP_SESSION);
    }
    if (out.isEmpty()) {
      out.add(CredentialSource.UNKNOWN);
    }
    return out;
  }
}
