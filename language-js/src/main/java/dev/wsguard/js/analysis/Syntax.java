package dev.wsguard.js.analysis;

import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.List;

/** Small questions about JavaScript and TypeScript syntax that every analysis asks. */
public final class Syntax {
  private static final String[] FUNCTIONS = {
    "arrow_function", "function_expression", "function_declaration", "function", "generator_function",
    "generator_function_declaration", "method_definition"
  };
  /** Wrappers that do not change an expression's value: parentheses and TypeScript's type-only forms. */
  private static final String[] TRANSPARENT = {
    "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression", "type_assertion"
  };

  private Syntax() {}

  public static boolean isFunction(Node n) {
    return n != null && n.isAny(FUNCTIONS);
  }

  /** True for an {@code async} function, arrow function or method: calling it returns a Promise. */
  public static boolean isAsync(Node fn) {
    if (!isFunction(fn)) {
      return false;
    }
    for (Node c : fn.children()) {
      if (c.is("async")) {
        return true;
      }
      if (c.isNamed() && !c.is("decorator")) {
        break;
      }
    }
    return false;
  }

  /** The expression under parentheses and type-only wrappers ({@code (x as T)!} is {@code x}). */
  public static Node unwrap(Node n) {
    Node e = n;
    while (e != null && e.isAny(TRANSPARENT)) {
      e = e.namedChild(0);
    }
    return e;
  }

  /**
   * The upward twin of {@link #unwrap}: the outermost expression that holds {@code n} only under parentheses and
   * type-only wrappers, so that its {@code parent()} is where the value really goes.
   */
  public static Node wrapped(Node n) {
    Node e = n;
    while (e.parent() != null && e.parent().isAny(TRANSPARENT)) {
      e = e.parent();
    }
    return e;
  }

  /** Like {@link #wrapped}, and also out of {@code await}: where an awaited value really goes. */
  public static Node wrappedAwait(Node n) {
    Node e = n;
    while (e.parent() != null && (e.parent().isAny(TRANSPARENT) || e.parent().is("await_expression"))) {
      e = e.parent();
    }
    return e;
  }

  /** Like {@link #unwrap}, and also under {@code await}. */
  public static Node unwrapAwait(Node n) {
    Node e = unwrap(n);
    while (e != null && e.is("await_expression")) {
      e = unwrap(e.namedChild(0));
    }
    return e;
  }

  /** The value of a string literal or of a template without substitutions; null for anything else. */
  public static String stringValue(Node n) {
    Node e = unwrap(n);
    if (e == null) {
      return null;
    }
    if (e.is("string")) {
      String raw = e.text();
      return raw.length() >= 2 ? raw.substring(1, raw.length() - 1) : "";
    }
    if (e.is("template_string") && e.childOfType("template_substitution") == null) {
      String raw = e.text();
      return raw.length() >= 2 ? raw.substring(1, raw.length() - 1) : "";
    }
    return null;
  }

  public static boolean isCall(Node n) {
    return n != null && n.is("call_expression");
  }

  /** The arguments of a call or {@code new} expression, without punctuation. */
  public static List<Node> arguments(Node call) {
    Node args = call == null ? null : call.child("arguments");
    return args == null ? List.of() : args.namedChildren();
  }

  public static Node argument(Node call, int index) {
    List<Node> args = arguments(call);
    return index >= 0 && index < args.size() ? args.get(index) : null;
  }

  /** The callee of a call, unwrapped. */
  public static Node callee(Node call) {
    return unwrap(call.child("function"));
  }

  /** The name a call is made by: {@code verify} for {@code jwt.verify(...)}, {@code f} for {@code f()}. */
  public static String calleeName(Node call) {
    Node callee = callee(call);
    return callee == null ? null : lastName(callee);
  }

  /** The last identifier or property name of an expression ({@code c} for {@code a.b.c}, {@code a['c']}). */
  public static String lastName(Node expr) {
    Node e = unwrap(expr);
    if (e == null) {
      return null;
    }
    switch (e.type()) {
      case "identifier", "property_identifier", "shorthand_property_identifier", "private_property_identifier",
          "this" -> {
        return e.text();
      }
      case "member_expression" -> {
        Node p = e.child("property");
        return p == null ? null : p.text();
      }
      case "subscript_expression" -> {
        return stringValue(e.child("index"));
      }
      default -> {
        return null;
      }
    }
  }

  /** The object of a member or subscript expression, unwrapped; null for anything else. */
  public static Node object(Node expr) {
    Node e = unwrap(expr);
    return e != null && e.isAny("member_expression", "subscript_expression") ? unwrap(e.child("object")) : null;
  }

  /** The receiver of a method call ({@code ws} in {@code ws.send(x)}); null for a plain function call. */
  public static Node receiver(Node call) {
    return object(callee(call));
  }

