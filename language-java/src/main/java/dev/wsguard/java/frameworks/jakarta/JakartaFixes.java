package dev.wsguard.java.frameworks.jakarta;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.java.analysis.GateAnalysis;
import dev.wsguard.java.fix.JavaEdits;
import dev.wsguard.java.fix.JavaFixer;
import dev.wsguard.java.fix.ProjectVerifiers;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Patches for {@code @ServerEndpoint} classes: a {@code ServerEndpointConfig.Configurator} whose {@code checkOrigin}
 * accepts only an allow-list (empty until it is filled in, so every browser is refused) and whose
 * {@code modifyHandshake} throws unless the request carries a verified user. A RuntimeException out of
 * modifyHandshake fails the upgrade before the endpoint is created (Tomcat's UpgradeUtil and Undertow's handshake
 * call it before upgrading); returning normally always upgrades, so throwing is the refusal.
 *
 * <p>With no configurator, the patch nests {@code HandshakeGuard} in the endpoint class and names it in the
 * annotation; with a configurator nested or declared in the same file that extends Configurator itself, the missing
 * override goes into it. Both intents of one endpoint rewrite the same spot, so each renders every part the endpoint
 * lacks (an Origin allow-list when its policy admits foreign pages, the handshake check when it is unauthenticated):
 * whichever comes first carries both, and the other, overlapping, is dropped. No patch for programmatic
 * registrations, a configurator in another file or inheriting from a project class (what it already does is out of
 * sight), or an override that exists already (wsguard does not rewrite a check it did not write).
 */
public final class JakartaFixes implements JavaFixer {
  static final String GUARD = "HandshakeGuard";
  static final String ALLOWED_ORIGINS = "ALLOWED_ORIGINS";
  static final String AUTHENTICATE = "authenticateHandshake";
  /** The query parameter a browser client can send its token in (it cannot set headers on a WebSocket). */
  static final String TOKEN_PARAMETER = "access_token";

  @Override
  public Optional<Fix> render(FixIntent intent, JavaEdits edits, FixContext context) {
    if (!(intent instanceof FixIntent.AddUpgradeAuth || intent instanceof FixIntent.RestrictOrigins)) {
      return Optional.empty();
    }
    Endpoint endpoint = intent.endpoint();
    boolean authIntent = intent instanceof FixIntent.AddUpgradeAuth;
    JavaUnit unit = edits.unit();
    AnnotationExpr annotation = edits.nodeAt(endpoint.declaration(), AnnotationExpr.class);
    if (annotation == null || !JakartaRecognizer.is(unit, annotation.getNameAsString(), "server.ServerEndpoint")
        || !(annotation.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration endpointClass)
        || endpointClass.isInterface()) {
      return Optional.empty();
    }
    String api = unit.types().is(annotation.getNameAsString(), "javax.websocket.server.ServerEndpoint")
        ? "javax.websocket" : "jakarta.websocket";
    boolean needOrigin = !endpoint.originPolicy().rejectsForeignOrigins();
    boolean needAuth = !endpoint.authenticated();
    ClassExpr named = configuratorOf(annotation);
    if (named != null) {
      return intoConfigurator(edits, context, api, named, authIntent, needOrigin, needAuth);
    }
    if (annotation instanceof NormalAnnotationExpr n && n.getPairs().stream()
        .anyMatch(p -> p.getNameAsString().equals("configurator"))) {
      return Optional.empty(); // a configurator written as something other than a class literal
    }
    boolean origin = needOrigin;
    boolean auth = needAuth;
    if (!(authIntent ? auth : origin) || edits.mentions(GUARD) || edits.mentions(ALLOWED_ORIGINS)
        || edits.mentions(AUTHENTICATE)) {
      return Optional.empty();
    }
    Optional<TextEdit> wiring = wire(edits, annotation, endpointClass.getNameAsString() + "." + GUARD + ".class");
    if (wiring.isEmpty()) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>();
    Members members = members(edits, context, origin, origin, auth);
    String guard = "/** Checks each handshake before the container upgrades it: throwing here fails the upgrade. */\n"
        + "public static class " + GUARD + " extends ServerEndpointConfig.Configurator {\n"
        + indented(members.template) + "}";
    Optional<TextEdit> added = edits.addMember(endpointClass, guard);
    Optional<List<TextEdit>> imports = edits.addImports(imports(api, origin, auth, members));
    if (added.isEmpty() || imports.isEmpty()) {
      return Optional.empty();
    }
    out.add(wiring.get());
    out.add(added.get());
    out.addAll(imports.get());
    return Optional.of(new Fix(description(origin, auth, members, "a " + GUARD + " configurator on the endpoint"),
        out));
  }

