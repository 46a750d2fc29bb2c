package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.wsguard.java.analysis.OriginChecks;
import dev.wsguard.java.analysis.RejectVocabulary;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.frameworks.JavaRecognizer;
import dev.wsguard.java.frameworks.spring.SpringFacts.OriginArg;
import dev.wsguard.java.frameworks.spring.WebFluxFacts.CorsRule;
import dev.wsguard.java.frameworks.spring.WebFluxFacts.HandlerFact;
import dev.wsguard.java.frameworks.spring.WebFluxFacts.AdapterFact;
import dev.wsguard.java.frameworks.spring.WebFluxFacts.Mapping;
import dev.wsguard.java.frameworks.spring.WebFluxFacts.ServiceFact;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads Spring WebFlux WebSocket facts out of one file: reactive {@code WebSocketHandler} classes and lambdas, the
 * {@code SimpleUrlHandlerMapping} beans that map URLs to them, and the CORS configurations that decide which
 * Origins a handshake may come from. Spring Security's reactive filter chains are read by {@link SpringRecognizer}.
 */
public final class WebFluxRecognizer implements JavaRecognizer {
  static final String REACTIVE = "org.springframework.web.reactive.";
  static final String HANDLER = REACTIVE + "socket.WebSocketHandler";
  static final String URL_MAPPING = REACTIVE + "handler.SimpleUrlHandlerMapping";
  static final String CORS_CONFIGURATION = "org.springframework.web.cors.CorsConfiguration";
  static final String CORS_SOURCE = "org.springframework.web.cors.reactive.CorsConfigurationSource";
  static final String CORS_FILTER = "org.springframework.web.cors.reactive.CorsWebFilter";
  static final String ADAPTER = REACTIVE + "socket.server.support.WebSocketHandlerAdapter";
  static final String HANDSHAKE_SERVICE = REACTIVE + "socket.server.support.HandshakeWebSocketService";
  static final String WEB_SOCKET_SERVICE = REACTIVE + "socket.server.WebSocketService";

  /**
   * A WebSocketService refuses a handshake by leaving {@code handleRequest} without upgrading: an error signal, a
   * status it completes the response with, or a throw; the call that goes on is {@code handleRequest} of the
   * framework's service.
   */
  private static final RejectVocabulary SERVICE_REJECTS = new RejectVocabulary(
      Set.of("error", "setComplete", "setStatusCode"), true, true, Set.of("handleRequest"), Set.of());

  private static final int MAX_HOPS = 3;

  @Override
  public void recognize(JavaUnit unit, Consumer<JavaFact> out) {
    if (!unit.types().importsFrom("org.springframework")) {
      return;
    }
    for (ClassOrInterfaceDeclaration c : unit.tree().findAll(ClassOrInterfaceDeclaration.class)) {
      if (SpringTypes.isA(c, unit, HANDLER)) {
        WebFluxHandlerReader.ofClass(c, handlerCors(c, unit), unit).ifPresent(out);
      }
      if (SpringTypes.isA(c, unit, HANDSHAKE_SERVICE, WEB_SOCKET_SERVICE)) {
        for (MethodDeclaration m : c.getMethodsByName("handleRequest")) {
          out.accept(new ServiceFact(c.getFullyQualifiedName().orElse(c.getNameAsString()),
              OriginChecks.inGate(unit, m, SERVICE_REJECTS).orElse(null)));
        }
      }
    }
    for (ObjectCreationExpr o : unit.tree().findAll(ObjectCreationExpr.class,
        o -> SpringTypes.isA(o, unit, CORS_FILTER) && o.getArguments().size() == 1)) {
      o.findAncestor(MethodDeclaration.class).ifPresent(m -> out.accept(new WebFluxFacts.CorsFilterFact(
          corsSource(o.getArgument(0), m, unit))));
    }
    for (ObjectCreationExpr o : unit.tree().findAll(ObjectCreationExpr.class,
        o -> SpringTypes.isA(o, unit, ADAPTER) && o.getArguments().size() == 1)) {
      String service = RegistrationReader.typeOf(o.getArgument(0), unit);
      if (service != null) {
        out.accept(new AdapterFact(service));
      }
    }
    for (ObjectCreationExpr o : unit.tree().findAll(ObjectCreationExpr.class,
        o -> SpringTypes.isA(o, unit, URL_MAPPING))) {
      mappings(o, unit).forEach(out);
    }
  }

  /** One URL-to-handler map entry: the path's expression and the handler's. */
  private record Entry(Expression key, Expression value) {}

