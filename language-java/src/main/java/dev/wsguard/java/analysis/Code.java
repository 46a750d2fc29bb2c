package dev.wsguard.java.analysis;

import dev.wsguard.java.unit.Budget;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import dev.wsguard.java.unit.TypeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Syntax helpers shared by the analyses: what a name is declared as, where a call chain starts, which statements
 * enclose a node. Everything is read from one file's tree and its imports; nothing is compiled.
 */
public final class Code {
  private static final int MAX_DEPTH = 6;
  private static final java.util.regex.Pattern QUALIFIED_TYPE =
      java.util.regex.Pattern.compile("[a-z_][\\w]*(\\.[a-z_][\\w]*)+\\.[A-Z][\\w]*");

  private Code() {}

  /** The method, constructor or lambda body a node sits in; null at field or class level. */
  public static Node body(Node node) {
    for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration<?> || n instanceof LambdaExpr) {
        return n;
      }
      if (n instanceof TypeDeclaration<?>) {
        return null;
      }
    }
    return null;
  }

  /** The method a node sits in, climbing out of lambdas; empty at field or class level. */
  public static Optional<MethodDeclaration> method(Node node) {
    return node.findAncestor(MethodDeclaration.class);
  }

  /** "com.acme.JwtUtil#validate" for the method a node sits in; null outside methods. */
  public static String methodKey(Node node, TypeNames types) {
    return method(node).map(m -> methodKey(m, types)).orElse(null);
  }

  public static String methodKey(MethodDeclaration m, TypeNames types) {
    String owner = m.findAncestor(TypeDeclaration.class)
        .flatMap(t -> ((TypeDeclaration<?>) t).getFullyQualifiedName())
        .orElse(types.packageName());
    return owner + "#" + m.getNameAsString();
  }

  /** Strips parentheses and casts. */
  public static Expression unwrap(Expression e) {
    Expression x = e;
    while (true) {
      if (x instanceof EnclosedExpr en) {
        x = en.getInner();
      } else if (x instanceof CastExpr c) {
        x = c.getExpression();
      } else {
        return x;
      }
    }
  }

  /** The expression a chain of calls and field reads starts from ({@code Jwts} in {@code Jwts.parser().build()}). */
  public static Expression chainRoot(Expression e) {
    Expression x = unwrap(e);
    while (true) {
      if (x instanceof MethodCallExpr m && m.getScope().isPresent()) {
        x = unwrap(m.getScope().get());
      } else if (x instanceof FieldAccessExpr f && QUALIFIED_TYPE.matcher(f.toString()).matches()) {
        return x; // a fully qualified class name written in place: io.jsonwebtoken.Jwts
      } else if (x instanceof FieldAccessExpr f && !(f.getScope() instanceof NameExpr n && isTypeLike(n))
          && !(f.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr)) {
        x = unwrap(f.getScope());
      } else {
        return x;
      }
    }
  }

  /** The method names along a chain, from the root outwards, including those of the variables it starts from. */
  public static List<String> chainMethods(Expression e) {
    List<String> out = new ArrayList<>();
    collectChain(e, out, 0);
    return out;
  }

  private static void collectChain(Expression e, List<String> out, int depth) {
    Expression x = unwrap(e);
    List<String> here = new ArrayList<>();
    while (x instanceof MethodCallExpr m) {
      here.add(0, m.getNameAsString());
      if (m.getScope().isEmpty()) {
        break;
      }
      x = unwrap(m.getScope().get());
    }
    if (x instanceof NameExpr n && depth < MAX_DEPTH) {
      initializer(n).ifPresent(init -> collectChain(init, out, depth + 1));
    }
    out.addAll(here);
  }

  /**
   * The fully qualified type a chain starts from: the declared type of the variable, parameter or field it starts
   * from, or the class it names; {@code var} follows the initializer. Empty when neither says.
   */
  public static Optional<String> rootType(Expression e, TypeNames types) {
    return rootType(e, types, 0);
  }

  private static Optional<String> rootType(Expression e, TypeNames types, int depth) {
    Expression root = chainRoot(e);
    if (root instanceof NameExpr n) {
      Optional<VariableSite> site = declaration(n);
      if (site.isPresent()) {
        String written = site.get().type();
        if (!written.equals("var")) {
          return Optional.of(types.resolve(written));
        }
        return site.get().initializer().filter(i -> depth < MAX_DEPTH).flatMap(i -> rootType(i, types, depth + 1));
      }
      return Optional.of(types.resolve(n.getNameAsString()));
    }
    if (root instanceof FieldAccessExpr f && f.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr) {
      return field(f).map(v -> types.resolve(v.getTypeAsString()));
    }
    if (root instanceof FieldAccessExpr f) {
      return Optional.of(types.resolve(f.toString()));
    }
    if (root instanceof ObjectCreationExpr o) {
      return Optional.of(types.resolve(o.getType().getNameWithScope()));
    }
    return Optional.empty();
  }

  /** The written type name of an expression when it is a name, a new object or a typed chain root. */
  public static Optional<String> declaredType(Expression e, TypeNames types) {
    Expression x = unwrap(e);
    if (x instanceof NameExpr n) {
      return declaration(n).map(VariableSite::type).filter(t -> !t.equals("var")).map(types::resolve);
    }
    if (x instanceof ObjectCreationExpr o) {
      return Optional.of(types.resolve(o.getType().getNameWithScope()));
    }
    return Optional.empty();
  }

  /** The field a {@code this.x} expression reads, in the enclosing class. */
  public static Optional<VariableDeclarator> field(FieldAccessExpr f) {
    return f.findAncestor(TypeDeclaration.class).flatMap(t -> ((TypeDeclaration<?>) t).getFieldByName(
        f.getNameAsString()).flatMap(d -> d.getVariables().stream()
            .filter(v -> v.getNameAsString().equals(f.getNameAsString())).findFirst()));
  }

  /** Where a simple name is declared: a local, a parameter (of a method or lambda) or a field of the class. */
  public record VariableSite(Node node, String name, String type, Optional<Expression> initializer) {
    public boolean isParameter() {
      return node instanceof Parameter;
    }

    public boolean isField() {
      return node.getParentNode().orElse(null) instanceof FieldDeclaration;
    }
  }

  public static Optional<VariableSite> declaration(NameExpr name) {
    Budget.check();
    String id = name.getNameAsString();
    for (Node n = name.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof BlockStmt block) {
        for (Statement s : block.getStatements()) {
          if (s.getRange().isPresent() && name.getRange().isPresent()
              && s.getRange().get().begin.isAfter(name.getRange().get().begin)) {
            break;
          }
          for (VariableDeclarator v : s.findAll(VariableDeclarator.class)) {
            if (v.getNameAsString().equals(id) && Code.body(v) == Code.body(name)) {
              return Optional.of(new VariableSite(v, id, v.getTypeAsString(), v.getInitializer()));
            }
          }
        }
      }
      if (n instanceof CallableDeclaration<?> c) {
        for (Parameter p : c.getParameters()) {
          if (p.getNameAsString().equals(id)) {
            return Optional.of(new VariableSite(p, id, p.getTypeAsString(), Optional.empty()));
          }
        }
      }
      if (n instanceof LambdaExpr l) {
        for (Parameter p : l.getParameters()) {
          if (p.getNameAsString().equals(id)) {
            return Optional.of(new VariableSite(p, id, p.getTypeAsString(), Optional.empty()));
          }
        }
      }
      if (n instanceof com.github.javaparser.ast.stmt.ForEachStmt f) {
        VariableDeclarator v = f.getVariable().getVariable(0);
        if (v.getNameAsString().equals(id)) {
          return Optional.of(new VariableSite(v, id, v.getTypeAsString(), Optional.of(f.getIterable())));
        }
      }
      if (n instanceof com.github.javaparser.ast.stmt.CatchClause c
          && c.getParameter().getNameAsString().equals(id)) {
        return Optional.of(new VariableSite(c.getParameter(), id, c.getParameter().getTypeAsString(),
            Optional.empty()));
      }
      if (n instanceof TypeDeclaration<?> t) {
        for (FieldDeclaration f : t.getFields()) {
          for (VariableDeclarator v : f.getVariables()) {
            if (v.getNameAsString().equals(id)) {
              return Optional.of(new VariableSite(v, id, v.getTypeAsString(), v.getInitializer()));
            }
          }
        }
        // a nested class sees its outer classes' fields: keep climbing
      }
    }
    return Optional.empty();
  }

  /** The initializer of the local or field a name refers to, or its single assignment in the same body. */
  public static Optional<Expression> initializer(NameExpr name) {
    Optional<VariableSite> site = declaration(name);
    if (site.isEmpty()) {
      return Optional.empty();
    }
    if (site.get().initializer().isPresent()
        && !(unwrap(site.get().initializer().get()) instanceof com.github.javaparser.ast.expr.NullLiteralExpr)) {
      return site.get().initializer();
    }
    Node scope = Code.body(site.get().node());
    if (scope == null) {
      return Optional.empty();
    }
    List<Expression> assigned = new ArrayList<>();
    for (AssignExpr a : scope.findAll(AssignExpr.class)) {
      if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name.getNameAsString())) {
        assigned.add(a.getValue());
      }
    }
    return assigned.size() == 1 ? Optional.of(assigned.get(0)) : Optional.empty();
  }

  /** The name a value is stored under: the local it initialises or is assigned to; empty otherwise. */
  public static Optional<String> storedIn(Expression value) {
    Node parent = value.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr || parent instanceof CastExpr) {
      parent = parent.getParentNode().orElse(null);
    }
    if (parent instanceof VariableDeclarator v) {
      return Optional.of(v.getNameAsString());
    }
    if (parent instanceof AssignExpr a && a.getTarget() instanceof NameExpr n) {
      return Optional.of(n.getNameAsString());
    }
    if (parent instanceof AssignExpr a && a.getTarget() instanceof FieldAccessExpr f) {
      return Optional.of(f.getNameAsString());
    }
    return Optional.empty();
  }

  /** Names used in an expression (locals, parameters, fields), including those of its initializers, one hop. */
  public static List<String> namesIn(Node node) {
    return node.findAll(NameExpr.class).stream().map(NameExpr::getNameAsString).toList();
  }

  /** True when a statement list ends in a way that leaves the enclosing code: return or throw. */
  public static boolean exits(Statement s) {
    if (s instanceof ReturnStmt || s instanceof ThrowStmt) {
      return true;
    }
    if (s instanceof BlockStmt b) {
      return !b.getStatements().isEmpty() && exits(b.getStatements().getLast().orElseThrow());
    }
    if (s instanceof com.github.javaparser.ast.stmt.IfStmt i) {
      return i.getElseStmt().isPresent() && exits(i.getThenStmt()) && exits(i.getElseStmt().get());
    }
    return false;
  }

  /** A name that reads as a class: starts with an upper-case letter (used only where no declaration is found). */
  private static boolean isTypeLike(NameExpr n) {
    return Character.isUpperCase(n.getNameAsString().charAt(0)) && declaration(n).isEmpty();
  }
}