  /** The missing overrides added to a configurator of this file that extends Configurator itself. */
  private static Optional<Fix> intoConfigurator(JavaEdits edits, FixContext context, String api, ClassExpr named,
      boolean authIntent, boolean needOrigin, boolean needAuth) {
    JavaUnit unit = edits.unit();
    String qualified = GateAnalysis.qualify(unit, named.getType().asString());
    ClassOrInterfaceDeclaration configurator = null;
    for (ClassOrInterfaceDeclaration c : unit.tree().findAll(ClassOrInterfaceDeclaration.class)) {
      if (c.getFullyQualifiedName().filter(qualified::equals).isPresent()) {
        configurator = c;
      }
    }
    if (configurator == null || configurator.getExtendedTypes().size() != 1 || !JakartaRecognizer.is(unit,
        configurator.getExtendedTypes(0).getNameWithScope(), "server.ServerEndpointConfig.Configurator")) {
      return Optional.empty();
    }
    List<MethodDeclaration> checks = configurator.getMethodsByName("checkOrigin");
    ReturnStmt acceptsAll = checks.size() == 1 ? acceptsEveryOrigin(checks.get(0)) : null;
    boolean origin = needOrigin && (checks.isEmpty() || acceptsAll != null);
    boolean auth = needAuth && configurator.getMethodsByName("modifyHandshake").isEmpty();
    if (!(authIntent ? auth : origin) || origin && edits.mentions(ALLOWED_ORIGINS)
        || auth && edits.mentions(AUTHENTICATE)) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>();
    if (origin && acceptsAll != null) {
      // the override that returns true is kept, and made to consult the allow-list
      String param = checks.get(0).getParameter(0).getNameAsString();
      out.add(edits.replace(acceptsAll.getExpression().get(), param + " != null && " + ALLOWED_ORIGINS
          + ".contains(" + param + ")"));
    }
    Members members = members(edits, context, origin, origin && acceptsAll == null, auth);
    Optional<TextEdit> added = edits.addMember(configurator, members.template.stripTrailing());
    Optional<List<TextEdit>> imports = edits.addImports(imports(api, origin, auth, members));
    if (added.isEmpty() || imports.isEmpty()) {
      return Optional.empty();
    }
    out.add(added.get());
    out.addAll(imports.get());
    return Optional.of(new Fix(description(origin, auth, members, configurator.getNameAsString()), out));
  }

  /**
   * The parts of the configurator, as a template.
   *
   * @param verifierClass the project verifier's class, to import; null when the placeholder stands in for it
   * @param verifier how the description names it
   */
  private record Members(String template, String verifierClass, String verifier) {}

  /**
   * @param origin the allow-list field
   * @param originMethod the checkOrigin override that consults it
   */
  private static Members members(JavaEdits edits, FixContext context, boolean origin, boolean originMethod,
      boolean auth) {
    StringBuilder t = new StringBuilder();
    if (origin) {
      t.append("// Browser Origins allowed to connect (\"https://app.example.com\"); while empty, every browser is refused\n")
          .append("private static final Set<String> ").append(ALLOWED_ORIGINS).append(" = Set.of();\n");
    }
    if (originMethod) {
      t.append("\n")
          .append("@Override\n")
          .append("public boolean checkOrigin(String originHeaderValue) {\n")
          .append("  return originHeaderValue != null && ").append(ALLOWED_ORIGINS)
          .append(".contains(originHeaderValue);\n")
          .append("}\n");
    }
    if (!auth) {
      return new Members(t.toString(), null, null);
    }
    if (origin) {
      t.append('\n');
    }
    t.append("@Override\n")
        .append("public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request,"
            + " HandshakeResponse response) {\n");
    Optional<ProjectVerifiers.Call> call = ProjectVerifiers.choose(edits, context, Verifier.Input.TOKEN, false);
    if (call.isPresent()) {
      ProjectVerifiers.Call c = call.get();
      String rejected = c.verifier().failure() == Verifier.Failure.RETURNS_FALSY
          ? "user == null || Boolean.FALSE.equals(user)" : "user == null";
      t.append("  List<String> tokens = request.getParameterMap().get(\"").append(TOKEN_PARAMETER).append("\");\n")
          .append("  if (tokens == null || tokens.isEmpty()) {\n")
          .append("    throw new SecurityException(\"WebSocket handshake without an access token\");\n")
          .append("  }\n")
          .append("  Object user;\n")
          .append("  try {\n")
          .append("    user = ").append(c.expression(null, "tokens.get(0)")).append(";\n")
          .append("  } catch (Exception e) {\n")
          .append("    throw new SecurityException(\"WebSocket handshake with an invalid access token\", e);\n")
          .append("  }\n")
          .append("  if (").append(rejected).append(") {\n")
          .append("    throw new SecurityException(\"WebSocket handshake with an invalid access token\");\n")
          .append("  }\n")
          .append("  sec.getUserProperties().put(\"user\", user);\n")
          .append("}\n");
      return new Members(t.toString(), c.verifier().container(), c.owner() + "." + c.verifier().name());
    }
    t.append("  Object user = ").append(AUTHENTICATE).append("(request);\n")
        .append("  if (user == null) {\n")
        .append("    throw new SecurityException(\"WebSocket handshake not authenticated\");\n")
        .append("  }\n")
        .append("  sec.getUserProperties().put(\"user\", user);\n")
        .append("}\n\n")
        .append("// Rejects every handshake until it is wired to the app's own check of the request's credential (its\n")
        .append("// HTTP session, or a token verified with the app's key): return the user, or null to refuse.\n")
        .append("private static Object ").append(AUTHENTICATE).append("(HandshakeRequest request) {\n")
        .append("  return null;\n")
        .append("}\n");
    return new Members(t.toString(), null, null);
  }

