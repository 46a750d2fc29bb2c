package dev.wsguard.java.frameworks.spring;

import dev.wsguard.java.unit.Budget;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which names hold the incoming message in a handler: the framework's message parameters (chosen by the caller's
 * predicate) and the locals computed from them (parsed, deserialised, read field by field). Also which parameters
 * hold the connection's principal.
 */
public final class MessageScope {
  private static final Set<String> DESERIALISERS = Set.of("readValue", "readTree", "fromJson", "parse",
      "convertValue", "treeToValue", "decode", "valueOf", "split", "asText", "textValue", "parseMap", "parseList",
      "getPayload", "fromString", "wrap", "asString");
  private static final Set<String> PRINCIPAL_TYPES = Set.of("java.security.Principal",
      "org.springframework.security.core.Authentication",
      "org.springframework.security.authentication.UsernamePasswordAuthenticationToken",
      "io.quarkus.security.identity.SecurityIdentity");

  private final Predicate<Parameter> messageParameter;
  private final Map<CallableDeclaration<?>, Set<String>> derivedByMethod = new HashMap<>();
  private final dev.wsguard.java.unit.JavaUnit unit;

  public MessageScope(dev.wsguard.java.unit.JavaUnit unit, Predicate<Parameter> messageParameter) {
    this.unit = unit;
    this.messageParameter = messageParameter;
  }

  /** True when the expression is, or is read out of, the incoming message. */
  public boolean derived(Expression e) {
    if (e instanceof NameExpr n) {
      return names(e).contains(n.getNameAsString());
    }
    if (e instanceof EnclosedExpr en) {
      return derived(en.getInner());
    }
    if (e instanceof CastExpr c) {
      return derived(c.getExpression());
    }
    if (e instanceof ArrayAccessExpr a) {
      return derived(a.getName());
    }
    if (e instanceof FieldAccessExpr f) {
      return derived(f.getScope());
    }
    if (e instanceof MethodCallExpr call) {
      if (call.getScope().isPresent() && derived(call.getScope().get())) {
        return true;
      }
      return DESERIALISERS.contains(call.getNameAsString())
          && call.getArguments().stream().anyMatch(this::derived);
    }
    if (e instanceof ObjectCreationExpr o) {
      return o.getTypeAsString().endsWith("Message") && o.getArguments().size() == 1
          && derived(o.getArgument(0));
    }
    return false;
  }

  /** True when the expression mentions the incoming message anywhere. */
  public boolean mentions(Node e) {
    return e.findAll(Expression.class).stream().anyMatch(this::derived);
  }

  /** A parameter that holds the connection's principal ({@code Principal}, {@code Authentication}). */
  public boolean principal(Parameter p) {
    String type = p.getTypeAsString();
    return PRINCIPAL_TYPES.stream().anyMatch(q -> unit.types().is(type, q))
        || p.getAnnotations().stream().anyMatch(a -> a.getNameAsString().endsWith("AuthenticationPrincipal"));
  }

  /** A name of a principal parameter, or a call that reads the principal ({@code session.getPrincipal()}). */
  public boolean principalExpr(Expression e) {
    if (e instanceof MethodCallExpr call) {
      String n = call.getNameAsString();
      return n.equals("getPrincipal") || n.equals("getUser") || n.equals("getUserPrincipal");
    }
    if (e instanceof NameExpr n) {
      Optional<CallableDeclaration> c = e.findAncestor(CallableDeclaration.class);
      if (c.isEmpty()) {
        return false;
      }
      for (Object o : c.get().getParameters()) {
        Parameter p = (Parameter) o;
        if (p.getNameAsString().equals(n.getNameAsString()) && principal(p)) {
          return true;
        }
      }
    }
    return false;
  }

  private Set<String> names(Node at) {
    Optional<CallableDeclaration> callable = at.findAncestor(CallableDeclaration.class);
    if (callable.isEmpty()) {
      return Set.of();
    }
    Set<String> known = derivedByMethod.get(callable.get());
    return known != null ? known : compute(callable.get());
  }

  private Set<String> compute(CallableDeclaration<?> method) {
    Budget.check();
    Set<String> names = new HashSet<>();
    for (Parameter p : method.getParameters()) {
      if (messageParameter.test(p)) {
        names.add(p.getNameAsString());
      }
    }
    // reactive handlers receive messages as lambda parameters: session.receive().map(m -> ...)
    for (com.github.javaparser.ast.expr.LambdaExpr lambda
        : method.findAll(com.github.javaparser.ast.expr.LambdaExpr.class)) {
      for (Parameter p : lambda.getParameters()) {
        if (messageParameter.test(p)) {
          names.add(p.getNameAsString());
        }
      }
    }
    derivedByMethod.put(method, names); // visible to the nested derived() calls below
    // locals in source order, twice so that a local assigned later from a derived one is caught
    for (int pass = 0; pass < 2; pass++) {
      List<VariableDeclarator> locals = method.findAll(VariableDeclarator.class);
      for (VariableDeclarator v : locals) {
        if (v.getInitializer().isPresent() && derived(v.getInitializer().get())) {
          names.add(v.getNameAsString());
        }
      }
      for (AssignExpr a : method.findAll(AssignExpr.class)) {
        if (a.getTarget() instanceof NameExpr n && derived(a.getValue())) {
          names.add(n.getNameAsString());
        }
      }
    }
    return names;
  }
}
