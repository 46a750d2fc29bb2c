package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Provenance;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.frameworks.spring.WebFluxFacts.CorsRule;
import dev.wsguard.java.frameworks.spring.WebFluxFacts.HandlerFact;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a reactive WebSocketHandler's {@code handle(session)}: the checks that close the session before anything is
 * exchanged (imperative, or {@code getPrincipal()...switchIfEmpty(session.close())}), the message handlers of the
 * {@code session.receive()} pipeline (its lambdas, and this class's methods they hand the message to), and the
 * sends: {@code session.send(...)} in a loop over stored sessions, and values emitted into a shared
 * {@code Sinks.Many} that every session's {@code send} subscribes to.
 */
final class WebFluxHandlerReader {
  static final String SESSION = WebFluxRecognizer.REACTIVE + "socket.WebSocketSession";
  static final String MESSAGE = WebFluxRecognizer.REACTIVE + "socket.WebSocketMessage";
  private static final String SINKS = "reactor.core.publisher.Sinks";
  private static final Set<String> EMPTY_FALLBACKS = Set.of("switchIfEmpty", "defaultIfEmpty");
  private static final Set<String> MESSAGE_FACTORIES = Set.of("textMessage", "binaryMessage");
  private static final Set<String> EMITS = Set.of("tryEmitNext", "emitNext");

  private WebFluxHandlerReader() {}

  static Optional<HandlerFact> ofClass(ClassOrInterfaceDeclaration c, CorsRule cors, JavaUnit unit) {
    String type = c.getFullyQualifiedName().orElse(c.getNameAsString());
    for (MethodDeclaration m : c.getMethodsByName("handle")) {
      if (m.getParameters().size() == 1 && m.getBody().isPresent()) {
        return ofMethod(type, m, cors, unit);
      }
    }
    return Optional.empty();
  }

  static Optional<HandlerFact> ofMethod(String type, MethodDeclaration m, CorsRule cors, JavaUnit unit) {
    if (m.getBody().isEmpty()) {
      return Optional.empty();
    }
    String owner = type == null ? "the anonymous WebSocketHandler" : type.substring(type.lastIndexOf('.') + 1);
    return Optional.of(read(type, "handle of " + owner, unit.head(m.getName()), m.getBody().get(), cors, unit));
  }

  static Optional<HandlerFact> ofLambda(LambdaExpr lambda, JavaUnit unit) {
    if (lambda.getParameters().size() != 1 || lambda.findAncestor(MethodDeclaration.class).isEmpty()) {
      return Optional.empty();
    }
    SourceLocation at = unit.head(lambda);
    return Optional.of(read(null, "the WebSocketHandler lambda at line " + at.startLine(), at, lambda.getBody(),
        null, unit));
  }

  private static HandlerFact read(String type, String description, SourceLocation at, Node body, CorsRule cors,
      JavaUnit unit) {
    Gate gate = reactiveGate(GateReader.read(description, at, body, GateReader.Reject.CLOSE, unit), body, unit);
    List<MethodCallExpr> stages = receiveStages(body);
    Set<Parameter> messageParams = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<MethodDeclaration> helpers = new LinkedHashSet<>();
    List<LambdaExpr> lambdas = new ArrayList<>();
    Optional<ClassOrInterfaceDeclaration> owner = body.findAncestor(ClassOrInterfaceDeclaration.class);
    for (MethodCallExpr stage : stages) {
      for (Expression a : stage.getArguments()) {
        if (a instanceof LambdaExpr l) {
          messageParams.addAll(l.getParameters());
          lambdas.add(l);
        } else if (a instanceof MethodReferenceExpr ref && ownScope(ref.getScope(), owner)) {
          owner.ifPresent(o -> o.getMethodsByName(ref.getIdentifier()).forEach(m -> {
            helpers.add(m);
            m.getParameters().stream().filter(p -> !isSession(p, unit)).forEach(messageParams::add);
          }));
        }
      }
    }
    // a lambda that hands the message to a method of this class: that method handles it, at its own dispatch
    List<LambdaExpr> reading = new ArrayList<>();
    for (LambdaExpr l : lambdas) {
      Set<String> names = new java.util.HashSet<>();
      l.getParameters().forEach(p -> names.add(p.getNameAsString()));
      boolean delegates = false;
      for (MethodCallExpr call : l.getBody().findAll(MethodCallExpr.class, c -> c.getScope().isEmpty()
          || c.getScope().get() instanceof ThisExpr)) {
        for (MethodDeclaration m : owner.map(o -> o.getMethodsByName(call.getNameAsString()))
            .orElse(List.of())) {
          if (m.getParameters().size() != call.getArguments().size()) {
            continue;
          }
          for (int i = 0; i < call.getArguments().size(); i++) {
            if (call.getArgument(i).findAll(NameExpr.class).stream().anyMatch(n -> names.contains(
                n.getNameAsString())) || call.getArgument(i) instanceof NameExpr n && names.contains(
                    n.getNameAsString())) {
              messageParams.add(m.getParameter(i));
              helpers.add(m);
              delegates = true;
            }
          }
        }
      }
      if (!delegates) {
        reading.add(l);
      }
    }
    MessageScope scope = new MessageScope(unit, p -> messageParams.contains(p)
        || unit.types().is(p.getTypeAsString(), MESSAGE));
    List<MessageHandler> handlers = new ArrayList<>();
    for (LambdaExpr l : reading) {
      Optional<MethodDeclaration> method = l.findAncestor(MethodDeclaration.class);
      MethodCallExpr stage = (MethodCallExpr) l.getParentNode().orElseThrow();
      method.ifPresent(m -> HandlerReader.read(m, l.getBody(), unit.head(stage.getName()), scope, unit, null)
          .stream().filter(h -> h.privileged() || h.messageType() != null).forEach(handlers::add));
    }
    for (MethodDeclaration m : helpers) {
      HandlerReader.read(m, scope, unit, null).stream().filter(h -> h.privileged() || h.messageType() != null)
          .forEach(handlers::add);
    }
    List<Send> sends = new ArrayList<>();
    Payloads payloads = new Payloads(scope);
    Node sendsIn = owner.isPresent() && type != null ? owner.get() : body;
    sends(sendsIn, unit, payloads, sends);
    owner.ifPresent(o -> sinkSends(o, unit, payloads, sends));
    return new HandlerFact(type, gate, handlers, sends, cors);
  }

  private static boolean ownScope(Expression scope, Optional<ClassOrInterfaceDeclaration> owner) {
    return scope instanceof ThisExpr || scope instanceof TypeExpr t && owner.isPresent()
        && t.getType().asString().equals(owner.get().getNameAsString());
  }

  private static boolean isSession(Parameter p, JavaUnit unit) {
    return unit.types().is(p.getTypeAsString(), SESSION);
  }

  /**
   * The calls chained on {@code session.receive()}, and on a local that holds that flux
   * ({@code Flux<String> in = session.receive().map(...); in.flatMap(...)}).
   */
  static List<MethodCallExpr> receiveStages(Node body) {
    List<MethodCallExpr> out = new ArrayList<>();
    for (MethodCallExpr receive : body.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("receive")
        && c.getArguments().isEmpty() && c.getScope().isPresent())) {
      Node top = chainUp(receive, out);
      if (top.getParentNode().orElse(null) instanceof VariableDeclarator v) {
        String name = v.getNameAsString();
        for (MethodCallExpr c : body.findAll(MethodCallExpr.class, c -> c.getScope().isPresent()
            && c.getScope().get() instanceof NameExpr n && n.getNameAsString().equals(name))) {
          out.add(c);
          chainUp(c, out);
        }
      }
    }
    return out;
  }

  private static Node chainUp(MethodCallExpr from, List<MethodCallExpr> out) {
    Node current = from;
    while (current.getParentNode().orElse(null) instanceof MethodCallExpr parent
        && parent.getScope().orElse(null) == current) {
      out.add(parent);
      current = parent;
    }
    return current;
  }

  /**
   * A gate written reactively: {@code getPrincipal().map(...).switchIfEmpty(session.close())} closes the session
   * when the checks along the chain before the fallback come up empty.
   */
  private static Gate reactiveGate(Gate gate, Node body, JavaUnit unit) {
    List<Check> checks = new ArrayList<>(gate.checks());
    boolean rejects = gate.rejects();
    for (MethodCallExpr fallback : body.findAll(MethodCallExpr.class, c -> EMPTY_FALLBACKS.contains(
        c.getNameAsString()) && c.getScope().isPresent())) {
      boolean closes = fallback.getArguments().stream().anyMatch(a -> a.findAll(MethodCallExpr.class).stream()
          .anyMatch(c -> c.getNameAsString().equals("close") && c.getScope().isPresent()));
      if (!closes) {
        continue;
      }
      rejects = true;
      for (MethodCallExpr c : fallback.getScope().get().findAll(MethodCallExpr.class)) {
        CheckReader.of(c, unit).filter(x -> !checks.contains(x)).ifPresent(checks::add);
      }
    }
    if (checks.size() == gate.checks().size() && rejects == gate.rejects()) {
      return gate;
    }
    return new Gate(gate.description(), gate.location(), rejects, checks, gate.credentials(), gate.swallowedAt());
  }

  /**
   * Every {@code x.send(...)} on a session: in a loop over stored sessions it reaches them all; otherwise the
   * session itself. The payload is what {@code textMessage(...)} wraps.
   */
  private static void sends(Node in, JavaUnit unit, Payloads payloads, List<Send> out) {
    for (MethodCallExpr call : in.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("send")
        && c.getArguments().size() == 1 && c.getScope().filter(Expression::isNameExpr).isPresent())) {
      boolean session = JavaCode.receiverIs(call, unit, SESSION)
          || JavaCode.receiverType(call).map(t -> t.equals("var")).orElse(true);
      if (!session || call.getArgument(0).findAll(MethodCallExpr.class).stream().anyMatch(WebFluxHandlerReader::sink)) {
        continue; // a session subscribed to a shared sink: the emissions into the sink are the sends
      }
      Audiences.Reach reach = Audiences.of(call, unit);
      Expression payload = payload(call.getArgument(0));
      out.add(new Send(JavaCode.callHead(call, unit), reach.audience(), payloads.classify(payload),
          WsHandlerReader.text(payload), reach.loop()));
    }
  }

  private static boolean sink(MethodCallExpr c) {
    return c.getNameAsString().equals("asFlux");
  }

  /** The value a {@code textMessage(x)} wraps; for {@code flux.map(session::textMessage)}, the flux. */
  private static Expression payload(Expression sent) {
    for (MethodCallExpr c : sent.findAll(MethodCallExpr.class)) {
      if (MESSAGE_FACTORIES.contains(c.getNameAsString()) && c.getArguments().size() == 1) {
        return c.getArgument(0);
      }
      if (c.getNameAsString().equals("map") && c.getArguments().size() == 1 && c.getScope().isPresent()
          && c.getArgument(0) instanceof MethodReferenceExpr ref && MESSAGE_FACTORIES.contains(ref.getIdentifier())) {
        return c.getScope().get();
      }
    }
    return sent;
  }

  /**
   * A {@code Sinks.Many} field of the class that sessions subscribe to in their {@code send} ({@code
   * session.send(sink.asFlux().map(session::textMessage))}): every value emitted into it reaches every connection.
   * A unicast sink admits one subscriber, so it is no broadcast.
   */
  private static void sinkSends(ClassOrInterfaceDeclaration owner, JavaUnit unit, Payloads payloads,
      List<Send> out) {
    for (FieldDeclaration f : owner.getFields()) {
      for (VariableDeclarator v : f.getVariables()) {
        String type = v.getTypeAsString();
        boolean many = type.startsWith("Sinks.Many") || unit.types().is(type.replaceAll("<.*", ""), SINKS + ".Many");
        if (!many || v.getInitializer().map(i -> i.toString().contains("unicast")).orElse(false)
            || !subscribedBySessions(owner, v.getNameAsString())) {
          continue;
        }
        for (MethodCallExpr emit : owner.findAll(MethodCallExpr.class, c -> EMITS.contains(c.getNameAsString())
            && !c.getArguments().isEmpty() && c.getScope().map(s -> names(s, v.getNameAsString())).orElse(false))) {
          Expression payload = emit.getArgument(0);
          Provenance provenance = payloads.classify(payload);
          if (provenance == Provenance.UNKNOWN) {
            provenance = Payloads.named(v.getNameAsString()); // the feed's name says what it carries: prices
          }
          out.add(new Send(JavaCode.callHead(emit, unit), Audience.ALL_CONNECTIONS, provenance,
              WsHandlerReader.text(payload), unit.head(v)));
        }
      }
    }
  }

  private static boolean names(Expression e, String field) {
    return e instanceof NameExpr n && n.getNameAsString().equals(field)
        || e instanceof com.github.javaparser.ast.expr.FieldAccessExpr fa && fa.getScope() instanceof ThisExpr
        && fa.getNameAsString().equals(field);
  }

  private static boolean subscribedBySessions(ClassOrInterfaceDeclaration owner, String field) {
    for (MethodCallExpr send : owner.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("send")
        && c.getArguments().size() == 1)) {
      Set<String> flowing = new java.util.HashSet<>();
      flowing.add(field);
      // a local holding the sink's flux: Flux<WebSocketMessage> out = sink.asFlux().map(session::textMessage)
      send.findAncestor(MethodDeclaration.class).ifPresent(m -> m.findAll(VariableDeclarator.class).forEach(v -> {
        if (v.getInitializer().map(i -> asFluxOf(i, field)).orElse(false)) {
          flowing.add(v.getNameAsString());
        }
      }));
      if (asFluxOf(send.getArgument(0), field) || send.getArgument(0).findAll(NameExpr.class).stream()
          .anyMatch(n -> !n.getNameAsString().equals(field) && flowing.contains(n.getNameAsString()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean asFluxOf(Expression e, String field) {
    return e.findAll(MethodCallExpr.class).stream().anyMatch(c -> sink(c)
        && c.getScope().map(s -> names(s, field)).orElse(false));
  }
}
