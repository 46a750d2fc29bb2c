package dev.wsguard.java.frameworks.spring;

import dev.wsguard.java.unit.Budget;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a gate: which paths of a method turn a connection away, and what the conditions on those paths depend on.
 * A check counts only where its failure leads to a rejection: the condition of an {@code if} that rejects, a
 * returned boolean, or a call inside a {@code try} whose {@code catch} rejects.
 */
public final class GateReader {
  /** How a gate turns a connection away. */
  public enum Reject {
    /** {@code return false} (HandshakeInterceptor.beforeHandshake) or a throw. */
    RETURN_FALSE,
    /** {@code return null} or a throw (ChannelInterceptor.preSend). */
    RETURN_NULL,
    /** {@code session.close(...)} or a throw (a connection handler). */
    CLOSE,
    /** a {@code rejectUpgrade} result or a throw (Quarkus HttpUpgradeCheck). */
    REJECT_UPGRADE
  }

  private static final int MAX_HOPS = 4;

  private GateReader() {}

  public static Gate read(String description, SourceLocation location, Node body, Reject reject, JavaUnit unit) {
    Predicate<Node> rejects = rejection(reject);
    List<Node> rejections = new ArrayList<>();
    body.walk(n -> {
      if (rejects.test(n)) {
        rejections.add(n);
      }
    });
    List<Expression> gating = new ArrayList<>();
    for (Node r : rejections) {
      gating.addAll(conditionsOf(r, body));
      if (r instanceof ReturnStmt ret && ret.getExpression().isPresent()
          && !(ret.getExpression().get() instanceof BooleanLiteralExpr)
          && !(ret.getExpression().get() instanceof NullLiteralExpr)) {
        gating.add(ret.getExpression().get()); // return tokenService.isValid(token) / return ok ? message : null
      }
    }
    Set<Check> checks = new LinkedHashSet<>();
    Set<Node> seen = new java.util.HashSet<>();
    for (Expression g : gating) {
      collect(g, body, unit, checks, seen, 0);
    }
    // a verification that throws on failure rejects by itself (the handshake fails, the CONNECT frame gets an
    // ERROR): a library verify call, or a helper whose result the gate goes on to use
    for (MethodCallExpr call : body.findAll(MethodCallExpr.class)) {
      Optional<Check> check = CheckReader.of(call, unit);
      if (check.isEmpty() || call.findAncestor(TryStmt.class).filter(t -> body.isAncestorOf(t)).isPresent()) {
        continue;
      }
      Check.Kind kind = check.get().kind();
      boolean used = resultKept(call);
      if (kind == Check.Kind.VERIFY || kind == Check.Kind.DECODE
          || kind == Check.Kind.CALL && used && !check.get().maybeLibrary()) {
        checks.add(check.get());
        rejections.add(call);
      }
    }
    Set<Check> marked = new LinkedHashSet<>();
    Set<SourceLocation> nullRejected = nullRejectedCalls(body, rejects, unit);
    for (Check c : checks) {
      marked.add(c.kind() == Check.Kind.CALL && nullRejected.contains(c.at())
          ? new Check(c.kind(), c.owner(), c.method(), c.at(), c.maybeLibrary(), true) : c);
    }
    checks = marked;
    SourceLocation swallowed = swallowedCatch(body, rejects, unit, checks);
    return new Gate(description, location, !rejections.isEmpty(), List.copyOf(checks),
        CredentialReader.read(body), swallowed);
  }

  /**
   * The calls (by their name's location, as checks state it) whose null result leads straight to a rejection: the
   * call, or a local it initialises, compared {@code == null} in an if (alone, or as one side of an {@code ||})
   * whose own branch rejects.
   */
  private static Set<SourceLocation> nullRejectedCalls(Node body, Predicate<Node> rejects, JavaUnit unit) {
    Set<SourceLocation> out = new java.util.HashSet<>();
    for (IfStmt ifStmt : body.findAll(IfStmt.class)) {
      if (ifStmt.getThenStmt().findFirst(Node.class, rejects::test).isEmpty() && !rejects.test(ifStmt.getThenStmt())) {
        continue;
      }
      for (Expression tested : nullTested(ifStmt.getCondition())) {
        if (tested instanceof MethodCallExpr call) {
          out.add(unit.head(call.getName()));
        } else if (tested instanceof NameExpr name) {
          for (VariableDeclarator v : body.findAll(VariableDeclarator.class,
              v -> v.getNameAsString().equals(name.getNameAsString()))) {
            v.getInitializer().filter(MethodCallExpr.class::isInstance)
                .ifPresent(i -> out.add(unit.head(((MethodCallExpr) i).getName())));
          }
        }
      }
    }
    return out;
  }

