package dev.wsguard.java.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.wsguard.core.model.Provenance;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The provenance of a send's payload, following a payload that is a parameter of a helper ({@code broadcast(String
 * text)}) back to the helper's callers in the same class: the worst of what they pass decides.
 */
public final class SendAnalysis {
  /** A payload's provenance and the expression it was read from (for messages). */
  public record Payload(Provenance provenance, String text) {}

  private SendAnalysis() {}

  /**
   * @param incomingOf the names holding the client's message in a method (empty for methods that handle none)
   */
  public static Payload payload(Expression payload, Function<Node, Set<String>> incomingOf) {
    // a send inside a forEach lambda still belongs to the handler method around it
    Node method = Code.method(payload).map(m -> (Node) m).orElse(Code.body(payload));
    Set<String> incoming = method == null ? Set.of() : HandlerAnalysis.derived(method, incomingOf.apply(method));
    Optional<MethodDeclaration> helper = Code.method(payload);
    if (helper.isPresent() && incoming.isEmpty()) {
      Optional<Integer> index = parameterIndex(helper.get(), payload);
      if (index.isPresent()) {
        Payload worst = null;
        TypeDeclaration<?> owner = helper.get().findAncestor(TypeDeclaration.class).orElse(null);
        if (owner != null) {
          for (MethodCallExpr call : owner.findAll(MethodCallExpr.class)) {
            if (call.getNameAsString().equals(helper.get().getNameAsString())
                && call.getArguments().size() == helper.get().getParameters().size()
                && !call.isDescendantOf(helper.get())) {
              Payload p = payload(call.getArgument(index.get()), incomingOf);
              if (worst == null || severity(p.provenance()) > severity(worst.provenance())) {
                worst = p;
              }
            }
          }
        }
        if (worst != null) {
          return worst;
        }
      }
    }
    return new Payload(Payloads.provenance(payload, incoming), payload.toString());
  }

  /** Which parameter of the helper the payload is, when it is one (possibly wrapped in a frame or a format). */
  private static Optional<Integer> parameterIndex(MethodDeclaration helper, Expression payload) {
    Set<String> names = new java.util.HashSet<>();
    payload.findAll(NameExpr.class).forEach(n -> names.add(n.getNameAsString()));
    if (payload instanceof NameExpr n) {
      names.add(n.getNameAsString());
    }
    for (int i = 0; i < helper.getParameters().size(); i++) {
      Parameter p = helper.getParameter(i);
      if (names.contains(p.getNameAsString()) && !p.getTypeAsString().endsWith("Session")) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static int severity(Provenance p) {
    return switch (p) {
      case PUBLIC -> 0;
      case ECHO -> 1;
      case UNKNOWN -> 2;
      case PER_USER -> 3;
      case SENSITIVE -> 4;
    };
  }
}
