package dev.wsguard.java.frameworks.spring;

import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.facts.JavaFact;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The facts the Spring recogniser takes from one file, for {@link SpringLinker}. No syntax trees. */
public final class SpringFacts {
  private SpringFacts() {}

  /** How one argument of {@code setAllowedOrigins} / {@code setAllowedOriginPatterns} is given. */
  public record OriginArg(Kind kind, String value, String fallback, String type, SourceLocation at) {
    public enum Kind {
      /** A string constant: {@code value} is the origin. */
      LITERAL,
      /** {@code @Value("${key:fallback}")}: {@code value} is the key, {@code fallback} the default or null. */
      CONFIG,
      /** A {@code @ConfigurationProperties} class's property: {@code type} the class, {@code value} the field. */
      PROPERTIES,
      /** Anything else: {@code value} is the source text. */
      UNKNOWN
    }
  }

  /** A handshake interceptor or channel interceptor named at a registration: a type, or an inline gate. */
  public record InterceptorRef(String type, Gate inline, boolean sessionCopier, SourceLocation at) {}

  /**
   * One endpoint registration: {@code registry.addHandler(h, "/chat")}, {@code registry.addEndpoint("/ws")} or a
   * directly wired {@code new WebSocketHttpRequestHandler(h)}.
   *
   * @param registry true for registry endpoints (same-origin only unless widened); false for a direct handler
   * @param originAt the {@code setAllowedOrigins} call; null when origins are not set
   * @param configType the configurer class, which the STOMP broker settings and inbound interceptors belong to
   */
  public record Registration(Framework framework, SourceLocation declaration, List<String> paths,
      String handlerType, boolean registry, SourceLocation originAt, List<OriginArg> origins,
      List<InterceptorRef> interceptors, boolean sockJs, String configType, List<String> unknowns)
      implements JavaFact {}

  /** A HandshakeInterceptor class, or a subclass of HttpSessionHandshakeInterceptor (the session copier). */
  public record HandshakeInterceptorFact(String type, Gate gate, boolean sessionCopier) implements JavaFact {}

  /** A ChannelInterceptor class: its CONNECT gate (null when preSend does not look at CONNECT). */
  public record ChannelInterceptorFact(String type, Gate connectGate) implements JavaFact {}

  /** The inbound channel interceptors a STOMP configurer registers, and its application destination prefixes. */
  public record StompConfig(String configType, List<InterceptorRef> inbound, List<String> appPrefixes)
      implements JavaFact {}

  /** A WebSocketHandler class: its connection gate, message handlers and sends. */
  public record WsHandlerFact(String type, Gate connectionGate, List<MessageHandler> handlers, List<Send> sends)
      implements JavaFact {}

  /** A {@code @MessageMapping} / {@code @SubscribeMapping} method: its destinations (without the app prefix). */
  public record StompMappingFact(List<String> destinations, boolean subscribe, List<MessageHandler> handlers,
      List<Send> sends) implements JavaFact {}

  /** A send through SimpMessagingTemplate, in any class. */
  public record StompSendFact(Send send) implements JavaFact {}

  /**
   * One path or destination rule: {@code requestMatchers("/ws/**").authenticated()}.
   *
   * @param patterns the patterns; empty for {@code anyRequest()} / {@code anyMessage()}
   * @param applies false when the matcher cannot match the request (a POST-only rule for a GET handshake, a
   *     subscribe-only or message-type rule for a SEND)
   */
  public record SecurityRule(List<String> patterns, boolean applies, String access, SourceLocation at,
      String text) {}

  /** A SecurityFilterChain bean or WebSecurityConfigurerAdapter: its scope, rules and credential styles. */
  public record SecurityChainFact(SourceLocation location, int order, List<String> scope, List<SecurityRule> rules,
      Set<CredentialSource> credentials, List<String> filterTypes, boolean stateless) implements JavaFact {}

  /** Paths a WebSecurityCustomizer removes from Spring Security altogether ({@code web.ignoring()}). */
  public record IgnoredPathsFact(List<String> patterns, SourceLocation at) implements JavaFact {}

  /** Message security for STOMP destinations. */
  public record MessageSecurityFact(List<SecurityRule> rules) implements JavaFact {}

  /** A servlet filter class and the credentials it reads (a bearer-token filter in the chain). */
  public record FilterFact(String type, Set<CredentialSource> credentials) implements JavaFact {}

  /** A {@code @ConfigurationProperties(prefix)} class: its prefix and the code defaults of its list fields. */
  public record ConfigPropertiesFact(String type, String prefix, Map<String, List<String>> defaults)
      implements JavaFact {}
}