  /** The handler mappings a {@code new SimpleUrlHandlerMapping(...)} sets up, one per handler. */
  private static List<Mapping> mappings(ObjectCreationExpr created, JavaUnit unit) {
    Optional<MethodDeclaration> method = created.findAncestor(MethodDeclaration.class);
    String variable = assignedName(created);
    List<CorsRule> cors = new ArrayList<>();
    Map<Expression, Node> urlMaps = new LinkedHashMap<>();
    if (!created.getArguments().isEmpty()) {
      urlMaps.put(created.getArgument(0), created);
    }
    if (variable != null && method.isPresent()) {
      for (MethodCallExpr call : method.get().findAll(MethodCallExpr.class, c -> c.getScope().isPresent()
          && c.getScope().get().toString().equals(variable) && c.getArguments().size() == 1)) {
        switch (call.getNameAsString()) {
          case "setUrlMap" -> urlMaps.put(call.getArgument(0), call);
          case "setCorsConfigurations" -> {
            for (Entry e : entries(call.getArgument(0), method.get())) {
              cors.add(corsRule(RegistrationReader.constantStrings(e.key()), e.value(), unit, 0));
            }
          }
          case "setCorsConfigurationSource" -> cors.addAll(corsSource(call.getArgument(0), method.get(), unit));
          default -> {
            // setOrder, setUseTrailingSlashMatch and the like do not change who may connect
          }
        }
      }
    }
    List<Mapping> out = new ArrayList<>();
    for (Map.Entry<Expression, Node> urlMap : urlMaps.entrySet()) {
      Node at = urlMap.getValue();
      var declaration = at instanceof MethodCallExpr call ? JavaCode.callHead(call, unit) : unit.head(at);
      List<Entry> entries = method.map(m -> entries(urlMap.getKey(), m)).orElse(List.of());
      if (entries.isEmpty()) {
        out.add(new Mapping(declaration, List.of(), null, null, cors,
            List.of("the URL map " + urlMap.getKey() + " could not be read")));
        continue;
      }
      // one endpoint per handler, with every path mapped to it
      Map<String, List<String>> pathsByHandler = new LinkedHashMap<>();
      Map<String, Entry> firstEntry = new LinkedHashMap<>();
      for (Entry e : entries) {
        String key = e.value().toString();
        pathsByHandler.computeIfAbsent(key, k -> new ArrayList<>()).addAll(
            RegistrationReader.constantStrings(e.key()));
        firstEntry.putIfAbsent(key, e);
      }
      for (Map.Entry<String, Entry> e : firstEntry.entrySet()) {
        List<String> unknowns = new ArrayList<>();
        List<String> paths = pathsByHandler.get(e.getKey());
        if (paths.isEmpty()) {
          unknowns.add("the path " + e.getValue().key() + " is not a constant");
        }
        HandlerRef ref = handler(e.getValue().value(), unit, 0);
        if (ref.type() == null && ref.inline() == null) {
          unknowns.add("the handler " + e.getValue().value() + " could not be resolved to a WebSocketHandler");
        }
        out.add(new Mapping(declaration, paths, ref.type(), ref.inline(), cors, unknowns));
      }
    }
    return out;
  }

  private static String assignedName(Node created) {
    Node parent = created.getParentNode().orElse(null);
    if (parent instanceof VariableDeclarator v) {
      return v.getNameAsString();
    }
    if (parent instanceof AssignExpr a && a.getTarget() instanceof NameExpr n) {
      return n.getNameAsString();
    }
    return null;
  }

