package dev.wsguard.java.frameworks.spring;

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
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.Strength;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.java.frameworks.FrameworkLinker;
import dev.wsguard.java.frameworks.spring.SpringFacts.ChannelInterceptorFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.HandshakeInterceptorFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.InterceptorRef;
import dev.wsguard.java.frameworks.spring.SpringFacts.MessageSecurityFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.Registration;
import dev.wsguard.java.frameworks.spring.SpringFacts.SecurityRule;
import dev.wsguard.java.frameworks.spring.SpringFacts.StompConfig;
import dev.wsguard.java.frameworks.spring.SpringFacts.StompMappingFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.StompSendFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.WsHandlerFact;
import dev.wsguard.java.link.LinkIndex;
import dev.wsguard.java.link.LinkOutput;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds Spring endpoints: each registration with its origin policy, its handshake interceptors, the Spring
 * Security rules covering its path, STOMP CONNECT interceptors, and its handlers and sends (the handler class for
 * plain WebSocket; every {@code @MessageMapping} controller and template send for STOMP, attached to the first
 * STOMP endpoint since they share one broker).
 */
public final class SpringLinker implements FrameworkLinker {
  private static final Set<String> PERMISSION_ACCESS = Set.of("hasRole", "hasAnyRole", "hasAuthority",
      "hasAnyAuthority", "access", "denyAll");

  @Override
  public void link(LinkIndex index, LinkOutput out) {
    GateVerdicts verdicts = new GateVerdicts(index);
    OriginResolver origins = new OriginResolver(index);
    java.util.Set<String> modulesWithStompTraffic = new java.util.HashSet<>();
    for (LinkIndex.Located<Registration> located : index.all(Registration.class)) {
      Registration r = located.fact();
      String path = located.path();
      SecurityRules security = new SecurityRules(index, path);
      List<String> unknowns = new ArrayList<>(r.unknowns());
      List<Gate> gates = new ArrayList<>();
      List<HandshakeGuard> guards = new ArrayList<>();
      Set<CredentialSource> credentials = EnumSet.noneOf(CredentialSource.class);
      for (InterceptorRef ref : r.interceptors()) {
        interceptor(ref, path, index, verdicts, unknowns, gates).ifPresent(g -> {
          guards.add(g.guard());
          credentials.addAll(g.credentials());
        });
      }
      securityGuard(r, security, unknowns).ifPresent(d -> {
        guards.add(d.guard());
        credentials.addAll(d.credentials());
      });
      List<MessageHandler> handlers = new ArrayList<>();
      List<Send> sends = new ArrayList<>();
      if (r.framework() == Framework.SPRING_STOMP) {
        stompGuards(r, path, index, verdicts, unknowns, gates).forEach(g -> {
          guards.add(g.guard());
          credentials.addAll(g.credentials());
        });
        if (modulesWithStompTraffic.add(Modules.of(path))) {
          stompTraffic(path, index, handlers, sends);
        }
      } else {
        Optional<WsHandlerFact> handler = inModule(index, WsHandlerFact.class, path)
            .filter(h -> h.type().equals(r.handlerType())).findFirst();
        if (handler.isPresent()) {
          handlers.addAll(handler.get().handlers());
          sends.addAll(handler.get().sends());
          Gate connection = handler.get().connectionGate();
          if (connection != null && connection.rejects()) {
            gates.add(connection);
            verdicts.guard(connection, GuardPlace.CONNECTION, unknowns).ifPresent(g -> {
              guards.add(g);
              credentials.addAll(connection.credentials().isEmpty() ? Set.of(CredentialSource.UNKNOWN)
                  : connection.credentials());
            });
          }
        } else {
          unknowns.add("the handler " + (r.handlerType() == null ? "passed to addHandler" : r.handlerType())
              + " is not declared in the analysed files");
        }
      }
      out.endpoint(new Endpoint(r.framework(), Language.JAVA, r.declaration(), r.paths(), guards, credentials,
          origins.policy(r), handlers, sends, Limits.NONE, unknowns));
      for (Gate gate : gates) {
        for (GateVerdicts.TokenCall t : verdicts.tokenCalls(gate)) {
          out.tokenUse(new TokenUse(t.check().at(), t.check().owner() + " " + t.check().method(),
              t.check().kind() == Check.Kind.VERIFY, true, t.swallowed(), t.swallowedAt(), r.declaration()));
        }
      }
    }
  }

