package dev.wsguard.java.frameworks.jakarta;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import dev.wsguard.java.analysis.Audiences;
import dev.wsguard.java.analysis.Code;
import dev.wsguard.java.analysis.Constants;
import dev.wsguard.java.analysis.Gate;
import dev.wsguard.java.analysis.GateAnalysis;
import dev.wsguard.java.analysis.HandlerAnalysis;
import dev.wsguard.java.analysis.OriginChecks;
import dev.wsguard.java.analysis.RejectVocabulary;
import dev.wsguard.java.analysis.SendAnalysis;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.frameworks.JavaRecognizer;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Jakarta and javax WebSocket ({@code jakarta.websocket}, {@code javax.websocket}): {@code @ServerEndpoint} classes
 * and programmatic {@code Endpoint}s, their {@code @OnOpen} checks, {@code @OnMessage} handlers and sends, the
 * {@code ServerEndpointConfig.Configurator}s that check the Origin and the handshake, and programmatic registrations.
 */
public final class JakartaRecognizer implements JavaRecognizer {
  private static final List<String> PACKAGES = List.of("jakarta.websocket", "javax.websocket");
  private static final Set<String> SEND_METHODS = Set.of("sendText", "sendObject", "sendBinary");

  /**
   * In {@code @OnOpen}, closing the session refuses the connection, and so does throwing: the container reports the
   * error to {@code @OnError} and closes the session (Tomcat's {@code PojoEndpointBase.handleOnOpenOrCloseError}).
   */
  static final RejectVocabulary ON_OPEN =
      new RejectVocabulary(Set.of("close"), true, false, Set.of(), SEND_METHODS);

  /**
   * {@code modifyHandshake} returns void and has no way to answer 401: returning normally always completes the
   * upgrade. Only an exception thrown out of it fails the handshake; anything else it does (leaving a user property
   * unset) refuses nothing unless {@code @OnOpen} acts on it.
   */
  static final RejectVocabulary HANDSHAKE = new RejectVocabulary(Set.of(), true, false, Set.of(), Set.of());

  @Override
  public void recognize(JavaUnit unit, Consumer<JavaFact> out) {
    if (PACKAGES.stream().noneMatch(p -> unit.types().importsFrom(p))) {
      return;
    }
    for (ClassOrInterfaceDeclaration c : unit.tree().findAll(ClassOrInterfaceDeclaration.class)) {
      Optional<AnnotationExpr> serverEndpoint = c.getAnnotations().stream()
          .filter(a -> is(unit, a.getNameAsString(), "server.ServerEndpoint")).findFirst();
      boolean programmatic = c.getExtendedTypes().stream().anyMatch(t -> is(unit, t.getNameWithScope(), "Endpoint"));
      if (serverEndpoint.isPresent() || programmatic) {
        out.accept(endpointClass(unit, c, serverEndpoint.orElse(null)));
      }
      if (isConfigurator(unit, c)) {
        out.accept(configurator(unit, c));
      }
      boolean appConfig = c.getImplementedTypes().stream()
          .anyMatch(t -> is(unit, t.getNameWithScope(), "server.ServerApplicationConfig"));
      if (appConfig) {
        for (MethodCallExpr create : c.findAll(MethodCallExpr.class)) {
          if (create.getNameAsString().equals("create") && create.getScope().map(Object::toString).orElse("")
              .endsWith("Builder")) {
            out.accept(registration(unit, create, create));
          }
        }
      }
    }
    for (MethodCallExpr add : unit.tree().findAll(MethodCallExpr.class)) {
      if (add.getNameAsString().equals("addEndpoint") && add.getArguments().size() == 1
          && !(add.getArgument(0) instanceof ClassExpr)) {
        builderOf(add.getArgument(0)).ifPresentOrElse(create -> out.accept(registration(unit, add, create)),
            () -> out.accept(new JakartaFacts.Registration(unit.head(add), null, List.of(), null,
                List.of("the endpoint configuration passed to addEndpoint is built where wsguard cannot follow"))));
      }
    }
  }

  static boolean is(JavaUnit unit, String written, String relative) {
    return PACKAGES.stream().anyMatch(p -> unit.types().is(written, p + "." + relative));
  }

