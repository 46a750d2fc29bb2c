package dev.wsguard.java.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.java.unit.JavaUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an Origin check accepts: a test against listed origins (a set's {@code contains}, {@code equals} with a
 * constant) is an allow-list; {@code return true} accepts every origin; a substring or prefix test of the origin
 * ({@code origin.endsWith("example.com")}) is a check wsguard cannot read as an allow-list, since
 * {@code https://evil-example.com} passes it.
 */
public final class OriginChecks {
  private static final Set<String> EXACT = Set.of("contains", "equals", "equalsIgnoreCase", "containsKey", "anyMatch",
      "isAllowedOrigin", "isAllowed");
  private static final Set<String> LOOSE = Set.of("startsWith", "endsWith", "matches", "indexOf", "contains", "regionMatches");

  private OriginChecks() {}

  /**
   * The policy of a {@code checkOrigin(String)} override; empty when it defers to the default
   * ({@code return super.checkOrigin(o)}).
   */
  public static Optional<OriginPolicy> ofCheckOrigin(JavaUnit unit, MethodDeclaration m) {
    String param = m.getParameters().isEmpty() ? "" : m.getParameter(0).getNameAsString();
    List<ReturnStmt> returns = m.findAll(ReturnStmt.class);
    if (returns.isEmpty()) {
      return Optional.of(new OriginPolicy(OriginPolicy.Kind.UNKNOWN, unit.head(m.getName()),
          "checkOrigin returns nothing wsguard can read"));
    }
    boolean allTrue = returns.stream().allMatch(r -> r.getExpression().map(Code::unwrap)
        .filter(e -> e instanceof BooleanLiteralExpr b && b.getValue()).isPresent());
    if (allTrue) {
      return Optional.of(new OriginPolicy(OriginPolicy.Kind.ANY, null,
          "checkOrigin is overridden to return true for every Origin"));
    }
    boolean defers = returns.stream().allMatch(r -> r.getExpression()
        .filter(e -> e instanceof MethodCallExpr c && c.getScope().filter(s -> s instanceof SuperExpr).isPresent())
        .isPresent());
    if (defers) {
      return Optional.empty();
    }
    return Optional.of(classify(unit, m, m.getBody().map(b -> (Node) b).orElse(m), param, "checkOrigin"));
  }

  /**
   * An Origin check inside a gate method (a handshake hook that reads the Origin header and refuses), or empty
   * when the method does not read the Origin header or never refuses on it.
   */
  public static Optional<OriginPolicy> inGate(JavaUnit unit, CallableDeclaration<?> method, RejectVocabulary v) {
    for (MethodCallExpr read : method.findAll(MethodCallExpr.class)) {
      // Spring's HttpHeaders.getOrigin() reads the header without naming it
      boolean originGetter = read.getNameAsString().equals("getOrigin") && read.getArguments().isEmpty();
      if (!originGetter && (read.getArguments().isEmpty()
          || !read.getArgument(0).toString().toLowerCase(Locale.ROOT).replace("\"", "").endsWith("origin"))) {
        continue;
      }
      String name = Code.storedIn(read).orElse("");
      for (IfStmt i : method.findAll(IfStmt.class)) {
        boolean tests = read.isDescendantOf(i.getCondition()) || !name.isEmpty() && i.getCondition()
            .findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(name));
        if (tests && (GateAnalysis.rejects(i.getThenStmt(), v)
            || i.getElseStmt().map(e -> GateAnalysis.rejects(e, v)).orElse(false))) {
          return Optional.of(classify(unit, method, i.getCondition(), name, "the handshake hook"));
        }
      }
      return Optional.of(new OriginPolicy(OriginPolicy.Kind.ANY, null,
          "the handshake reads the Origin header but never refuses a connection because of it"));
    }
    return Optional.empty();
  }

  private static OriginPolicy classify(JavaUnit unit, Node method, Node test, String param, String where) {
    boolean loose = false;
    boolean exact = false;
    for (MethodCallExpr c : test.findAll(MethodCallExpr.class)) {
      String n = c.getNameAsString();
      boolean onOrigin = c.getScope().map(Code::unwrap)
          .filter(s -> s instanceof NameExpr x && x.getNameAsString().equals(param)).isPresent();
      if (onOrigin && LOOSE.contains(n)) {
        loose = true;
      } else if (EXACT.contains(n)) {
        exact = true;
      }
    }
    Node at = test;
    if (loose) {
      return new OriginPolicy(OriginPolicy.Kind.UNKNOWN, unit.head(at),
          where + " tests the Origin by substring or prefix, which lets look-alike origins through");
    }
    if (exact) {
      return new OriginPolicy(OriginPolicy.Kind.ALLOW_LIST, unit.head(at),
          where + " accepts only listed origins");
    }
    return new OriginPolicy(OriginPolicy.Kind.UNKNOWN, unit.head(at), where + " decides on the Origin in a way"
        + " wsguard cannot read");
  }

  static boolean isOriginRead(Expression e) {
    return e.toString().toLowerCase(Locale.ROOT).contains("origin");
  }
}
