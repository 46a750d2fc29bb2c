package dev.wsguard.js.analysis;

import dev.wsguard.core.model.Strength;
import dev.wsguard.js.facts.Term;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a branch condition: which evidence holds when it is true and which when it is false. {@code !user} holds
 * the verification on its false side, {@code ALLOWED.includes(origin)} an Origin allow-list check on its true side,
 * {@code ws.user.role !== 'admin'} a permission check on its false side.
 */
final class Conditions {
  private static final Set<String> ALLOW_LIST_METHODS = Set.of("includes", "has", "test", "endsWith", "startsWith",
      "match", "some", "find", "contains");
  private static final Set<String> PASSWORD_FIELDS = Set.of("pass", "password", "passwd", "secret");

  /** Evidence on each side of a condition; both empty means the condition is neutral. */
  record Branches(List<Term> whenTrue, List<Term> whenFalse) {
    static final Branches NEUTRAL = new Branches(List.of(), List.of());

    boolean neutral() {
      return whenTrue.isEmpty() && whenFalse.isEmpty();
    }

    Branches swap() {
      return new Branches(whenFalse, whenTrue);
    }
  }

  private final FileContext cx;
  private final Identity identity;

  Conditions(FileContext cx) {
    this.cx = cx;
    this.identity = new Identity(cx);
  }

  Branches evaluate(Node condition, Path path) {
    return evaluate(condition, path, 0);
  }

  private Branches evaluate(Node condition, Path path, int depth) {
    Node e = Syntax.unwrapAwait(condition);
    if (e == null || depth > 24) {
      return Branches.NEUTRAL;
    }
    switch (e.type()) {
      case "unary_expression" -> {
        if ("!".equals(Syntax.operator(e))) {
          return evaluate(e.child("argument"), path, depth + 1).swap();
        }
        return Branches.NEUTRAL;
      }
      case "binary_expression" -> {
        return binary(e, path, depth);
      }
      case "call_expression" -> {
        Term session = sessionCheck(e, path);
        return session != null ? new Branches(List.of(session), List.of()) : new Branches(callTerms(e, path), List.of());
      }
      case "identifier", "member_expression", "subscript_expression" -> {
        return truthiness(e, path);
      }
      case "assignment_expression" -> {
        return evaluate(e.child("right"), path, depth + 1);
      }
      default -> {
        return Branches.NEUTRAL;
      }
    }
  }

  private Branches binary(Node e, Path path, int depth) {
    String op = Syntax.operator(e);
    Node left = e.child("left");
    Node right = e.child("right");
    if (op == null) {
      return Branches.NEUTRAL;
    }
    switch (op) {
      case "&&" -> {
        Branches a = evaluate(left, path, depth + 1);
        Branches b = evaluate(right, path, depth + 1);
        return new Branches(union(a.whenTrue(), b.whenTrue()), intersection(a.whenFalse(), b.whenFalse()));
      }
      case "||", "??" -> {
        Branches a = evaluate(left, path, depth + 1);
        Branches b = evaluate(right, path, depth + 1);
        return new Branches(intersection(a.whenTrue(), b.whenTrue()), union(a.whenFalse(), b.whenFalse()));
      }
      case "===", "==", "!==", "!=" -> {
        boolean equal = op.equals("===") || op.equals("==");
        Branches whenEqual = narrowed(equality(left, right, path, depth), left, right, op.length() == 2);
        return equal ? whenEqual : whenEqual.swap();
      }
      case ">", ">=" -> {
        // ALLOWED.indexOf(origin) >= 0
        return indexOfOrigin(left) ? new Branches(List.of(originAllow(e)), List.of()) : Branches.NEUTRAL;
      }
      default -> {
        return Branches.NEUTRAL;
      }
    }
  }

  /**
   * A comparison with null or undefined catches only those failure values of a helper's result: {@code user === null}
   * lets a helper's {@code false} through, {@code user == null} catches null and undefined.
   */
  private static Branches narrowed(Branches b, Node left, Node right, boolean loose) {
    Node l = Syntax.unwrapAwait(left);
    Node r = Syntax.unwrapAwait(right);
    if (l != null && r != null && l.is("unary_expression") && "typeof".equals(Syntax.operator(l))
        && "undefined".equals(Syntax.stringValue(r))) {
      // typeof user === 'undefined' catches only undefined, loose or strict
      return new Branches(narrow(b.whenTrue(), Term.Catches.UNDEFINED), narrow(b.whenFalse(), Term.Catches.UNDEFINED));
    }
    Node nullish = l != null && isNullish(l) ? l : r != null && isNullish(r) ? r : null;
    if (nullish == null) {
      return b;
    }
    Term.Catches only = loose ? Term.Catches.NULLISH
        : nullish.is("null") ? Term.Catches.NULL : Term.Catches.UNDEFINED;
    return new Branches(narrow(b.whenTrue(), only), narrow(b.whenFalse(), only));
  }