  private static boolean isConfigurator(JavaUnit unit, ClassOrInterfaceDeclaration c) {
    boolean extendsConfigurator = c.getExtendedTypes().stream()
        .anyMatch(t -> is(unit, t.getNameWithScope(), "server.ServerEndpointConfig.Configurator"));
    boolean overrides = c.getMethods().stream().anyMatch(m -> m.getNameAsString().equals("modifyHandshake")
        && m.getParameters().size() == 3 || m.getNameAsString().equals("checkOrigin") && m.getParameters().size() == 1);
    return extendsConfigurator || overrides && !c.getExtendedTypes().isEmpty();
  }

  private static JakartaFacts.Configurator configurator(JavaUnit unit, ClassOrInterfaceDeclaration c) {
    String superclass = c.getExtendedTypes().stream()
        .filter(t -> !is(unit, t.getNameWithScope(), "server.ServerEndpointConfig.Configurator"))
        .map(t -> GateAnalysis.qualify(unit, t.getNameWithScope())).findFirst().orElse(null);
    var origin = c.getMethodsByName("checkOrigin").stream().filter(m -> m.getParameters().size() == 1).findFirst()
        .flatMap(m -> OriginChecks.ofCheckOrigin(unit, m)).orElse(null);
    Gate gate = null;
    Gate check = null;
    Set<String> keys = new LinkedHashSet<>();
    var handshakeOrigin = (dev.wsguard.core.model.OriginPolicy) null;
    for (MethodDeclaration m : c.getMethodsByName("modifyHandshake")) {
      gate = GateAnalysis.analyze(unit, m, GuardPlace.HANDSHAKE, HANDSHAKE).orElse(null);
      check = GateAnalysis.credentialCheck(unit, m, GuardPlace.CONNECTION).orElse(null);
      for (MethodCallExpr put : m.findAll(MethodCallExpr.class)) {
        if (put.getNameAsString().equals("put") && put.getArguments().size() == 2
            && Code.chainMethods(put).contains("getUserProperties")
            && put.getArgument(0) instanceof StringLiteralExpr key) {
          keys.add(key.getValue());
        }
      }
      handshakeOrigin = OriginChecks.inGate(unit, m, HANDSHAKE).orElse(null);
    }
    String name = c.getFullyQualifiedName().orElse(c.getNameAsString());
    return new JakartaFacts.Configurator(name, superclass, unit.head(c.getName()), origin, gate, check, keys,
        handshakeOrigin);
  }

  /** The {@code ServerEndpointConfig.Builder.create(...)} call a configuration comes from. */
  private static Optional<MethodCallExpr> builderOf(Expression config) {
    Expression x = Code.unwrap(config);
    if (x instanceof NameExpr n) {
      Optional<Expression> init = Code.initializer(n);
      if (init.isEmpty()) {
        return Optional.empty();
      }
      x = init.get();
    }
    return x.findAll(MethodCallExpr.class).stream()
        .filter(m -> m.getNameAsString().equals("create") && m.getScope().map(Object::toString).orElse("")
            .endsWith("Builder"))
        .findFirst();
  }

  private static JakartaFacts.Registration registration(JavaUnit unit, Node declaration, MethodCallExpr create) {
    String endpoint = null;
    List<String> paths = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    if (!create.getArguments().isEmpty() && create.getArgument(0) instanceof ClassExpr ce) {
      endpoint = GateAnalysis.qualify(unit, ce.getType().asString());
    } else {
      unknowns.add("the endpoint class registered at " + unit.head(create) + " is not a class literal");
    }
    if (create.getArguments().size() > 1) {
      Constants.path(unit, create.getArgument(1)).ifPresent(paths::add);
    }
    String configurator = null;
    for (Node n = create.getParentNode().orElse(null); n instanceof MethodCallExpr || n instanceof FieldAccessExpr;
        n = n.getParentNode().orElse(null)) {
      if (n instanceof MethodCallExpr m && m.getNameAsString().equals("configurator") && m.getArguments().size() == 1
          && Code.unwrap(m.getArgument(0)) instanceof ObjectCreationExpr o) {
        configurator = GateAnalysis.qualify(unit, o.getType().getNameWithScope());
      }
    }
    return new JakartaFacts.Registration(unit.head(declaration), endpoint, paths, configurator, unknowns);
  }

