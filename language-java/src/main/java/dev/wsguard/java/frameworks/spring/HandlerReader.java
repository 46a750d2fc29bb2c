package dev.wsguard.java.frameworks.spring;

import dev.wsguard.java.unit.Budget;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a message handler method into model handlers: one per dispatched message type ({@code case "delete":},
 * {@code if ("delete".equals(type))}) or one for the whole method, each with the privileged action it performs,
 * whether a permission check of the connection's user guards it, and a client-supplied id it acts on.
 */
public final class HandlerReader {
  private static final Set<String> PRIVILEGED_VERBS = Set.of("delete", "del", "destroy", "remove", "drop", "truncate",
      "purge", "wipe", "update", "upsert", "insert", "save", "put", "patch", "create", "add", "write", "append",
      "rename", "move", "kick", "ban", "unban", "mute", "block", "shutdown", "restart", "reboot", "kill", "cancel",
      "grant", "revoke", "promote", "demote", "assign", "reset", "transfer", "withdraw", "refund", "approve",
      "execute", "exec", "deploy", "clear", "suspend", "disable", "deactivate", "lock", "unlock", "archive", "erase",
      "impersonate", "invite", "persist", "merge", "change", "set");
  /** Receivers that are no store or service: collections, text, JSON, logging, the connection itself. */
  private static final Set<String> PLAIN_TYPES = Set.of("Map", "List", "Set", "Collection", "Queue", "Deque",
      "String", "StringBuilder", "Object", "Logger", "Optional", "AtomicInteger", "AtomicLong", "var");
  private static final List<String> PLAIN_PACKAGES = List.of("java.", "org.slf4j.", "com.fasterxml.",
      "org.springframework.web.socket.", "org.springframework.messaging.", "jakarta.websocket.", "javax.websocket.",
      "io.quarkus.websockets.", "io.micronaut.websocket.", "io.vertx.", "org.apache.logging.", "reactor.");
  private static final Set<String> CHECK_VERBS = Set.of("has", "is", "check", "assert", "ensure", "require",
      "verify", "authorize", "authorise", "can", "validate");
  private static final Set<String> CHECK_WORDS = Set.of("role", "roles", "permission", "permissions", "admin",
      "owner", "authority", "authorities", "access", "allowed", "authorized", "moderator", "member", "manage",
      "scope", "edit", "delete", "owns", "in");

  private HandlerReader() {}

  /**
   * @param annotated the check a security annotation on the method or class makes ({@code @PreAuthorize}); null
   *     when there is none
   */
  public static List<MessageHandler> read(MethodDeclaration method, MessageScope scope, JavaUnit unit,
      SourceLocation annotated) {
    if (method.getBody().isEmpty()) {
      return new ArrayList<>();
    }
    return read(method, method.getBody().get(), unit.head(method.getName()), scope, unit, annotated);
  }

  /**
   * The handlers of one part of a method: a reactive pipeline's lambda ({@code receive().flatMap(m -> ...)}), or
   * the whole body.
   *
   * @param at where a handler that dispatches on no message type is reported
   */
  public static List<MessageHandler> read(MethodDeclaration method, Node body, SourceLocation at,
      MessageScope scope, JavaUnit unit, SourceLocation annotated) {
    List<MessageHandler> out = new ArrayList<>();
    for (SwitchEntry entry : body.findAll(SwitchEntry.class)) {
      Node selector = selector(entry);
      if (selector == null || !scope.mentions(selector) || entry.getLabels().isEmpty()) {
        continue;
      }
      String type = entry.getLabels().get(0) instanceof StringLiteralExpr s ? s.asString()
          : entry.getLabels().get(0).toString();
      out.add(part(type, unit.head(entry), entry, method, scope, unit, annotated));
    }
    for (IfStmt ifStmt : body.findAll(IfStmt.class)) {
      Optional<String> type = equalsLiteral(ifStmt.getCondition(), scope);
      if (type.isPresent()) {
        out.add(part(type.get(), unit.head(ifStmt), ifStmt.getThenStmt(), method, scope, unit, annotated));
      }
    }
    if (out.isEmpty()) {
      out.add(part(null, at, body, method, scope, unit, annotated));
    }
    return out;
  }

  private static Node selector(SwitchEntry entry) {
    Node parent = entry.getParentNode().orElse(null);
    if (parent instanceof SwitchStmt s) {
      return s.getSelector();
    }
    if (parent instanceof SwitchExpr s) {
      return s.getSelector();
    }
    return null;
  }

  /** {@code "delete".equals(type)} or {@code type.equals("delete")} on a message-derived value. */
  private static Optional<String> equalsLiteral(Expression condition, MessageScope scope) {
    if (!(condition instanceof MethodCallExpr call) || !call.getNameAsString().startsWith("equals")
        || call.getArguments().size() != 1 || call.getScope().isEmpty()) {
      return Optional.empty();
    }
    Expression left = call.getScope().get();
    Expression right = call.getArgument(0);
    if (left instanceof StringLiteralExpr s && scope.mentions(right)) {
      return Optional.of(s.asString());
    }
    if (right instanceof StringLiteralExpr s && scope.mentions(left)) {
      return Optional.of(s.asString());
    }
    return Optional.empty();
  }