  /** A guard and the credentials it authenticates with. */
  private record Guarded(HandshakeGuard guard, Set<CredentialSource> credentials) {}

  /** The facts of one type stated in the endpoint's module. */
  private static <T extends dev.wsguard.java.facts.JavaFact> java.util.stream.Stream<T> inModule(LinkIndex index,
      Class<T> type, String path) {
    return index.all(type).stream().filter(l -> Modules.same(l.path(), path)).map(LinkIndex.Located::fact);
  }

  private static Optional<Guarded> interceptor(InterceptorRef ref, String path, LinkIndex index,
      GateVerdicts verdicts, List<String> unknowns, List<Gate> gates) {
    Gate gate = ref.inline();
    if (gate == null && ref.type() != null) {
      Optional<HandshakeInterceptorFact> fact = inModule(index, HandshakeInterceptorFact.class, path)
          .filter(f -> f.type().equals(ref.type())).findFirst();
      if (fact.isPresent()) {
        gate = fact.get().gate();
      } else if (!ref.sessionCopier() && !ref.type().startsWith("org.springframework.")) {
        unknowns.add("the handshake interceptor " + ref.type() + " is not declared in the analysed files");
        return Optional.of(new Guarded(new HandshakeGuard(GuardKind.AUTHENTICATION, GuardPlace.HANDSHAKE,
            Strength.UNKNOWN, Coverage.UNKNOWN, "handshake interceptor " + simple(ref.type()), ref.at(), List.of(),
            List.of()), Set.of(CredentialSource.UNKNOWN)));
      }
    }
    if (gate == null) {
      return Optional.empty(); // HttpSessionHandshakeInterceptor copies session attributes and checks nothing
    }
    Gate g = gate;
    gates.add(gate);
    return verdicts.guard(gate, GuardPlace.HANDSHAKE, unknowns)
        .map(guard -> new Guarded(guard, g.credentials().isEmpty() ? Set.of(CredentialSource.UNKNOWN)
            : g.credentials()));
  }

  /** Spring Security's decision for every path of the endpoint; some paths uncovered gives SOME_PATHS. */
  private static Optional<SecurityRules.Decision> securityGuard(Registration r, SecurityRules security,
      List<String> unknowns) {
    return securityGuard(r.paths(), security, unknowns);
  }

  /** Spring Security's decision for every one of the paths; shared with WebFlux endpoints. */
  static Optional<SecurityRules.Decision> securityGuard(List<String> paths, SecurityRules security,
      List<String> unknowns) {
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    List<SecurityRules.Decision> decisions = new ArrayList<>();
    List<String> uncovered = new ArrayList<>();
    for (String path : paths) {
      Optional<SecurityRules.Decision> d = security.decide(path);
      if (d.isPresent()) {
        decisions.add(d.get());
        if (d.get().unknown() != null) {
          unknowns.add(d.get().unknown());
        }
      } else {
        uncovered.add(path);
      }
    }
    if (decisions.isEmpty()) {
      return Optional.empty();
    }
    SecurityRules.Decision first = decisions.get(0);
    if (uncovered.isEmpty()) {
      return Optional.of(first);
    }
    HandshakeGuard g = first.guard();
    return Optional.of(new SecurityRules.Decision(new HandshakeGuard(g.kind(), g.place(), g.strength(),
        Coverage.SOME_PATHS, g.description(), g.evidence(), g.related(), uncovered), first.credentials(), null));
  }

