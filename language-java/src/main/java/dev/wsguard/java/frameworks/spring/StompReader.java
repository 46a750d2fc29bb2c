package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Provenance;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.InterceptorRef;
import dev.wsguard.java.frameworks.spring.SpringFacts.StompConfig;
import dev.wsguard.java.frameworks.spring.SpringFacts.StompMappingFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.StompSendFact;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the STOMP side of Spring: {@code @MessageMapping} / {@code @SubscribeMapping} methods with their replies
 * ({@code @SendTo} to all subscribers, {@code @SendToUser} to one user), SimpMessagingTemplate sends, CONNECT
 * authentication in ChannelInterceptors, and the configurer's inbound interceptors and destination prefixes.
 */
final class StompReader {
  /** Parameters that are framework context, not client data. */
  private static final Set<String> CONTEXT_TYPES = Set.of("SimpMessageHeaderAccessor", "StompHeaderAccessor",
      "MessageHeaders", "MessageHeaderAccessor", "WebSocketSession");
  /** Expressions in a @PreAuthorize that check more than being signed in. */
  private static final List<String> PERMISSION_EXPRESSIONS = List.of("hasRole", "hasAnyRole", "hasAuthority",
      "hasAnyAuthority", "hasPermission", "@", "#", "principal", "authentication.name", "denyAll");

  private StompReader() {}

  static void controller(ClassOrInterfaceDeclaration c, JavaUnit unit, Consumer<JavaFact> out) {
    List<String> prefixes = c.getAnnotations().stream()
        .filter(a -> unit.types().is(a.getNameAsString(), SpringTypes.MESSAGE_MAPPING))
        .findFirst().flatMap(a -> JavaCode.member(a, "value")).map(JavaCode::strings).orElse(List.of(""));
    SourceLocation classCheck = permissionAnnotation(c.getAnnotations(), unit);
    MessageScope scope = new MessageScope(unit, p -> isPayload(p, unit));
    Payloads payloads = new Payloads(scope);
    for (MethodDeclaration m : c.getMethods()) {
      Optional<AnnotationExpr> mapping = JavaCode.annotation(m, unit, SpringTypes.MESSAGE_MAPPING);
      Optional<AnnotationExpr> subscribe = JavaCode.annotation(m, unit, SpringTypes.SUBSCRIBE_MAPPING);
      if (mapping.isEmpty() && subscribe.isEmpty()) {
        continue;
      }
      AnnotationExpr a = mapping.orElseGet(subscribe::get);
      List<String> own = JavaCode.member(a, "value").map(JavaCode::strings).orElse(List.of(""));
      List<String> destinations = new ArrayList<>();
      for (String p : prefixes) {
        for (String d : own) {
          destinations.add(join(p, d));
        }
      }
      SourceLocation check = Optional.ofNullable(permissionAnnotation(m.getAnnotations(), unit)).orElse(classCheck);
      List<MessageHandler> handlers = new ArrayList<>();
      for (MessageHandler h : HandlerReader.read(m, scope, unit, check)) {
        handlers.add(h.messageType() == null ? new MessageHandler(destinations.isEmpty() ? null : destinations.get(0),
            h.location(), h.privilegedAction(), h.permissionCheck(), h.clientSuppliedId(), h.evidence()) : h);
      }
      List<Send> sends = new ArrayList<>();
      if (!m.getType().isVoidType()) {
        reply(m, a, subscribe.isPresent(), unit, payloads).ifPresent(sends::add);
      }
      out.accept(new StompMappingFact(destinations, subscribe.isPresent(), handlers, sends));
    }
  }

