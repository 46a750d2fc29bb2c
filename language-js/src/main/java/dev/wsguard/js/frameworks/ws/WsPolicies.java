package dev.wsguard.js.frameworks.ws;

import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Flow;
import dev.wsguard.js.analysis.Policy;
import dev.wsguard.js.analysis.Role;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.parse.Node;
import java.util.Locale;
import java.util.Set;

/** What accepting and rejecting mean in each kind of ws handler. */
final class WsPolicies {
  private static final Set<String> PROMISE_METHODS = Set.of("then", "catch", "finally");
  private static final Set<String> EXPOSING_METHODS = Set.of("add", "push", "set", "join", "subscribe");

  private WsPolicies() {}

  /**
   * {@code server.on('upgrade', ...)}: {@code wss.handleUpgrade(...)} accepts; destroying the socket or answering
   * an HTTP error rejects.
   */
  static Policy upgrade(FileContext cx, Server server) {
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

  static boolean isHandleUpgrade(FileContext cx, Server server, Node call) {
    return call.is("call_expression") && "handleUpgrade".equals(Syntax.calleeName(call))
        && server.matches(cx, Syntax.receiver(call));
  }

  static boolean holdsHandleUpgrade(FileContext cx, Server server, Node fn, int depth) {
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

  /**
   * The connection handler: a send to the connection, a message listener or handing the socket to a collection
   * exposes it; {@code ws.close()} and {@code ws.terminate()} reject.
   */
  static Policy connection(FileContext cx, Node socket) {
    return new Policy() {
      @Override
      public Node acceptCondition(Node call) {
        return exposes(cx, socket, call) ? call : null;
      }

      @Override
      public boolean rejects(Node call) {
        Node receiver = Syntax.receiver(call);
        String method = Syntax.calleeName(call);
        return receiver != null && isSocket(cx, socket, receiver) && method != null
            && (method.equals("close") || method.equals("terminate"));
      }

      @Override
      public boolean acceptsAt(Node node) {
        // ws.onmessage = ...
        if (!node.is("expression_statement")) {
          return false;
        }
        Node e = Syntax.unwrap(node.namedChild(0));
        if (e == null || !e.is("assignment_expression")) {
          return false;
        }
        Node left = Syntax.unwrap(e.child("left"));
        return left != null && left.is("member_expression") && "onmessage".equals(Syntax.lastName(left))
            && isSocket(cx, socket, Syntax.object(left));
      }

      @Override
      public boolean containsAccept(Node fn) {
        for (Node n : fn.descendants()) {
          if (n.is("call_expression") && exposes(cx, socket, n)) {
            return true;
          }
        }
        return false;
      }
    };
  }

  static boolean isSocket(FileContext cx, Node socket, Node expr) {
    Node e = Syntax.unwrap(expr);
    return e != null && e.is("identifier") && socket != null && cx.scopes().declarationOf(e) == socket;
  }

  /** {@code ws.send(...)}, {@code ws.on('message', ...)}, {@code clients.add(ws)}. */
  static boolean exposes(FileContext cx, Node socket, Node call) {
    Node receiver = Syntax.receiver(call);
    String method = Syntax.calleeName(call);
    if (method == null) {
      return false;
    }
    if (receiver != null && isSocket(cx, socket, receiver)) {
      if (method.equals("send")) {
        return true;
      }
      if (method.equals("on") || method.equals("once") || method.equals("addEventListener")
          || method.equals("addListener")) {
        return "message".equals(Syntax.stringValue(Syntax.argument(call, 0)));
      }
      return false;
    }
    if (EXPOSING_METHODS.contains(method)) {
      for (Node argument : Syntax.arguments(call)) {
        if (isSocket(cx, socket, argument)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A message handler checked for first-message authentication: reaching a message type's branch (other than the
   * one that verifies) accepts; when the handler does not dispatch, any call with an effect does.
   */
  static Policy firstMessage(FileContext cx, Node socket, java.util.Set<Node> entries, java.util.Set<Node> calls,
      boolean anyEffect) {
    return new Policy() {
      @Override
      public boolean acceptsAt(Node node) {
        return entries.contains(node);
      }

      @Override
      public Node acceptCondition(Node call) {
        if (calls.contains(call)) {
          return call;
        }
        // registering the real message handler (after a once('message') auth) exposes the connection
        if (exposes(cx, socket, call) && !"send".equals(Syntax.calleeName(call))) {
          return call;
        }
        return anyEffect && effect(cx, socket, call) ? call : null;
      }

      @Override
      public boolean rejects(Node call) {
        Node receiver = Syntax.receiver(call);
        String method = Syntax.calleeName(call);
        return receiver != null && isSocket(cx, socket, receiver) && method != null
            && (method.equals("close") || method.equals("terminate"));
      }

      @Override
      public boolean containsAccept(Node fn) {
        return false;
      }
    };
  }

  /** {@code admin.auth()} in {@code admin.auth().verifyIdToken(t)}: a step of the verification itself. */
  private static boolean partOfAuthCall(FileContext cx, Node call) {
    Node member = call.parent();
    Node outer = member != null && member.is("member_expression") ? member.parent() : null;
    return outer != null && outer.is("call_expression") && cx.isAuthCall(outer);
  }

  /** A call that does something for the client: not parsing, logging, timers, auth, or answering on the socket. */
  private static boolean effect(FileContext cx, Node socket, Node call) {
    Node receiver = Syntax.receiver(call);
    if (receiver != null && isSocket(cx, socket, receiver)) {
      return false;
    }
    if (cx.isAuthCall(call) || cx.messageDerived(call) || partOfAuthCall(cx, call)) {
      return false;
    }
    dev.wsguard.js.analysis.Api api = cx.resolver().resolve(Syntax.callee(call));
    return api == null || !api.isGlobal() || api.path().isEmpty() || !Syntax.isKnownGlobal(api.path().get(0));
  }
}