  /** What a condition tests for {@code == null} when any one of those tests alone makes it true. */
  private static List<Expression> nullTested(Expression condition) {
    Expression c = condition;
    while (c.isEnclosedExpr()) {
      c = c.asEnclosedExpr().getInner();
    }
    if (c instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.OR) {
      List<Expression> out = new ArrayList<>(nullTested(b.getLeft()));
      out.addAll(nullTested(b.getRight()));
      return out;
    }
    if (c instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.EQUALS) {
      if (b.getRight() instanceof NullLiteralExpr) {
        return List.of(b.getLeft());
      }
      if (b.getLeft() instanceof NullLiteralExpr) {
        return List.of(b.getRight());
      }
    }
    return List.of();
  }

  /**
   * A helper call whose result the gate keeps (assigns, or passes on) rather than tests: {@code Claims c =
   * jwt.parse(token)}. Such helpers throw when verification fails. A call tested in a condition decides nothing by
   * itself: only the branch it leads to does.
   */
  private static boolean resultKept(MethodCallExpr call) {
    Node parent = call.getParentNode().orElse(null);
    if (parent instanceof VariableDeclarator || parent instanceof AssignExpr a && a.getValue() == call) {
      return true;
    }
    // passed on as an argument (not called on): accessor.setUser(helper.authenticate(token))
    return parent instanceof MethodCallExpr m && m.getArguments().contains(call)
        && m.findAncestor(IfStmt.class).map(i -> !i.getCondition().isAncestorOf(m)).orElse(true);
  }

  private static Predicate<Node> rejection(Reject reject) {
    return n -> {
      if (n instanceof ThrowStmt) {
        return true;
      }
      return switch (reject) {
        case RETURN_FALSE -> n instanceof ReturnStmt r && r.getExpression().isPresent()
            && (isFalse(r.getExpression().get()) || mayBeFalse(r.getExpression().get()));
        case RETURN_NULL -> n instanceof ReturnStmt r && r.getExpression().isPresent()
            && (r.getExpression().get() instanceof NullLiteralExpr
                || r.getExpression().get() instanceof ConditionalExpr c && c.findFirst(NullLiteralExpr.class)
                    .isPresent());
        case CLOSE -> n instanceof MethodCallExpr c && c.getNameAsString().equals("close")
            && c.getScope().isPresent();
        case REJECT_UPGRADE -> n instanceof MethodCallExpr c && c.getNameAsString().startsWith("rejectUpgrade");
      };
    };
  }

  private static boolean isFalse(Expression e) {
    return e instanceof BooleanLiteralExpr b && !b.getValue();
  }

  /** A returned call or condition can be false: {@code return jwt.isValid(token)}. */
  private static boolean mayBeFalse(Expression e) {
    if (e instanceof MethodCallExpr m && m.getScope().isPresent() && m.getScope().get().isSuperExpr()) {
      return false; // super.beforeHandshake(...): the framework class's own answer, true for the session copier
    }
    return !(e instanceof BooleanLiteralExpr) && (e instanceof MethodCallExpr || e instanceof BinaryExpr
        || e instanceof NameExpr || e.isUnaryExpr() || e instanceof ConditionalExpr);
  }

