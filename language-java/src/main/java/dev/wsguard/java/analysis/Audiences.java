package dev.wsguard.java.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import dev.wsguard.core.model.Audience;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who a send reaches, from the connection it is made on: a loop (or {@code forEach}) over every open connection,
 * the handler's own connection, one entry of a map of connections. Conditions between the loop and the send narrow
 * it: skipping the sender leaves every other connection, {@code isOpen()} narrows nothing, and any other test (a
 * room, a user) scopes it.
 */
public final class Audiences {
  /**
   * Where the audience was decided.
   *
   * @param evidence the loop or collection that makes it everyone; null otherwise
   */
  public record Decided(Audience audience, Node evidence) {}

  private static final Set<String> NO_NARROWING = Set.of("isOpen", "isActive", "isWritable", "isConnected");

  private Audiences() {}

  /**
   * @param connection the expression naming the connection the send is made on
   * @param everyone tells whether an expression is the collection of every connection of the endpoint
   * @param sender names holding the handler's own connection
   */
  public static Decided of(Expression connection, Predicate<Expression> everyone, Set<String> sender) {
    Expression c = Code.unwrap(connection);
    if (c instanceof NameExpr n) {
      if (sender.contains(n.getNameAsString()) && loopOver(n).isEmpty()) {
        return new Decided(Audience.THIS_CONNECTION, null);
      }
      Optional<Expression> source = loopOver(n);
      if (source.isPresent() && everyone.test(source.get())) {
        return new Decided(narrowed(n, sender), source.get());
      }
      Optional<Expression> init = Code.initializer(n);
      if (init.isPresent() && init.get() instanceof MethodCallExpr get && get.getNameAsString().equals("get")
          && get.getScope().isPresent() && everyone.test(get.getScope().get())) {
        return new Decided(Audience.ONE_USER, null);
      }
    }
    if (c instanceof MethodCallExpr get && get.getNameAsString().equals("get") && get.getScope().isPresent()
        && everyone.test(get.getScope().get())) {
      return new Decided(Audience.ONE_USER, null);
    }
    return new Decided(Audience.UNKNOWN, null);
  }

  /** The collection a loop variable or a forEach lambda parameter runs over. */
  private static Optional<Expression> loopOver(NameExpr n) {
    String id = n.getNameAsString();
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof ForEachStmt f && f.getVariable().getVariable(0).getNameAsString().equals(id)) {
        return Optional.of(f.getIterable());
      }
      if (p instanceof LambdaExpr l && l.getParameters().stream().anyMatch(x -> x.getNameAsString().equals(id))
          && l.getParentNode().orElse(null) instanceof MethodCallExpr each && each.getScope().isPresent()
          && Set.of("forEach", "filter", "map").contains(each.getNameAsString())) {
        return Optional.of(streamSource(each.getScope().get()));
      }
      if (p instanceof CallableDeclaration<?>) {
        break;
      }
    }
    return Optional.empty();
  }

  /** {@code sessions.stream().filter(...)} runs over {@code sessions}. */
  private static Expression streamSource(Expression e) {
    Expression x = Code.unwrap(e);
    while (x instanceof MethodCallExpr m && m.getScope().isPresent()
        && Set.of("stream", "filter", "parallelStream", "values", "peek").contains(m.getNameAsString())) {
      if (m.getNameAsString().equals("values")) {
        return x;
      }
      x = Code.unwrap(m.getScope().get());
    }
    return x;
  }

  private static Audience narrowed(NameExpr n, Set<String> sender) {
    Audience out = Audience.ALL_CONNECTIONS;
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      Expression condition = null;
      if (p instanceof IfStmt i && !n.isDescendantOf(i.getCondition())) {
        condition = i.getCondition();
      }
      if (p instanceof MethodCallExpr m && m.getNameAsString().equals("filter") && m.getArguments().size() == 1
          && m.getArgument(0) instanceof LambdaExpr l) {
        condition = l.getExpressionBody().orElse(null);
      }
      if (condition != null) {
        Audience a = byCondition(condition, sender);
        if (a == Audience.ROOM) {
          return Audience.ROOM;
        }
        if (a == Audience.ALL_BUT_SENDER) {
          out = Audience.ALL_BUT_SENDER;
        }
      }
      if (p instanceof ForEachStmt || p instanceof CallableDeclaration<?>) {
        if (p instanceof CallableDeclaration<?>) {
          break;
        }
      }
    }
    // a stream's filter sits on the forEach's scope, outside the lambda: look there too
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof LambdaExpr && p.getParentNode().orElse(null) instanceof MethodCallExpr each) {
        for (MethodCallExpr f : each.findAll(MethodCallExpr.class)) {
          if (f.getNameAsString().equals("filter") && f.getArguments().size() == 1
              && f.getArgument(0) instanceof LambdaExpr l && l.getExpressionBody().isPresent()) {
            Audience a = byCondition(l.getExpressionBody().get(), sender);
            if (a == Audience.ROOM) {
              return Audience.ROOM;
            }
            if (a == Audience.ALL_BUT_SENDER) {
              out = Audience.ALL_BUT_SENDER;
            }
          }
        }
        break;
      }
    }
    return out;
  }

  private static Audience byCondition(Expression condition, Set<String> sender) {
    boolean mentionsSender = condition.findAll(NameExpr.class).stream()
        .anyMatch(x -> sender.contains(x.getNameAsString()));
    boolean onlyOpen = condition.findAll(MethodCallExpr.class).stream()
        .allMatch(m -> NO_NARROWING.contains(m.getNameAsString()))
        && condition.findAll(BinaryExpr.class).stream().allMatch(b -> b.getOperator() == BinaryExpr.Operator.AND);
    if (onlyOpen && !mentionsSender) {
      return Audience.ALL_CONNECTIONS;
    }
    if (mentionsSender && !otherTest(condition, sender)) {
      return Audience.ALL_BUT_SENDER;
    }
    return Audience.ROOM;
  }

  /** The condition tests something besides openness and "not the sender". */
  private static boolean otherTest(Expression condition, Set<String> sender) {
    for (MethodCallExpr m : condition.findAll(MethodCallExpr.class)) {
      if (NO_NARROWING.contains(m.getNameAsString()) || m.getNameAsString().equals("getId")) {
        continue;
      }
      if (m.getNameAsString().equals("equals") && m.findAll(NameExpr.class).stream()
          .anyMatch(x -> sender.contains(x.getNameAsString()))) {
        continue;
      }
      return true;
    }
    return false;
  }
}