  private static MessageHandler part(String type, SourceLocation at, Node code, MethodDeclaration method,
      MessageScope scope, JavaUnit unit, SourceLocation annotated) {
    Optional<MethodCallExpr> action = privileged(code, unit, 0);
    if (action.isEmpty()) {
      return new MessageHandler(type, at, null, PermissionCheck.ABSENT, null, List.of());
    }
    MethodCallExpr call = action.get();
    String what = "calls " + call.getScope().map(s -> s + ".").orElse("") + call.getNameAsString();
    List<RelatedLocation> evidence = new ArrayList<>();
    evidence.add(new RelatedLocation(unit.head(call.getName()), "the privileged call"));
    if (annotated != null) {
      evidence.add(new RelatedLocation(annotated, "a security annotation checks the user's permission"));
      return new MessageHandler(type, at, what, PermissionCheck.PRESENT, null, evidence);
    }
    Optional<Node> check = permissionCheck(code, unit).or(() -> permissionCheckBefore(code, method, unit, scope));
    if (check.isPresent()) {
      evidence.add(new RelatedLocation(unit.head(check.get()), "the permission check"));
      return new MessageHandler(type, at, what, PermissionCheck.PRESENT, null, evidence);
    }
    boolean principalPassed = call.getArguments().stream().anyMatch(a -> a.findAll(Expression.class).stream()
        .anyMatch(scope::principalExpr) || scope.principalExpr(a));
    if (principalPassed) {
      // the service receives the acting user and may check it there; wsguard does not follow it
      return new MessageHandler(type, at, what, PermissionCheck.UNKNOWN, null, evidence);
    }
    String id = null;
    for (Expression arg : call.getArguments()) {
      List<String> words = JavaCode.words(arg.toString());
      if (scope.derived(arg) && (words.contains("id") || words.stream().anyMatch(w -> w.endsWith("id")))) {
        id = arg.toString();
        break;
      }
    }
    return new MessageHandler(type, at, what, PermissionCheck.ABSENT, id, evidence);
  }

  /** The first call that writes, deletes or administers through a store or service, following own helpers. */
  static Optional<MethodCallExpr> privileged(Node code, JavaUnit unit, int depth) {
    Budget.check();
    for (MethodCallExpr call : code.findAll(MethodCallExpr.class)) {
      List<String> words = JavaCode.words(call.getNameAsString());
      if (words.isEmpty()) {
        continue;
      }
      if (call.getScope().isEmpty() && depth < 2) {
        Optional<TypeDeclaration> type = call.findAncestor(TypeDeclaration.class);
        if (type.isPresent()) {
          for (Object o : type.get().getMethodsByName(call.getNameAsString())) {
            MethodDeclaration helper = (MethodDeclaration) o;
            if (helper.getBody().isPresent() && privileged(helper.getBody().get(), unit, depth + 1).isPresent()) {
              return Optional.of(call);
            }
          }
        }
        continue;
      }
      if (!PRIVILEGED_VERBS.contains(words.get(0))) {
        continue;
      }
      Optional<String> receiver = JavaCode.receiverType(call);
      if (receiver.isEmpty()) {
        continue;
      }
      String simple = receiver.get().replaceAll("<.*", "");
      String qualified = JavaCode.qualify(simple, unit);
      if (PLAIN_TYPES.contains(simple) || PLAIN_PACKAGES.stream().anyMatch(qualified::startsWith)
          || simple.endsWith("Map") || simple.endsWith("List") || simple.endsWith("Set")) {
        continue;
      }
      return Optional.of(call);
    }
    return Optional.empty();
  }

  /** An if that rejects on a role, ownership or permission condition, or an asserting permission call. */
  private static Optional<Node> permissionCheck(Node code, JavaUnit unit) {
    for (IfStmt ifStmt : code.findAll(IfStmt.class)) {
      if (permissionCondition(ifStmt.getCondition()) && rejects(ifStmt)) {
        return Optional.of(ifStmt);
      }
    }
    for (MethodCallExpr call : code.findAll(MethodCallExpr.class)) {
      if (call.getParentNode().filter(p -> p instanceof com.github.javaparser.ast.stmt.ExpressionStmt).isPresent()
          && permissionName(call.getNameAsString())) {
        return Optional.of(call);
      }
    }
    return Optional.empty();
  }

  /** A check in the method before the dispatch: it guards every message type. */
  private static Optional<Node> permissionCheckBefore(Node code, MethodDeclaration method, JavaUnit unit,
      MessageScope scope) {
    if (method.getBody().isEmpty() || code == method.getBody().get()) {
      return Optional.empty();
    }
    for (Statement s : method.getBody().get().getStatements()) {
      if (s.isAncestorOf(code) || s == code) {
        break;
      }
      Optional<Node> found = permissionCheck(s, unit);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static boolean permissionCondition(Expression condition) {
    for (MethodCallExpr call : condition.findAll(MethodCallExpr.class)) {
      if (permissionName(call.getNameAsString())) {
        return true;
      }
    }
    List<String> words = JavaCode.words(condition.toString());
    return words.contains("role") || words.contains("roles") || words.contains("admin")
        || words.contains("owner") || words.contains("authorities") || words.contains("principal")
        || words.contains("permission") || words.contains("permissions");
  }

  static boolean permissionName(String name) {
    List<String> words = JavaCode.words(name);
    if (words.size() < 2) {
      return name.equals("authorize") || name.equals("authorise");
    }
    return CHECK_VERBS.contains(words.get(0)) && words.stream().skip(1).anyMatch(CHECK_WORDS::contains)
        && !(words.get(0).equals("is") && words.size() == 2 && words.get(1).equals("in"));
  }

  private static boolean rejects(IfStmt ifStmt) {
    Node then = ifStmt.getThenStmt();
    return then.findFirst(ThrowStmt.class).isPresent() || then.findFirst(ReturnStmt.class).isPresent()
        || then.findAll(MethodCallExpr.class).stream().anyMatch(c -> c.getNameAsString().equals("close")
            || c.getNameAsString().toLowerCase(Locale.ROOT).contains("error") || c.getNameAsString().equals("deny"))
        || ifStmt.getElseStmt().isPresent();
  }
}