  /**
   * The names along a member chain, from its base: {@code ["req", "headers", "origin"]} for
   * {@code req.headers['origin']}; null when the chain holds a computed part that is not a string.
   */
  public static List<String> memberPath(Node expr) {
    List<String> reversed = new ArrayList<>();
    Node e = unwrap(expr);
    while (e != null) {
      if (e.is("member_expression")) {
        Node p = e.child("property");
        if (p == null) {
          return null;
        }
        reversed.add(p.text());
        e = unwrap(e.child("object"));
      } else if (e.is("subscript_expression")) {
        String key = stringValue(e.child("index"));
        if (key == null) {
          return null;
        }
        reversed.add(key);
        e = unwrap(e.child("object"));
      } else if (e.isAny("identifier", "this")) {
        reversed.add(e.text());
        List<String> path = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
          path.add(reversed.get(i));
        }
        return path;
      } else {
        return null;
      }
    }
    return null;
  }

  /** The base of a member chain ({@code req} for {@code req.headers.origin}), unwrapped. */
  public static Node base(Node expr) {
    Node e = unwrap(expr);
    while (e != null && e.isAny("member_expression", "subscript_expression")) {
      e = unwrap(e.child("object"));
    }
    return e;
  }

  /** The parameters of a function as patterns: TypeScript's parameter wrappers and default values removed. */
  public static List<Node> parameters(Node fn) {
    if (fn.is("arrow_function") && fn.child("parameter") != null) {
      return List.of(fn.child("parameter"));
    }
    Node params = fn.child("parameters");
    if (params == null) {
      return List.of();
    }
    List<Node> out = new ArrayList<>();
    for (Node p : params.namedChildren()) {
      out.add(parameterPattern(p));
    }
    return out;
  }

  public static Node parameter(Node fn, int index) {
    List<Node> params = parameters(fn);
    return index >= 0 && index < params.size() ? params.get(index) : null;
  }

  private static Node parameterPattern(Node p) {
    Node n = p;
    if (n.isAny("required_parameter", "optional_parameter")) {
      Node pattern = n.child("pattern");
      n = pattern == null ? n : pattern;
    }
    if (n.is("assignment_pattern")) {
      Node left = n.child("left");
      n = left == null ? n : left;
    }
    return n;
  }

  /** The function's body: a statement block, or the expression of a concise arrow function. */
  public static Node body(Node fn) {
    return fn.child("body");
  }

  /** The identifiers a binding pattern declares ({@code { a, b: c, ...d }} declares a, c and d). */
  public static List<Node> boundIdentifiers(Node pattern) {
    List<Node> out = new ArrayList<>();
    if (pattern == null) {
      return out;
    }
    for (Node n : pattern.descendants()) {
      if (n.is("identifier") || n.is("shorthand_property_identifier_pattern")) {
        if (isBindingPosition(n, pattern)) {
          out.add(n);
        }
      }
    }
    return out;
  }

  /** In {@code { a: b = c }}, only b is bound: keys and default values are not. */
  private static boolean isBindingPosition(Node id, Node pattern) {
    for (Node n = id; n != pattern && n != null; n = n.parent()) {
      Node parent = n.parent();
      if (parent == null) {
        return false;
      }
      if (parent.is("pair_pattern") && "key".equals(n.field())) {
        return false;
      }
      if ((parent.is("assignment_pattern") || parent.is("object_assignment_pattern")) && "right".equals(n.field())) {
        return false;
      }
      if (parent.isAny("type_annotation", "computed_property_name")) {
        return false;
      }
    }
    return true;
  }

  /** The statements of a block, or the single statement given. */
  public static List<Node> statements(Node blockOrStatement) {
    if (blockOrStatement == null) {
      return List.of();
    }
    if (blockOrStatement.isAny("statement_block", "program", "class_body")) {
      return blockOrStatement.namedChildren();
    }
    return List.of(blockOrStatement);
  }

  /** The innermost function around a node (not the node itself); null at the top level. */
  public static Node enclosingFunction(Node n) {
    for (Node p = n.parent(); p != null; p = p.parent()) {
      if (isFunction(p)) {
        return p;
      }
    }
    return null;
  }

  /** Globals of JavaScript and Node: calls on them are never the application's own actions. */
  private static final java.util.Set<String> KNOWN_GLOBALS = java.util.Set.of("console", "JSON", "Math", "Date",
      "Object", "Array", "Promise", "Buffer", "process", "setTimeout", "setInterval", "setImmediate",
      "clearTimeout", "clearInterval", "clearImmediate", "Number", "String", "Boolean", "Symbol", "Map", "Set",
      "WeakMap", "WeakSet", "Reflect", "Error", "TypeError", "URL", "URLSearchParams", "atob", "btoa", "fetch",
      "globalThis", "require", "module", "exports", "Intl", "TextEncoder", "TextDecoder", "structuredClone",
      "queueMicrotask", "parseInt", "parseFloat", "isNaN", "isFinite", "encodeURIComponent", "decodeURIComponent",
      "encodeURI", "decodeURI", "BigInt", "RegExp", "performance", "AbortController", "Proxy");

  public static boolean isKnownGlobal(String name) {
    return KNOWN_GLOBALS.contains(name);
  }

  /** Source text with runs of whitespace folded to one space, for messages. */
  public static String compact(Node n) {
    return n == null ? "" : compact(n.text());
  }

  public static String compact(String text) {
    String folded = text.replaceAll("\\s+", " ").trim();
    return folded.length() > 120 ? folded.substring(0, 117) + "..." : folded;
  }

  /** True for null, undefined, false, 0 and '' literals, and {@code void 0}. */
  public static boolean isFalsyLiteral(Node n) {
    Node e = unwrap(n);
    if (e == null) {
      return false;
    }
    if (e.isAny("null", "undefined", "false")) {
      return true;
    }
    if (e.is("identifier") && e.text().equals("undefined")) {
      return true;
    }
    if (e.is("number")) {
      return e.text().equals("0");
    }
    if (e.is("unary_expression") && e.text().startsWith("void")) {
      return true;
    }
    String s = stringValue(e);
    return s != null && s.isEmpty();
  }

  public static boolean isTruthyLiteral(Node n) {
    Node e = unwrap(n);
    if (e == null) {
      return false;
    }
    if (e.is("true")) {
      return true;
    }
    if (e.is("number")) {
      return !e.text().equals("0");
    }
    String s = stringValue(e);
    return s != null && !s.isEmpty();
  }

  /** The operator of a binary or unary expression ("===", "!", "&&"); null for anything else. */
  public static String operator(Node n) {
    Node op = n.child("operator");
    return op == null ? null : op.type();
  }
}