  private static List<String> imports(String api, boolean origin, boolean auth, Members members) {
    List<String> out = new ArrayList<>();
    out.add(api + ".server.ServerEndpointConfig");
    if (origin) {
      out.add("java.util.Set");
    }
    if (auth) {
      out.add(api + ".HandshakeResponse");
      out.add(api + ".server.HandshakeRequest");
      if (members.verifierClass != null) {
        out.add("java.util.List");
        out.add(members.verifierClass);
      }
    }
    return out;
  }

  private static String description(boolean origin, boolean auth, Members members, String where) {
    List<String> parts = new ArrayList<>();
    if (origin) {
      parts.add("checkOrigin accepts only the Origins listed in " + ALLOWED_ORIGINS + " (none until it is filled in)");
    }
    if (auth) {
      parts.add(members.verifier != null
          ? "modifyHandshake refuses the upgrade unless " + members.verifier + " accepts the " + TOKEN_PARAMETER
              + " query parameter"
          : "modifyHandshake refuses every upgrade until " + AUTHENTICATE + "() is wired to the app's credential"
              + " check");
    }
    return "Check the handshake in " + where + ": " + String.join("; ", parts);
  }

  /** The only statement of a {@code checkOrigin(String)} override, when it is {@code return true;}; else null. */
  private static ReturnStmt acceptsEveryOrigin(MethodDeclaration check) {
    List<Statement> body = check.getBody().map(b -> (List<Statement>) b.getStatements()).orElse(List.of());
    if (check.getParameters().size() == 1 && body.size() == 1 && body.get(0) instanceof ReturnStmt r
        && r.getExpression().filter(e -> e instanceof BooleanLiteralExpr b && b.getValue()).isPresent()) {
      return r;
    }
    return null;
  }

  /** The class literal the annotation names as its configurator; null when it names none. */
  private static ClassExpr configuratorOf(AnnotationExpr annotation) {
    if (annotation instanceof NormalAnnotationExpr n) {
      for (MemberValuePair p : n.getPairs()) {
        if (p.getNameAsString().equals("configurator") && p.getValue() instanceof ClassExpr c) {
          return c;
        }
      }
    }
    return null;
  }

  /** {@code configurator = ...} added to the annotation, its single value becoming {@code value = ...}. */
  private static Optional<TextEdit> wire(JavaEdits edits, AnnotationExpr annotation, String configurator) {
    if (annotation instanceof SingleMemberAnnotationExpr s) {
      String value = edits.text(edits.start(s.getMemberValue()), edits.end(s.getMemberValue()));
      return Optional.of(edits.replace(annotation, "@" + s.getNameAsString() + "(value = " + value
          + ", configurator = " + configurator + ")"));
    }
    if (annotation instanceof NormalAnnotationExpr n && !n.getPairs().isEmpty()) {
      MemberValuePair last = n.getPairs().get(n.getPairs().size() - 1);
      int at = edits.end(last);
      boolean ownLine = edits.lineStart(edits.start(last)) != edits.lineStart(edits.start(annotation));
      return Optional.of(edits.insert(at, ownLine
          ? ",\n" + edits.indentAt(edits.start(last)) + "configurator = " + configurator
          : ", configurator = " + configurator));
    }
    return Optional.empty();
  }

  /** A template one step further in: the class body around the members. */
  private static String indented(String template) {
    StringBuilder out = new StringBuilder();
    for (String line : template.split("\n", -1)) {
      if (!line.isEmpty()) {
        out.append("  ").append(line);
      }
      out.append('\n');
    }
    return out.substring(0, out.length() - 1);
  }
}
