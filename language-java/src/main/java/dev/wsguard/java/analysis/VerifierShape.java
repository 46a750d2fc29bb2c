package dev.wsguard.java.analysis;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.analysis.TokenCalls.TokenCall;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A method that may be the project's own token check, as a patch would call it: one {@code String} parameter (the
 * token), and every value it returns is either {@code null} or built from a signature-checked parse of that token
 * ({@code Claims}, a user made from them), or the result of a project method it hands the token to. Link time
 * decides from the method summaries whether the check really verifies.
 *
 * <p>A method taking a request is left out: Java's request types differ by framework (a servlet request, Spring's
 * {@code ServerHttpRequest}, Jakarta's {@code HandshakeRequest}), and a verifier fact does not say which it takes.
 *
 * @param key "com.acme.auth.JwtService#verify", as method summaries are keyed
 * @param container the declaring top-level class, fully qualified
 * @param callable a public static method of a public class, or a public method of a public bean
 * @param instance true for a bean's method (the caller needs the injected bean)
 * @param returnsNull some path answers {@code null}
 * @param delegate the project method whose result it returns when it does not parse the token itself; else null
 */
public record VerifierShape(String key, String name, String container, SourceLocation location, boolean callable,
    boolean instance, boolean returnsNull, HelperRef delegate) implements JavaFact {

  /** Class annotations that make a class a bean a framework injects (Spring stereotypes, CDI scopes). */
  private static final Set<String> BEAN_ANNOTATIONS = Set.of(
      "org.springframework.stereotype.Component", "org.springframework.stereotype.Service",
      "org.springframework.stereotype.Repository", "org.springframework.stereotype.Controller",
      "org.springframework.context.annotation.Configuration",
      "org.springframework.web.bind.annotation.RestController",
      "jakarta.enterprise.context.ApplicationScoped", "javax.enterprise.context.ApplicationScoped",
      "jakarta.enterprise.context.RequestScoped", "javax.enterprise.context.RequestScoped",
      "jakarta.enterprise.context.Dependent", "javax.enterprise.context.Dependent",
      "jakarta.inject.Singleton", "javax.inject.Singleton", "io.quarkus.arc.Unremovable");
  /** Return types a null check cannot judge: a wrapper, a future, a reactive stream, a flag. */
  private static final Set<String> OPAQUE_RESULTS = Set.of("Optional", "CompletableFuture", "CompletionStage",
      "Future", "Mono", "Flux", "Uni", "Multi", "Boolean");

  /** Emits the shape of every method of the file that takes one String and returns a value built as above. */
  public static void collect(JavaUnit unit, Consumer<? super VerifierShape> out) {
    for (MethodDeclaration m : unit.tree().findAll(MethodDeclaration.class)) {
      of(unit, m).ifPresent(out);
    }
  }

  static Optional<VerifierShape> of(JavaUnit unit, MethodDeclaration m) {
    if (m.getBody().isEmpty() || m.getParameters().size() != 1 || m.getType().isPrimitiveType()
        || m.getType().isVoidType() || OPAQUE_RESULTS.contains(simple(m.getType().asString()))) {
      return Optional.empty();
    }
    Parameter token = m.getParameter(0);
    if (!unit.types().is(token.getTypeAsString(), "java.lang.String")) {
      return Optional.empty();
    }
    Set<String> verified = new HashSet<>();
    List<Node> verifiedCalls = new ArrayList<>();
    for (TokenCall t : TokenCalls.in(m, unit.types())) {
      if (t.signatureChecked() && Code.method(t.call()).orElse(null) == m && fedBy(t.call(), token)) {
        verifiedCalls.add(t.call());
        verifiedNames(t.call(), verified);
      }
    }
    HelperRef delegate = null;
    boolean returnsNull = false;
    boolean returnsResult = false;
    for (ReturnStmt r : m.findAll(ReturnStmt.class)) {
      if (r.findAncestor(LambdaExpr.class).filter(m::isAncestorOf).isPresent()
          || r.findAncestor(ObjectCreationExpr.class).filter(m::isAncestorOf).isPresent()) {
        continue; // a return of a lambda or an anonymous class, not of the method
      }
      Expression value = r.getExpression().map(Code::unwrap).orElse(null);
      if (value instanceof NullLiteralExpr) {
        returnsNull = true;
        continue;
      }
      if (value != null && derives(value, verifiedCalls, verified)) {
        returnsResult = true;
        continue;
      }
      HelperRef handedTo = value instanceof MethodCallExpr call ? handedToken(unit, call, token) : null;
      if (handedTo == null || delegate != null && !delegate.key().equals(handedTo.key())) {
        return Optional.empty(); // a success that gives back something else (true, an anonymous user, a constant)
      }
      delegate = handedTo;
    }
    if (!returnsResult && delegate == null || returnsResult && delegate != null) {
      return Optional.empty();
    }
    Optional<ClassOrInterfaceDeclaration> owner = m.findAncestor(ClassOrInterfaceDeclaration.class);
    String container = owner.flatMap(ClassOrInterfaceDeclaration::getFullyQualifiedName).orElse(null);
    if (container == null) {
      return Optional.empty();
    }
    ClassOrInterfaceDeclaration type = owner.get();
    boolean topLevel = type.getParentNode().orElse(null) instanceof CompilationUnit;
    boolean visible = topLevel && !type.isInterface() && type.hasModifier(Modifier.Keyword.PUBLIC)
        && m.hasModifier(Modifier.Keyword.PUBLIC);
    boolean bean = type.getAnnotations().stream().anyMatch(a -> isBean(unit, a));
    boolean instance = !m.isStatic();
    boolean callable = visible && (!instance || bean);
    return Optional.of(new VerifierShape(Code.methodKey(m, unit.types()), m.getNameAsString(), container,
        unit.head(m), callable, instance, returnsNull, delegate));
  }

  /** The token reaches the call: named in it (its arguments or its receiver chain), or through a local, one hop. */
  private static boolean fedBy(MethodCallExpr call, Parameter token) {
    String name = token.getNameAsString();
    for (NameExpr n : call.findAll(NameExpr.class)) {
      if (n.getNameAsString().equals(name)) {
        return true;
      }
      Optional<Expression> init = Code.initializer(n);
      if (init.isPresent() && init.get().findAll(NameExpr.class).stream()
          .anyMatch(x -> x.getNameAsString().equals(name))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The locals that hold the verified result, or something built from it, two hops deep; and for Nimbus's
   * {@code jwt.verify(verifier)} the parsed token it verifies, whose claims the method then returns.
   */
  private static void verifiedNames(MethodCallExpr call, Set<String> out) {
    Optional<String> stored = Code.storedIn(outermost(call));
    stored.ifPresent(out::add);
    if (stored.isEmpty() && call.getScope().map(Code::unwrap).orElse(null) instanceof NameExpr scope) {
      out.add(scope.getNameAsString()); // if (!jwt.verify(verifier)) return null; the verified object is jwt
    }
    Code.method(call).ifPresent(m -> {
      for (int hop = 0; hop < 2; hop++) {
        for (com.github.javaparser.ast.body.VariableDeclarator v
            : m.findAll(com.github.javaparser.ast.body.VariableDeclarator.class)) {
          if (v.getInitializer().isPresent() && v.getInitializer().get().findAll(NameExpr.class).stream()
              .anyMatch(n -> out.contains(n.getNameAsString()))) {
            out.add(v.getNameAsString());
          }
        }
      }
    });
  }

  /** {@code parser.parseSignedClaims(t).getPayload()}: the chain the verify call heads. */
  private static Expression outermost(MethodCallExpr call) {
    Expression e = call;
    while (e.getParentNode().orElse(null) instanceof MethodCallExpr p && p.getScope().orElse(null) == e) {
      e = p;
    }
    return e;
  }

  private static boolean derives(Expression value, List<Node> calls, Set<String> names) {
    for (Node c : calls) {
      if (value == c || value.isAncestorOf(c)) {
        return true;
      }
    }
    if (value instanceof NameExpr n && names.contains(n.getNameAsString())) {
      return true;
    }
    return value.findAll(NameExpr.class).stream().anyMatch(n -> names.contains(n.getNameAsString()));
  }

  /** {@code return jwtService.verify(token)}: a project method handed the token as it is. */
  private static HelperRef handedToken(JavaUnit unit, MethodCallExpr call, Parameter token) {
    boolean handsToken = call.getArguments().size() == 1
        && Code.unwrap(call.getArgument(0)) instanceof NameExpr n && n.getNameAsString().equals(token.getNameAsString());
    if (!handsToken || TokenCalls.tokenCall(call, unit.types()).isPresent()) {
      return null; // a library's parse of the token (a decode in the catch, say) is no project method
    }
    return GateAnalysis.owner(unit, call).filter(o -> o.contains(".") && !o.startsWith("java."))
        .map(o -> new HelperRef(o, call.getNameAsString(), 1, unit.head(call))).orElse(null);
  }

  private static boolean isBean(JavaUnit unit, AnnotationExpr a) {
    String written = a.getNameAsString();
    return BEAN_ANNOTATIONS.stream().anyMatch(q -> unit.types().is(written, q));
  }

  private static String simple(String type) {
    String raw = type.replaceAll("<.*", "").strip();
    return raw.substring(raw.lastIndexOf('.') + 1);
  }
}
