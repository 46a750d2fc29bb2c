package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Send;
import dev.wsguard.java.fix.JavaEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * STOMP sends scoped to the user who sent the message: {@code @SendToUser} in place of {@code @SendTo} (Spring
 * replies to the message's user, or to its session when it has none), and
 * {@code convertAndSendToUser(principal.getName(), ...)} in place of {@code convertAndSend} where the handler has
 * the user as a parameter. A send with no user in scope (a scheduled job, a service) gets no patch: whom it is for
 * is the app's decision.
 */
final class SpringSendFixes {
  private static final String SEND_TO = "org.springframework.messaging.handler.annotation.SendTo";
  private static final String SEND_TO_USER = "org.springframework.messaging.simp.annotation.SendToUser";
  private static final String MESSAGE_MAPPING = "org.springframework.messaging.handler.annotation.MessageMapping";
  /** Parameter types whose value is the message's user and has {@code getName()}. */
  private static final List<String> USER_TYPES = List.of("java.security.Principal",
      "org.springframework.security.core.Authentication");

  private SpringSendFixes() {}

  static Optional<Fix> toUser(Send send, JavaEdits edits) {
    for (AnnotationExpr a : edits.tree().findAll(AnnotationExpr.class)) {
      if (edits.start(a) == send.location().startByte()) {
        return annotation(a, edits);
      }
    }
    for (MethodCallExpr c : edits.tree().findAll(MethodCallExpr.class,
        c -> c.getNameAsString().equals("convertAndSend") && c.getArguments().size() == 2)) {
      if (edits.start(c) == send.location().startByte() || edits.start(c.getName()) == send.location().startByte()) {
        return templateSend(c, edits);
      }
    }
    return Optional.empty();
  }

  /**
   * {@code @SendTo(...)} becomes {@code @SendToUser(...)} with the same destinations; a {@code @MessageMapping}
   * without {@code @SendTo}, whose reply Spring broadcasts to {@code /topic} + its destination, gets a bare
   * {@code @SendToUser}, which replies on the user's own {@code /user/queue} + its destination.
   */
  private static Optional<Fix> annotation(AnnotationExpr a, JavaEdits edits) {
    boolean sendTo = edits.unit().types().is(a.getNameAsString(), SEND_TO);
    boolean mapping = edits.unit().types().is(a.getNameAsString(), MESSAGE_MAPPING);
    if (!sendTo && !mapping || !(a.getParentNode().orElse(null) instanceof MethodDeclaration method)) {
      return Optional.empty();
    }
    Optional<List<TextEdit>> imports = edits.addImports(List.of(SEND_TO_USER));
    if (imports.isEmpty() || method.getAnnotations().stream()
        .anyMatch(x -> edits.unit().types().is(x.getNameAsString(), SEND_TO_USER))) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>(imports.get());
    if (sendTo) {
      if (a.getNameAsString().contains(".")) {
        return Optional.empty(); // a qualified name: keep to the plain shape
      }
      out.add(edits.replace(a.getName(), "SendToUser"));
      return Optional.of(new Fix("Reply to the sender's user: @SendToUser in place of @SendTo", out));
    }
    if (method.getAnnotations().stream().anyMatch(x -> edits.unit().types().is(x.getNameAsString(), SEND_TO))) {
      return Optional.empty();
    }
    out.add(edits.annotate(a, "@SendToUser"));
    return Optional.of(new Fix("Reply to the sender's user: @SendToUser instead of the default broadcast to /topic",
        out));
  }

  /** {@code template.convertAndSend(dest, payload)} in a handler with the user as a parameter. */
  private static Optional<Fix> templateSend(MethodCallExpr call, JavaEdits edits) {
    Optional<MethodDeclaration> method = call.findAncestor(MethodDeclaration.class);
    if (method.isEmpty() || call.findAncestor(LambdaExpr.class).filter(l -> method.get().isAncestorOf(l))
        .isPresent()) {
      return Optional.empty(); // inside a lambda the send may run for other users' events
    }
    String user = null;
    for (Parameter p : method.get().getParameters()) {
      if (USER_TYPES.stream().anyMatch(t -> edits.unit().types().is(p.getTypeAsString(), t))) {
        user = p.getNameAsString();
        break;
      }
    }
    if (user == null) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>();
    out.add(edits.replace(call.getName(), "convertAndSendToUser"));
    out.add(edits.insert(edits.start(call.getArgument(0)), user + ".getName(), "));
    return Optional.of(new Fix("Send to the sender's user: convertAndSendToUser(" + user
        + ".getName(), ...) in place of convertAndSend to every subscriber", out));
  }
}