  private static List<Term> narrow(List<Term> terms, Term.Catches only) {
    List<Term> out = new ArrayList<>(terms.size());
    for (Term t : terms) {
      out.add(t.kind() == Term.Kind.AUTH_HELPER && t.resultChecked() ? t.checkedFor(only) : t);
    }
    return out;
  }

  /** What holds when {@code left} equals {@code right} (true side) and when it does not (false side). */
  private Branches equality(Node left, Node right, Path path, int depth) {
    Node l = Syntax.unwrapAwait(left);
    Node r = Syntax.unwrapAwait(right);
    if (l == null || r == null) {
      return Branches.NEUTRAL;
    }
    // x === null, x === undefined: the same as !x
    if (isNullish(r)) {
      return evaluate(l, path, depth + 1).swap();
    }
    if (isNullish(l)) {
      return evaluate(r, path, depth + 1).swap();
    }
    // typeof x === 'undefined'
    if (l.is("unary_expression") && "typeof".equals(Syntax.operator(l))
        && "undefined".equals(Syntax.stringValue(r))) {
      return evaluate(l.child("argument"), path, depth + 1).swap();
    }
    // ALLOWED.indexOf(origin) === -1
    if (indexOfOrigin(l) && r.text().equals("-1") || indexOfOrigin(r) && l.text().equals("-1")) {
      return new Branches(List.of(), List.of(originAllow(l.parent())));
    }
    Value lv = cx.valueOf(l);
    Value rv = cx.valueOf(r);
    if (lv instanceof Value.OriginHeader || rv instanceof Value.OriginHeader) {
      Node other = lv instanceof Value.OriginHeader ? r : l;
      if ("*".equals(Syntax.stringValue(other))) {
        return new Branches(List.of(Term.of(Term.Kind.ORIGIN_ANY, l.parent().location(), Syntax.compact(l.parent()))),
            List.of());
      }
      return new Branches(List.of(originAllow(l.parent())), List.of());
    }
    List<Term> equal = new ArrayList<>();
    for (Value v : List.of(lv, rv)) {
      if (v instanceof Value.Verified verified) {
        equal.add(verified.term().checked());
      }
    }
    if (passwordField(l, lv) || passwordField(r, rv)) {
      equal.add(((Value.Credentials) (lv instanceof Value.Credentials ? lv : rv)).term());
    }
    if (identity.isIdentity(l) || identity.isIdentity(r)) {
      Term.Kind kind = roleRead(l) || roleRead(r) ? Term.Kind.ROLE : Term.Kind.PERMISSION;
      equal.add(Term.of(kind, l.parent().location(), Syntax.compact(l.parent())));
    }
    return new Branches(equal, List.of());
  }