  /** The return value's send: @SendToUser to one user, @SendTo or the default /topic reply to all subscribers. */
  private static Optional<Send> reply(MethodDeclaration m, AnnotationExpr mapping, boolean subscribe, JavaUnit unit,
      Payloads payloads) {
    Provenance provenance = Provenance.PUBLIC;
    String payload = null;
    for (ReturnStmt r : m.findAll(ReturnStmt.class)) {
      if (r.getExpression().isPresent() && r.findAncestor(com.github.javaparser.ast.expr.LambdaExpr.class).isEmpty()) {
        Provenance p = payloads.classify(r.getExpression().get());
        provenance = stronger(provenance, p);
        payload = payload == null ? WsHandlerReader.text(r.getExpression().get()) : payload;
      }
    }
    if (payload == null) {
      payload = "the return value of " + m.getNameAsString();
    }
    Optional<AnnotationExpr> toUser = JavaCode.annotation(m, unit, SpringTypes.SEND_TO_USER);
    if (toUser.isPresent()) {
      return Optional.of(new Send(unit.head(toUser.get()), Audience.ONE_USER, provenance, payload, null));
    }
    Optional<AnnotationExpr> sendTo = JavaCode.annotation(m, unit, SpringTypes.SEND_TO);
    if (sendTo.isPresent()) {
      List<String> targets = JavaCode.member(sendTo.get(), "value").map(JavaCode::strings).orElse(List.of());
      boolean perTopic = targets.stream().anyMatch(t -> t.contains("{"));
      return Optional.of(new Send(unit.head(sendTo.get()), perTopic ? Audience.ROOM : Audience.ALL_CONNECTIONS,
          provenance, payload, unit.head(sendTo.get())));
    }
    if (subscribe) {
      return Optional.of(new Send(unit.head(mapping), Audience.THIS_CONNECTION, provenance, payload, null));
    }
    // without @SendTo a @MessageMapping reply goes to the broker, to "/topic" + the destination: every subscriber
    return Optional.of(new Send(unit.head(mapping), Audience.ALL_CONNECTIONS, provenance, payload, unit.head(mapping)));
  }

  private static Provenance stronger(Provenance a, Provenance b) {
    List<Provenance> order = List.of(Provenance.PUBLIC, Provenance.ECHO, Provenance.UNKNOWN, Provenance.PER_USER,
        Provenance.SENSITIVE);
    return order.indexOf(b) > order.indexOf(a) ? b : a;
  }

  private static boolean isPayload(Parameter p, JavaUnit unit) {
    if (JavaCode.annotation(p, unit, SpringTypes.PAYLOAD).isPresent()) {
      return true;
    }
    String type = p.getTypeAsString().replaceAll("<.*", "");
    if (CONTEXT_TYPES.contains(type) || p.getAnnotations().stream().anyMatch(a -> a.getNameAsString()
        .equals("Headers") || a.getNameAsString().endsWith("AuthenticationPrincipal"))) {
      return false;
    }
    return !new MessageScope(unit, x -> false).principal(p);
  }

  /** @PreAuthorize with a role or permission expression, @Secured, @RolesAllowed: a per-message check. */
  static SourceLocation permissionAnnotation(List<AnnotationExpr> annotations, JavaUnit unit) {
    for (AnnotationExpr a : annotations) {
      for (String q : SpringTypes.SECURITY_ANNOTATIONS) {
        if (unit.types().is(a.getNameAsString(), q)) {
          if (q.endsWith("PreAuthorize")) {
            String expr = JavaCode.member(a, "value").flatMap(JavaCode::string).orElse("");
            if (PERMISSION_EXPRESSIONS.stream().noneMatch(expr::contains)) {
              continue; // isAuthenticated(): signed in, which says nothing about what the user may do
            }
          }
          return unit.head(a);
        }
      }
    }
    return null;
  }

  private static String join(String prefix, String path) {
    if (prefix.isEmpty()) {
      return path;
    }
    if (path.isEmpty()) {
      return prefix;
    }
    return (prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix)
        + (path.startsWith("/") ? path : "/" + path);
  }

