package dev.wsguard.java.frameworks.micronaut;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.fix.JavaEdits;
import dev.wsguard.java.fix.JavaFixer;
import dev.wsguard.java.frameworks.spring.JavaCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Patches for Micronaut {@code @ServerWebSocket} endpoints. Upgrade authentication is Micronaut Security's
 * {@code @Secured(SecurityRule.IS_AUTHENTICATED)} on the class (an {@code IS_ANONYMOUS} one is tightened to it):
 * the upgrade request is then rejected unless the configured authentication mode authenticated it, so the patch
 * refuses everyone until the project configures one. A broadcast to every session gets a filter keeping the
 * sessions of the sender's user, and none when the sender has no user. Origins get no patch: Micronaut has no
 * per-endpoint Origin hook, and an HTTP filter elsewhere is not something wsguard reads back.
 */
public final class MicronautFixes implements JavaFixer {
  private static final String SECURED = "io.micronaut.security.annotation.Secured";
  private static final String SECURITY_RULE = "io.micronaut.security.rules.SecurityRule";
  private static final String SAME_USER = "sameUserAs";

  @Override
  public Optional<Fix> render(FixIntent intent, JavaEdits edits, FixContext context) {
    if (intent instanceof FixIntent.AddUpgradeAuth a) {
      return secure(edits, edits.nodeAt(a.endpoint().declaration(), AnnotationExpr.class));
    }
    if (intent instanceof FixIntent.ScopeSendToUser s) {
      return scope(edits, s);
    }
    return Optional.empty();
  }

  private static Optional<Fix> secure(JavaEdits edits, AnnotationExpr ws) {
    if (ws == null || !(ws.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration type)) {
      return Optional.empty();
    }
    Optional<AnnotationExpr> secured = JavaCode.annotation(type, edits.unit(), SECURED);
    List<TextEdit> out = new ArrayList<>();
    String description;
    if (secured.isPresent()) {
      // only @Secured(SecurityRule.IS_ANONYMOUS) is read as admitting anyone; any other value is the author's rule
      Optional<Expression> value = JavaCode.member(secured.get(), "value");
      if (value.isEmpty() || !(value.get() instanceof FieldAccessExpr f)
          || !f.getNameAsString().equals("IS_ANONYMOUS")) {
        return Optional.empty();
      }
      out.add(edits.replace(f.getName(), "IS_AUTHENTICATED"));
      description = "Authenticate at the upgrade: @Secured(SecurityRule.IS_AUTHENTICATED) in place of IS_ANONYMOUS";
    } else {
      Optional<List<TextEdit>> imports = edits.addImports(List.of(SECURED, SECURITY_RULE));
      if (imports.isEmpty()) {
        return Optional.empty();
      }
      out.addAll(imports.get());
      out.add(edits.annotate(type, "@Secured(SecurityRule.IS_AUTHENTICATED)"));
      description = "Authenticate at the upgrade: @Secured(SecurityRule.IS_AUTHENTICATED) on the endpoint";
    }
    return Optional.of(new Fix(description + ", so Micronaut Security rejects the upgrade until the configured"
        + " authentication (micronaut.security.authentication) has authenticated the request", out));
  }

  /**
   * {@code broadcaster.broadcastSync(payload)} in a handler that has the sender's session becomes
   * {@code broadcaster.broadcastSync(payload, sameUserAs(session))}: only the sender's user's own sessions get it.
   */
  private static Optional<Fix> scope(JavaEdits edits, FixIntent.ScopeSendToUser intent) {
    MethodCallExpr call = null;
    for (MethodCallExpr m : edits.tree().findAll(MethodCallExpr.class)) {
      SourceLocation head = JavaCode.callHead(m, edits.unit());
      if (head.startByte() == intent.send().location().startByte()
          && head.endByte() == intent.send().location().endByte()
          && (m.getNameAsString().equals("broadcastSync") || m.getNameAsString().equals("broadcastAsync")
              || m.getNameAsString().equals("broadcast"))) {
        call = m;
      }
    }
    if (call == null || call.getArguments().size() != 1) {
      return Optional.empty();
    }
    MethodDeclaration handler = call.findAncestor(MethodDeclaration.class).orElse(null);
    ClassOrInterfaceDeclaration type = call.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null);
    if (handler == null || type == null) {
      return Optional.empty();
    }
    List<Parameter> sessions = handler.getParameters().stream()
        .filter(p -> edits.unit().types().is(p.getTypeAsString(), MicronautRecognizer.WS + "WebSocketSession"))
        .toList();
    if (sessions.size() != 1) {
      return Optional.empty(); // without the sender's session there is no user to scope the send to
    }
    boolean declared = type.getMethodsByName(SAME_USER).stream().anyMatch(m -> m.getParameters().size() == 1);
    if (!declared && edits.mentions(SAME_USER)) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>();
    out.add(edits.insert(edits.end(call.getArgument(0)), ", " + SAME_USER + "(" + sessions.get(0).getNameAsString()
        + ")"));
    if (!declared) {
      Optional<List<TextEdit>> imports = edits.addImports(List.of("java.security.Principal", "java.util.Optional",
          "java.util.function.Predicate", MicronautRecognizer.WS + "WebSocketSession"));
      Optional<TextEdit> helper = edits.addMember(type, "// the sessions of the sender's user; none when the sender"
          + " is anonymous\n"
          + "private static Predicate<WebSocketSession> " + SAME_USER + "(WebSocketSession sender) {\n"
          + "  Optional<String> user = sender.getUserPrincipal().map(Principal::getName);\n"
          + "  return s -> user.isPresent() && user.equals(s.getUserPrincipal().map(Principal::getName));\n"
          + "}");
      if (imports.isEmpty() || helper.isEmpty()) {
        return Optional.empty();
      }
      out.addAll(imports.get());
      out.add(helper.get());
    }
    return Optional.of(new Fix("Scope the send to its user: " + call.getNameAsString() + " with a filter keeping"
        + " the sessions of the sender's user (none for an anonymous sender)", out));
  }
}