  private static JakartaFacts.EndpointClass endpointClass(JavaUnit unit, ClassOrInterfaceDeclaration c,
      AnnotationExpr annotation) {
    List<String> paths = new ArrayList<>();
    String configurator = null;
    if (annotation instanceof SingleMemberAnnotationExpr s) {
      Constants.path(unit, s.getMemberValue()).ifPresent(paths::add);
    }
    if (annotation instanceof NormalAnnotationExpr n) {
      for (MemberValuePair p : n.getPairs()) {
        if (p.getNameAsString().equals("value")) {
          Constants.path(unit, p.getValue()).ifPresent(paths::add);
        }
        if (p.getNameAsString().equals("configurator") && p.getValue() instanceof ClassExpr ce) {
          configurator = GateAnalysis.qualify(unit, ce.getType().asString());
        }
      }
    }
    Gate open = null;
    List<MessageHandler> handlers = new ArrayList<>();
    Long maxMessage = null;
    dev.wsguard.core.model.SourceLocation maxAt = null;
    for (MethodDeclaration m : c.getMethods()) {
      boolean onOpen = m.getAnnotations().stream().anyMatch(a -> is(unit, a.getNameAsString(), "OnOpen"))
          || annotation == null && m.getNameAsString().equals("onOpen");
      if (onOpen) {
        open = GateAnalysis.analyze(unit, m, GuardPlace.CONNECTION, ON_OPEN).orElse(null);
      }
      Optional<AnnotationExpr> onMessage = m.getAnnotations().stream()
          .filter(a -> is(unit, a.getNameAsString(), "OnMessage")).findFirst();
      if (onMessage.isPresent()) {
        handlers.addAll(HandlerAnalysis.analyze(unit, m, incoming(unit, m), m.getName()));
        if (onMessage.get() instanceof NormalAnnotationExpr n) {
          for (MemberValuePair p : n.getPairs()) {
            if (p.getNameAsString().equals("maxMessageSize")) {
              maxMessage = number(p.getValue());
              maxAt = unit.head(p);
            }
          }
        }
      }
    }
    // programmatic endpoints register their handlers on the session: session.addMessageHandler(String.class, m -> ..)
    for (MethodCallExpr add : c.findAll(MethodCallExpr.class)) {
      if (add.getNameAsString().equals("addMessageHandler")) {
        for (Expression a : add.getArguments()) {
          if (a instanceof LambdaExpr l && !l.getParameters().isEmpty()) {
            handlers.addAll(HandlerAnalysis.analyze(unit, l, Set.of(l.getParameter(0).getNameAsString()), add));
          }
        }
      }
    }
    List<Send> sends = sends(unit, c);
    String name = c.getFullyQualifiedName().orElse(c.getNameAsString());
    return new JakartaFacts.EndpointClass(name, annotation == null ? null : unit.head(annotation), paths,
        configurator, open, handlers, sends, maxMessage == null ? Limits.NONE : new Limits(maxMessage, maxAt),
        List.of());
  }

  private static Long number(Expression e) {
    if (e instanceof IntegerLiteralExpr i) {
      return i.asNumber().longValue();
    }
    if (e instanceof LongLiteralExpr l) {
      return l.asNumber().longValue();
    }
    return null;
  }

  /** What the client sent, as the handler names it: the message parameter and the path parameters. */
  static Set<String> incoming(JavaUnit unit, MethodDeclaration m) {
    Set<String> out = new LinkedHashSet<>();
    for (Parameter p : m.getParameters()) {
      String type = p.getTypeAsString();
      boolean pathParam = p.getAnnotations().stream().anyMatch(a -> is(unit, a.getNameAsString(),
          "server.PathParam"));
      if (pathParam || !(is(unit, type, "Session") || is(unit, type, "EndpointConfig") || type.equals("boolean"))) {
        out.add(p.getNameAsString());
      }
    }
    return out;
  }

