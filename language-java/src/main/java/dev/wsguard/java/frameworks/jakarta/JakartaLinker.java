package dev.wsguard.java.frameworks.jakarta;

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
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.java.analysis.Constants;
import dev.wsguard.java.analysis.Gate;
import dev.wsguard.java.analysis.HandshakeTokenUses;
import dev.wsguard.java.analysis.HandshakeTokenUses;
import dev.wsguard.java.analysis.MethodSummary;
import dev.wsguard.java.analysis.Summaries;
import dev.wsguard.java.frameworks.FrameworkLinker;
import dev.wsguard.java.link.LinkIndex;
import dev.wsguard.java.link.LinkOutput;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Jakarta endpoints: each {@code @ServerEndpoint} class and each programmatic registration, with its configurator
 * (possibly in another file, possibly inheriting from another project configurator), the web.xml constraints that
 * cover its path, and helpers resolved through method summaries. Spring Security does nothing for these endpoints.
 */
public final class JakartaLinker implements FrameworkLinker {
  private static final int MAX_SUPERCLASSES = 5;

  @Override
  public void link(LinkIndex index, LinkOutput out) {
    Map<String, MethodSummary> summaries = Summaries.index(index);
    Map<String, JakartaFacts.EndpointClass> classes = new HashMap<>();
    index.all(JakartaFacts.EndpointClass.class).forEach(c -> classes.putIfAbsent(c.fact().className(), c.fact()));
    Map<String, JakartaFacts.Configurator> configurators = new HashMap<>();
    index.all(JakartaFacts.Configurator.class)
        .forEach(c -> configurators.putIfAbsent(c.fact().className(), c.fact()));
    List<JakartaFacts.SecurityConstraint> constraints = index.all(JakartaFacts.SecurityConstraint.class).stream()
        .map(LinkIndex.Located::fact).toList();
    for (LinkIndex.Located<JakartaFacts.EndpointClass> c : index.all(JakartaFacts.EndpointClass.class)) {
      JakartaFacts.EndpointClass cls = c.fact();
      if (cls.declaration() != null) {
        Endpoint e = endpoint(index, cls.declaration(), cls, cls.className(), cls.paths(), cls.configurator(),
            List.of(), configurators, constraints, summaries);
        out.endpoint(e);
        HandshakeTokenUses.attach(index, e, out);
      }
    }
    for (LinkIndex.Located<JakartaFacts.Registration> r : index.all(JakartaFacts.Registration.class)) {
      JakartaFacts.Registration reg = r.fact();
      JakartaFacts.EndpointClass cls = reg.endpointClass() == null ? null : classes.get(reg.endpointClass());
      Endpoint e = endpoint(index, reg.declaration(), cls, reg.endpointClass(), reg.paths(), reg.configurator(),
          reg.unknowns(), configurators, constraints, summaries);
      out.endpoint(e);
      HandshakeTokenUses.attach(index, e, out);
    }
  }

  private static Endpoint endpoint(LinkIndex index, SourceLocation declaration, JakartaFacts.EndpointClass cls, String className,
      List<String> paths, String configuratorName, List<String> registrationUnknowns,
      Map<String, JakartaFacts.Configurator> configurators, List<JakartaFacts.SecurityConstraint> constraints,
      Map<String, MethodSummary> summaries) {
    List<String> unknowns = new ArrayList<>(registrationUnknowns);
    paths = Constants.resolve(paths, index, unknowns);
    List<HandshakeGuard> guards = new ArrayList<>();
    Set<CredentialSource> credentials = EnumSet.noneOf(CredentialSource.class);
    OriginPolicy origin = OriginPolicy.anyByDefault("A Jakarta WebSocket container (Tomcat, Undertow)");

    Merged conf = merged(configuratorName, configurators);
    if (configuratorName != null && conf.found == 0) {
      unknowns.add("the configurator " + simple(configuratorName) + " could not be read, so its Origin and"
          + " handshake checks are unknown");
      origin = new OriginPolicy(OriginPolicy.Kind.UNKNOWN, null, "the configurator " + simple(configuratorName)
          + " could not be read");
      guards.add(new HandshakeGuard(GuardKind.AUTHENTICATION, GuardPlace.HANDSHAKE, Strength.UNKNOWN,
          Coverage.UNKNOWN, "the configurator " + simple(configuratorName), declaration, List.of(), List.of()));
    }
    if (conf.origin != null) {
      origin = conf.origin;
    } else if (conf.handshakeOrigin != null) {
      origin = conf.handshakeOrigin;
    }

    Gate open = cls == null ? null : cls.openGate();
    boolean markerHonoured = false;
    if (open != null && open.userPropertyKey() != null) {
      // modifyHandshake cannot refuse by returning, so a common pattern stores the verified user as a user property
      // and lets @OnOpen close the session when it is missing: the close counts, with the strength of the check
      // that decides whether the property is stored.
      if (conf.propertyKeys.contains(open.userPropertyKey())) {
        markerHonoured = true;
        Gate source = conf.credentialCheck == null ? null : resolve(conf.credentialCheck, summaries, unknowns);
        if (source == null) {
          open = open.withStrength(Strength.FAILS_OPEN, "@OnOpen only tests that the configurator stored \""
              + open.userPropertyKey() + "\", which it stores without checking a credential");
        } else {
          List<RelatedLocation> related = new ArrayList<>(open.related());
          related.add(new RelatedLocation(source.evidence(), "modifyHandshake stores \"" + open.userPropertyKey()
              + "\" after " + source.description()));
          credentials.addAll(source.credentials());
          open = new Gate(open.place(), source.strength(), open.coverage(), "@OnOpen closes the session unless"
              + " modifyHandshake stored \"" + open.userPropertyKey() + "\" (" + source.description() + ")",
              open.evidence(), related, open.uncovered(), source.credentials(), null, false, null);
        }
      } else {
        unknowns.add("@OnOpen closes the session when the user property \"" + open.userPropertyKey()
            + "\" is missing, and wsguard found no configurator of this endpoint that sets it");
        open = open.withStrength(Strength.UNKNOWN, open.description());
      }
    }
    if (conf.handshakeGate != null) {
      Gate g = resolve(conf.handshakeGate, summaries, unknowns);
      boolean onlyFailsOpen = g.strength() == Strength.FAILS_OPEN && markerHonoured;
      if (!onlyFailsOpen) {
        if (g.strength() == Strength.FAILS_OPEN && g.helper() == null && g.description().endsWith("refuse the"
            + " connection")) {
          g = g.withStrength(Strength.FAILS_OPEN, "modifyHandshake checks " + g.description().replace(
              " is checked, but a failed check does not refuse the connection", "") + ", but it cannot refuse the"
              + " upgrade by returning and @OnOpen does not close on the outcome");
        }
        guards.add(guard(g));
        credentials.addAll(g.credentials());
      }
    }
    if (open != null) {
      Gate g = open.helper() != null ? resolve(open, summaries, unknowns) : open;
      guards.add(guard(g));
      credentials.addAll(g.credentials());
    }
    for (JakartaFacts.SecurityConstraint sc : constraints) {
      String covered = covers(sc, paths);
      if (covered != null) {
        guards.add(new HandshakeGuard(GuardKind.AUTHENTICATION, GuardPlace.HANDSHAKE, Strength.VERIFIED,
            Coverage.ALL_PATHS, "the web.xml security constraint on " + covered + " (roles " + sc.roles() + ")",
            sc.location(), List.of(), List.of()));
        credentials.add(switch (sc.authMethod()) {
          case "BASIC", "DIGEST" -> CredentialSource.HTTP_AUTH;
          case "CLIENT-CERT" -> CredentialSource.CLIENT_CERT;
          default -> CredentialSource.HTTP_SESSION;
        });
      }
    }
    if (cls == null && className != null) {
      unknowns.add("the endpoint class " + simple(className) + " could not be read, so its handlers are unknown");
    }
    return new Endpoint(Framework.JAKARTA, Language.JAVA, declaration, paths, guards, credentials, origin,
        cls == null ? List.of() : cls.handlers(), cls == null ? List.of() : cls.sends(),
        cls == null ? Limits.NONE : cls.limits(), unknowns);
  }

