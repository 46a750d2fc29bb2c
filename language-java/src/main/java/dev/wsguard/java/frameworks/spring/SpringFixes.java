package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.java.fix.JavaEdits;
import dev.wsguard.java.fix.JavaFixer;
import dev.wsguard.java.fix.ProjectVerifiers;
import java.util.Optional;

/**
 * Patches for Spring WebSocket and STOMP endpoints, each in Spring's own idiom and each failing closed: a
 * HandshakeInterceptor (plain WebSocket) or a CONNECT ChannelInterceptor (STOMP) that refuses unless a user is
 * verified, allowed origins read from a property that is empty (same-origin only) until set, per-user sends, and a
 * permission check that denies until it is wired.
 * Where the code is not the plain shape a patch can be sure of (a registration outside its configurer, a name the
 * patch needs already taken, origins read from configuration wsguard does not see), there is no patch.
 */
public final class SpringFixes implements JavaFixer {

  @Override
  public Optional<Fix> render(FixIntent intent, JavaEdits edits, FixContext context) {
    if (intent instanceof FixIntent.AddUpgradeAuth a) {
      return a.endpoint().framework() == Framework.SPRING_STOMP
          ? SpringAuthFixes.connectInterceptor(a.endpoint(), edits, context)
          : SpringAuthFixes.handshakeInterceptor(a.endpoint(), edits, context);
    }
    if (intent instanceof FixIntent.RestrictOrigins r) {
      return SpringOriginFixes.restrict(r.endpoint(), edits);
    }
    if (intent instanceof FixIntent.ScopeSendToUser s && s.endpoint().framework() == Framework.SPRING_STOMP) {
      return SpringSendFixes.toUser(s.send(), edits);
    }
    if (intent instanceof FixIntent.AddPermissionCheck p) {
      return SpringAuthzFixes.check(p.endpoint(), p.handler(), edits);
    }
    return Optional.empty();
  }

  /**
   * The registry call an endpoint was declared by ({@code registry.addHandler(} / {@code registry.addEndpoint(}),
   * made in the configurer's own registration method; null for any other shape (a directly wired handler).
   */
  static MethodCallExpr registration(Endpoint endpoint, JavaEdits edits) {
    String adder = endpoint.framework() == Framework.SPRING_STOMP ? "addEndpoint" : "addHandler";
    String method = endpoint.framework() == Framework.SPRING_STOMP ? "registerStompEndpoints"
        : "registerWebSocketHandlers";
    int at = endpoint.declaration().startByte();
    for (MethodCallExpr c : edits.tree().findAll(MethodCallExpr.class,
        c -> c.getNameAsString().equals(adder) && c.getScope().isPresent())) {
      if (edits.start(c) != at && edits.start(c.getName()) != at) {
        continue;
      }
      Optional<MethodDeclaration> m = c.findAncestor(MethodDeclaration.class);
      boolean inConfigurer = m.isPresent() && m.get().getNameAsString().equals(method)
          && m.get().getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration type
          && !type.isInterface() && !type.isLocalClassDeclaration();
      return inConfigurer ? c : null;
    }
    return null;
  }

  /** The configurer class a registration sits in (checked by {@link #registration}). */
  static ClassOrInterfaceDeclaration configurer(MethodCallExpr registration) {
    return (ClassOrInterfaceDeclaration) registration.findAncestor(MethodDeclaration.class).orElseThrow()
        .getParentNode().orElseThrow();
  }

  /** Where a member goes at the top of a type: above its first member and that member's own comment. */
  static Optional<Integer> topOfBody(ClassOrInterfaceDeclaration type, JavaEdits edits) {
    return type.getMembers().isEmpty() ? Optional.empty() : lineAbove(type.getMember(0), edits);
  }

  /**
   * The start of the line a node begins, or of its comment's first line when the comment stands on lines of its own
   * above it (a comment trailing the previous line's code is not the node's); empty when code precedes the node on
   * its line.
   */
  static Optional<Integer> lineAbove(Node node, JavaEdits edits) {
    Optional<Node> comment = node.getComment().map(c -> (Node) c);
    if (comment.isPresent()) {
      int c = edits.start(comment.get());
      if (edits.text(edits.lineStart(c), c).isBlank() && c < edits.start(node)) {
        return Optional.of(edits.lineStart(c));
      }
    }
    int start = edits.start(node);
    return edits.text(edits.lineStart(start), start).isBlank() ? Optional.of(edits.lineStart(start))
        : Optional.empty();
  }

  /**
   * The project's credential check taking a token, callable from the configurer: a static method, or an instance
   * method whose bean the configurer already holds in a field (then {@code receiver} names that field).
   */
  record Chosen(ProjectVerifiers.Call call, String receiver) {
    String expression(String argument) {
      return call.expression(receiver, argument);
    }
  }

  static Optional<Chosen> verifier(ClassOrInterfaceDeclaration config, JavaEdits edits, FixContext context) {
    Optional<ProjectVerifiers.Call> any = ProjectVerifiers.choose(edits, context, Verifier.Input.TOKEN, true);
    if (any.isPresent() && any.get().verifier().instance()) {
      String field = beanField(config, any.get().owner());
      if (field != null) {
        return Optional.of(new Chosen(any.get(), field));
      }
      any = ProjectVerifiers.choose(edits, context, Verifier.Input.TOKEN, false);
    }
    return any.map(c -> new Chosen(c, null));
  }

  /** The name of the configurer's field holding a bean of the simple type {@code type}; null when none does. */
  private static String beanField(ClassOrInterfaceDeclaration config, String type) {
    for (FieldDeclaration f : config.getFields()) {
      if (!f.isStatic() && f.getVariables().size() == 1
          && f.getVariable(0).getTypeAsString().replaceAll("<.*", "").equals(type)) {
        return f.getVariable(0).getNameAsString();
      }
    }
    return null;
  }
}
