package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.unit.JavaUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who a send on a connection object reaches: the connection itself, or every connection when the receiver is the
 * variable of a loop (for-each, {@code forEach}, a stream) over a collection of connections; every other connection
 * when the loop skips the sender; a room or one user when the collection is looked up by key or the loop filters on
 * something else. Framework-neutral: Spring sessions, Quarkus connections and Micronaut sessions loop alike.
 */
public final class Audiences {
  /** The audience and the loop that decides it (null when the send is not in a loop). */
  public record Reach(Audience audience, SourceLocation loop) {}

  private static final Set<String> LOOKUPS = Set.of("get", "getOrDefault", "computeIfAbsent", "subList");
  private static final Set<String> LIVENESS = Set.of("isOpen", "isClosed", "isConnected", "isActive", "isEmpty");

  private Audiences() {}

  public static Reach of(MethodCallExpr send, JavaUnit unit) {
    Optional<Expression> scope = send.getScope();
    if (scope.isEmpty() || !(scope.get() instanceof NameExpr receiver)) {
      return new Reach(Audience.THIS_CONNECTION, null);
    }
    String name = receiver.getNameAsString();
    for (Node n = send.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof ForEachStmt loop && loop.getVariable().getVariables().stream()
          .anyMatch(v -> v.getNameAsString().equals(name))) {
        return new Reach(narrow(loop.getIterable(), filters(send, loop, name), senders(loop)), unit.head(loop));
      }
      if (n instanceof LambdaExpr lambda && lambda.getParameters().stream()
          .anyMatch(p -> p.getNameAsString().equals(name))
          && lambda.getParentNode().orElse(null) instanceof MethodCallExpr forEach
          && forEach.getNameAsString().equals("forEach") && forEach.getScope().isPresent()) {
        Expression source = forEach.getScope().get();
        List<Expression> conditions = new java.util.ArrayList<>(filters(send, lambda, name));
        while (source instanceof MethodCallExpr stage && stage.getScope().isPresent()
            && !stage.getNameAsString().equals("values") && !LOOKUPS.contains(stage.getNameAsString())) {
          if (stage.getNameAsString().equals("filter") && !stage.getArguments().isEmpty()
              && stage.getArgument(0) instanceof LambdaExpr f) {
            f.getBody().findAll(Expression.class).stream().findFirst().ifPresent(conditions::add);
          }
          source = stage.getScope().get();
        }
        return new Reach(narrow(source, conditions, senders(forEach)), unit.head(forEach));
      }
    }
    return new Reach(Audience.THIS_CONNECTION, null);
  }

  /** The conditions of the ifs between the send and its loop. */
  private static List<Expression> filters(Node send, Node loop, String name) {
    List<Expression> out = new java.util.ArrayList<>();
    for (Node n = send.getParentNode().orElse(null); n != null && n != loop; n = n.getParentNode().orElse(null)) {
      if (n instanceof IfStmt ifStmt) {
        out.add(ifStmt.getCondition());
      }
    }
    return out;
  }

  /** The parameters of the method the loop is in: the sender's connection is one of them. */
  private static Set<String> senders(Node loop) {
    Set<String> out = new java.util.HashSet<>();
    loop.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class).ifPresent(c -> {
      for (Object p : c.getParameters()) {
        out.add(((com.github.javaparser.ast.body.Parameter) p).getNameAsString());
      }
    });
    return out;
  }

  private static Audience narrow(Expression iterable, List<Expression> conditions, Set<String> senders) {
    if (iterable instanceof MethodCallExpr call && LOOKUPS.contains(call.getNameAsString())) {
      return Audience.ROOM; // sessionsByRoom.get(roomId): the connections of one room or user
    }
    Audience audience = Audience.ALL_CONNECTIONS;
    for (Expression c : conditions) {
      if (livenessOnly(c)) {
        continue;
      }
      if (skipsSender(c, senders)) {
        audience = Audience.ALL_BUT_SENDER;
      } else {
        return Audience.ROOM; // filtered on an attribute (room, topic, user): a subset
      }
    }
    return audience;
  }

  private static boolean livenessOnly(Expression c) {
    List<MethodCallExpr> calls = c.findAll(MethodCallExpr.class);
    return !calls.isEmpty() && calls.stream().allMatch(m -> LIVENESS.contains(m.getNameAsString()))
        && c.findAll(BinaryExpr.class).stream().noneMatch(b -> b.getOperator() == BinaryExpr.Operator.EQUALS
            || b.getOperator() == BinaryExpr.Operator.NOT_EQUALS);
  }

  /** {@code s != session}, {@code !s.equals(session)}, {@code !s.getId().equals(session.getId())}, with isOpen. */
  private static boolean skipsSender(Expression c, Set<String> senders) {
    boolean negatedEquals = c.findAll(UnaryExpr.class).stream()
        .anyMatch(u -> u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT
            && u.getExpression() instanceof MethodCallExpr m && m.getNameAsString().equals("equals"));
    boolean notSame = c.findAll(BinaryExpr.class).stream()
        .anyMatch(b -> b.getOperator() == BinaryExpr.Operator.NOT_EQUALS);
    return (negatedEquals || notSame) && c.findAll(NameExpr.class).stream()
        .anyMatch(n -> senders.contains(n.getNameAsString()));
  }
}
