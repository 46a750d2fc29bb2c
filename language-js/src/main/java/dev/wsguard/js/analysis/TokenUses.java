package dev.wsguard.js.analysis;

import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.js.facts.TokenUseFact;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every call in a file that decodes or verifies a token (jsonwebtoken, jose, jwt-decode, firebase-admin, supabase,
 * next-auth, hand-rolled base64 of the payload segment), with whether a decoded result is trusted and whether a
 * verification failure is swallowed.
 */
public final class TokenUses {
  /** Claims that only pick a key or check freshness: reading them alone does not trust the token. */
  private static final Set<String> UNTRUSTED_READS = Set.of("header", "kid", "alg", "typ", "exp", "iat", "nbf",
      "jku", "x5u");
  private static final Set<String> LOGGERS = Set.of("console", "logger", "log", "debug", "winston", "pino");
  private static final Set<String> REJECTING_CALLS = Set.of("reject", "destroy", "close", "terminate", "end", "exit",
      "sendStatus", "abort", "fail", "unauthorized", "deny", "writeHead", "disconnect");
  private static final Set<String> CALLBACKS = Set.of("next", "done", "cb", "callback");
  private static final int MAX_DEPTH = 3;

  private final FileContext cx;

  public TokenUses(FileContext cx) {
    this.cx = cx;
  }

  public List<TokenUseFact> find() {
    List<TokenUseFact> out = new ArrayList<>();
    for (Node n : cx.tree().root().descendants()) {
      if (!n.is("call_expression")) {
        continue;
      }
      CallKind kind = cx.tokenCall(n);
      if (!kind.token()) {
        continue;
      }
      if (kind.type() == CallKind.Type.VERIFY) {
        out.add(new TokenUseFact(verify(n, kind), owners(n)));
      } else if (kind.type() == CallKind.Type.DECODE) {
        TokenUse use = new TokenUse(n.location(), kind.library(), false, trusted(decodedValue(n), 0), false, null,
            null);
        out.add(new TokenUseFact(use, owners(n)));
      }
    }
    return out;
  }

  private List<String> owners(Node n) {
    List<String> keys = new ArrayList<>();
    for (Node p = n.parent(); p != null; p = p.parent()) {
      if (Syntax.isFunction(p)) {
        keys.add(cx.summaries().keyOf(p));
      }
    }
    return keys;
  }

  // ---- verify: swallowed failures ----

  private TokenUse verify(Node call, CallKind kind) {
    SourceLocation swallowed = null;
    Node callback = lastFunction(call);
    if (kind.failure() == ApiTables.Failure.CALLBACK && callback != null) {
      swallowed = callbackSwallows(callback);
    } else {
      Node promiseCatch = promiseCatch(call);
      if (promiseCatch != null) {
        swallowed = promiseCatchSwallows(promiseCatch);
      } else {
        Node tryStatement = enclosingTry(call);
        if (tryStatement != null) {
          swallowed = catchSwallows(tryStatement, call);
        }
      }
    }
    return new TokenUse(call.location(), kind.library(), true, true, swallowed != null, swallowed, null);
  }

  private static Node lastFunction(Node call) {
    List<Node> args = Syntax.arguments(call);
    for (int i = args.size() - 1; i >= 0; i--) {
      if (Syntax.isFunction(Syntax.unwrap(args.get(i)))) {
        return Syntax.unwrap(args.get(i));
      }
    }
    return null;
  }

  /** A verify callback that never stops on its error argument lets failures through. */
  private SourceLocation callbackSwallows(Node callback) {
    Node err = PathWalker.declarationOfParameter(callback, 0);
    if (err == null) {
      return callback.location();
    }
    for (Node n : callback.descendants()) {
      Node condition = null;
      Node consequence = null;
      if (n.is("if_statement")) {
        condition = n.child("condition");
        consequence = n.child("consequence");
      } else if (n.is("ternary_expression")) {
        condition = n.child("condition");
        consequence = n.child("consequence");
      } else if (n.is("binary_expression") && List.of("&&", "||").contains(Syntax.operator(n))) {
        condition = n.child("left");
        consequence = n.child("right");
      }
      if (condition != null && mentions(condition, err) && consequence != null && stops(consequence)) {
        return null;
      }
      // cb(!err), done(err), reject(err): the error is passed on to whoever decides
      if (n.is("call_expression") && !logs(n)) {
        for (Node argument : Syntax.arguments(n)) {
          if (mentions(argument, err)) {
            return null;
          }
        }
      }
    }
    return callback.location();
  }

