package dev.wsguard.java.frameworks.spring;

import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.OriginArg;
import java.util.List;

/** The facts the WebFlux recogniser takes from one file, for {@link WebFluxLinker}. No syntax trees. */
public final class WebFluxFacts {
  private WebFluxFacts() {}

  /**
   * A CORS configuration that applies to WebSocket handshakes: one entry of a handler mapping's
   * {@code setCorsConfigurations} / {@code UrlBasedCorsConfigurationSource}, or a handler's own
   * {@code CorsConfigurationSource}. WebFlux's handler mapping rejects a cross-origin request whose Origin it does not
   * allow; with no configuration it checks nothing.
   *
   * @param patterns the URL patterns it is registered for; empty when it applies to every path of its handler
   * @param origins the allowed origins and origin patterns it sets; empty when it sets none (cross-origin refused)
   * @param at where the origins are set (the {@code setAllowedOrigins} call), or the configuration itself
   */
  public record CorsRule(List<String> patterns, List<OriginArg> origins, SourceLocation at) {}

  /**
   * A reactive WebSocketHandler, a class or an inline lambda: the checks in {@code handle} that close unauthenticated
   * sessions, its message handlers, its sends and its own CORS configuration.
   *
   * @param type the class; null for a lambda
   * @param cors the CORS configuration the handler gives as a CorsConfigurationSource; null when it is none
   */
  public record HandlerFact(String type, Gate connectionGate, List<MessageHandler> handlers, List<Send> sends,
      CorsRule cors) implements JavaFact {}

  /**
   * A WebSocketService of the project ({@code extends HandshakeWebSocketService}) whose {@code handleRequest} may
   * refuse a handshake on its Origin before upgrading.
   *
   * @param origin what its Origin check accepts; null when it does not read the Origin
   */
  public record ServiceFact(String type, dev.wsguard.core.model.OriginPolicy origin) implements JavaFact {}

  /**
   * A {@code new CorsWebFilter(source)} bean: a WebFilter that refuses every request, handshakes included, whose
   * Origin the configuration registered for its path does not allow.
   */
  public record CorsFilterFact(List<CorsRule> rules) implements JavaFact {}

  /** A {@code new WebSocketHandlerAdapter(service)}: every WebFlux WebSocket handshake goes through the service. */
  public record AdapterFact(String serviceType) implements JavaFact {}

  /**
   * URLs mapped to one handler by a {@code SimpleUrlHandlerMapping}.
   *
   * @param declaration the call that maps the URLs: {@code new SimpleUrlHandlerMapping(} or {@code setUrlMap(}
   * @param handlerType the handler's class when it is not inline; null when unknown or inline
   * @param inline the handler read where it is written (a lambda); null otherwise
   * @param cors the mapping's CORS configurations
   */
  public record Mapping(SourceLocation declaration, List<String> paths, String handlerType, HandlerFact inline,
      List<CorsRule> cors, List<String> unknowns) implements JavaFact {}
}
