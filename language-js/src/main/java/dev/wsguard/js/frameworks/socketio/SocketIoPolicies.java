package dev.wsguard.js.frameworks.socketio;

import dev.wsguard.js.analysis.Api;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Policy;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.parse.Node;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** What accepting and rejecting mean in each kind of Socket.IO handler. */
final class SocketIoPolicies {
  /** Events the server itself emits on a socket: their listeners handle no client message. */
  static final Set<String> RESERVED_EVENTS = Set.of("disconnect", "disconnecting", "error", "connect",
      "connect_error", "newListener", "removeListener");
  static final Set<String> LISTEN = Set.of("on", "once", "addListener", "prependListener");
  private static final Set<String> EXPOSING_SOCKET_METHODS = Set.of("emit", "send", "write", "join", "onAny",
      "prependAny", "emitWithAck");
  private static final Set<String> COLLECTING_METHODS = Set.of("add", "push", "set");
  private static final int HELPER_DEPTH = 2;

  private SocketIoPolicies() {}

  /**
   * A middleware ({@code io.use((socket, next) => ...)}, {@code io.engine.use((req, res, next) => ...)}): calling
   * {@code next()} (or {@code next(null)}) lets the connection through; {@code next(err)} refuses it, and so does
   * never calling {@code next}. Local helpers handed {@code next} decide the same way where they are called.
   */
  static Policy middleware(FileContext cx, Node fn, Node next) {
    Set<Node> nexts = Collections.newSetFromMap(new IdentityHashMap<>());
    if (next != null) {
      nexts.add(next);
      collectNexts(cx, fn, nexts, 0);
    }
    return new Policy() {
      @Override
      public Node acceptCondition(Node call) {
        return callsNext(cx, nexts, call) && !carriesError(call) ? call : null;
      }

      @Override
      public boolean rejects(Node call) {
        return callsNext(cx, nexts, call) && carriesError(call);
      }

      @Override
      public boolean containsAccept(Node f) {
        return Policy.anyCall(f, c -> callsNext(cx, nexts, c));
      }
    };
  }

  /** Parameters of local functions that the middleware hands its {@code next} to. */
  private static void collectNexts(FileContext cx, Node fn, Set<Node> nexts, int depth) {
    if (depth >= HELPER_DEPTH) {
      return;
    }
    for (Node n : fn.descendants()) {
      if (!n.is("call_expression")) {
        continue;
      }
      Node local = cx.localFunction(Syntax.callee(n));
      if (local == null || local == fn) {
        continue;
      }
      List<Node> args = Syntax.arguments(n);
      List<Node> params = Syntax.parameters(local);
      for (int i = 0; i < args.size() && i < params.size(); i++) {
        Node a = Syntax.unwrap(args.get(i));
        if (a != null && a.is("identifier") && nexts.contains(cx.scopes().declarationOf(a))
            && params.get(i).is("identifier") && nexts.add(params.get(i))) {
          collectNexts(cx, local, nexts, depth + 1);
        }
      }
    }
  }

  private static boolean callsNext(FileContext cx, Set<Node> nexts, Node call) {
    Node callee = Syntax.callee(call);
    return callee != null && callee.is("identifier") && nexts.contains(cx.scopes().declarationOf(callee));
  }

  /** {@code next(new Error(...))}, {@code next(err)}: anything but nothing, null or undefined refuses. */
  private static boolean carriesError(Node call) {
    Node error = Syntax.argument(call, 0);
    return error != null && !Syntax.isFalsyLiteral(error);
  }

  /**
   * The {@code allowRequest(req, callback)} option: engine.io lets the request through when the callback's second
   * argument is truthy, whatever the first (an error message) says; {@code callback(x, false)} refuses it.
   */
  static Policy allowRequest(FileContext cx, Node callback) {
    return new Policy() {
      @Override
      public Node acceptCondition(Node call) {
        if (!isCall(cx, callback, call)) {
          return null;
        }
        Node success = Syntax.argument(call, 1);
        return success == null || Syntax.isFalsyLiteral(success) ? null : success;
      }

      @Override
      public boolean rejects(Node call) {
        if (!isCall(cx, callback, call)) {
          return false;
        }
        Node success = Syntax.argument(call, 1);
        return success == null || Syntax.isFalsyLiteral(success);
      }

      @Override
      public boolean containsAccept(Node f) {
        return Policy.anyCall(f, c -> isCall(cx, callback, c));
      }
    };
  }