  private static Set<String> sessions(JavaUnit unit, Node method) {
    Set<String> out = new HashSet<>();
    if (method instanceof MethodDeclaration m) {
      for (Parameter p : m.getParameters()) {
        if (is(unit, p.getTypeAsString(), "Session")) {
          out.add(p.getNameAsString());
        }
      }
    }
    return out;
  }

  private static List<Send> sends(JavaUnit unit, ClassOrInterfaceDeclaration c) {
    List<Send> out = new ArrayList<>();
    for (MethodCallExpr call : c.findAll(MethodCallExpr.class)) {
      if (!SEND_METHODS.contains(call.getNameAsString()) || call.getArguments().isEmpty()) {
        continue;
      }
      Optional<Expression> connection = connection(call);
      if (connection.isEmpty()) {
        continue;
      }
      Node method = Code.method(call).map(m -> (Node) m).orElse(null);
      Set<String> sender = method == null ? Set.of() : sessions(unit, method);
      Audiences.Decided audience = Audiences.of(connection.get(), e -> everyone(unit, e), sender);
      SendAnalysis.Payload payload = SendAnalysis.payload(call.getArgument(0), body -> body instanceof
          MethodDeclaration md && md.getAnnotations().stream().anyMatch(a -> is(unit, a.getNameAsString(),
              "OnMessage")) ? incoming(unit, md) : Set.of());
      out.add(new Send(unit.head(call), audience.audience(), payload.provenance(), payload.text(),
          audience.evidence() == null ? null : unit.head(audience.evidence())));
    }
    return out;
  }

  /** The session a send goes to: {@code s} in {@code s.getBasicRemote().sendText(x)}, through a local remote. */
  private static Optional<Expression> connection(MethodCallExpr send) {
    if (send.getScope().isEmpty()) {
      return Optional.empty();
    }
    Expression scope = Code.unwrap(send.getScope().get());
    if (scope instanceof NameExpr n) {
      Optional<Expression> init = Code.initializer(n);
      if (init.isPresent()) {
        scope = Code.unwrap(init.get());
      }
    }
    if (scope instanceof MethodCallExpr remote && (remote.getNameAsString().equals("getBasicRemote")
        || remote.getNameAsString().equals("getAsyncRemote")) && remote.getScope().isPresent()) {
      return Optional.of(remote.getScope().get());
    }
    return Optional.empty();
  }

  /** Every open session of the endpoint: {@code session.getOpenSessions()}, or a collection of sessions it keeps. */
  private static boolean everyone(JavaUnit unit, Expression e) {
    Expression x = Code.unwrap(e);
    if (x instanceof MethodCallExpr m) {
      if (m.getNameAsString().equals("getOpenSessions")) {
        return true;
      }
      return m.getNameAsString().equals("values") && m.getScope().map(s -> everyone(unit, s)).orElse(false);
    }
    String type = null;
    if (x instanceof NameExpr n) {
      Optional<Code.VariableSite> site = Code.declaration(n);
      if (site.isPresent() && !site.get().isField() && site.get().initializer().isPresent()) {
        return everyone(unit, site.get().initializer().get());
      }
      type = site.map(Code.VariableSite::type).orElse(null);
    } else if (x instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
      type = Code.field(f).map(VariableDeclarator::getTypeAsString).orElse(null);
    }
    return type != null && holdsSessions(unit, type);
  }

  private static boolean holdsSessions(JavaUnit unit, String type) {
    int lt = type.indexOf('<');
    if (lt < 0) {
      return false;
    }
    String container = type.substring(0, lt);
    Set<String> collections = Set.of("Set", "List", "Collection", "Queue", "Map", "ConcurrentMap", "HashSet",
        "CopyOnWriteArraySet", "CopyOnWriteArrayList", "ConcurrentHashMap", "ArrayList", "Iterable", "Deque");
    if (!collections.contains(container)) {
      return false;
    }
    String args = type.substring(lt + 1, type.lastIndexOf('>'));
    for (String arg : args.split(",")) {
      if (is(unit, arg.strip(), "Session")) {
        return true;
      }
    }
    return false;
  }


}
