package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.frameworks.spring.SpringFacts.InterceptorRef;
import dev.wsguard.java.frameworks.spring.SpringFacts.OriginArg;
import dev.wsguard.java.frameworks.spring.SpringFacts.Registration;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads endpoint registrations: {@code registry.addHandler(handler, "/path")} chains in a WebSocketConfigurer,
 * {@code registry.addEndpoint("/ws")} chains in a STOMP configurer, and directly wired
 * {@code new WebSocketHttpRequestHandler(handler)}; with their origins, interceptors and SockJS fallback.
 */
final class RegistrationReader {
  private RegistrationReader() {}

  static List<Registration> registry(MethodDeclaration method, Framework framework, String configType,
      JavaUnit unit) {
    String adder = framework == Framework.SPRING_STOMP ? "addEndpoint" : "addHandler";
    List<Registration> out = new ArrayList<>();
    for (MethodCallExpr call : method.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals(adder)
        && c.getScope().isPresent())) {
      List<String> unknowns = new ArrayList<>();
      List<Expression> pathArgs = framework == Framework.SPRING_STOMP ? call.getArguments()
          : call.getArguments().stream().skip(1).toList();
      List<String> paths = new ArrayList<>();
      for (Expression a : pathArgs) {
        List<String> s = constantStrings(a);
        if (s.isEmpty()) {
          unknowns.add("the path " + a + " is not a constant");
        }
        paths.addAll(s);
      }
      String handler = framework == Framework.SPRING_WS && !call.getArguments().isEmpty()
          ? typeOf(call.getArgument(0), unit) : null;
      List<MethodCallExpr> chain = chain(call, method);
      SourceLocation originAt = null;
      List<OriginArg> origins = new ArrayList<>();
      List<InterceptorRef> interceptors = new ArrayList<>();
      boolean sockJs = false;
      for (MethodCallExpr c : chain) {
        switch (c.getNameAsString()) {
          case "setAllowedOrigins", "setAllowedOriginPatterns" -> {
            originAt = JavaCode.nameAt(c, unit);
            for (Expression a : c.getArguments()) {
              origins.addAll(origins(a, unit));
            }
          }
          case "addInterceptors" -> {
            for (Expression a : c.getArguments()) {
              interceptors.add(interceptor(a, unit));
            }
          }
          case "withSockJS" -> sockJs = true;
          default -> {
            // setHandshakeHandler, setSuppressCors and the SockJS options do not change who may connect
          }
        }
      }
      out.add(new Registration(framework, JavaCode.callHead(call, unit), paths, handler, true, originAt, origins,
          interceptors, sockJs, configType, unknowns));
    }
    return out;
  }

  /**
   * A handler wired without the registry: {@code new WebSocketHttpRequestHandler(handler)} mapped to a URL in a
   * SimpleUrlHandlerMapping. It has no Origin check unless an OriginHandshakeInterceptor is added.
   */
  static List<Registration> direct(JavaUnit unit) {
    List<Registration> out = new ArrayList<>();
    for (ObjectCreationExpr o : unit.tree().findAll(ObjectCreationExpr.class,
        o -> SpringTypes.isA(o, unit, SpringTypes.HTTP_REQUEST_HANDLER))) {
      List<String> unknowns = new ArrayList<>();
      String handler = o.getArguments().isEmpty() ? null : typeOf(o.getArgument(0), unit);
      List<String> paths = pathsMappedTo(o);
      if (paths.isEmpty()) {
        unknowns.add("the URL this WebSocketHttpRequestHandler is mapped to could not be read");
      }
      List<InterceptorRef> interceptors = new ArrayList<>();
      SourceLocation originAt = null;
      List<OriginArg> origins = new ArrayList<>();
      Optional<String> variable = o.getParentNode().filter(VariableDeclarator.class::isInstance)
          .map(p -> ((VariableDeclarator) p).getNameAsString());
      if (variable.isPresent()) {
        Optional<MethodDeclaration> m = o.findAncestor(MethodDeclaration.class);
        for (MethodCallExpr c : m.map(x -> x.findAll(MethodCallExpr.class)).orElse(List.of())) {
          if (c.getNameAsString().equals("setHandshakeInterceptors")
              && c.getScope().map(s -> s.toString().equals(variable.get())).orElse(false)) {
            for (Expression a : c.getArguments()) {
              for (Expression item : items(a)) {
                if (item instanceof ObjectCreationExpr oc && SpringTypes.isA(oc, unit, SpringTypes.ORIGIN_INTERCEPTOR)) {
                  originAt = unit.head(oc);
                  oc.getArguments().forEach(arg -> origins.addAll(origins(arg, unit)));
                } else {
                  interceptors.add(interceptor(item, unit));
                }
              }
            }
          }
        }
      }
      out.add(new Registration(Framework.SPRING_WS, unit.head(o), paths, handler, false, originAt, origins,
          interceptors, false, JavaCode.enclosingType(o), unknowns));
    }
    return out;
  }

  /** {@code Map.of("/ws", handler)} / {@code urlMap.put("/ws", handler)} around the creation. */
  private static List<String> pathsMappedTo(ObjectCreationExpr o) {
    Optional<MethodDeclaration> method = o.findAncestor(MethodDeclaration.class);
    if (method.isEmpty()) {
      return List.of();
    }
    String name = o.getParentNode().filter(VariableDeclarator.class::isInstance)
        .map(p -> ((VariableDeclarator) p).getNameAsString()).orElse(null);
    for (MethodCallExpr c : method.get().findAll(MethodCallExpr.class)) {
      if (!(c.getNameAsString().equals("of") || c.getNameAsString().equals("put")) || c.getArguments().size() < 2) {
        continue;
      }
      for (int i = 1; i < c.getArguments().size(); i += 2) {
        Expression value = c.getArgument(i);
        if (value == o || (name != null && value.toString().equals(name))) {
          return constantStrings(c.getArgument(i - 1));
        }
      }
    }
    return List.of();
  }

  private static List<Expression> items(Expression e) {
    if (e instanceof MethodCallExpr c && (c.getNameAsString().equals("of") || c.getNameAsString().equals("asList"))) {
      return c.getArguments();
    }
    return List.of(e);
  }

  /** The calls chained on a registration, and those made on a variable that holds it. */
  private static List<MethodCallExpr> chain(MethodCallExpr call, MethodDeclaration method) {
    List<MethodCallExpr> out = new ArrayList<>();
    Node current = call;
    while (current.getParentNode().orElse(null) instanceof MethodCallExpr parent
        && parent.getScope().orElse(null) == current) {
      out.add(parent);
      current = parent;
    }
    if (current.getParentNode().orElse(null) instanceof VariableDeclarator v) {
      String name = v.getNameAsString();
      for (MethodCallExpr c : method.findAll(MethodCallExpr.class)) {
        Node root = c;
        while (root instanceof MethodCallExpr m && m.getScope().isPresent()) {
          root = m.getScope().get();
        }
        if (root instanceof NameExpr n && n.getNameAsString().equals(name)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  static InterceptorRef interceptor(Expression e, JavaUnit unit) {
    if (e instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
      for (BodyDeclaration<?> b : o.getAnonymousClassBody().get()) {
        if (b instanceof MethodDeclaration m && m.getNameAsString().equals("beforeHandshake")
            && m.getBody().isPresent()) {
          Gate gate = GateReader.read("beforeHandshake of the interceptor at " + unit.head(o).startLine(),
              unit.head(m.getName()), m.getBody().get(), GateReader.Reject.RETURN_FALSE, unit);
          return new InterceptorRef(null, gate, false, unit.head(o));
        }
      }
      return new InterceptorRef(null, null, false, unit.head(o));
    }
    String type = typeOf(e, unit);
    boolean copier = e instanceof ObjectCreationExpr o && SpringTypes.isA(o, unit, SpringTypes.SESSION_INTERCEPTOR);
    return new InterceptorRef(type, null, copier, unit.head(e));
  }

  /** The class an expression's value is: a creation, a typed field or local, or an own @Bean method's result. */
  static String typeOf(Expression e, JavaUnit unit) {
    if (e instanceof ObjectCreationExpr o) {
      return JavaCode.qualify(o.getType().getNameWithScope(), unit);
    }
    if (e instanceof NameExpr n) {
      return JavaCode.declaredType(n.getNameAsString(), n).map(t -> JavaCode.qualify(t, unit)).orElse(null);
    }
    if (e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
      return JavaCode.field(f).map(v -> JavaCode.qualify(v.getTypeAsString(), unit)).orElse(null);
    }
    if (e instanceof MethodCallExpr c && c.getScope().isEmpty()) {
      Optional<TypeDeclaration> type = c.findAncestor(TypeDeclaration.class);
      if (type.isPresent()) {
        for (Object o : type.get().getMethodsByName(c.getNameAsString())) {
          MethodDeclaration m = (MethodDeclaration) o;
          for (ReturnStmt r : m.findAll(ReturnStmt.class)) {
            if (r.getExpression().orElse(null) instanceof ObjectCreationExpr created) {
              return JavaCode.qualify(created.getType().getNameWithScope(), unit);
            }
          }
          return JavaCode.qualify(m.getType().asString(), unit);
        }
      }
    }
    return null;
  }

  /** The string constants an expression names: literals, constants of this class, arrays of them. */
  static List<String> constantStrings(Expression e) {
    List<String> direct = JavaCode.strings(e);
    if (!direct.isEmpty()) {
      return direct;
    }
    if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
      Optional<VariableDeclarator> field = e instanceof NameExpr ? JavaCode.field(e) : staticField(e);
      if (field.isPresent() && field.get().getInitializer().isPresent()) {
        return constantStrings(field.get().getInitializer().get());
      }
    }
    return List.of();
  }

  private static Optional<VariableDeclarator> staticField(Expression e) {
    if (e instanceof FieldAccessExpr f) {
      String name = f.getNameAsString();
      return e.findRootNode().findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name)
          && v.getParentNode().filter(FieldDeclaration.class::isInstance).isPresent()).stream().findFirst();
    }
    return Optional.empty();
  }

  /** What one origins argument stands for. */
  static List<OriginArg> origins(Expression e, JavaUnit unit) {
    SourceLocation at = unit.head(e);
    List<String> literals = JavaCode.strings(e);
    if (!literals.isEmpty()) {
      return literals.stream().map(s -> new OriginArg(OriginArg.Kind.LITERAL, s, null, null, at)).toList();
    }
    if (e instanceof ArrayCreationExpr a && a.getInitializer().isPresent()) {
      return origins(a.getInitializer().get(), unit);
    }
    if (e instanceof ArrayInitializerExpr a) {
      List<OriginArg> out = new ArrayList<>();
      a.getValues().forEach(v -> out.addAll(origins(v, unit)));
      return out;
    }
    if (e instanceof MethodCallExpr c) {
      String name = c.getNameAsString();
      if ((name.equals("split") || name.equals("toArray") || name.equals("stream") || name.equals("trim"))
          && c.getScope().isPresent()) {
        return origins(c.getScope().get(), unit);
      }
      if ((name.equals("of") || name.equals("asList")) && !c.getArguments().isEmpty()) {
        List<OriginArg> out = new ArrayList<>();
        c.getArguments().forEach(v -> out.addAll(origins(v, unit)));
        return out;
      }
      Optional<String> owner = JavaCode.receiverQualified(c, unit);
      if (owner.isPresent() && c.getArguments().isEmpty()) {
        String property = name.startsWith("get") && name.length() > 3
            ? Character.toLowerCase(name.charAt(3)) + name.substring(4) : name;
        return List.of(new OriginArg(OriginArg.Kind.PROPERTIES, property, null, owner.get(), at));
      }
    }
    if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
      String name = e instanceof NameExpr n ? n.getNameAsString() : ((FieldAccessExpr) e).getNameAsString();
      Optional<NodeWithAnnotations<?>> holder = annotated(e, name);
      if (holder.isPresent()) {
        Optional<AnnotationExpr> value = JavaCode.annotation(holder.get(), unit, SpringTypes.VALUE);
        if (value.isPresent()) {
          return placeholder(value.get(), at);
        }
      }
      List<String> constants = constantStrings(e);
      if (!constants.isEmpty()) {
        return constants.stream().map(s -> new OriginArg(OriginArg.Kind.LITERAL, s, null, null, at)).toList();
      }
      Optional<VariableDeclarator> field = JavaCode.field(e);
      if (field.isPresent() && field.get().getInitializer().isPresent()) {
        return origins(field.get().getInitializer().get(), unit);
      }
    }
    return List.of(new OriginArg(OriginArg.Kind.UNKNOWN, e.toString(), null, null, at));
  }

  /** The field or parameter declaring a name, when it can carry annotations. */
  private static Optional<NodeWithAnnotations<?>> annotated(Expression e, String name) {
    Optional<VariableDeclarator> field = JavaCode.field(e instanceof FieldAccessExpr f ? f : e);
    if (field.isPresent() && field.get().getParentNode().orElse(null) instanceof FieldDeclaration fd) {
      return Optional.of(fd);
    }
    Optional<MethodDeclaration> m = e.findAncestor(MethodDeclaration.class);
    if (m.isPresent()) {
      for (Parameter p : m.get().getParameters()) {
        if (p.getNameAsString().equals(name)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** {@code @Value("${key:fallback}")}: a key and its default; anything else (SpEL) is unknown. */
  static List<OriginArg> placeholder(AnnotationExpr value, SourceLocation at) {
    Optional<String> text = JavaCode.member(value, "value").flatMap(JavaCode::string);
    if (text.isEmpty() || !text.get().startsWith("${") || !text.get().endsWith("}")) {
      return List.of(new OriginArg(OriginArg.Kind.UNKNOWN, value.toString(), null, null, at));
    }
    String inner = text.get().substring(2, text.get().length() - 1);
    int colon = inner.indexOf(':');
    String key = colon < 0 ? inner : inner.substring(0, colon);
    String fallback = colon < 0 ? null : inner.substring(colon + 1);
    return List.of(new OriginArg(OriginArg.Kind.CONFIG, key, fallback, null, at));
  }

  /** A {@code @ConfigurationProperties(prefix = "app.ws")} class and the code defaults of its fields. */
  static Optional<SpringFacts.ConfigPropertiesFact> configProperties(ClassOrInterfaceDeclaration c, JavaUnit unit) {
    Optional<AnnotationExpr> a = JavaCode.annotation(c, unit, SpringTypes.CONFIG_PROPERTIES);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> prefix = JavaCode.member(a.get(), "prefix").or(() -> JavaCode.member(a.get(), "value"))
        .flatMap(JavaCode::string);
    if (prefix.isEmpty()) {
      return Optional.empty();
    }
    java.util.Map<String, List<String>> defaults = new java.util.LinkedHashMap<>();
    for (FieldDeclaration f : c.getFields()) {
      for (VariableDeclarator v : f.getVariables()) {
        List<String> values = v.getInitializer().map(i -> {
          List<String> s = JavaCode.strings(i);
          if (s.isEmpty() && i instanceof MethodCallExpr m) {
            List<String> args = new ArrayList<>();
            m.getArguments().forEach(arg -> args.addAll(JavaCode.strings(arg)));
            return args;
          }
          return s;
        }).orElse(List.of());
        defaults.put(v.getNameAsString(), values);
      }
    }
    return Optional.of(new SpringFacts.ConfigPropertiesFact(c.getFullyQualifiedName().orElse(c.getNameAsString()),
        prefix.get(), defaults));
  }
}