  /** SimpMessagingTemplate sends in any class. */
  static void templateSends(ClassOrInterfaceDeclaration c, JavaUnit unit, Consumer<JavaFact> out) {
    MessageScope scope = new MessageScope(unit, p -> {
      Optional<MethodDeclaration> m = p.findAncestor(MethodDeclaration.class);
      return m.isPresent() && (JavaCode.annotation(m.get(), unit, SpringTypes.MESSAGE_MAPPING).isPresent())
          && isPayload(p, unit);
    });
    Payloads payloads = new Payloads(scope);
    for (MethodCallExpr call : c.findAll(MethodCallExpr.class, m -> m.getNameAsString().startsWith("convertAndSend")
        && JavaCode.receiverIs(m, unit, SpringTypes.TEMPLATES))) {
      if (call.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null) != c) {
        continue;
      }
      boolean toUser = call.getNameAsString().equals("convertAndSendToUser");
      int payloadIndex = toUser ? 2 : 1;
      if (call.getArguments().size() <= payloadIndex) {
        continue;
      }
      Expression destination = call.getArgument(toUser ? 1 : 0);
      Audience audience = toUser ? Audience.ONE_USER
          : JavaCode.string(destination).isPresent() ? Audience.ALL_CONNECTIONS : Audience.ROOM;
      Expression payload = call.getArgument(payloadIndex);
      out.accept(new StompSendFact(new Send(JavaCode.callHead(call, unit), audience, payloads.classify(payload),
          WsHandlerReader.text(payload), audience == Audience.ALL_CONNECTIONS ? unit.head(destination) : null)));
    }
  }

  /** A ChannelInterceptor's preSend: the branch that handles CONNECT, read as a gate. */
  static Gate connectGate(List<MethodDeclaration> methods, String owner, JavaUnit unit) {
    for (MethodDeclaration m : methods) {
      if (!m.getNameAsString().equals("preSend") || m.getBody().isEmpty()) {
        continue;
      }
      Node branch = null;
      for (IfStmt ifStmt : m.getBody().get().findAll(IfStmt.class)) {
        if (mentionsConnect(ifStmt.getCondition())) {
          branch = ifStmt.getThenStmt();
          break;
        }
      }
      if (branch == null) {
        for (SwitchEntry e : m.getBody().get().findAll(SwitchEntry.class)) {
          if (e.getLabels().stream().anyMatch(l -> l.toString().endsWith("CONNECT"))) {
            branch = e;
            break;
          }
        }
      }
      if (branch != null) {
        return GateReader.read("the STOMP CONNECT check in " + owner + ".preSend", unit.head(m.getName()), branch,
            GateReader.Reject.RETURN_NULL, unit);
      }
    }
    return null;
  }

  private static boolean mentionsConnect(Expression condition) {
    return condition.findAll(com.github.javaparser.ast.expr.FieldAccessExpr.class).stream()
        .anyMatch(f -> f.getNameAsString().equals("CONNECT"))
        || condition.findAll(com.github.javaparser.ast.expr.NameExpr.class).stream()
        .anyMatch(n -> n.getNameAsString().equals("CONNECT"))
        || condition.findAll(BinaryExpr.class).stream().anyMatch(b -> b.toString().contains("CONNECT"));
  }

  /** configureClientInboundChannel and configureMessageBroker of a STOMP configurer. */
  static StompConfig config(ClassOrInterfaceDeclaration c, JavaUnit unit) {
    List<InterceptorRef> inbound = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    for (MethodDeclaration m : c.getMethods()) {
      if (m.getNameAsString().equals("configureClientInboundChannel")) {
        for (MethodCallExpr call : m.findAll(MethodCallExpr.class, x -> x.getNameAsString().equals("interceptors"))) {
          for (Expression a : call.getArguments()) {
            inbound.add(channelInterceptor(a, unit));
          }
        }
      } else if (m.getNameAsString().equals("configureMessageBroker")) {
        for (MethodCallExpr call : m.findAll(MethodCallExpr.class,
            x -> x.getNameAsString().equals("setApplicationDestinationPrefixes"))) {
          call.getArguments().forEach(a -> prefixes.addAll(RegistrationReader.constantStrings(a)));
        }
      }
    }
    return new StompConfig(c.getFullyQualifiedName().orElse(c.getNameAsString()), inbound, prefixes);
  }

  private static InterceptorRef channelInterceptor(Expression e, JavaUnit unit) {
    if (e instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
      List<MethodDeclaration> methods = new ArrayList<>();
      for (BodyDeclaration<?> b : o.getAnonymousClassBody().get()) {
        if (b instanceof MethodDeclaration md) {
          methods.add(md);
        }
      }
      return new InterceptorRef(null, connectGate(methods, "the inline ChannelInterceptor", unit), false,
          unit.head(o));
    }
    return new InterceptorRef(RegistrationReader.typeOf(e, unit), null, false, unit.head(e));
  }
}