  private static boolean logs(Node call) {
    Node callee = Syntax.callee(call);
    Node base = callee == null ? null : Syntax.base(callee);
    return base != null && LOGGERS.contains(base.text());
  }

  private boolean mentions(Node expr, Node declaration) {
    for (Node n : expr.descendants()) {
      if (n.is("identifier") && cx.scopes().declarationOf(n) == declaration) {
        return true;
      }
    }
    return false;
  }

  /** {@code verify(t).catch(...)}, through {@code .then(...)} links. */
  private static Node promiseCatch(Node call) {
    Node current = call;
    while (true) {
      Node parent = Syntax.wrappedAwait(current).parent();
      if (parent == null || !parent.is("member_expression")) {
        return null;
      }
      Node link = parent.parent();
      if (link == null || !link.is("call_expression")) {
        return null;
      }
      String name = Syntax.lastName(parent);
      if ("catch".equals(name)) {
        return link;
      }
      if (!"then".equals(name) && !"finally".equals(name)) {
        return null;
      }
      current = link;
    }
  }

  private SourceLocation promiseCatchSwallows(Node catchCall) {
    Node handler = cx.localFunction(Syntax.argument(catchCall, 0));
    if (handler == null) {
      return null;
    }
    Node body = Syntax.body(handler);
    if (body != null && !body.is("statement_block")) {
      return Syntax.isFalsyLiteral(body) || rejecting(body) ? null : catchCall.location();
    }
    return stops(body) ? null : catchCall.location();
  }

  private static Node enclosingTry(Node call) {
    Node child = call;
    for (Node p = call.parent(); p != null && !Syntax.isFunction(p); p = p.parent()) {
      if (p.is("try_statement") && child == p.child("body")) {
        return p;
      }
      child = p;
    }
    return null;
  }

  /** A catch that neither rethrows, returns, rejects, closes nor destroys, and is not followed by a check. */
  private SourceLocation catchSwallows(Node tryStatement, Node call) {
    Node handler = tryStatement.child("handler");
    if (handler == null) {
      return null;
    }
    Node body = handler.child("body");
    if (body != null && stops(body)) {
      return null;
    }
    if (checkedAfterwards(tryStatement, call)) {
      return null;
    }
    return handler.location();
  }

