package dev.wsguard.java.analysis;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.link.LinkIndex;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * String constants ({@code static final String} fields) of every file, so that a path written as a constant of
 * another class ({@code @ServerEndpoint(WsPaths.CHAT)}) resolves at link time. A path that is such a reference is
 * carried as {@code "const:" + class + "#" + field} until then.
 */
public final class Constants {
  /** One string constant: "com.acme.WsPaths#CHAT" = "/chat". */
  public record StringConstant(String key, String value) implements JavaFact {}

  private static final String REF = "const:";

  private Constants() {}

  public static void collect(JavaUnit unit, Consumer<? super StringConstant> out) {
    for (TypeDeclaration<?> t : unit.tree().findAll(TypeDeclaration.class)) {
      String owner = t.getFullyQualifiedName().orElse(t.getNameAsString());
      for (FieldDeclaration f : t.getFields()) {
        if (!f.isStatic() || !f.isFinal()) {
          continue;
        }
        for (VariableDeclarator v : f.getVariables()) {
          if (v.getInitializer().isPresent() && v.getInitializer().get() instanceof StringLiteralExpr s) {
            out.accept(new StringConstant(owner + "#" + v.getNameAsString(), s.getValue()));
          }
        }
      }
    }
  }

  /** A path as written: a literal, a constant of this class, or a reference to another class's constant. */
  public static Optional<String> path(JavaUnit unit, Expression e) {
    Expression x = Code.unwrap(e);
    if (x instanceof StringLiteralExpr s) {
      return Optional.of(s.getValue());
    }
    if (x instanceof NameExpr n) {
      return Code.declaration(n).flatMap(Code.VariableSite::initializer)
          .filter(i -> i instanceof StringLiteralExpr).map(i -> ((StringLiteralExpr) i).getValue());
    }
    if (x instanceof FieldAccessExpr f && f.getScope() instanceof NameExpr owner) {
      return Optional.of(REF + GateAnalysis.qualify(unit, owner.getNameAsString()) + "#" + f.getNameAsString());
    }
    return Optional.empty();
  }

  /** The paths with constant references replaced by their values; unresolved ones are dropped and reported. */
  public static List<String> resolve(List<String> paths, LinkIndex index, List<String> unknowns) {
    Map<String, String> values = new HashMap<>();
    index.all(StringConstant.class).forEach(c -> values.putIfAbsent(c.fact().key(), c.fact().value()));
    List<String> out = new ArrayList<>();
    for (String p : paths) {
      if (!p.startsWith(REF)) {
        out.add(p);
      } else if (values.containsKey(p.substring(REF.length()))) {
        out.add(values.get(p.substring(REF.length())));
      } else {
        unknowns.add("the path constant " + p.substring(REF.length()).replace('#', '.') + " could not be read");
      }
    }
    return out;
  }
}