  /** CONNECT interceptors registered on the client inbound channel of the endpoint's configurer. */
  private static List<Guarded> stompGuards(Registration r, String path, LinkIndex index, GateVerdicts verdicts,
      List<String> unknowns, List<Gate> gates) {
    List<Guarded> out = new ArrayList<>();
    List<StompConfig> configs = inModule(index, StompConfig.class, path).toList();
    for (StompConfig c : configs) {
      if (!c.configType().equals(r.configType()) && configs.size() > 1) {
        continue;
      }
      for (InterceptorRef ref : c.inbound()) {
        Gate gate = ref.inline();
        if (gate == null && ref.type() != null) {
          Optional<ChannelInterceptorFact> f = inModule(index, ChannelInterceptorFact.class, path)
              .filter(x -> x.type().equals(ref.type())).findFirst();
          if (f.isEmpty()) {
            unknowns.add("the channel interceptor " + ref.type() + " is not declared in the analysed files");
            out.add(new Guarded(new HandshakeGuard(GuardKind.AUTHENTICATION, GuardPlace.HANDSHAKE, Strength.UNKNOWN,
                Coverage.UNKNOWN, "channel interceptor " + simple(ref.type()), ref.at(), List.of(), List.of()),
                Set.of(CredentialSource.UNKNOWN)));
            continue;
          }
          gate = f.get().connectGate();
        }
        if (gate == null) {
          continue; // an interceptor that does not look at CONNECT frames authenticates nothing
        }
        Gate g = gate;
        gates.add(gate);
        verdicts.guard(gate, GuardPlace.HANDSHAKE, unknowns).ifPresent(guard -> out.add(new Guarded(guard,
            g.credentials().isEmpty() ? Set.of(CredentialSource.UNKNOWN) : g.credentials())));
      }
    }
    return out;
  }

  /** Every @MessageMapping handler and STOMP send, with message security applied to the handlers. */
  private static void stompTraffic(String path, LinkIndex index, List<MessageHandler> handlers, List<Send> sends) {
    List<String> prefixes = new ArrayList<>();
    inModule(index, StompConfig.class, path).forEach(c -> prefixes.addAll(c.appPrefixes()));
    if (prefixes.isEmpty()) {
      prefixes.add("");
    }
    List<SecurityRule> rules = new ArrayList<>();
    inModule(index, MessageSecurityFact.class, path).forEach(m -> rules.addAll(m.rules()));
    inModule(index, StompMappingFact.class, path).forEach(m -> {
      for (MessageHandler h : m.handlers()) {
        handlers.add(withMessageSecurity(h, m, prefixes, rules));
      }
      sends.addAll(m.sends());
    });
    inModule(index, StompSendFact.class, path).forEach(s -> sends.add(s.send()));
  }

  /** The first message-security rule matching the handler's destination decides; a role rule is a check. */
  private static MessageHandler withMessageSecurity(MessageHandler h, StompMappingFact m, List<String> prefixes,
      List<SecurityRule> rules) {
    if (!h.privileged() || h.permissionCheck() == PermissionCheck.PRESENT || m.subscribe()) {
      return h;
    }
    for (String destination : m.destinations()) {
      for (String prefix : prefixes) {
        String full = prefix.isEmpty() ? destination
            : (prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix)
                + (destination.startsWith("/") ? destination : "/" + destination);
        for (SecurityRule rule : rules) {
          if (!rule.applies()
              || !rule.patterns().isEmpty() && rule.patterns().stream().noneMatch(p -> AntPaths.matches(p, full))) {
            continue;
          }
          if (PERMISSION_ACCESS.contains(rule.access())) {
            List<RelatedLocation> evidence = new ArrayList<>(h.evidence());
            evidence.add(new RelatedLocation(rule.at(), "message security: " + rule.text()));
            return new MessageHandler(h.messageType(), h.location(), h.privilegedAction(), PermissionCheck.PRESENT,
                null, evidence);
          }
          break; // authenticated() or permitAll(): signed in, or anyone; no check of what the user may do
        }
      }
    }
    return h;
  }

  private static String simple(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