  private static boolean isCall(FileContext cx, Node declaration, Node call) {
    Node callee = Syntax.callee(call);
    return declaration != null && callee != null && callee.is("identifier")
        && cx.scopes().declarationOf(callee) == declaration;
  }

  /**
   * The connection handler: anything that serves the socket (an emit to it or through it, a listener for a client
   * event, joining a room, keeping it in a collection) accepts; {@code socket.disconnect()} rejects.
   */
  static Policy connection(FileContext cx, Node socket) {
    return new Policy() {
      @Override
      public Node acceptCondition(Node call) {
        return exposes(cx, socket, call) ? call : null;
      }

      @Override
      public boolean rejects(Node call) {
        return isDisconnect(cx, socket, call);
      }

      @Override
      public boolean containsAccept(Node fn) {
        return Policy.anyCall(fn, c -> exposes(cx, socket, c));
      }
    };
  }

  /**
   * An authentication message's handler: registering further listeners, joining rooms or keeping the socket accepts
   * (the rest of the protocol opens there); answering the client does not.
   */
  static Policy authMessage(FileContext cx, Node socket) {
    return new Policy() {
      @Override
      public Node acceptCondition(Node call) {
        if (!exposes(cx, socket, call)) {
          return null;
        }
        String method = Syntax.calleeName(call);
        return "emit".equals(method) || "send".equals(method) ? null : call;
      }

      @Override
      public boolean rejects(Node call) {
        return isDisconnect(cx, socket, call);
      }

      @Override
      public boolean containsAccept(Node fn) {
        return false;
      }
    };
  }

  /**
   * Another client event's handler, checked for whether it waits for the authentication message: its first call
   * that does something for the client (not a check, a log line or a parse) accepts.
   */
  static Policy gatedHandler(FileContext cx, Node socket) {
    return new Policy() {
      @Override
      public Node acceptCondition(Node call) {
        return effect(cx, call) ? call : null;
      }

      @Override
      public boolean rejects(Node call) {
        return isDisconnect(cx, socket, call);
      }

      @Override
      public boolean containsAccept(Node fn) {
        return false;
      }
    };
  }

  private static boolean isDisconnect(FileContext cx, Node socket, Node call) {
    return "disconnect".equals(Syntax.calleeName(call)) && isSocket(cx, socket, Syntax.receiver(call));
  }

  static boolean isSocket(FileContext cx, Node socket, Node expr) {
    Node e = Syntax.unwrap(expr);
    return e != null && e.is("identifier") && socket != null && cx.scopes().declarationOf(e) == socket;
  }

  /** A listener for a client event: not one of the events the server emits itself. */
  static boolean clientEvent(Node registration) {
    String event = Syntax.stringValue(Syntax.argument(registration, 0));
    return event == null || !RESERVED_EVENTS.contains(event);
  }

  /** {@code socket.emit(...)}, {@code socket.to(r).emit(...)}, {@code socket.on('x', ...)}, {@code users.set(id, socket)}. */
  static boolean exposes(FileContext cx, Node socket, Node call) {
    String method = Syntax.calleeName(call);
    Node receiver = Syntax.receiver(call);
    if (method == null) {
      return false;
    }
    if (receiver != null && isSocket(cx, socket, Targets.root(receiver))) {
      if (LISTEN.contains(method)) {
        return isSocket(cx, socket, receiver) && clientEvent(call);
      }
      return EXPOSING_SOCKET_METHODS.contains(method);
    }
    if (COLLECTING_METHODS.contains(method)) {
      for (Node argument : Syntax.arguments(call)) {
        if (isSocket(cx, socket, argument)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A call that does something for the client: not a verification, a parse, a log line or a timer. */
  private static boolean effect(FileContext cx, Node call) {
    if (cx.isAuthCall(call) || cx.messageDerived(call)) {
      return false;
    }
    Node callee = Syntax.callee(call);
    // the acknowledgement callback answers the asker only
    if (callee != null && callee.is("identifier") && cx.scopes().declarationOf(callee) != null
        && cx.localFunction(callee) == null && callee.ancestor("formal_parameters") == null
        && isParameter(cx.scopes().declarationOf(callee))) {
      return false;
    }
    Api api = cx.resolver().resolve(callee);
    return api == null || !api.isGlobal() || api.path().isEmpty() || !Syntax.isKnownGlobal(api.path().get(0));
  }

  private static boolean isParameter(Node declaration) {
    return declaration.ancestor("formal_parameters") != null;
  }
}
