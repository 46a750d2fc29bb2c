package dev.wsguard.java.frameworks.spring;

import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.java.frameworks.FrameworkLinker;
import dev.wsguard.java.frameworks.spring.SpringFacts.OriginArg;
import dev.wsguard.java.frameworks.spring.WebFluxFacts.CorsRule;
import dev.wsguard.java.frameworks.spring.WebFluxFacts.HandlerFact;
import dev.wsguard.java.frameworks.spring.WebFluxFacts.Mapping;
import dev.wsguard.java.link.LinkIndex;
import dev.wsguard.java.link.LinkOutput;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Builds Spring WebFlux endpoints: each URL mapping with its handler (found in the mapping's module when it is a
 * class), the Spring Security WebFlux rules covering its paths, the handler's own close-on-failure checks, and its
 * origin policy. WebFlux has no Origin check of its own for WebSocket handshakes: only a CORS configuration
 * covering the path (on the handler mapping, or the handler as a CorsConfigurationSource) makes the handler mapping
 * refuse a cross-origin handshake whose Origin it does not allow.
 */
public final class WebFluxLinker implements FrameworkLinker {

  @Override
  public void link(LinkIndex index, LinkOutput out) {
    GateVerdicts verdicts = new GateVerdicts(index);
    OriginResolver origins = new OriginResolver(index);
    for (LinkIndex.Located<Mapping> located : index.all(Mapping.class)) {
      Mapping m = located.fact();
      String path = located.path();
      List<String> unknowns = new ArrayList<>(m.unknowns());
      List<HandshakeGuard> guards = new ArrayList<>();
      Set<CredentialSource> credentials = EnumSet.noneOf(CredentialSource.class);
      SpringLinker.securityGuard(m.paths(), new SecurityRules(index, path), unknowns).ifPresent(d -> {
        guards.add(d.guard());
        credentials.addAll(d.credentials());
      });
      HandlerFact handler = m.inline() != null ? m.inline() : handler(index, m.handlerType(), path);
      if (handler == null && m.handlerType() != null) {
        unknowns.add("the handler " + m.handlerType() + " is not declared in the analysed files");
      }
      List<MessageHandler> handlers = new ArrayList<>();
      List<Send> sends = new ArrayList<>();
      Gate gate = handler == null ? null : handler.connectionGate();
      if (handler != null) {
        handlers.addAll(handler.handlers());
        sends.addAll(handler.sends());
        if (gate.rejects()) {
          verdicts.guard(gate, GuardPlace.CONNECTION, unknowns).ifPresent(g -> {
            guards.add(g);
            credentials.addAll(gate.credentials().isEmpty() ? Set.of(CredentialSource.UNKNOWN)
                : gate.credentials());
          });
        }
      }
      out.endpoint(new Endpoint(Framework.SPRING_WEBFLUX, Language.JAVA, m.declaration(), m.paths(), guards,
          credentials, withService(origin(m, handler, origins, path, index), index, path), handlers, sends, Limits.NONE,
          unknowns));
      if (gate != null && gate.rejects()) {
        List<GateVerdicts.TokenCall> calls = verdicts.tokenCalls(gate);
        // a gate that verifies decodes first (SignedJWT.parse, then verify): its decode is no unverified use
        boolean verifies = calls.stream().anyMatch(t -> t.check().kind() == Check.Kind.VERIFY && !t.swallowed());
        for (GateVerdicts.TokenCall t : calls) {
          if (verifies && t.check().kind() == Check.Kind.DECODE) {
            continue;
          }
          out.tokenUse(new TokenUse(t.check().at(), t.check().owner() + " " + t.check().method(),
              t.check().kind() == Check.Kind.VERIFY, true, t.swallowed(), t.swallowedAt(), m.declaration()));
        }
      }
    }
  }

  private static HandlerFact handler(LinkIndex index, String type, String near) {
    if (type == null) {
      return null;
    }
    return index.all(HandlerFact.class).stream().filter(l -> Modules.same(l.path(), near))
        .map(LinkIndex.Located::fact).filter(h -> type.equals(h.type())).findFirst().orElse(null);
  }

  /**
   * The Origin check of the project's WebSocketService, when the module's WebSocketHandlerAdapter uses one: it runs
   * for every handshake after the handler mapping's CORS check, so it decides where CORS lets every Origin through.
   */
  private static OriginPolicy withService(OriginPolicy cors, LinkIndex index, String near) {
    if (cors.kind() != OriginPolicy.Kind.ANY) {
      return cors;
    }
    for (LinkIndex.Located<WebFluxFacts.AdapterFact> adapter : index.all(WebFluxFacts.AdapterFact.class)) {
      if (!Modules.same(adapter.path(), near)) {
        continue;
      }
      for (LinkIndex.Located<WebFluxFacts.ServiceFact> service : index.all(WebFluxFacts.ServiceFact.class)) {
        if (service.fact().type().equals(adapter.fact().serviceType()) && service.fact().origin() != null) {
          return service.fact().origin();
        }
      }
    }
    return cors;
  }

  /**
   * The CORS configurations that cover the endpoint's paths, combined as WebFlux combines the mapping's and the
   * handler's (the allowed origins of both). A path no configuration covers is open to every Origin.
   */
  private static OriginPolicy origin(Mapping m, HandlerFact handler, OriginResolver origins, String near,
      LinkIndex index) {
    // a CorsWebFilter's configurations apply to every request of the application before any handler mapping; the
    // allowed origins are united with the mapping's, which can only overstate what is allowed
    List<CorsRule> cors = new ArrayList<>(m.cors());
    index.all(WebFluxFacts.CorsFilterFact.class).stream().filter(f -> Modules.same(f.path(), near))
        .forEach(f -> cors.addAll(f.fact().rules()));
    List<OriginArg> allowed = new ArrayList<>();
    SourceLocation at = null;
    List<String> open = new ArrayList<>();
    CorsRule own = handler == null ? null : handler.cors();
    for (String p : m.paths()) {
      List<CorsRule> covering = new ArrayList<>();
      for (CorsRule rule : cors) {
        if (rule.patterns().isEmpty() || rule.patterns().stream().anyMatch(x -> AntPaths.matches(x, p))) {
          covering.add(rule);
        }
      }
      if (own != null) {
        covering.add(own);
      }
      if (covering.isEmpty()) {
        open.add(p);
      }
      for (CorsRule rule : covering) {
        allowed.addAll(rule.origins());
        at = at == null ? rule.at() : at;
      }
    }
    if (m.paths().isEmpty() && own != null) {
      allowed.addAll(own.origins());
      at = own.at();
    } else if (m.paths().isEmpty()) {
      open.add("the mapped URLs");
    }
    if (!open.isEmpty()) {
      return new OriginPolicy(OriginPolicy.Kind.ANY, null, "WebFlux checks no Origin on a WebSocket handshake, and no "
          + "CORS configuration covers " + String.join(", ", open));
    }
    return origins.policy(allowed, at, near);
  }
}
