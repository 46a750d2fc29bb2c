package dev.wsguard.js.analysis;

import dev.wsguard.core.model.Verifier;
import dev.wsguard.js.facts.FunctionRef;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How other code could call a function to check a credential: with the raw token, or with the HTTP upgrade request,
 * as its only argument; and whether what it returns may be a promise. Link time combines this with the function's
 * verdict to offer the project's own verifiers to patches (DESIGN.md "Suggested patches").
 */
final class CallShape {
  private static final int MAX_DEPTH = 4;
  /**
   * What a bare Node upgrade request ({@code http.IncomingMessage}) has: a request verifier that reads anything else
   * ({@code req.cookies}, {@code req.query}, {@code req.get()}) relies on Express middleware that never runs on an
   * upgrade, so it would reject every connection.
   */
  private static final Set<String> RAW_REQUEST_MEMBERS = Set.of("headers", "url");
  /** Verify calls that return their result synchronously (without a callback argument). */
  private static final Set<String> SYNC_VERIFIERS = Set.of("jsonwebtoken.verify", "crypto.timingSafeEqual",
      "node:crypto.timingSafeEqual", "@nestjs/jwt.JwtService.verify");
  /** What code does to a token string before verifying it ({@code header.slice(7)}). */
  private static final Set<String> STRING_METHODS = Set.of("slice", "substring", "substr", "replace", "replaceAll",
      "split", "trim", "trimStart", "trimEnd", "toString", "normalize");

  /**
   * @param input what the function takes as its one argument; null when it cannot be called as {@code f(x)} to
   *     check a credential
   * @param mayReturnPromise true unless every return of its own is plainly no promise
   * @param returnedHelpers project helpers whose results it returns as they are: their own shape decides whether it
   *     returns a promise
   */
  record Shape(Verifier.Input input, boolean mayReturnPromise, List<FunctionRef> returnedHelpers) {}

  private static final Shape NOT_CALLABLE = new Shape(null, true, List.of());

  private final FileContext cx;

  CallShape(FileContext cx) {
    this.cx = cx;
  }

  /** The shape of a function; what it returns is read only when it takes a credential (most functions do not). */
  Shape of(Node fn, boolean answersThroughCallback) {
    Verifier.Input input = answersThroughCallback ? null : input(fn);
    if (input == null) {
      return NOT_CALLABLE;
    }
    List<FunctionRef> returned = new ArrayList<>();
    boolean promise = Syntax.isAsync(fn);
    for (Node value : returnedValues(fn)) {
      promise |= mayBePromise(value, returned, 0);
    }
    return new Shape(input, promise, returned);
  }

  // ---- input ----

  private Verifier.Input input(Node fn) {
    Node first = onlyRequiredParameter(fn);
    if (first == null) {
      return null;
    }
    Verifier.Input found = null;
    for (Node n : fn.descendants()) {
      if (!n.is("call_expression")) {
        continue;
      }
      CallKind kind = cx.classify(n);
      List<Node> credentialArguments = new ArrayList<>();
      if (kind.type() == CallKind.Type.VERIFY && kind.credential() == null) {
        credentialArguments.add(Syntax.argument(n, 0));
        if (kind.library().endsWith("timingSafeEqual")) {
          credentialArguments.add(Syntax.argument(n, 1));
        }
      } else if (kind.type() == CallKind.Type.HELPER) {
        credentialArguments.add(Syntax.argument(n, 0));
      }
      for (Node argument : credentialArguments) {
        Verifier.Input source = argument == null ? null : sourceOf(argument, first, 0);
        if (source == Verifier.Input.REQUEST || found == null) {
          found = source == null ? found : source;
        }
      }
    }
    return found;
  }

  /** The first parameter, a plain name, when every other parameter may be left out; null otherwise. */
  private static Node onlyRequiredParameter(Node fn) {
    if (fn.is("arrow_function") && fn.child("parameter") != null) {
      return fn.child("parameter");
    }
    Node params = fn.child("parameters");
    if (params == null || params.namedChildren().isEmpty()) {
      return null;
    }
    List<Node> raw = params.namedChildren();
    for (Node p : raw.subList(1, raw.size())) {
      boolean optional = p.isAny("assignment_pattern", "rest_pattern", "optional_parameter")
          || p.is("required_parameter") && (p.child("value") != null
              || p.child("pattern") != null && p.child("pattern").is("rest_pattern"));
      if (!optional) {
        return null;
      }
    }
    Node first = Syntax.parameters(fn).get(0);
    return first.is("identifier") && !raw.get(0).isAny("assignment_pattern", "optional_parameter") ? first : null;
  }

  /**
   * Where a value handed to a verification comes from: the parameter itself (a token string, possibly trimmed or
   * split), or the parameter's headers or URL (the request). Null when it comes from neither.
   */
  private Verifier.Input sourceOf(Node expr, Node parameter, int depth) {
    if (expr == null || depth > MAX_DEPTH) {
      return null;
    }
    Verifier.Input found = null;
    List<Node> ids = new ArrayList<>();
    if (expr.is("identifier")) {
      ids.add(expr);
    }
    for (Node d : expr.descendants()) {
      if (d.is("identifier")) {
        ids.add(d);
      }
    }
    for (Node id : ids) {
      Node declaration = cx.scopes().declarationOf(id);
      Verifier.Input s;
      if (declaration == null) {
        continue;
      } else if (declaration == parameter) {
        s = use(id);
      } else {
        // a local (const token = header.slice(7), const { authorization } = req.headers): where its value comes from
        Node declarator = declaration.ancestor("variable_declarator");
        Node init = declarator == null ? null : declarator.child("value");
        s = init == null || !declaration.within(declarator.child("name")) ? null
            : sourceOf(init, parameter, depth + 1);
      }
      if (s == Verifier.Input.REQUEST || found == null) {
        found = s == null ? found : s;
      }
    }
    return found;
  }

