package dev.wsguard.java.frameworks.quarkus;

import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.java.config.ConfigEntry;
import dev.wsguard.java.config.ConfigFile;
import dev.wsguard.java.frameworks.FrameworkLinker;
import dev.wsguard.java.frameworks.spring.GateVerdicts;
import dev.wsguard.java.frameworks.spring.Modules;
import dev.wsguard.java.link.LinkIndex;
import dev.wsguard.java.link.LinkOutput;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds Quarkus websockets-next endpoints: the upgrade is secured only by a security annotation on the endpoint
 * class, an HTTP permission policy in application.properties covering the path, or an HttpUpgradeCheck that rejects;
 * the framework checks no Origin. Credentials come from the authentication mechanism the configuration enables.
 */
public final class QuarkusLinker implements FrameworkLinker {
  private static final String PERMISSION = "quarkus.http.auth.permission.";

  @Override
  public void link(LinkIndex index, LinkOutput out) {
    GateVerdicts verdicts = new GateVerdicts(index);
    for (LinkIndex.Located<QuarkusFacts.EndpointFact> located : index.all(QuarkusFacts.EndpointFact.class)) {
      QuarkusFacts.EndpointFact e = located.fact();
      Map<String, ConfigEntry> config = config(index, located.path());
      List<HandshakeGuard> guards = new ArrayList<>();
      List<String> unknowns = new ArrayList<>();
      Set<CredentialSource> credentials = EnumSet.noneOf(CredentialSource.class);
      if (e.path() == null) {
        unknowns.add("the @WebSocket path could not be read");
      }
      if (e.security() != null) {
        guards.add(guard(e.security() + " on the endpoint class secures the upgrade", e.securityAt()));
      } else if (!e.permitAll() && e.path() != null) {
        policy(config, e.path()).ifPresent(guards::add);
      }
      OriginPolicy origin = OriginPolicy.anyByDefault("Quarkus websockets-next");
      for (LinkIndex.Located<QuarkusFacts.UpgradeCheckFact> check : index.all(QuarkusFacts.UpgradeCheckFact.class)) {
        if (!Modules.same(check.path(), located.path())) {
          continue;
        }
        origin = stricter(origin, check.fact());
        if (check.fact().originOnly()) {
          continue; // it refuses only on the Origin: no authentication
        }
        verdicts.guard(check.fact().gate(), GuardPlace.HANDSHAKE, unknowns).ifPresent(g -> {
          guards.add(check.fact().selective() ? new HandshakeGuard(g.kind(), g.place(), g.strength(),
              Coverage.UNKNOWN, g.description() + " (it chooses the endpoints it applies to)", g.evidence(),
              g.related(), List.of()) : g);
          credentials.addAll(check.fact().gate().credentials());
        });
      }
      if (!guards.isEmpty()) {
        credentials.addAll(mechanism(config));
      }
      out.endpoint(new Endpoint(Framework.QUARKUS, Language.JAVA, e.declaration(),
          e.path() == null ? List.of() : List.of(e.path()), guards, credentials,
          origin, e.handlers(), e.sends(), Limits.NONE, unknowns));
    }
  }

  /**
   * The Origin policy once an upgrade check's Origin test runs too: checks run one after the other and any one
   * refuses, so an allow-list wins; a check that picks its endpoints (appliesTo) may not run for this one.
   */
  private static OriginPolicy stricter(OriginPolicy current, QuarkusFacts.UpgradeCheckFact check) {
    OriginPolicy o = check.origin();
    if (o == null || o.kind() == OriginPolicy.Kind.ANY || current.kind() == OriginPolicy.Kind.ALLOW_LIST) {
      return current;
    }
    if (check.selective()) {
      return new OriginPolicy(OriginPolicy.Kind.UNKNOWN, o.location(), "HttpUpgradeCheck "
          + check.type().substring(check.type().lastIndexOf('.') + 1) + " tests the Origin, but only for the"
          + " endpoints it chooses");
    }
    return o;
  }

