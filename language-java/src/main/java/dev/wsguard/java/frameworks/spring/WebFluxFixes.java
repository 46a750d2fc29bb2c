package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.java.fix.JavaEdits;
import dev.wsguard.java.fix.JavaFixer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Patches for Spring WebFlux WebSocket endpoints, each the defence the WebFlux recogniser counts and each failing
 * closed: a CORS configuration on the {@code SimpleUrlHandlerMapping} covering the endpoint's paths, whose allowed
 * origins come from a property that is empty (cross-origin handshakes refused) until it lists the app's origins; and
 * a check at the top of the handler's {@code handle(session)} that closes the session with POLICY_VIOLATION unless
 * the handshake carries a verified user (the project's token check, else a stub that finds no user).
 * Only the plain shapes are patched: a mapping built in a {@code @Bean} method by a statement of its body, a handler
 * whose {@code handle} (class, anonymous class, or block lambda) is in the mapping's file.
 */
public final class WebFluxFixes implements JavaFixer {
  static final String CORS = "cors";
  static final String MAPPING = "mapping";
  static final String AUTHENTICATE = "authenticate";
  private static final String BEAN = "org.springframework.context.annotation.Bean";

  @Override
  public Optional<Fix> render(FixIntent intent, JavaEdits edits, FixContext context) {
    if (intent instanceof FixIntent.RestrictOrigins r) {
      return restrictOrigins(r.endpoint(), edits);
    }
    if (intent instanceof FixIntent.AddUpgradeAuth a) {
      return closeUnauthenticated(a.endpoint(), edits, context);
    }
    return Optional.empty();
  }

  /** The node that declared the endpoint, {@code new SimpleUrlHandlerMapping(...)} or {@code x.setUrlMap(...)}. */
  private static Node declaration(Endpoint endpoint, JavaEdits edits) {
    int at = endpoint.declaration().startByte();
    for (ObjectCreationExpr o : edits.tree().findAll(ObjectCreationExpr.class,
        o -> o.getType().getNameAsString().equals("SimpleUrlHandlerMapping"))) {
      if (edits.start(o) == at) {
        return o;
      }
    }
    for (MethodCallExpr c : edits.tree().findAll(MethodCallExpr.class,
        c -> c.getNameAsString().equals("setUrlMap") && c.getArguments().size() == 1)) {
      if (edits.start(c) == at || edits.start(c.getName()) == at) {
        return c;
      }
    }
    return null;
  }

  /** The {@code @Bean} method of a configuration class the declaration is written in; null for any other place. */
  private static MethodDeclaration beanMethod(Node declaration, JavaEdits edits) {
    Optional<MethodDeclaration> m = declaration.findAncestor(MethodDeclaration.class);
    if (m.isEmpty() || m.get().getBody().isEmpty()
        || JavaCode.annotation(m.get(), edits.unit(), BEAN).isEmpty()
        || !(m.get().getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration type)
        || type.isInterface() || type.isLocalClassDeclaration()) {
      return null;
    }
    // a mapping built inside a lambda or a nested class of the method is no statement the patch can follow
    Node owner = declaration.getParentNode().orElse(null);
    while (owner != null && owner != m.get()) {
      if (owner instanceof LambdaExpr || owner instanceof ObjectCreationExpr o && o.getAnonymousClassBody()
          .isPresent()) {
        return null;
      }
      owner = owner.getParentNode().orElse(null);
    }
    return m.get();
  }

  /** The statement of the method's own body holding the node; null when it sits deeper (an if, a loop). */
  private static Statement topStatement(Node node, MethodDeclaration method) {
    BlockStmt body = method.getBody().orElseThrow();
    Node n = node;
    while (n != null && n.getParentNode().orElse(null) != body) {
      n = n.getParentNode().orElse(null);
    }
    return n instanceof Statement s ? s : null;
  }

  private static boolean declares(Node scope, String name) {
    return scope.findAll(SimpleName.class).stream().anyMatch(n -> n.getIdentifier().equals(name));
  }

  // --- missing-origin-check ---------------------------------------------------------------------------------

  /**
   * {@code mapping.setCorsConfigurations(Map.of("/path", cors))} after the statement that builds or fills the
   * mapping, with {@code cors} allowing the origins of the property {@value SpringOriginFixes#PROPERTY}. A
   * {@code return new SimpleUrlHandlerMapping(...)} is split into a local, the configuration and the return. No
   * patch where the mapping already has a CORS configuration (it is edited where it is written), where a path is not
   * a constant, or where a name the patch adds is taken.
   */
  static Optional<Fix> restrictOrigins(Endpoint endpoint, JavaEdits edits) {
    OriginPolicy policy = endpoint.originPolicy();
    Node declaration = declaration(endpoint, edits);
    if (policy.kind() != OriginPolicy.Kind.ANY || declaration == null || endpoint.paths().isEmpty()
        || endpoint.paths().size() > 10 || edits.mentions(SpringOriginFixes.FIELD)) {
      return Optional.empty();
    }
    MethodDeclaration method = beanMethod(declaration, edits);
    if (method == null || declares(method, CORS)) {
      return Optional.empty();
    }
    Statement statement = topStatement(declaration, method);
    if (statement == null) {
      return Optional.empty();
    }
    String variable;
    boolean split = false;
    if (declaration instanceof MethodCallExpr setUrlMap && setUrlMap.getScope().orElse(null) instanceof NameExpr n
        && statement instanceof ExpressionStmt s && s.getExpression() == setUrlMap) {
      variable = n.getNameAsString();
    } else if (declaration instanceof ObjectCreationExpr
        && statement instanceof ExpressionStmt s && s.getExpression() instanceof VariableDeclarationExpr v
        && v.getVariables().size() == 1 && v.getVariable(0).getInitializer().orElse(null) == declaration) {
      variable = v.getVariable(0).getNameAsString();
    } else if (declaration instanceof ObjectCreationExpr && statement instanceof ReturnStmt r
        && r.getExpression().orElse(null) == declaration && !declares(method, MAPPING)) {
      variable = MAPPING;
      split = true;
    } else {
      return Optional.empty();
    }
    if (hasCors(method, variable)) {
      return Optional.empty();
    }
    ClassOrInterfaceDeclaration config = (ClassOrInterfaceDeclaration) method.getParentNode().orElseThrow();
    Optional<Integer> top = SpringFixes.topOfBody(config, edits);
    int end = edits.end(statement);
    String rest = edits.text(end, edits.lineEnd(end)).strip();
    if (top.isEmpty() || !(rest.isEmpty() || rest.startsWith("//"))
        || !edits.text(edits.lineStart(edits.start(statement)), edits.start(statement)).isBlank()) {
      return Optional.empty();
    }
    Optional<List<TextEdit>> imports = edits.addImports(List.of("java.util.List", "java.util.Map",
        "org.springframework.beans.factory.annotation.Value", WebFluxRecognizer.CORS_CONFIGURATION));
    if (imports.isEmpty()) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>(imports.get());
    out.add(edits.insert(top.get(), edits.code(
        "// the origins of the app's own pages, comma-separated; empty refuses every cross-origin handshake\n"
        + "@Value(\"${" + SpringOriginFixes.PROPERTY + ":}\")\n"
        + "private String[] " + SpringOriginFixes.FIELD + ";\n\n", edits.indentAt(top.get()))));
    String paths = endpoint.paths().stream().map(p -> "\"" + p.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\", " + CORS).collect(Collectors.joining(", "));
    String configure = "CorsConfiguration " + CORS + " = new CorsConfiguration();\n"
        + CORS + ".setAllowedOrigins(List.of(" + SpringOriginFixes.FIELD + "));\n"
        + variable + ".setCorsConfigurations(Map.of(" + paths + "));";
    String indent = edits.indentAt(edits.start(statement));
    if (split) {
      ObjectCreationExpr created = (ObjectCreationExpr) declaration;
      String kept = edits.text(edits.start(created), edits.end(created));
      out.add(edits.replace(statement, created.getTypeAsString() + " " + MAPPING + " = " + kept + ";\n"
          + edits.code(configure + "\nreturn " + MAPPING + ";", indent)));
    } else {
      out.add(edits.insert(edits.nextLineStart(end), edits.code(configure, indent) + "\n"));
    }
    return Optional.of(new Fix("Restrict origins: a CORS configuration on the handler mapping for "
        + String.join(", ", endpoint.paths()) + " that allows the origins of the property "
        + SpringOriginFixes.PROPERTY + ", and no cross-origin handshake until it lists them", out));
  }

  /** The method gives the mapping a CORS configuration already, or hands it to code the patch does not see. */
  private static boolean hasCors(MethodDeclaration method, String variable) {
    return !method.findAll(MethodCallExpr.class, c -> c.getNameAsString().startsWith("setCorsConfiguration"))
        .isEmpty() || !method.findAll(NameExpr.class, n -> n.getNameAsString().equals(variable)
            && n.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getArguments().contains(n))
        .isEmpty();
  }

  // --- missing-upgrade-auth ---------------------------------------------------------------------------------

  /**
   * At the top of the handler's {@code handle(session)}: the user of the handshake, from the project's token check
   * of the {@code access_token} query parameter (browsers cannot set headers on a WebSocket handshake), else from a
   * stub that finds none; no user, and the session is closed with POLICY_VIOLATION before anything is exchanged.
   * No patch where the endpoint has an authentication check of its own that falls short (the repair belongs in
   * it, and a second check beside it would leave the first one's half-checked user in place), or where the
   * handler is not a {@code handle} body in this file.
   */
  static Optional<Fix> closeUnauthenticated(Endpoint endpoint, JavaEdits edits, FixContext context) {
    Node declaration = declaration(endpoint, edits);
    if (declaration == null || !endpoint.guards(GuardKind.AUTHENTICATION).isEmpty()
        || edits.mentions(AUTHENTICATE)) {
      return Optional.empty();
    }
    MethodDeclaration method = beanMethod(declaration, edits);
    Handle handle = method == null ? null : handle(declaration, endpoint.paths(), method, edits);
    // a lambda's locals may not shadow its method's: the names the check declares must be free in the whole method
    Node scope = handle == null ? null : handle.body().findAncestor(MethodDeclaration.class).orElse(null);
    if (handle == null || scope == null || handle.body().getStatements().isEmpty() || declares(scope, "user")
        || declares(scope, "token")) {
      return Optional.empty();
    }
    ClassOrInterfaceDeclaration holder = handle.body().findAncestor(ClassOrInterfaceDeclaration.class)
        .orElse(null);
    if (holder == null || holder.isInterface()) {
      return Optional.empty();
    }
    String session = handle.session();
    List<String> imports = new ArrayList<>(List.of(WebFluxRecognizer.REACTIVE + "socket.CloseStatus"));
    String user;
    String wiredTo;
    String helper = null;
    Optional<SpringFixes.Chosen> chosen = SpringFixes.verifier(holder, edits, context);
    if (chosen.isPresent() && chosen.get().receiver() != null && ((MethodDeclaration) scope).isStatic()) {
      return Optional.empty(); // the bean's field is out of reach of a static @Bean method's lambda
    }
    if (chosen.isPresent()) {
      imports.add("org.springframework.web.util.UriComponentsBuilder");
      imports.add(chosen.get().call().verifier().container());
      user = "String token = UriComponentsBuilder.fromUri(" + session + ".getHandshakeInfo().getUri()).build()\n"
          + "    .getQueryParams().getFirst(\"" + SpringAuthFixes.TOKEN_PARAMETER + "\");\n"
          + SpringAuthFixes.verifiedUser(chosen.get(), "token");
      wiredTo = chosen.get().call().verifier().name();
    } else {
      // the user's name, not a Principal: one import fewer where the origin patch adds its own
      imports.add(WebFluxRecognizer.REACTIVE + "socket.HandshakeInfo");
      user = "String user = " + AUTHENTICATE + "(" + session + ".getHandshakeInfo());\nif (user == null) {";
      helper = "// Closes every session until it is wired to the app's own check of the handshake's credential (a token\n"
          + "// in its access_token query parameter, verified with the app's key): return the user's name, or null\n"
          + "// to close the session.\n"
          + "private static String " + AUTHENTICATE + "(HandshakeInfo handshake) {\n"
          + "  return null;\n"
          + "}";
      wiredTo = AUTHENTICATE + "() until it is wired to the app's credential check";
    }
    Optional<List<TextEdit>> added = edits.addImports(imports);
    Statement first = handle.body().getStatement(0);
    Optional<Integer> at = SpringFixes.lineAbove(first, edits);
    if (added.isEmpty() || at.isEmpty()) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>(added.get());
    out.add(edits.insert(at.get(), edits.code(user + "\n"
        + "  return " + session + ".close(CloseStatus.POLICY_VIOLATION);\n"
        + "}\n", edits.indentAt(edits.start(first)))));
    if (helper != null) {
      Optional<TextEdit> member = edits.addMember(holder, helper);
      if (member.isEmpty()) {
        return Optional.empty();
      }
      out.add(member.get());
    }
    return Optional.of(new Fix("Authenticate the handshake: handle() closes the session with POLICY_VIOLATION unless "
        + wiredTo + " gives a user", out));
  }

  /** A handler's {@code handle} body and the name of its session parameter. */
  private record Handle(BlockStmt body, String session) {}

  /**
   * The handle body of the handler the mapping maps the endpoint's paths to: the map written in the call
   * ({@code Map.of}, {@code Collections.singletonMap}), its value a parameter or a creation of a handler class of
   * this file, a local or {@code @Bean} method of this class holding a block lambda or an anonymous handler.
   */
  private static Handle handle(Node declaration, List<String> paths, MethodDeclaration method, JavaEdits edits) {
    Expression map = declaration instanceof ObjectCreationExpr o
        ? (o.getArguments().isEmpty() ? null : o.getArgument(0))
        : ((MethodCallExpr) declaration).getArgument(0);
    if (!(map instanceof MethodCallExpr call) || !(call.getNameAsString().equals("of")
        || call.getNameAsString().equals("singletonMap")) || call.getArguments().size() % 2 != 0) {
      return null;
    }
    Expression value = null;
    for (int i = 0; i + 1 < call.getArguments().size(); i += 2) {
      if (RegistrationReader.constantStrings(call.getArgument(i)).stream().anyMatch(paths::contains)) {
        if (value != null && !value.toString().equals(call.getArgument(i + 1).toString())) {
          return null;
        }
        value = call.getArgument(i + 1);
      }
    }
    return value == null ? null : handleOf(value, method, edits, 0);
  }

  private static Handle handleOf(Expression value, MethodDeclaration method, JavaEdits edits, int hops) {
    if (hops > 2) {
      return null;
    }
    if (value instanceof LambdaExpr lambda) {
      return lambda.getParameters().size() == 1 && lambda.getBody() instanceof BlockStmt body
          ? new Handle(body, lambda.getParameter(0).getNameAsString()) : null;
    }
    if (value instanceof ObjectCreationExpr o) {
      if (o.getAnonymousClassBody().isPresent()) {
        for (BodyDeclaration<?> b : o.getAnonymousClassBody().get()) {
          if (b instanceof MethodDeclaration m && m.getNameAsString().equals("handle")) {
            return handleOfMethod(m);
          }
        }
        return null;
      }
      return handleOfClass(o.getType().getNameAsString(), edits);
    }
    if (value instanceof NameExpr n) {
      for (VariableDeclarator v : method.findAll(VariableDeclarator.class,
          v -> v.getNameAsString().equals(n.getNameAsString()))) {
        return v.getInitializer().map(init -> handleOf(init, method, edits, hops + 1)).orElse(null);
      }
      for (Parameter p : method.getParameters()) {
        if (p.getNameAsString().equals(n.getNameAsString())) {
          return handleOfClass(p.getType().asString(), edits);
        }
      }
      return null;
    }
    if (value instanceof MethodCallExpr c && c.getScope().isEmpty() && c.getArguments().isEmpty()) {
      ClassOrInterfaceDeclaration config = (ClassOrInterfaceDeclaration) method.getParentNode().orElseThrow();
      List<MethodDeclaration> beans = config.getMethodsByName(c.getNameAsString());
      if (beans.size() != 1 || beans.get(0).getBody().isEmpty()) {
        return null;
      }
      List<Statement> statements = beans.get(0).getBody().get().getStatements();
      return statements.size() == 1 && statements.get(0) instanceof ReturnStmt r && r.getExpression().isPresent()
          ? handleOf(r.getExpression().get(), beans.get(0), edits, hops + 1) : null;
    }
    return null;
  }

  /** The handle method of a handler class declared in this file (one class of that simple name). */
  private static Handle handleOfClass(String simpleName, JavaEdits edits) {
    List<ClassOrInterfaceDeclaration> classes = edits.tree().findAll(ClassOrInterfaceDeclaration.class,
        c -> c.getNameAsString().equals(simpleName) && !c.isInterface()
            && SpringTypes.isA(c, edits.unit(), WebFluxRecognizer.HANDLER));
    if (classes.size() != 1) {
      return null;
    }
    List<MethodDeclaration> handles = classes.get(0).getMethodsByName("handle");
    return handles.size() == 1 ? handleOfMethod(handles.get(0)) : null;
  }

  private static Handle handleOfMethod(MethodDeclaration m) {
    return m.getParameters().size() == 1 && m.getBody().isPresent()
        ? new Handle(m.getBody().get(), m.getParameter(0).getNameAsString()) : null;
  }
}