  /** The conditions of the ifs a rejection sits in, and the try blocks whose catch it sits in, up to the body. */
  private static List<Expression> conditionsOf(Node rejection, Node body) {
    List<Expression> out = new ArrayList<>();
    Node child = rejection;
    for (Node n = rejection.getParentNode().orElse(null); n != null && child != body;
        n = n.getParentNode().orElse(null)) {
      if (n instanceof IfStmt ifStmt && child != ifStmt.getCondition()) {
        out.add(ifStmt.getCondition());
      } else if (n instanceof CatchClause c && n.getParentNode().orElse(null) instanceof TryStmt t) {
        out.addAll(t.getTryBlock().findAll(Expression.class, e -> e instanceof MethodCallExpr
            || e instanceof AssignExpr));
      }
      child = n;
      if (n == body) {
        break;
      }
    }
    // a rejection after an if that returned early on success: if (ok) { return true; } return false;
    Optional<Node> parent = rejection.getParentNode();
    if (parent.isPresent() && parent.get() instanceof BlockStmt block && rejection instanceof Statement s) {
      int index = block.getStatements().indexOf(s);
      for (int i = 0; i < index; i++) {
        if (block.getStatement(i) instanceof IfStmt earlier) {
          out.add(earlier.getCondition());
        }
      }
    }
    return out;
  }

  /** The checks an expression depends on: its own calls, and the initialisers of the locals it names. */
  private static void collect(Expression e, Node body, JavaUnit unit, Set<Check> out, Set<Node> seen, int hops) {
    Budget.check();
    if (hops > MAX_HOPS || !seen.add(e)) {
      return;
    }
    for (MethodCallExpr call : e.findAll(MethodCallExpr.class)) {
      CheckReader.of(call, unit).ifPresent(out::add);
    }
    for (BinaryExpr b : e.findAll(BinaryExpr.class)) {
      if ((b.getOperator() == BinaryExpr.Operator.EQUALS || b.getOperator() == BinaryExpr.Operator.NOT_EQUALS)
          && (b.getLeft() instanceof NullLiteralExpr || b.getRight() instanceof NullLiteralExpr)) {
        out.add(new Check(Check.Kind.PRESENCE, null, "null test", unit.head(b)));
      }
    }
    for (NameExpr name : e.findAll(NameExpr.class)) {
      String n = name.getNameAsString();
      for (VariableDeclarator v : body.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(n))) {
        v.getInitializer().ifPresent(init -> collect(init, body, unit, out, seen, hops + 1));
      }
      for (AssignExpr a : body.findAll(AssignExpr.class, a -> a.getTarget().toString().equals(n))) {
        collect(a.getValue(), body, unit, out, seen, hops + 1);
      }
    }
  }

  /**
   * A catch around a check that neither rejects nor leads to a rejection after the try: the failure is logged and
   * the connection goes on as if the check had passed.
   */
  private static SourceLocation swallowedCatch(Node body, Predicate<Node> rejects, JavaUnit unit,
      Set<Check> checks) {
    for (TryStmt t : body.findAll(TryStmt.class)) {
      boolean checksInside = t.getTryBlock().findAll(MethodCallExpr.class).stream()
          .map(c -> CheckReader.of(c, unit))
          .anyMatch(c -> c.isPresent() && c.get().kind() != Check.Kind.PRESENCE);
      if (!checksInside) {
        continue;
      }
      for (CatchClause c : t.getCatchClauses()) {
        boolean rejectsInCatch = c.getBody().findFirst(Node.class, rejects::test).isPresent();
        if (!rejectsInCatch && !rejectsAfter(t, body, rejects)) {
          // the check whose failure this catch swallows is the gate's check, weak as it is
          t.getTryBlock().findAll(MethodCallExpr.class).forEach(call -> CheckReader.of(call, unit)
              .filter(x -> x.kind() != Check.Kind.PRESENCE).ifPresent(checks::add));
          return unit.head(c);
        }
      }
    }
    return null;
  }

  private static boolean rejectsAfter(Statement s, Node body, Predicate<Node> rejects) {
    Node child = s;
    for (Node n = s.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof BlockStmt block && child instanceof Statement st) {
        int index = block.getStatements().indexOf(st);
        for (int i = index + 1; i < block.getStatements().size(); i++) {
          if (block.getStatement(i).findFirst(Node.class, rejects::test).isPresent() || rejects.test(
              block.getStatement(i))) {
            return true;
          }
        }
      }
      if (n == body) {
        break;
      }
      child = n;
    }
    return false;
  }
}