  private static HandshakeGuard guard(String description, SourceLocation at) {
    return new HandshakeGuard(GuardKind.AUTHENTICATION, GuardPlace.HANDSHAKE, Strength.VERIFIED, Coverage.ALL_PATHS,
        description, at, List.of(), List.of());
  }

  /** The default-profile configuration of the endpoint's module. */
  private static Map<String, ConfigEntry> config(LinkIndex index, String near) {
    Map<String, ConfigEntry> out = new HashMap<>();
    for (LinkIndex.Located<ConfigFile> c : index.all(ConfigFile.class)) {
      if (c.fact().profile().isEmpty() && Modules.same(c.path(), near)) {
        c.fact().entries().forEach(out::putIfAbsent);
      }
    }
    return out;
  }

  /**
   * An HTTP permission whose paths cover the endpoint's: {@code authenticated}, {@code deny} or a role policy secure
   * the upgrade, {@code permit} leaves it open. Quarkus lets the most specific path win; among equals, any deny.
   */
  private static java.util.Optional<HandshakeGuard> policy(Map<String, ConfigEntry> config, String path) {
    String concrete = path.replaceAll("\\{[^}]*}", "x");
    ConfigEntry best = null;
    int bestLength = -1;
    for (ConfigEntry entry : config.values()) {
      if (!entry.key().startsWith(PERMISSION) || !entry.key().endsWith(".paths")) {
        continue;
      }
      for (String pattern : entry.value().split(",")) {
        String p = pattern.strip();
        int length = covers(p, concrete);
        if (length > bestLength) {
          String name = entry.key().substring(PERMISSION.length(), entry.key().length() - ".paths".length());
          ConfigEntry policy = config.get(PERMISSION + name + ".policy");
          if (policy != null) {
            best = policy;
            bestLength = length;
          }
        }
      }
    }
    if (best == null || best.value().strip().equals("permit")) {
      return java.util.Optional.empty();
    }
    SourceLocation at = new SourceLocation(best.path(), Math.max(1, best.line()), 1, Math.max(1, best.line()), 1, 0,
        0);
    return java.util.Optional.of(guard("the HTTP permission " + best.key() + "=" + best.value()
        + " covers " + path, at));
  }

  /** How specific a Quarkus permission path is for the request path; -1 when it does not cover it. */
  private static int covers(String pattern, String path) {
    if (pattern.equals("/*") || pattern.equals("*")) {
      return 0;
    }
    if (pattern.endsWith("/*")) {
      String prefix = pattern.substring(0, pattern.length() - 2);
      return path.equals(prefix) || path.startsWith(prefix + "/") ? prefix.length() : -1;
    }
    return pattern.equals(path) ? pattern.length() + 1 : -1;
  }

  /** What the enabled authentication mechanism makes the credential: a form cookie, Basic, a bearer token. */
  private static Set<CredentialSource> mechanism(Map<String, ConfigEntry> config) {
    Set<CredentialSource> out = EnumSet.noneOf(CredentialSource.class);
    if (isTrue(config, "quarkus.http.auth.form.enabled")) {
      out.add(CredentialSource.COOKIE);
    }
    if (isTrue(config, "quarkus.http.auth.basic")) {
      out.add(CredentialSource.HTTP_AUTH);
    }
    ConfigEntry appType = config.get("quarkus.oidc.application-type");
    if (appType != null && (appType.value().equals("web-app") || appType.value().equals("hybrid"))) {
      out.add(CredentialSource.COOKIE);
    }
    boolean bearer = config.containsKey("mp.jwt.verify.publickey.location") || config.containsKey("mp.jwt.verify.issuer")
        || config.containsKey("quarkus.oidc.auth-server-url") && (appType == null || !appType.value().equals("web-app"));
    if (bearer) {
      out.add(CredentialSource.HEADER_TOKEN);
    }
    if (out.isEmpty()) {
      out.add(CredentialSource.UNKNOWN);
    }
    return out;
  }

  private static boolean isTrue(Map<String, ConfigEntry> config, String key) {
    ConfigEntry e = config.get(key);
    return e != null && e.value().strip().equalsIgnoreCase("true");
  }
}