  private static Gate resolve(Gate gate, Map<String, MethodSummary> summaries, List<String> unknowns) {
    Summaries.Resolved r = Summaries.resolve(gate, summaries);
    if (r.unknown() != null) {
      unknowns.add(r.unknown());
    }
    return r.gate();
  }

  private static HandshakeGuard guard(Gate g) {
    return new HandshakeGuard(GuardKind.AUTHENTICATION, g.place(), g.strength(), g.coverage(), g.description(),
        g.evidence(), g.related(), g.uncovered());
  }

  /** A configurator with what it inherits from project superclasses filled in. */
  private static final class Merged {
    int found;
    OriginPolicy origin;
    OriginPolicy handshakeOrigin;
    Gate handshakeGate;
    Gate credentialCheck;
    final java.util.Set<String> propertyKeys = new java.util.HashSet<>();
  }

  private static Merged merged(String name, Map<String, JakartaFacts.Configurator> configurators) {
    Merged m = new Merged();
    String next = name;
    for (int i = 0; next != null && i < MAX_SUPERCLASSES; i++) {
      JakartaFacts.Configurator c = configurators.get(next);
      if (c == null) {
        break;
      }
      m.found++;
      if (m.origin == null) {
        m.origin = c.origin();
      }
      if (m.handshakeGate == null) {
        m.handshakeGate = c.handshakeGate();
        m.credentialCheck = c.credentialCheck();
        m.handshakeOrigin = c.handshakeOrigin();
        m.propertyKeys.addAll(c.propertyKeys());
      }
      next = c.superclass();
    }
    return m;
  }

  /** The url-pattern of the constraint that requires a role for the upgrade (a GET) on one of the paths. */
  static String covers(JakartaFacts.SecurityConstraint sc, List<String> paths) {
    if (!sc.authConstraint()) {
      return null;
    }
    boolean getCovered = (sc.methods().isEmpty() || sc.methods().stream().anyMatch(m -> m.equalsIgnoreCase("GET")))
        && sc.omitted().stream().noneMatch(m -> m.equalsIgnoreCase("GET"));
    if (!getCovered) {
      return null;
    }
    for (String pattern : sc.urlPatterns()) {
      for (String path : paths) {
        if (matches(pattern, path)) {
          return pattern;
        }
      }
    }
    return null;
  }

  /** Servlet URL-pattern matching, with the endpoint's path template cut at its first variable. */
  static boolean matches(String pattern, String path) {
    String p = path.contains("{") ? path.substring(0, path.indexOf('{')) : path;
    if (pattern.equals("/") || pattern.equals("/*")) {
      return true;
    }
    if (pattern.endsWith("/*")) {
      String prefix = pattern.substring(0, pattern.length() - 2);
      return p.equals(prefix) || p.startsWith(prefix + "/");
    }
    if (pattern.startsWith("*.")) {
      return p.toLowerCase(Locale.ROOT).endsWith(pattern.substring(1));
    }
    return !path.contains("{") && pattern.equals(path);
  }

  private static String simple(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
