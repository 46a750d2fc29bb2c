package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.java.fix.JavaEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A permission check of the message's user before the privileged action: {@code if (!isAllowed(user, action))}
 * refuses (a STOMP handler throws, which Spring turns into an ERROR frame and skips the action; a WebSocket handler
 * closes the session with POLICY_VIOLATION). {@code isAllowed} is added denying everything, with one comment naming
 * what to wire: which roles or ownership allow an action is the app's own rule, so the patch cannot choose it. No
 * {@code @PreAuthorize}: it does nothing unless method security is enabled and the message's user reaches Spring
 * Security's context, which the patched file cannot show.
 */
final class SpringAuthzFixes {
  static final String IS_ALLOWED = "isAllowed";
  private static final List<String> USER_TYPES = List.of("java.security.Principal",
      "org.springframework.security.core.Authentication");
  private static final String HELPER = "// Denies every action until it is wired to the app's permission model (the user's roles, or whether\n"
      + "// the user owns what the message names): return true only when the user may perform the action.\n"
      + "private static boolean " + IS_ALLOWED + "(Principal user, String action) {\n"
      + "  return false;\n"
      + "}";

  private SpringAuthzFixes() {}

  static Optional<Fix> check(Endpoint endpoint, MessageHandler handler, JavaEdits edits) {
    Node at = at(handler, edits);
    MethodDeclaration method = at == null ? null : at instanceof MethodDeclaration m ? m
        : at.findAncestor(MethodDeclaration.class).orElse(null);
    if (method == null || method.getBody().isEmpty()
        || !(method.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration type)
        || at.findAncestor(LambdaExpr.class).filter(method::isAncestorOf).isPresent()
        || at.findAncestor(SwitchExpr.class).filter(method::isAncestorOf).isPresent()) {
      return Optional.empty();
    }
    boolean reuse = ownHelper(type);
    if (!reuse && edits.mentions(IS_ALLOWED)) {
      return Optional.empty();
    }
    String action = handler.messageType() != null ? handler.messageType() : method.getNameAsString();
    Optional<Fix> fix = endpoint.framework() == Framework.SPRING_STOMP
        ? stomp(method, at, action, edits)
        : webSocket(method, at, action, edits);
    if (fix.isEmpty() || reuse) {
      return fix;
    }
    Optional<TextEdit> helper = edits.addMember(type, HELPER);
    if (helper.isEmpty()) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>(fix.get().edits());
    out.add(helper.get());
    return Optional.of(new Fix(fix.get().description(), out));
  }

  /** The method (whole-method handler) or the case / if (one message type) the handler's location names. */
  private static Node at(MessageHandler handler, JavaEdits edits) {
    int start = handler.location().startByte();
    for (MethodDeclaration m : edits.tree().findAll(MethodDeclaration.class)) {
      if (edits.start(m.getName()) == start) {
        return m;
      }
    }
    for (SwitchEntry e : edits.tree().findAll(SwitchEntry.class)) {
      if (edits.start(e) == start) {
        return e;
      }
    }
    for (IfStmt i : edits.tree().findAll(IfStmt.class)) {
      if (edits.start(i) == start) {
        return i;
      }
    }
    return null;
  }

  /** A STOMP handler: the user is its Principal parameter, added when it has none; refusing throws. */
  private static Optional<Fix> stomp(MethodDeclaration method, Node at, String action, JavaEdits edits) {
    if (!(at instanceof MethodDeclaration)) {
      return Optional.empty(); // a dispatch inside a STOMP handler is not a shape Spring apps write
    }
    List<TextEdit> out = new ArrayList<>();
    List<String> imports = new ArrayList<>(List.of("java.security.Principal",
        "org.springframework.messaging.MessagingException"));
    String user = null;
    for (Parameter p : method.getParameters()) {
      if (USER_TYPES.stream().anyMatch(t -> edits.unit().types().is(p.getTypeAsString(), t))) {
        user = p.getNameAsString();
      }
    }
    if (user == null) {
      // Spring resolves a java.security.Principal argument of a @MessageMapping method to the message's user
      user = "principal";
      if (method.findAll(SimpleName.class).stream().anyMatch(n -> n.getIdentifier().equals("principal"))) {
        return Optional.empty();
      }
      Optional<TextEdit> parameter = addParameter(method, "Principal principal", edits);
      if (parameter.isEmpty()) {
        return Optional.empty();
      }
      out.add(parameter.get());
    }
    String check = "if (!" + IS_ALLOWED + "(" + user + ", \"" + action + "\")) {\n"
        + "  throw new MessagingException(\"Forbidden: " + action + "\");\n"
        + "}";
    Optional<TextEdit> inserted = firstStatement(method.getBody().get(), check, edits);
    Optional<List<TextEdit>> added = edits.addImports(imports);
    if (inserted.isEmpty() || added.isEmpty()) {
      return Optional.empty();
    }
    out.addAll(added.get());
    out.add(inserted.get());
    return Optional.of(new Fix("Check the user's permission before " + action + ": " + IS_ALLOWED
        + "() denies every message until it is wired to the app's permission model", out));
  }

