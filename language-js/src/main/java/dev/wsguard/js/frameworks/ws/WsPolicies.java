package dev.wsguard.js.frameworks.ws;

import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Flow;
import dev.wsguard.js.analysis.Policy;
import dev.wsguard.js.analysis.Role;
import dev.wsguard.js.analysis.SocketServer;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.parse.Node;
import java.util.Locale;
import java.util.Set;

/** What accepting and rejecting mean in each kind of ws handler. */
final class WsPolicies {
  private static final Set<String> PROMISE_METHODS = Set.of("then", "catch", "finally");

  private WsPolicies() {}

  /**
   * {@code server.on('upgrade', ...)}: {@code wss.handleUpgrade(...)} accepts; destroying the socket or answering
   * an HTTP error rejects.
   */
  static Policy upgrade(FileContext cx, SocketServer server) {
    return new Policy() {
      @Override
      public Node acceptCondition(Node call) {
        return isHandleUpgrade(cx, server, call) ? call : null;
      }

      @Override
      public boolean rejects(Node call) {
        Node receiver = Syntax.receiver(call);
        String method = Syntax.calleeName(call);
        if (receiver == null || method == null || cx.roleOfExpression(receiver) != Role.NET_SOCKET) {
          return false;
        }
        if (cx.tables().isRejectMethod(method)) {
          return true;
        }
        String written = Syntax.stringValue(Syntax.argument(call, 0));
        return method.equals("write") && written != null && written.toUpperCase(Locale.ROOT).matches("HTTP/1\\.[01] [45].*");
      }

      @Override
      public boolean containsAccept(Node fn) {
        return holdsHandleUpgrade(cx, server, fn, 0);
      }
    };
  }

  static boolean isHandleUpgrade(FileContext cx, SocketServer server, Node call) {
    return call.is("call_expression") && "handleUpgrade".equals(Syntax.calleeName(call))
        && server.matches(cx, Syntax.receiver(call));
  }

  static boolean holdsHandleUpgrade(FileContext cx, SocketServer server, Node fn, int depth) {
    for (Node n : fn.descendants()) {
      if (n.is("call_expression")) {
        if (isHandleUpgrade(cx, server, n)) {
          return true;
        }
        Node local = depth < 2 ? cx.localFunction(Syntax.callee(n)) : null;
        if (local != null && local != fn && !local.within(fn) && holdsHandleUpgrade(cx, server, local, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A synchronous verifyClient: {@code return E} accepts when E is truthy. The callback form is
   * {@link #verifyClientCallback}.
   */
  static Policy verifyClient() {
    return new Policy() {
      @Override
      public boolean returnDecides() {
        return true;
      }

      @Override
      public boolean containsAccept(Node fn) {
        return false;
      }
    };
  }

  /**
   * A one-parameter verifyClient that returns a Promise ({@code async}, or a {@code .then} chain): ws calls it
   * synchronously and tests the Promise, which is truthy, so every return (even {@code return false}) and every
   * throw accepts.
   */
  static Policy verifyClientAsync() {
    return new Policy() {
      @Override
      public boolean everyExitAccepts() {
        return true;
      }

      @Override
      public boolean containsAccept(Node fn) {
        return false;
      }
    };
  }

  /**
   * True when a function returns a Promise: it is {@code async}, or it returns {@code new Promise(...)},
   * {@code p.then(...)}, {@code Promise.resolve(x)} or a call of a local async function.
   */
  static boolean returnsPromise(FileContext cx, Node fn) {
    if (Syntax.isAsync(fn)) {
      return true;
    }
    Node body = Syntax.body(fn);
    if (body == null) {
      return false;
    }
    if (!body.is("statement_block")) {
      return isPromise(cx, body);
    }
    for (Node n : body.descendants()) {
      if (n.is("return_statement") && Syntax.enclosingFunction(n) == fn && isPromise(cx, n.namedChild(0))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPromise(FileContext cx, Node value) {
    Node e = Syntax.unwrap(value);
    if (e == null) {
      return false;
    }
    if (e.is("new_expression")) {
      Node constructor = Syntax.unwrap(e.child("constructor"));
      return constructor != null && constructor.text().equals("Promise");
    }
    if (!e.is("call_expression")) {
      return false;
    }
    String method = Syntax.calleeName(e);
    Node receiver = Syntax.unwrap(Syntax.receiver(e));
    if (receiver != null && (PROMISE_METHODS.contains(String.valueOf(method))
        || receiver.is("identifier") && receiver.text().equals("Promise"))) {
      return true;
    }
    return Syntax.isAsync(cx.localFunction(Syntax.callee(e)));
  }

  /** verifyClient's callback form: {@code cb(E, ...)} accepts when E is truthy. */
  static Policy verifyClientCallback(FileContext cx, Node callback) {
    return new Flow.CallbackDecides() {
      @Override
      public Node callback() {
        return callback;
      }

      @Override
      public boolean containsAccept(Node fn) {
        for (Node n : fn.descendants()) {
          if (n.is("call_expression")) {
            Node callee = Syntax.callee(n);
            if (callee != null && callee.is("identifier") && cx.scopes().declarationOf(callee) == callback) {
              return true;
            }
          }
        }
        return false;
      }
    };
  }
}
