package dev.wsguard.js.analysis;

import dev.wsguard.js.parse.Node;
import java.util.Set;

/**
 * What accepting and rejecting mean in a handler of one ws connection, whichever framework hands it over (ws,
 * express-ws, @fastify/websocket): sending or listening exposes the connection, closing it rejects.
 */
public final class ConnectionPolicies {
  private static final Set<String> EXPOSING_METHODS = Set.of("add", "push", "set", "join", "subscribe");

  private ConnectionPolicies() {}

  /**
   * The connection handler: a send to the connection, a message listener or handing the socket to a collection
   * exposes it; {@code ws.close()} and {@code ws.terminate()} reject.
   */
  public static Policy connection(FileContext cx, Node socket) {
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
        return Policy.anyCall(fn, c -> exposes(cx, socket, c));
      }
    };
  }

  public static boolean isSocket(FileContext cx, Node socket, Node expr) {
    Node e = Syntax.unwrap(expr);
    if (e == null || socket == null) {
      return false;
    }
    if (e.is("identifier")) {
      return cx.scopes().declarationOf(e) == socket;
    }
    // @fastify/websocket before v8 hands over a stream whose .socket is the WebSocket
    if (e.is("member_expression") && cx.roleOf(socket) == Role.SOCKET_STREAM && "socket".equals(Syntax.lastName(e))) {
      Node object = Syntax.unwrap(Syntax.object(e));
      return object != null && object.is("identifier") && cx.scopes().declarationOf(object) == socket;
    }
    return false;
  }

  /** {@code ws.send(...)}, {@code ws.on('message', ...)}, {@code clients.add(ws)}. */
  public static boolean exposes(FileContext cx, Node socket, Node call) {
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
  public static Policy firstMessage(FileContext cx, Node socket, java.util.Set<Node> entries, java.util.Set<Node> calls,
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
    Api api = cx.resolver().resolve(Syntax.callee(call));
    return api == null || !api.isGlobal() || api.path().isEmpty() || !Syntax.isKnownGlobal(api.path().get(0));
  }
}