  /** A WebSocketHandler method: the user is the session's principal; refusing closes with POLICY_VIOLATION. */
  private static Optional<Fix> webSocket(MethodDeclaration method, Node at, String action, JavaEdits edits) {
    String session = null;
    for (Parameter p : method.getParameters()) {
      if (edits.unit().types().is(p.getTypeAsString(), "org.springframework.web.socket.WebSocketSession")) {
        session = p.getNameAsString();
      }
    }
    boolean mayClose = method.getType().isVoidType() && method.getThrownExceptions().stream()
        .anyMatch(t -> t.asString().equals("IOException") || t.asString().equals("java.io.IOException")
            || t.asString().equals("Exception"));
    BlockStmt block = at instanceof MethodDeclaration ? method.getBody().get()
        : at instanceof IfStmt i && i.getThenStmt() instanceof BlockStmt b ? b
        : at instanceof SwitchEntry e && e.getType() == SwitchEntry.Type.BLOCK
            && e.getStatements().size() == 1 && e.getStatement(0) instanceof BlockStmt b ? b
        : null;
    if (session == null || !mayClose || block == null && !(at instanceof SwitchEntry e
        && e.getType() == SwitchEntry.Type.STATEMENT_GROUP && !e.getStatements().isEmpty())) {
      return Optional.empty();
    }
    String check = "if (!" + IS_ALLOWED + "(" + session + ".getPrincipal(), \"" + action + "\")) {\n"
        + "  " + session + ".close(CloseStatus.POLICY_VIOLATION);\n"
        + "  return;\n"
        + "}";
    Optional<TextEdit> inserted = block != null ? firstStatement(block, check, edits)
        : before(((SwitchEntry) at).getStatement(0), check, edits);
    Optional<List<TextEdit>> added = edits.addImports(List.of("java.security.Principal",
        "org.springframework.web.socket.CloseStatus"));
    if (inserted.isEmpty() || added.isEmpty()) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>(added.get());
    out.add(inserted.get());
    return Optional.of(new Fix("Check the user's permission before " + action + ": " + IS_ALLOWED
        + "() denies every message until it is wired to the app's permission model", out));
  }

  /** The class already has the helper a previous patch added (two parameters, the user and the action). */
  private static boolean ownHelper(ClassOrInterfaceDeclaration type) {
    return type.getMethodsByName(IS_ALLOWED).stream().anyMatch(m -> m.getParameters().size() == 2
        && m.getParameter(1).getTypeAsString().equals("String"));
  }

  private static Optional<TextEdit> firstStatement(BlockStmt body, String template, JavaEdits edits) {
    return body.getStatements().isEmpty() ? Optional.empty() : before(body.getStatement(0), template, edits);
  }

  /** Code on lines of its own above a statement (and above its comment, which describes it). */
  private static Optional<TextEdit> before(Statement statement, String template, JavaEdits edits) {
    return SpringFixes.lineAbove(statement, edits).map(at -> edits.insert(at,
        edits.code(template, edits.indentAt(edits.start(statement))) + "\n"));
  }

  /** A parameter after the method's last one, or as its only one. */
  private static Optional<TextEdit> addParameter(MethodDeclaration method, String parameter, JavaEdits edits) {
    if (!method.getParameters().isEmpty()) {
      Parameter last = method.getParameter(method.getParameters().size() - 1);
      return last.isVarArgs() ? Optional.empty() : Optional.of(edits.insert(edits.end(last), ", " + parameter));
    }
    int from = edits.end(method.getName());
    String rest = edits.text(from, Math.min(edits.end(method), from + 200));
    int open = rest.indexOf('(');
    if (open < 0 || !rest.substring(0, open).isBlank() || !rest.substring(open + 1).stripLeading().startsWith(")")) {
      return Optional.empty();
    }
    return Optional.of(edits.insert(from + open + 1, parameter));
  }
}