  /**
   * The entries of a map expression: {@code Map.of(k, v, ...)}, {@code Map.ofEntries(Map.entry(k, v))},
   * {@code Collections.singletonMap(k, v)}, or a local map filled with {@code put(k, v)} in the method.
   */
  private static List<Entry> entries(Expression map, MethodDeclaration method) {
    List<Entry> out = new ArrayList<>();
    if (map instanceof MethodCallExpr call) {
      String name = call.getNameAsString();
      if (name.equals("of") || name.equals("singletonMap")) {
        for (int i = 0; i + 1 < call.getArguments().size(); i += 2) {
          out.add(new Entry(call.getArgument(i), call.getArgument(i + 1)));
        }
      } else if (name.equals("ofEntries")) {
        for (Expression a : call.getArguments()) {
          if (a instanceof MethodCallExpr entry && entry.getNameAsString().equals("entry")
              && entry.getArguments().size() == 2) {
            out.add(new Entry(entry.getArgument(0), entry.getArgument(1)));
          }
        }
      }
    } else if (map instanceof NameExpr n) {
      String name = n.getNameAsString();
      for (VariableDeclarator v : method.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name))) {
        v.getInitializer().filter(init -> !(init instanceof ObjectCreationExpr))
            .ifPresent(init -> out.addAll(entries(init, method)));
      }
      for (MethodCallExpr put : method.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("put")
          && c.getArguments().size() == 2 && c.getScope().map(s -> s.toString().equals(name)).orElse(false))) {
        out.add(new Entry(put.getArgument(0), put.getArgument(1)));
      }
    }
    return out;
  }

  /** A handler as a class, or read where it is written (a lambda). */
  private record HandlerRef(String type, HandlerFact inline) {}

  /**
   * What a handler expression is: a creation, a lambda, a local holding either, a typed parameter or field, or a
   * method of this class (a {@code @Bean} method) returning either.
   */
  private static HandlerRef handler(Expression e, JavaUnit unit, int hops) {
    if (hops > MAX_HOPS) {
      return new HandlerRef(null, null);
    }
    if (e instanceof LambdaExpr lambda) {
      return new HandlerRef(null, WebFluxHandlerReader.ofLambda(lambda, unit).orElse(null));
    }
    if (e instanceof ThisExpr) {
      return new HandlerRef(JavaCode.enclosingType(e), null); // a configuration class that is the handler itself
    }
    if (e instanceof ObjectCreationExpr o) {
      if (o.getAnonymousClassBody().isPresent()) {
        for (BodyDeclaration<?> b : o.getAnonymousClassBody().get()) {
          if (b instanceof MethodDeclaration m && m.getNameAsString().equals("handle")) {
            return new HandlerRef(null, WebFluxHandlerReader.ofMethod(null, m, null, unit).orElse(null));
          }
        }
      }
      return new HandlerRef(JavaCode.qualify(o.getType().getNameWithScope(), unit), null);
    }
    if (e instanceof NameExpr n) {
      Optional<MethodDeclaration> method = e.findAncestor(MethodDeclaration.class);
      if (method.isPresent()) {
        for (VariableDeclarator v : method.get().findAll(VariableDeclarator.class,
            v -> v.getNameAsString().equals(n.getNameAsString()) && v.getInitializer().isPresent())) {
          return handler(v.getInitializer().get(), unit, hops + 1);
        }
      }
      Optional<String> declared = JavaCode.declaredType(n.getNameAsString(), n);
      if (declared.isPresent() && !unit.types().is(declared.get(), HANDLER)) {
        return new HandlerRef(JavaCode.qualify(declared.get(), unit), null);
      }
      // a bean injected as the interface: the @Bean method of that name in this class, when there is one
      return beanMethod(n.getNameAsString(), e, unit, hops);
    }
    if (e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
      return JavaCode.field(f).map(v -> unit.types().is(v.getTypeAsString(), HANDLER)
          ? v.getInitializer().map(init -> handler(init, unit, hops + 1)).orElse(new HandlerRef(null, null))
          : new HandlerRef(JavaCode.qualify(v.getTypeAsString(), unit), null)).orElse(new HandlerRef(null, null));
    }
    if (e instanceof MethodCallExpr call && (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr)) {
      return beanMethod(call.getNameAsString(), e, unit, hops);
    }
    return new HandlerRef(null, null);
  }

  private static HandlerRef beanMethod(String name, Node near, JavaUnit unit, int hops) {
    Optional<ClassOrInterfaceDeclaration> type = near.findAncestor(ClassOrInterfaceDeclaration.class);
    if (type.isEmpty()) {
      return new HandlerRef(null, null);
    }
    for (MethodDeclaration m : type.get().getMethodsByName(name)) {
      for (ReturnStmt r : m.findAll(ReturnStmt.class)) {
        if (r.getExpression().isPresent() && r.findAncestor(LambdaExpr.class).filter(m::isAncestorOf).isEmpty()) {
          return handler(r.getExpression().get(), unit, hops + 1);
        }
      }
      if (!unit.types().is(m.getType().asString(), HANDLER)) {
        return new HandlerRef(JavaCode.qualify(m.getType().asString(), unit), null);
      }
    }
    return new HandlerRef(null, null);
  }

  /** A handler class that is its own CorsConfigurationSource: the configuration its getCorsConfiguration returns. */
  private static CorsRule handlerCors(ClassOrInterfaceDeclaration c, JavaUnit unit) {
    if (!SpringTypes.isA(c, unit, CORS_SOURCE)) {
      return null;
    }
    for (MethodDeclaration m : c.getMethodsByName("getCorsConfiguration")) {
      for (ReturnStmt r : m.findAll(ReturnStmt.class)) {
        if (r.getExpression().isPresent()) {
          return corsRule(List.of(), r.getExpression().get(), unit, 0);
        }
      }
    }
    return null;
  }

  /** {@code source.registerCorsConfiguration("/ws/**", config)} calls on a UrlBasedCorsConfigurationSource. */
  private static List<CorsRule> corsSource(Expression source, MethodDeclaration method, JavaUnit unit) {
    List<CorsRule> out = new ArrayList<>();
    if (source instanceof NameExpr n) {
      for (MethodCallExpr call : method.findAll(MethodCallExpr.class, c -> c.getNameAsString()
          .equals("registerCorsConfiguration") && c.getArguments().size() == 2
          && c.getScope().map(s -> s.toString().equals(n.getNameAsString())).orElse(false))) {
        out.add(corsRule(RegistrationReader.constantStrings(call.getArgument(0)), call.getArgument(1), unit, 0));
      }
    }
    if (out.isEmpty()) {
      out.add(new CorsRule(List.of(), List.of(new OriginArg(OriginArg.Kind.UNKNOWN, source.toString(), null, null,
          unit.head(source))), unit.head(source)));
    }
    return out;
  }

  /**
   * The origins a CorsConfiguration expression allows: a local configured with {@code setAllowedOrigins} /
   * {@code addAllowedOrigin} / {@code setAllowedOriginPatterns} / {@code applyPermitDefaultValues()} (which allows
   * every origin when none was set before it), or a method of this class building one.
   */
  private static CorsRule corsRule(List<String> patterns, Expression config, JavaUnit unit, int hops) {
    List<OriginArg> origins = new ArrayList<>();
    if (config instanceof MethodCallExpr call && call.getScope().isPresent()
        && call.getScope().get() instanceof ObjectCreationExpr) {
      if (call.getNameAsString().equals("applyPermitDefaultValues")) {
        origins.add(new OriginArg(OriginArg.Kind.LITERAL, "*", null, null, unit.head(call.getName())));
      }
      return new CorsRule(patterns, origins, unit.head(call.getName()));
    }
    if (config instanceof ObjectCreationExpr o) {
      return new CorsRule(patterns, origins, unit.head(o));
    }
    if (config instanceof MethodCallExpr call && hops < MAX_HOPS
        && (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr)) {
      Optional<ClassOrInterfaceDeclaration> type = config.findAncestor(ClassOrInterfaceDeclaration.class);
      for (MethodDeclaration m : type.map(t -> t.getMethodsByName(call.getNameAsString())).orElse(List.of())) {
        for (ReturnStmt r : m.findAll(ReturnStmt.class)) {
          if (r.getExpression().isPresent()) {
            return corsRule(patterns, r.getExpression().get(), unit, hops + 1);
          }
        }
      }
    }
    Optional<MethodDeclaration> method = config.findAncestor(MethodDeclaration.class);
    if (config instanceof NameExpr n && method.isPresent()) {
      boolean local = !method.get().findAll(VariableDeclarator.class, v -> v.getNameAsString()
          .equals(n.getNameAsString()) && v.getInitializer().map(i -> i instanceof ObjectCreationExpr).orElse(false))
          .isEmpty();
      if (local) {
        com.github.javaparser.ast.expr.SimpleName at = null;
        boolean set = false;
        for (MethodCallExpr call : method.get().findAll(MethodCallExpr.class, c -> c.getScope().isPresent()
            && c.getScope().get().toString().equals(n.getNameAsString()))) {
          switch (call.getNameAsString()) {
            case "setAllowedOrigins", "setAllowedOriginPatterns", "addAllowedOrigin", "addAllowedOriginPattern" -> {
              set = true;
              at = at == null ? call.getName() : at;
              call.getArguments().forEach(a -> origins.addAll(RegistrationReader.origins(a, unit)));
            }
            case "applyPermitDefaultValues" -> {
              if (!set) {
                at = call.getName();
                origins.add(new OriginArg(OriginArg.Kind.LITERAL, "*", null, null, unit.head(call.getName())));
              }
            }
            default -> {
              // methods, headers and credentials do not change which Origins are refused
            }
          }
        }
        return new CorsRule(patterns, origins, at == null ? unit.head(config) : unit.head(at));
      }
    }
    origins.add(new OriginArg(OriginArg.Kind.UNKNOWN, config.toString(), null, null, unit.head(config)));
    return new CorsRule(patterns, origins, unit.head(config));
  }
}
