package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Emits a {@link MethodSummary} for every method of every class in a file, and a {@link ProjectType} for every
 * class, so that gates in other files can be judged by what the helpers they call do.
 */
public final class MethodSummaryReader {
  private MethodSummaryReader() {}

  public static void read(JavaUnit unit, Consumer<JavaFact> out) {
    for (ClassOrInterfaceDeclaration c : unit.tree().findAll(ClassOrInterfaceDeclaration.class)) {
      String owner = c.getFullyQualifiedName().orElse(null);
      if (owner == null) {
        continue;
      }
      List<String> supertypes = new ArrayList<>();
      for (ClassOrInterfaceType t : c.getExtendedTypes()) {
        supertypes.add(JavaCode.qualify(t.getNameWithScope(), unit));
      }
      for (ClassOrInterfaceType t : c.getImplementedTypes()) {
        supertypes.add(JavaCode.qualify(t.getNameWithScope(), unit));
      }
      if (!supertypes.isEmpty()) {
        out.accept(new ProjectType(owner, supertypes));
      }
      List<MethodSummary> summaries = new ArrayList<>();
      for (MethodDeclaration m : c.getMethods()) {
        if (m.getBody().isPresent()) {
          summaries.add(summarize(owner, m, unit));
        }
      }
      relevant(summaries, owner).forEach(out);
    }
  }

  /**
   * The summaries a gate can learn from: methods that call a credential API or another type's method, and the
   * methods of this class that call those. The rest of the project's methods would only cost memory.
   */
  private static List<MethodSummary> relevant(List<MethodSummary> summaries, String owner) {
    Set<String> keep = new java.util.HashSet<>();
    for (MethodSummary s : summaries) {
      if (s.rejectsEverything()
          || s.checks().stream().anyMatch(c -> c.kind() != Check.Kind.CALL || !owner.equals(c.owner()))) {
        keep.add(s.method());
      }
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (MethodSummary s : summaries) {
        if (!keep.contains(s.method()) && s.checks().stream().anyMatch(c -> keep.contains(c.method())
            && owner.equals(c.owner()))) {
          grew = keep.add(s.method());
        }
      }
    }
    return summaries.stream().filter(s -> keep.contains(s.method())).toList();
  }


  static MethodSummary summarize(String owner, MethodDeclaration m, JavaUnit unit) {
    BlockStmt body = m.getBody().orElseThrow();
    Set<Check> checks = new LinkedHashSet<>();
    for (MethodCallExpr call : body.findAll(MethodCallExpr.class)) {
      CheckReader.of(call, unit).filter(c -> c.kind() != Check.Kind.PRESENCE).ifPresent(checks::add);
    }
    return new MethodSummary(owner, m.getNameAsString(), List.copyOf(checks), swallows(m, unit),
        checks.isEmpty() && rejectsEverything(body));
  }

  /**
   * The body only answers "no user": each of its statements returns {@code null} or throws, as a stub left to be
   * wired does ({@code return null;}). Anything more might compute an answer, so it does not count; nor does a
   * {@code false}, whose meaning (invalid, or not revoked) depends on the method.
   */
  private static boolean rejectsEverything(BlockStmt body) {
    boolean returns = false;
    for (Statement st : body.getStatements()) {
      if (st instanceof ReturnStmt r && r.getExpression().filter(e -> e instanceof NullLiteralExpr).isPresent()) {
        returns = true;
      } else if (!(st instanceof ThrowStmt)) {
        return false;
      }
    }
    return returns;
  }

  /**
   * A catch around a verification that reports success: {@code catch (JwtException e) { return true; }}, or, in a
   * boolean method that ends in {@code return true}, a catch that only logs and falls through to it.
   */
  private static boolean swallows(MethodDeclaration m, JavaUnit unit) {
    BlockStmt body = m.getBody().orElseThrow();
    List<Statement> statements = body.getStatements();
    boolean endsTrue = !statements.isEmpty() && statements.get(statements.size() - 1) instanceof ReturnStmt r
        && r.getExpression().filter(e -> e instanceof BooleanLiteralExpr b && b.getValue()).isPresent();
    for (TryStmt t : body.findAll(TryStmt.class)) {
      boolean verifies = t.getTryBlock().findAll(MethodCallExpr.class).stream()
          .map(c -> CheckReader.of(c, unit))
          .anyMatch(c -> c.isPresent() && c.get().kind() == Check.Kind.VERIFY);
      if (!verifies) {
        continue;
      }
      for (CatchClause c : t.getCatchClauses()) {
        boolean returnsTrue = c.getBody().findAll(ReturnStmt.class).stream().anyMatch(r -> r.getExpression()
            .filter(e -> e instanceof BooleanLiteralExpr b && b.getValue()).isPresent());
        boolean exits = c.getBody().findFirst(ReturnStmt.class).isPresent()
            || c.getBody().findFirst(ThrowStmt.class).isPresent();
        if (returnsTrue || (!exits && endsTrue && m.getType().asString().equals("boolean"))) {
          return true;
        }
      }
    }
    return false;
  }
}
