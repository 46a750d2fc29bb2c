package dev.wsguard.js.analysis;

import dev.wsguard.js.facts.FunctionRef;
import dev.wsguard.js.facts.SummaryFact;
import dev.wsguard.js.facts.Term;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-function summaries for link time: how each path through the function ends (a truthy return, a falsy one, the
 * verification's own result, an exception) and what evidence holds on it. Helpers the function calls stay as
 * references, so a summary can depend on another file's.
 */
public final class FunctionSummaries {
  private final FileContext cx;
  private final Map<Node, SummaryFact> done = new IdentityHashMap<>();
  private final Map<String, SummaryFact> byKey = new LinkedHashMap<>();
  private final List<Node> inProgress = new ArrayList<>();
  private final Map<String, Node> functions = new LinkedHashMap<>();

  FunctionSummaries(FileContext cx) {
    this.cx = cx;
  }

  /** The key a function is known by within its file. */
  public String keyOf(Node fn) {
    String key = "fn@" + fn.startByte();
    functions.putIfAbsent(key, fn);
    return key;
  }

  /** The function a key was given to; null when none was. */
  public Node functionOf(String key) {
    return functions.get(key);
  }

  /** Summarises a function (memoised); a function being summarised already yields null (recursion). */
  public SummaryFact summarize(Node fn) {
    SummaryFact cached = done.get(fn);
    if (cached != null || inProgress.contains(fn)) {
      return cached;
    }
    inProgress.add(fn);
    try {
      SummaryFact summary = compute(fn);
      done.put(fn, summary);
      byKey.put(summary.key(), summary);
      return summary;
    } finally {
      inProgress.remove(fn);
    }
  }

  /** Every summary made so far, by key. */
  public Map<String, SummaryFact> all() {
    return byKey;
  }

  private SummaryFact compute(Node fn) {
    PathWalker walker = new PathWalker(cx, fn2 -> false);
    Node callback = callbackParameter(fn);
    if (callback != null) {
      walker.alias(callback, decisionStyle(fn, callback) ? PathWalker.Alias.DECISION_CALLBACK
          : nextStyle(fn, callback) ? PathWalker.Alias.NEXT_CALLBACK : PathWalker.Alias.NODE_CALLBACK);
    }
    List<Outcome> outcomes = walker.walk(fn, List.of(Path.start()));
    List<SummaryFact.Exit> exits = new ArrayList<>();
    for (Outcome o : outcomes) {
      // a function that answers through its callback says nothing by returning or ending
      boolean silent = callback != null && (o.kind() == Outcome.Kind.END
          || o.kind() == Outcome.Kind.RETURN && o.at().is("return_statement"));
      if (silent) {
        continue;
      }
      for (Path p : o.paths()) {
        exits.add(exit(o, p));
      }
    }
    List<FunctionRef> calls = new ArrayList<>();
    for (Node n : fn.descendants()) {
      if (n.is("call_expression")) {
        CallKind kind = cx.classify(n);
        if (kind.type() == CallKind.Type.HELPER && !calls.contains(kind.helper())) {
          calls.add(kind.helper());
        }
      }
    }
    CallShape.Shape shape = new CallShape(cx).of(fn, callback != null);
    return new SummaryFact(keyOf(fn), nameOf(fn), fn.location(), exits,
        new CredentialReader(cx).read(fn), calls, shape.input(), shape.mayReturnPromise(), shape.returnedHelpers());
  }

  private SummaryFact.Exit exit(Outcome o, Path p) {
    switch (o.kind()) {
      case THROW -> {
        return new SummaryFact.Exit(SummaryFact.ExitKind.THROW, p.fact(), null);
      }
      case END -> {
        return new SummaryFact.Exit(SummaryFact.ExitKind.RETURN_FALSY, p.fact(), null, "undefined");
      }
      default -> { }
    }
    Node value = o.value();
    if (value == null) {
      return new SummaryFact.Exit(SummaryFact.ExitKind.RETURN_FALSY, p.fact(), null, "undefined");
    }
    if (Syntax.isFalsyLiteral(value)) {
      return new SummaryFact.Exit(SummaryFact.ExitKind.RETURN_FALSY, p.fact(), null, falsyKind(value));
    }
    Term result = verifiedOperand(value);
    if (result != null) {
      return new SummaryFact.Exit(SummaryFact.ExitKind.RETURN_RESULT, p.fact(), result);
    }
    return new SummaryFact.Exit(SummaryFact.ExitKind.RETURN_TRUTHY, p.fact(), builtFrom(value, 0));
  }

  /**
   * The verification a returned value is built from: a member of an object literal ({@code { id: claims.sub }},
   * {@code { ...claims }}) or an argument of a call ({@code users.findById(claims.sub)}) that holds its result.
   */
  private Term builtFrom(Node value, int depth) {
    Node e = Syntax.unwrap(value);
    if (e == null || depth > 2) {
      return null;
    }
    List<Node> parts = new ArrayList<>();
    if (e.is("object")) {
      for (Node member : e.namedChildren()) {
        parts.add(member.is("pair") ? member.child("value") : member.is("spread_element") ? member.namedChild(0)
            : member.is("shorthand_property_identifier") ? member : null);
      }
    } else if (e.isAny("call_expression", "new_expression")) {
      parts.addAll(Syntax.arguments(e));
    }
    for (Node part : parts) {
      if (part == null) {
        continue;
      }
      Term direct = part.is("shorthand_property_identifier") ? shorthandVerified(part) : verifiedOperand(part);
      Term found = direct != null ? direct : builtFrom(part, depth + 1);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** {@code { claims }}: the shorthand names a binding, whose value decides. */
  private Term shorthandVerified(Node shorthand) {
    Node declaration = cx.scopes().declarationOf(shorthand);
    if (declaration == null) {
      return null;
    }
    Value v = cx.valueOf(declaration);
    return v instanceof Value.Verified verified ? verified.term() : null;
  }

  /** Which falsy literal a value is: "false", "null", "undefined", "0", "''"; null when it cannot be told. */
  private static String falsyKind(Node value) {
    Node e = Syntax.unwrap(value);
    if (e == null) {
      return null;
    }
    if (e.isAny("false", "null", "undefined") || e.is("identifier") && e.text().equals("undefined")) {
      return e.text();
    }
    if (e.is("number")) {
      return "0";
    }
    if (e.is("unary_expression")) {
      return "undefined";
    }
    return Syntax.stringValue(e) != null ? "''" : null;
  }

  /**
   * The verification whose result decides a returned value: the value itself, or any operand of an {@code &&} chain
   * ({@code key.length === k.length && crypto.timingSafeEqual(a, k)} is truthy only when the comparison is).
   */
  private Term verifiedOperand(Node value) {
    Node e = Syntax.unwrap(value);
    if (e == null) {
      return null;
    }
    if (e.is("binary_expression") && "&&".equals(Syntax.operator(e))) {
      Term left = verifiedOperand(e.child("left"));
      return left != null ? left : verifiedOperand(e.child("right"));
    }
    Value v = cx.valueOf(e);
    return v instanceof Value.Verified verified ? verified.term() : null;
  }

  /** The last parameter, when the body calls it: a callback the function answers through. */
  private Node callbackParameter(Node fn) {
    List<Node> params = Syntax.parameters(fn);
    if (params.size() < 2) {
      return null;
    }
    Node last = params.get(params.size() - 1);
    if (!last.is("identifier")) {
      return null;
    }
    for (Node n : fn.descendants()) {
      if (n.is("call_expression")) {
        Node callee = Syntax.callee(n);
        if (callee != null && callee.is("identifier") && cx.scopes().declarationOf(callee) == last) {
          return last;
        }
      }
    }
    return null;
  }

  /** verifyClient's {@code cb(true)} / {@code cb(false, 401)}, as opposed to node's {@code cb(err, value)}. */
  private boolean decisionStyle(Node fn, Node callback) {
    for (Node n : fn.descendants()) {
      if (n.is("call_expression")) {
        Node callee = Syntax.callee(n);
        if (callee != null && callee.is("identifier") && cx.scopes().declarationOf(callee) == callback) {
          Node first = Syntax.argument(n, 0);
          if (first != null && (first.isAny("true", "false"))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * A middleware's {@code next}: called with nothing to go on ({@code next()}) and at most an error to stop
   * ({@code next(new Error(...))}), never with a result.
   */
  private boolean nextStyle(Node fn, Node callback) {
    boolean bare = false;
    for (Node n : fn.descendants()) {
      if (n.is("call_expression")) {
        Node callee = Syntax.callee(n);
        if (callee != null && callee.is("identifier") && cx.scopes().declarationOf(callee) == callback) {
          int count = Syntax.arguments(n).size();
          if (count > 1) {
            return false;
          }
          bare |= count == 0;
        }
      }
    }
    return bare;
  }

  /** The name a function goes by: its own, its variable's, its property's; "anonymous function" otherwise. */
  public static String nameOf(Node fn) {
    Node name = fn.child("name");
    if (name != null) {
      return name.text();
    }
    Node parent = Syntax.wrapped(fn).parent();
    if (parent != null && parent.is("variable_declarator")) {
      return parent.child("name").text();
    }
    if (parent != null && parent.is("pair")) {
      return FileContext.propertyName(parent.child("key"));
    }
    if (parent != null && parent.isAny("field_definition", "public_field_definition")) {
      Node key = parent.child("property") != null ? parent.child("property") : parent.child("name");
      return key == null ? "anonymous function" : FileContext.propertyName(key);
    }
    if (parent != null && parent.is("assignment_expression")) {
      String last = Syntax.lastName(parent.child("left"));
      return last != null ? last : "anonymous function";
    }
    return "anonymous function";
  }
}