  /** {@code user.role}, {@code claims.roles[0]}: a read of a role property. */
  private boolean roleRead(Node expr) {
    List<String> path = Syntax.memberPath(expr);
    if (path == null) {
      return false;
    }
    for (int i = 1; i < path.size(); i++) {
      if (cx.tables().isRoleProperty(path.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNullish(Node n) {
    return n.isAny("null", "undefined") || n.is("identifier") && n.text().equals("undefined");
  }

  private boolean passwordField(Node expr, Value value) {
    return value instanceof Value.Credentials && PASSWORD_FIELDS.contains(String.valueOf(Syntax.lastName(expr)));
  }

  private Branches truthiness(Node e, Path path) {
    Value v = cx.valueOf(e);
    if (v instanceof Value.Verified verified) {
      // socket.data.player.isModerator on a verified player: also a role check
      String property = Syntax.lastName(e);
      if (e.is("member_expression") && property != null && cx.tables().isRoleProperty(property)) {
        return new Branches(List.of(verified.term().checked(), Term.of(Term.Kind.ROLE, e.location(),
            Syntax.compact(e))), failed(verified.term()));
      }
      return new Branches(List.of(verified.term().checked()), failed(verified.term()));
    }
    if (v instanceof Value.Failure failure) {
      return new Branches(failed(failure.term()), List.of(failure.term().checked()));
    }
    if (v instanceof Value.OriginHeader) {
      return new Branches(List.of(Term.of(Term.Kind.ORIGIN_PRESENCE, e.location(), Syntax.compact(e))), List.of());
    }
    Term session = sessionCheck(e, path);
    if (session != null) {
      return new Branches(List.of(session), List.of());
    }
    // ws.user.isAdmin, user.admin
    String name = Syntax.lastName(e);
    if (name != null && cx.tables().isRoleProperty(name) && identity.isIdentity(Syntax.object(e))) {
      return new Branches(List.of(Term.of(Term.Kind.ROLE, e.location(), Syntax.compact(e))), List.of());
    }
    return Branches.NEUTRAL;
  }

  /**
   * What holds where a verification is known to have failed: a path that goes on from there to the accept lets a
   * failed check through. Only for a verification of a known library; a helper's failure is judged from its summary.
   */
  private static List<Term> failed(Term verification) {
    if (verification.kind() != Term.Kind.AUTH || verification.strength() != Strength.VERIFIED) {
      return List.of();
    }
    return List.of(Term.auth(Strength.FAILS_OPEN, verification.evidence(),
        verification.detail() + " (its failure is checked, but execution carries on)"));
  }

  /**
   * {@code req.session.userId} after a session parser ran on this path: the session holds a signed-in user. A
   * {@code const} copy counts the same ({@code const userId = req.session.userId}, {@code const { userId } =
   * req.session}): a constant cannot be changed between the copy and the check.
   */
  private Term sessionCheck(Node e, Path path) {
    Term parsed = path.facts.get("session");
    if (parsed == null) {
      return null;
    }
    Node checked = Syntax.unwrap(e);
    // req.isAuthenticated() (passport) reads the user its session middleware restored
    if (checked != null && checked.is("call_expression") && "isAuthenticated".equals(Syntax.calleeName(checked))
        && Syntax.arguments(checked).isEmpty()) {
      return parsed;
    }
    if (checked != null && checked.is("identifier")) {
      return constantCopyOfSessionField(checked) ? parsed : null;
    }
    return isSessionField(checked) || isFieldOfSessionCopy(checked) ? parsed : null;
  }

  /** {@code session.userId} after {@code const session = socket.request.session}. */
  private boolean isFieldOfSessionCopy(Node e) {
    List<String> names = e == null ? null : Syntax.memberPath(e);
    Node base = names == null || names.size() < 2 ? null : Syntax.base(e);
    Node declaration = base != null && base.is("identifier") ? cx.scopes().declarationOf(base) : null;
    Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
    if (declarator == null || declarator.child("name") != declaration || !isConst(declarator)) {
      return false;
    }
    List<String> value = Syntax.memberPath(Syntax.unwrap(declarator.child("value")));
    return value != null && (value.size() == 2 && value.get(1).equals("session")
        || value.size() == 3 && value.get(1).equals("request") && value.get(2).equals("session"));
  }

  private static boolean isSessionField(Node e) {
    if (e == null || !e.isAny("member_expression", "subscript_expression")) {
      return false;
    }
    List<String> names = Syntax.memberPath(e);
    if (names != null && names.size() >= 4 && names.get(1).equals("request") && names.get(2).equals("session")) {
      return true; // socket.request.session.userId: Socket.IO's copy of the upgrade request
    }
    return names != null && names.size() >= 3 && names.get(1).equals("session");
  }

  private boolean constantCopyOfSessionField(Node identifier) {
    Node declaration = cx.scopes().declarationOf(identifier);
    Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
    if (declarator == null || !isConst(declarator)) {
      return false;
    }
    Node value = Syntax.unwrap(declarator.child("value"));
    if (declarator.child("name") == declaration) {
      return isSessionField(value);
    }
    // const { userId } = req.session: a field destructured out of the session object
    Node pattern = declaration.parent();
    if (value == null || pattern == null || !pattern.is("object_pattern") || pattern.parent() != declarator) {
      return false;
    }
    List<String> names = Syntax.memberPath(value);
    return names != null && (names.size() == 2 && names.get(1).equals("session")
        || names.size() == 3 && names.get(1).equals("request") && names.get(2).equals("session"));
  }

  private static boolean isConst(Node declarator) {
    Node declaration = declarator.parent();
    if (declaration == null || !declaration.is("lexical_declaration")) {
      return false;
    }
    for (Node c : declaration.children()) {
      if (c.is("const")) {
        return true;
      }
    }
    return false;
  }

  List<Term> callTerms(Node call, Path path) {
    List<Term> terms = new ArrayList<>();
    CallKind kind = cx.classify(call);
    if (kind.type() == CallKind.Type.VERIFY || kind.type() == CallKind.Type.DECODE) {
      terms.add(kind.term());
    } else if (kind.type() == CallKind.Type.HELPER) {
      terms.add(kind.term().checked());
    }
    Term origin = originCall(call);
    if (origin != null) {
      terms.add(origin);
    }
    for (Node argument : Syntax.arguments(call)) {
      Value v = cx.valueOf(argument);
      if (passwordField(argument, v)) {
        terms.add(((Value.Credentials) v).term());
      }
    }
    Term permission = identity.permissionCall(call);
    if (permission != null) {
      terms.add(permission);
    }
    return terms;
  }

  /** {@code ALLOWED.includes(origin)}, {@code /re/.test(origin)}, {@code isAllowedOrigin(origin)}. */
  private Term originCall(Node call) {
    String method = Syntax.calleeName(call);
    Node receiver = Syntax.receiver(call);
    boolean originArgument = false;
    for (Node argument : Syntax.arguments(call)) {
      originArgument |= cx.valueOf(argument) instanceof Value.OriginHeader;
    }
    boolean originReceiver = receiver != null && cx.valueOf(receiver) instanceof Value.OriginHeader;
    if (!originArgument && !originReceiver) {
      return null;
    }
    if (method != null && ALLOW_LIST_METHODS.contains(method)) {
      if (receiver != null && acceptsAnything(receiver)) {
        return Term.of(Term.Kind.ORIGIN_ANY, call.location(), Syntax.compact(call));
      }
      return originAllow(call);
    }
    Node local = cx.localFunction(Syntax.callee(call));
    if (local != null) {
      return checksOriginList(local) ? originAllow(call)
          : Term.of(Term.Kind.ORIGIN_UNKNOWN, call.location(), Syntax.compact(call));
    }
    return Term.of(Term.Kind.ORIGIN_UNKNOWN, call.location(), Syntax.compact(call));
  }

  /** A local origin helper that compares its argument with a list or a constant. */
  private boolean checksOriginList(Node fn) {
    for (Node n : fn.descendants()) {
      if (n.is("call_expression") && ALLOW_LIST_METHODS.contains(String.valueOf(Syntax.calleeName(n)))) {
        return true;
      }
      if (n.is("binary_expression") && List.of("===", "==").contains(Syntax.operator(n))) {
        return true;
      }
    }
    return false;
  }

  /** A list written with a wildcard (['*']) lets every Origin in. */
  private boolean acceptsAnything(Node receiver) {
    Node e = Syntax.unwrap(receiver);
    if (e.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(e);
      Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
      e = declarator == null ? e : Syntax.unwrap(declarator.child("value"));
    }
    if (e == null) {
      return false;
    }
    for (Node n : e.descendants()) {
      if ("*".equals(Syntax.stringValue(n))) {
        return true;
      }
    }
    return false;
  }

  private boolean indexOfOrigin(Node expr) {
    Node e = Syntax.unwrap(expr);
    if (e == null || !e.is("call_expression") || !"indexOf".equals(Syntax.calleeName(e))) {
      return false;
    }
    return cx.valueOf(Syntax.argument(e, 0)) instanceof Value.OriginHeader;
  }

  private static Term originAllow(Node check) {
    return Term.of(Term.Kind.ORIGIN_ALLOW, check.location(), Syntax.compact(check));
  }

  private static List<Term> union(List<Term> a, List<Term> b) {
    if (b.isEmpty()) {
      return a;
    }
    List<Term> out = new ArrayList<>(a);
    for (Term t : b) {
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * What holds on both sides. A verification must be the same one; an Origin or permission check only of the same
   * kind ({@code role !== 'admin' && role !== 'moderator'} checks the role whichever side fails).
   */
  private static List<Term> intersection(List<Term> a, List<Term> b) {
    List<Term> out = new ArrayList<>();
    for (Term t : a) {
      boolean shared = t.isAuth() ? b.contains(t)
          : b.stream().anyMatch(o -> o.kind() == t.kind() || t.checksUser() && o.checksUser());
      if (shared) {
        out.add(t);
      }
    }
    return out;
  }
}