  /** True when code stops the flow: throws, returns (anything but a made-up identity), rejects or closes. */
  private boolean stops(Node code) {
    if (code == null) {
      return false;
    }
    Node first = Syntax.unwrap(code);
    if (first != null && !first.isAny("statement_block", "expression_statement", "if_statement")
        && first.is("call_expression")) {
      return rejecting(first);
    }
    for (Node n : code.descendants()) {
      if (n != code && Syntax.isFunction(n)) {
        continue;
      }
      if (n.is("throw_statement")) {
        return true;
      }
      if (n.is("return_statement") && returnsFailure(n.namedChild(0))) {
        return true;
      }
      if (n.is("call_expression") && rejectsHere(n)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A rejecting call, or a call of a function of this file whose body makes one ({@code refuse(socket, 401)} with
   * {@code function refuse(s, code) { s.end(...) }}). One level only: helpers of helpers are not followed.
   */
  private boolean rejectsHere(Node call) {
    if (rejecting(call)) {
      return true;
    }
    Node callee = Syntax.callee(Syntax.unwrapAwait(call));
    Node local = callee == null ? null : cx.localFunction(callee);
    if (local == null || local.within(call)) {
      return false;
    }
    for (Node n : local.descendants()) {
      if (n.is("call_expression") && rejecting(n) && !insideNestedFunction(n, local)) {
        return true;
      }
    }
    return false;
  }

  private static boolean insideNestedFunction(Node n, Node fn) {
    for (Node p = n.parent(); p != null && p != fn; p = p.parent()) {
      if (Syntax.isFunction(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A return that tells the caller it failed: nothing, a falsy value, the error, a rejection or an error response.
   * Returning claims decoded anyway or a default user carries on instead.
   */
  private boolean returnsFailure(Node returned) {
    Node value = Syntax.unwrapAwait(returned);
    if (value == null || Syntax.isFalsyLiteral(value)) {
      return true;
    }
    if (value.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(value);
      return declaration != null && declaration.parent() != null && declaration.parent().is("catch_clause");
    }
    if (value.is("new_expression")) {
      Node constructor = Syntax.unwrap(value.child("constructor"));
      return constructor != null && constructor.text().endsWith("Error");
    }
    if (value.is("call_expression")) {
      if (cx.isAuthCall(value)) {
        return false;
      }
      if (rejectsHere(value)) {
        return true;
      }
      // res.status(401).json(...), Promise.reject(err)
      for (Node n : value.descendants()) {
        if (n.is("call_expression") && rejecting(n)) {
          return true;
        }
      }
      String name = String.valueOf(Syntax.calleeName(value)).toLowerCase(Locale.ROOT);
      return name.contains("reject") || name.contains("error") || name.contains("fail") || name.contains("deny")
          || name.contains("unauthori");
    }
    return false;
  }

  private static boolean rejecting(Node call) {
    Node e = Syntax.unwrapAwait(call);
    if (e == null || !e.is("call_expression")) {
      return false;
    }
    String name = Syntax.calleeName(e);
    if (name == null) {
      return false;
    }
    Node first = Syntax.unwrap(Syntax.argument(e, 0));
    if (CALLBACKS.contains(name)) {
      // cb(false, 401) and next(err) reject; cb(true), done(null, user) and next() go on
      return first != null && !first.isAny("true", "null", "undefined");
    }
    if (REJECTING_CALLS.contains(name)) {
      return true;
    }
    if (name.equals("status")) {
      String code = first == null ? "" : first.text();
      return code.startsWith("4") || code.startsWith("5");
    }
    if (name.equals("write")) {
      String written = Syntax.stringValue(first);
      return written != null && written.toUpperCase(Locale.ROOT).matches("HTTP/1\\.[01] [45].*");
    }
    return false;
  }

  /** {@code try { user = verify(...) } catch (e) { log(e) } if (!user) return ...}: the check after the try. */
  private boolean checkedAfterwards(Node tryStatement, Node call) {
    Node assigned = assignedBinding(call);
    if (assigned == null) {
      return false;
    }
    for (Node next = tryStatement.nextNamedSibling(); next != null; next = next.nextNamedSibling()) {
      if (next.is("if_statement") && mentions(next.child("condition"), assigned)
          && stops(next.child("consequence"))) {
        return true;
      }
    }
    return false;
  }

  private Node assignedBinding(Node call) {
    Node p = Syntax.wrappedAwait(call).parent();
    if (p == null) {
      return null;
    }
    if (p.is("variable_declarator") && p.child("name").is("identifier")) {
      return p.child("name");
    }
    if (p.is("assignment_expression")) {
      Node left = Syntax.unwrap(p.child("left"));
      return left != null && left.is("identifier") ? cx.scopes().declarationOf(left) : null;
    }
    return null;
  }

  // ---- decode: trusted results ----

  /** The expression holding the decoded claims: the call, or the JSON.parse around a hand-rolled decode. */
  private static Node decodedValue(Node call) {
    Node value = call;
    while (true) {
      value = Syntax.wrappedAwait(value);
      Node p = value.parent();
      if (p == null) {
        return value;
      }
      // Buffer.from(...).toString()
      if (p.is("member_expression") && "toString".equals(Syntax.lastName(p)) && p.parent() != null
          && p.parent().is("call_expression")) {
        value = p.parent();
        continue;
      }
      // JSON.parse(<value>)
      if (p.is("arguments") && p.parent() != null && "parse".equals(Syntax.calleeName(p.parent()))) {
        value = p.parent();
        continue;
      }
      return value;
    }
  }

  private boolean trusted(Node value, int depth) {
    if (depth > MAX_DEPTH) {
      return true;
    }
    value = Syntax.wrappedAwait(value);
    Node p = value.parent();
    if (p == null) {
      return false;
    }
    switch (p.type()) {
      case "expression_statement" -> {
        return false;
      }
      case "unary_expression", "binary_expression" -> {
        // decoded && keys[decoded.header.kid]: the left side of && only tests presence; when it holds, the
        // expression is the right side, so the decoded value itself goes nowhere through this use
        if (p.is("binary_expression") && "&&".equals(Syntax.operator(p)) && p.child("left") == value) {
          return false;
        }
        // if (!decoded) throw ...: a presence test that guards a later verification trusts nothing
        return !(presenceTest(p, value) && inCondition(p) && verifiesNearby(p));
      }
      case "member_expression", "subscript_expression" -> {
        String name = Syntax.lastName(p);
        if (name == null) {
          return true;
        }
        // a claim read goes wherever the read goes: a log line, or an identity
        return !UNTRUSTED_READS.contains(name) && trusted(p, depth + 1);
      }
      case "return_statement" -> {
        return returnTrusted(Syntax.enclosingFunction(p), depth);
      }
      case "arrow_function" -> {
        return value != p.child("body") || returnTrusted(p, depth);
      }
      case "ternary_expression" -> {
        // token ? decode(token) : null holds what the branch holds; decode(t) ? a : b only tests presence
        return value != p.child("condition") && trusted(p, depth + 1);
      }
      case "pair" -> {
        Node object = p.parent();
        return object == null || trusted(object, depth + 1);
      }
      case "template_substitution" -> {
        Node template = p.parent();
        return template == null || trusted(template, depth + 1);
      }
      case "arguments" -> {
        Node call = p.parent();
        Node callee = call == null ? null : Syntax.callee(call);
        Node base = callee == null ? null : Syntax.base(callee);
        return base == null || !LOGGERS.contains(base.text());
      }
      case "variable_declarator" -> {
        Node name = p.child("name");
        if (name.is("identifier")) {
          return usesTrusted(name, depth);
        }
        if (name.is("object_pattern")) {
          for (Node id : Syntax.boundIdentifiers(name)) {
            String key = ApiResolver.destructuredKey(id, name);
            if (key != null && key.equals("payload") || key != null && !UNTRUSTED_READS.contains(key)) {
              return true;
            }
          }
          return false;
        }
        return true;
      }
      default -> {
        return true;
      }
    }
  }

  /**
   * A value returned by a function of this file is trusted where its callers trust it: a helper whose result only
   * reaches log lines trusts nothing. A function that leaves the file (exported, passed on) is trusted.
   */
  private boolean returnTrusted(Node fn, int depth) {
    if (fn == null) {
      return true;
    }
    Node binding = null;
    Node declaration = fn;
    if (fn.is("function_declaration")) {
      binding = fn.child("name");
    } else if (fn.parent() != null && fn.parent().is("variable_declarator")) {
      binding = fn.parent().child("name");
      declaration = fn.parent().parent();
    }
    if (binding == null || !binding.is("identifier") || declaration == null
        || declaration.parent() != null && declaration.parent().is("export_statement")) {
      return true;
    }
    List<Node> sites = new ArrayList<>();
    for (Node n : cx.tree().root().descendants()) {
      if (n == binding || !n.is("identifier") || !n.text().equals(binding.text())
          || cx.scopes().declarationOf(n) != binding) {
        continue;
      }
      Node parent = n.parent();
      if (parent == null || !parent.is("call_expression") || Syntax.callee(parent) != n) {
        return true; // exported, or handed on
      }
      sites.add(parent);
    }
    if (sites.isEmpty()) {
      return true;
    }
    for (Node site : sites) {
      if (trusted(site, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean presenceTest(Node test, Node value) {
    if (test.is("unary_expression")) {
      return "!".equals(Syntax.operator(test));
    }
    String op = Syntax.operator(test);
    if (op == null) {
      return false;
    }
    if (op.equals("&&") || op.equals("||")) {
      return test.child("left") == value;
    }
    if (!List.of("===", "!==", "==", "!=").contains(op)) {
      return false;
    }
    Node other = test.child("left") == value ? test.child("right") : test.child("left");
    Node o = Syntax.unwrap(other);
    return o != null && (o.isAny("null", "undefined") || o.is("identifier") && o.text().equals("undefined"));
  }

  /** True when the function around the node also verifies a token: the decode only prepares that. */
  private boolean verifiesNearby(Node n) {
    Node fn = Syntax.enclosingFunction(n);
    Node scope = fn != null ? fn : cx.tree().root();
    for (Node d : scope.descendants()) {
      if (d.is("call_expression") && cx.tokenCall(d).type() == CallKind.Type.VERIFY) {
        return true;
      }
    }
    return false;
  }

  /** True when the expression is (part of) an if, while or ternary condition. */
  private static boolean inCondition(Node expr) {
    Node child = expr;
    for (Node p = expr.parent(); p != null; p = p.parent()) {
      if (p.isAny("if_statement", "while_statement", "ternary_expression") && child == p.child("condition")) {
        return true;
      }
      if (!p.isAny("parenthesized_expression", "unary_expression", "binary_expression")) {
        return false;
      }
      child = p;
    }
    return false;
  }

  private boolean usesTrusted(Node declaration, int depth) {
    Node scope = Syntax.enclosingFunction(declaration);
    Node root = scope != null ? scope : cx.tree().root();
    for (Node n : root.descendants()) {
      if (n != declaration && n.is("identifier") && n.text().equals(declaration.text())
          && cx.scopes().declarationOf(n) == declaration && trusted(n, depth + 1)) {
        return true;
      }
    }
    return false;
  }
}
