package dev.wsguard.js.analysis;

import dev.wsguard.js.facts.Term;
import dev.wsguard.js.parse.Node;
import java.util.List;
import java.util.Set;

/**
 * Recognises the authenticated user of a connection ({@code ws.user}, {@code req.session}, {@code claims}, a
 * verification's result) and the checks made on it (roles, ownership, permission helpers).
 */
final class Identity {
  private static final Set<String> LIST_METHODS = Set.of("includes", "has", "some", "every", "indexOf", "contains");
  private static final Set<String> CHECK_WORDS = Set.of("check", "allow", "allowed", "permit", "permitted", "access",
      "acl", "policy", "guard", "ensure", "assert", "may", "authz", "rbac", "abac", "enforce", "authorized",
      "authorised");

  private final FileContext cx;

  Identity(FileContext cx) {
    this.cx = cx;
  }

  boolean isIdentity(Node expr) {
    return isIdentity(expr, 0);
  }

  private boolean isIdentity(Node expr, int depth) {
    Node e = Syntax.unwrapAwait(expr);
    if (e == null || depth > 4) {
      return false;
    }
    if (e.is("call_expression")) {
      // sessionOf.get(req)!, String(user.id)
      Node receiver = Syntax.receiver(e);
      String name = Syntax.calleeName(e);
      if ("String".equals(name) || "Number".equals(name)) {
        return isIdentity(Syntax.argument(e, 0), depth + 1);
      }
      return receiver != null && "get".equals(name) && firstWordIsIdentity(Syntax.lastName(receiver));
    }
    if (!e.isAny("identifier", "member_expression", "subscript_expression", "shorthand_property_identifier")) {
      return false;
    }
    if (cx.messageDerived(e)) {
      return false;
    }
    if (cx.valueOf(e) instanceof Value.Verified) {
      return true;
    }
    List<String> path = Syntax.memberPath(e);
    if (path == null) {
      return false;
    }
    Role baseRole = cx.roleOfExpression(Syntax.base(e));
    boolean onConnection = baseRole == Role.CONNECTION || baseRole == Role.REQUEST;
    for (int i = 0; i < path.size(); i++) {
      if (isIdentityName(path.get(i)) || i == 0 && path.size() == 1 && firstWordIsIdentity(path.get(0))) {
        return true;
      }
      // ws.userId, req.userId: what the handshake stored about the user on the connection
      if (i == 1 && onConnection && firstWordIsIdentity(path.get(1))) {
        return true;
      }
      // socket.data.userId: Socket.IO's place for what the handshake learnt about the connection
      if (i == 2 && onConnection && path.get(1).equals("data") && firstWordIsIdentity(path.get(2))) {
        return true;
      }
    }
    Node base = Syntax.base(e);
    if (base != null && base.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(base);
      Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
      if (declarator != null && declarator.child("value") != null) {
        return isIdentity(declarator.child("value"), depth + 1);
      }
    }
    return false;
  }

  /** {@code userId}, {@code userOf}: a name whose first word names the user. */
  private boolean firstWordIsIdentity(String name) {
    List<String> words = Words.split(name);
    return !words.isEmpty() && isIdentityName(words.get(0));
  }

  private boolean isIdentityName(String name) {
    return name != null && cx.tables().isIdentityName(name);
  }

  /** A call that checks the user's permission: a permission helper, or a role list lookup on the user. */
  Term permissionCall(Node call) {
    String name = Syntax.calleeName(call);
    if (name == null) {
      return null;
    }
    if (cx.tables().isPermissionHelper(name)) {
      return Term.of(Term.Kind.PERMISSION, call.location(), Syntax.compact(call));
    }
    Node receiver = Syntax.receiver(call);
    if (receiver != null && LIST_METHODS.contains(name) && isIdentity(receiver)
        && cx.tables().isRoleProperty(String.valueOf(Syntax.lastName(receiver)))) {
      return Term.of(Term.Kind.ROLE, call.location(), Syntax.compact(call));
    }
    boolean identityArgument = Syntax.arguments(call).stream().anyMatch(this::isIdentity);
    if (!identityArgument) {
      return null;
    }
    Node local = cx.localFunction(Syntax.callee(call));
    if (local != null) {
      return checksUser(local) ? Term.of(Term.Kind.PERMISSION, call.location(), Syntax.compact(call)) : null;
    }
    if (Words.anyIn(name, CHECK_WORDS) != null) {
      return Term.of(Term.Kind.PERMISSION_UNKNOWN, call.location(), Syntax.compact(call));
    }
    return null;
  }

  /** A local helper that compares roles or ownership of what it is given. */
  private boolean checksUser(Node fn) {
    for (Node n : fn.descendants()) {
      if (n.is("property_identifier") && cx.tables().isRoleProperty(n.text())) {
        return true;
      }
      if (n.is("binary_expression") && List.of("===", "==", "!==", "!=").contains(Syntax.operator(n))) {
        return true;
      }
      if (n.is("call_expression") && cx.tables().isPermissionHelper(String.valueOf(Syntax.calleeName(n)))) {
        return true;
      }
    }
    return false;
  }
}
