package dev.wsguard.java.frameworks.spring;

import dev.wsguard.java.unit.Budget;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Small questions about Java syntax that every framework reader asks: what a name's declared type is, which
 * annotation of a known API a declaration carries, what strings an expression spells. Answers come from the file
 * and its imports only (no class path).
 */
public final class JavaCode {
  private JavaCode() {}

  /** The annotation that stands for {@code qualified} through the file's imports. */
  public static Optional<AnnotationExpr> annotation(NodeWithAnnotations<?> node, JavaUnit unit, String qualified) {
    for (AnnotationExpr a : node.getAnnotations()) {
      if (unit.types().is(a.getNameAsString(), qualified)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The annotation's member value ("value" for the single-member form); empty when absent. */
  public static Optional<Expression> member(AnnotationExpr a, String name) {
    if (a instanceof SingleMemberAnnotationExpr single) {
      return name.equals("value") ? Optional.of(single.getMemberValue()) : Optional.empty();
    }
    if (a instanceof NormalAnnotationExpr normal) {
      return normal.getPairs().stream().filter(p -> p.getNameAsString().equals(name)).findFirst()
          .map(p -> p.getValue());
    }
    return Optional.empty();
  }

  /** The string constants an expression spells: a literal, an array of literals, "a" + "b". */
  public static List<String> strings(Expression e) {
    List<String> out = new ArrayList<>();
    collectStrings(e, out);
    return out;
  }

  private static void collectStrings(Expression e, List<String> out) {
    if (e instanceof StringLiteralExpr s) {
      out.add(s.asString());
    } else if (e instanceof TextBlockLiteralExpr t) {
      out.add(t.asString());
    } else if (e instanceof ArrayInitializerExpr a) {
      a.getValues().forEach(v -> collectStrings(v, out));
    } else if (e instanceof ArrayCreationExpr c && c.getInitializer().isPresent()) {
      collectStrings(c.getInitializer().get(), out);
    } else if (e instanceof EnclosedExpr en) {
      collectStrings(en.getInner(), out);
    } else if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      List<String> left = strings(b.getLeft());
      List<String> right = strings(b.getRight());
      if (left.size() == 1 && right.size() == 1) {
        out.add(left.get(0) + right.get(0));
      }
    }
  }

  /** The single string an expression spells; empty when it is not one constant. */
  public static Optional<String> string(Expression e) {
    List<String> all = strings(e);
    return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
  }

  /** The nearest enclosing type's fully qualified name; "" when there is none. */
  public static String enclosingType(Node node) {
    Optional<TypeDeclaration> type = node.findAncestor(TypeDeclaration.class);
    return type.flatMap(t -> ((TypeDeclaration<?>) t).getFullyQualifiedName()).orElse("");
  }

  /** A variable's written type: a local, a lambda or method parameter, or a field of an enclosing class. */
  public static Optional<String> declaredType(String name, Node usedAt) {
    Budget.check();
    for (Node n = usedAt; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof BlockStmt block) {
        for (Statement s : block.getStatements()) {
          if (s.getBegin().isPresent() && usedAt.getBegin().isPresent()
              && s.getBegin().get().isAfter(usedAt.getBegin().get())) {
            break;
          }
          for (VariableDeclarator v : s.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name))) {
            if (v.findAncestor(BlockStmt.class).orElse(null) == block
                || v.getParentNode().flatMap(Node::getParentNode).orElse(null) == s) {
              return Optional.of(v.getTypeAsString());
            }
          }
        }
      } else if (n instanceof CallableDeclaration<?> callable) {
        for (Parameter p : callable.getParameters()) {
          if (p.getNameAsString().equals(name)) {
            return Optional.of(p.getTypeAsString());
          }
        }
      } else if (n instanceof LambdaExpr lambda) {
        for (Parameter p : lambda.getParameters()) {
          if (p.getNameAsString().equals(name)) {
            return p.getType().isUnknownType() ? Optional.empty() : Optional.of(p.getTypeAsString());
          }
        }
      } else if (n instanceof TypeDeclaration<?> type) {
        for (FieldDeclaration f : type.getFields()) {
          for (VariableDeclarator v : f.getVariables()) {
            if (v.getNameAsString().equals(name)) {
              return Optional.of(v.getTypeAsString());
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The field of the enclosing class a name or {@code this.name} refers to, when it is one. */
  public static Optional<VariableDeclarator> field(Expression e) {
    Budget.check();
    String name;
    if (e instanceof NameExpr n) {
      name = n.getNameAsString();
    } else if (e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
      name = f.getNameAsString();
    } else {
      return Optional.empty();
    }
    for (Node n = e; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> type) {
        for (FieldDeclaration f : type.getFields()) {
          for (VariableDeclarator v : f.getVariables()) {
            if (v.getNameAsString().equals(name)) {
              return Optional.of(v);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The written type of the value a call's receiver holds (a name, {@code this.name}); empty when unknown. */
  public static Optional<String> receiverType(MethodCallExpr call) {
    Optional<Expression> scope = call.getScope();
    if (scope.isEmpty()) {
      return Optional.empty();
    }
    Expression s = scope.get();
    if (s instanceof NameExpr n) {
      return declaredType(n.getNameAsString(), call);
    }
    if (s instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
      return field(f).map(VariableDeclarator::getTypeAsString);
    }
    return Optional.empty();
  }

  /** The receiver's written type, resolved to a qualified name through the imports. */
  public static Optional<String> receiverQualified(MethodCallExpr call, JavaUnit unit) {
    return receiverType(call).map(t -> qualify(t, unit));
  }

  private static final java.util.Set<String> JAVA_LANG = java.util.Set.of("String", "Object", "Integer", "Long",
      "Boolean", "Double", "Character", "Byte", "Short", "Float", "Number", "Math", "System", "Thread", "Runnable",
      "Exception", "RuntimeException", "Iterable", "CharSequence", "StringBuilder", "Void", "Record", "Enum");

  /**
   * A written type name as a qualified one: through an import or a type of this file, else a same-package class
   * (a name no import brings in and java.lang does not hold); generics and arrays dropped.
   */
  public static String qualify(String written, JavaUnit unit) {
    String resolved = unit.types().resolve(written);
    if (resolved.contains(".") || resolved.isEmpty() || !Character.isUpperCase(resolved.charAt(0))
        || JAVA_LANG.contains(resolved) || unit.types().packageName().isEmpty()) {
      return resolved;
    }
    return unit.types().packageName() + "." + resolved;
  }

  /** True when the receiver's declared type is {@code qualified} (through the imports). */
  public static boolean receiverIs(MethodCallExpr call, JavaUnit unit, String... qualified) {
    Optional<String> written = receiverType(call);
    if (written.isEmpty()) {
      return false;
    }
    for (String q : qualified) {
      if (unit.types().is(written.get(), q)) {
        return true;
      }
    }
    return false;
  }

  /** The call's name: where findings about a call in a chain point, so that {@code .setAllowedOrigins} is found. */
  public static SourceLocation nameAt(MethodCallExpr call, JavaUnit unit) {
    return unit.head(call.getName());
  }

  /**
   * The span of {@code registry.addHandler(}: from the receiver when it starts on the call's name line, else the
   * name alone (a chain broken over lines).
   */
  public static SourceLocation callHead(MethodCallExpr call, JavaUnit unit) {
    int nameLine = call.getName().getBegin().map(p -> p.line).orElse(0);
    int startLine = call.getBegin().map(p -> p.line).orElse(0);
    return nameLine == startLine ? unit.head(call) : unit.head(call.getName());
  }

  /** Words of a camelCase or snake_case name, lower case: "deleteUserById" gives [delete, user, by, id]. */
  public static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      for (String w : part.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")) {
        if (!w.isEmpty()) {
          out.add(w.toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return out;
  }
}
