package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.java.fix.JavaEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Allowed origins read from a property in place of the wildcard written in the code:
 * {@code setAllowedOrigins(allowedOrigins)} with {@code @Value("${app.websocket.allowed-origins:}") String[]}. An
 * empty list is Spring's default, same-origin only (its OriginHandshakeInterceptor accepts a cross-origin handshake
 * only when an allowed origin matches), so the patch fails closed until the property lists the app's origins.
 */
final class SpringOriginFixes {
  static final String FIELD = "allowedOrigins";
  static final String PROPERTY = "app.websocket.allowed-origins";

  private SpringOriginFixes() {}

  static Optional<Fix> restrict(Endpoint endpoint, JavaEdits edits) {
    OriginPolicy policy = endpoint.originPolicy();
    MethodCallExpr registration = SpringFixes.registration(endpoint, edits);
    if (policy.kind() != OriginPolicy.Kind.ANY || policy.location() == null || registration == null
        || edits.mentions(FIELD)) {
      return Optional.empty();
    }
    MethodCallExpr setter = setterAt(policy, edits);
    // only origins written as constants in the code: origins from configuration are changed where they are set
    if (setter == null || setter.getArguments().isEmpty()
        || setter.getArguments().stream().anyMatch(a -> RegistrationReader.constantStrings(a).isEmpty())) {
      return Optional.empty();
    }
    ClassOrInterfaceDeclaration config = SpringFixes.configurer(registration);
    Optional<Integer> top = SpringFixes.topOfBody(config, edits);
    Optional<List<TextEdit>> imports = edits.addImports(List.of("org.springframework.beans.factory.annotation.Value"));
    if (top.isEmpty() || imports.isEmpty()) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>(imports.get());
    String indent = edits.indentAt(top.get());
    String field = "// the origins of the app's own pages, comma-separated; empty allows same-origin handshakes only\n"
        + "@Value(\"${" + PROPERTY + ":}\")\n"
        + "private String[] " + FIELD + ";\n\n";
    out.add(edits.insert(top.get(), edits.code(field, indent)));
    Expression first = setter.getArgument(0);
    Expression last = setter.getArgument(setter.getArguments().size() - 1);
    out.add(edits.replace(edits.start(first), edits.end(last), FIELD));
    return Optional.of(new Fix("Restrict origins: " + setter.getNameAsString() + " reads the property " + PROPERTY
        + ", which allows same-origin handshakes only until it lists the app's origins", out));
  }

  /** The setAllowedOrigins / setAllowedOriginPatterns call the policy points at. */
  private static MethodCallExpr setterAt(OriginPolicy policy, JavaEdits edits) {
    for (MethodCallExpr c : edits.tree().findAll(MethodCallExpr.class, c -> c.getNameAsString()
        .equals("setAllowedOrigins") || c.getNameAsString().equals("setAllowedOriginPatterns"))) {
      if (edits.start(c.getName()) == policy.location().startByte()) {
        return c;
      }
    }
    return null;
  }
}