  /** How the parameter is used where it feeds the verification: whole (a token) or through its headers/URL. */
  private Verifier.Input use(Node id) {
    Node outer = Syntax.wrapped(id);
    Node parent = outer.parent();
    if (parent != null && parent.is("member_expression") && parent.child("object") == outer) {
      String member = parent.child("property") == null ? "" : parent.child("property").text();
      if (RAW_REQUEST_MEMBERS.contains(member)) {
        return Verifier.Input.REQUEST;
      }
      // token.slice(7), header.split(' ')[1]: the parameter is the token string itself
      return STRING_METHODS.contains(member) ? Verifier.Input.TOKEN : null;
    }
    if (parent != null && parent.is("subscript_expression")) {
      return null; // param[0], param['x']: neither a whole token nor a request read ws can serve
    }
    // handed over whole: the token itself, unless it goes to a function of the file that reads its headers
    if (parent != null && parent.is("arguments") && parent.parent() != null && parent.parent().is("call_expression")) {
      Node local = cx.localFunction(Syntax.callee(parent.parent()));
      if (local != null) {
        Node p = Syntax.parameter(local, parent.namedChildren().indexOf(outer));
        return p != null && readsRawRequest(local, p) ? Verifier.Input.REQUEST : Verifier.Input.TOKEN;
      }
    }
    return Verifier.Input.TOKEN;
  }

  /** {@code p.headers...} or {@code p.url} inside a function. */
  private boolean readsRawRequest(Node fn, Node parameter) {
    for (Node n : fn.descendants()) {
      if (n.is("member_expression") && Syntax.unwrap(n.child("object")) != null
          && Syntax.unwrap(n.child("object")).is("identifier")
          && cx.scopes().declarationOf(Syntax.unwrap(n.child("object"))) == parameter
          && n.child("property") != null && RAW_REQUEST_MEMBERS.contains(n.child("property").text())) {
        return true;
      }
    }
    return false;
  }

  // ---- promises ----

  /** The values the function itself returns: its return statements, or a concise arrow's body. */
  private static List<Node> returnedValues(Node fn) {
    List<Node> out = new ArrayList<>();
    Node body = Syntax.body(fn);
    if (body == null) {
      return out;
    }
    if (!body.is("statement_block")) {
      out.add(body);
      return out;
    }
    collectReturns(body, out);
    return out;
  }

  /** The return statements of a block, not entering nested functions (their returns are theirs). */
  private static void collectReturns(Node block, List<Node> out) {
    java.util.ArrayDeque<Node> pending = new java.util.ArrayDeque<>();
    pending.push(block);
    while (!pending.isEmpty()) {
      Node n = pending.pop();
      List<Node> children = n.namedChildren();
      for (int i = children.size() - 1; i >= 0; i--) {
        Node child = children.get(i);
        if (child.is("return_statement")) {
          if (!child.namedChildren().isEmpty()) {
            out.add(child.namedChild(0));
          }
        } else if (!Syntax.isFunction(child) && !child.isAny("class_declaration", "class")) {
          pending.push(child);
        }
      }
    }
  }

  /** False only for a value that is plainly no promise; project helpers it returns are listed for link time. */
  private boolean mayBePromise(Node value, List<FunctionRef> returnedHelpers, int depth) {
    Node e = Syntax.unwrap(value);
    if (e == null || depth > MAX_DEPTH) {
      return e != null;
    }
    switch (e.type()) {
      case "call_expression" -> {
        CallKind kind = cx.classify(e);
        if (kind.type() == CallKind.Type.HELPER) {
          if (!returnedHelpers.contains(kind.helper())) {
            returnedHelpers.add(kind.helper());
          }
          return false;
        }
        return !(kind.type() == CallKind.Type.VERIFY && SYNC_VERIFIERS.contains(kind.library())
            && Syntax.arguments(e).stream().noneMatch(Syntax::isFunction));
      }
      case "new_expression", "await_expression", "yield_expression" -> {
        return true;
      }
      case "identifier" -> {
        Node declaration = cx.scopes().declarationOf(e);
        if (declaration == null) {
          return !e.text().equals("undefined");
        }
        Node declarator = declaration.ancestor("variable_declarator");
        if (declarator != null && declarator.child("name") == declaration && declarator.child("value") != null
            && mayBePromise(declarator.child("value"), returnedHelpers, depth + 1)) {
          return true;
        }
        Node scope = Syntax.enclosingFunction(declaration);
        for (Node n : (scope == null ? e.tree().root() : scope).descendants()) {
          if (n.is("assignment_expression")) {
            Node left = Syntax.unwrap(n.child("left"));
            if (left != null && left.is("identifier") && cx.scopes().declarationOf(left) == declaration
                && mayBePromise(n.child("right"), returnedHelpers, depth + 1)) {
              return true;
            }
          }
        }
        return false;
      }
      case "ternary_expression" -> {
        return mayBePromise(e.child("consequence"), returnedHelpers, depth + 1)
            || mayBePromise(e.child("alternative"), returnedHelpers, depth + 1);
      }
      case "binary_expression" -> {
        return mayBePromise(e.child("left"), returnedHelpers, depth + 1)
            || mayBePromise(e.child("right"), returnedHelpers, depth + 1);
      }
      case "member_expression" -> {
        // payload.user is no promise; a promise's .then is called, which the call case above catches
        return false;
      }
      default -> {
        return false;
      }
    }
  }
}
