package dev.wsguard.js.frameworks.nestjs;

import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Policy;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.parse.Node;
import java.util.List;
import java.util.Set;

/** What accepting and rejecting mean in a gateway's {@code handleConnection} and in Socket.IO middleware. */
final class NestPolicies {
  /** Calls on the client that send to it or expose it to what others send. */
  private static final Set<String> EXPOSING = Set.of("emit", "send", "join");
  /** Socket.IO's {@code disconnect}, ws's {@code close} and {@code terminate}: the connection ends. */
  private static final Set<String> ENDING = Set.of("disconnect", "close", "terminate");

  private NestPolicies() {}

  /**
   * {@code handleConnection(client)}: Nest binds the gateway's message handlers to the client right after calling it,
   * whatever it returns or throws (web-sockets-controller: {@code connection.next(args)} then
   * {@code subscribeMessages}), so every way out of it accepts, an exception included: a thrown error escapes
   * (singleton gateways) or reaches the exception filters (request-scoped ones), and neither disconnects. Only
   * {@code client.disconnect()} / {@code client.close()} rejects. A send to the client before the first verification
   * accepts too: data leaves before anyone is checked.
   *
   * @param firstAuth the offset of the first verification call in the handler
   * @param earlySends collects the sends met before it
   */
  static Policy connection(FileContext cx, Node client, int firstAuth, Set<Node> earlySends) {
    return new Policy() {
      @Override
      public boolean everyExitAccepts() {
        return true;
      }

      @Override
      public Node acceptCondition(Node call) {
        if (call.startByte() < firstAuth && onClient(cx, client, call, EXPOSING) && !endsAfter(cx, client, call)) {
          earlySends.add(call);
          return call;
        }
        return null;
      }

      @Override
      public boolean rejects(Node call) {
        return ends(cx, client, call);
      }

      @Override
      public boolean containsAccept(Node fn) {
        return false;
      }
    };
  }

  /**
   * Socket.IO middleware {@code (socket, next) => ...}: {@code next()} lets the connection through;
   * {@code next(err)} and {@code socket.disconnect()} refuse it.
   */
  static Policy middleware(FileContext cx, Node socket, Node next) {
    return new Policy() {
      @Override
      public Node acceptCondition(Node call) {
        if (!callsNext(cx, next, call)) {
          return null;
        }
        Node error = Syntax.unwrap(Syntax.argument(call, 0));
        return error == null || Syntax.isFalsyLiteral(error) ? call : null;
      }

      @Override
      public boolean rejects(Node call) {
        if (callsNext(cx, next, call)) {
          Node error = Syntax.unwrap(Syntax.argument(call, 0));
          return error != null && !Syntax.isFalsyLiteral(error);
        }
        return onClient(cx, socket, call, ENDING);
      }

      @Override
      public boolean containsAccept(Node fn) {
        return Policy.anyCall(fn, c -> callsNext(cx, next, c));
      }
    };
  }

  /**
   * The Socket.IO adapter's {@code allowRequest(req, callback)} option: engine.io lets the request through when the
   * callback's second argument is truthy, whatever its first (an error message) says; {@code callback(x, false)}
   * refuses it with 403.
   */
  static Policy allowRequest(FileContext cx, Node callback) {
    return new Policy() {
      @Override
      public Node acceptCondition(Node call) {
        if (!callsNext(cx, callback, call)) {
          return null;
        }
        Node success = Syntax.argument(call, 1);
        return success == null || Syntax.isFalsyLiteral(success) ? null : success;
      }

      @Override
      public boolean rejects(Node call) {
        if (!callsNext(cx, callback, call)) {
          return false;
        }
        Node success = Syntax.argument(call, 1);
        return success == null || Syntax.isFalsyLiteral(success);
      }

      @Override
      public boolean containsAccept(Node fn) {
        return Policy.anyCall(fn, c -> callsNext(cx, callback, c));
      }
    };
  }

  /** A call of the continuation parameter ({@code next} of middleware, {@code callback} of allowRequest). */
  private static boolean callsNext(FileContext cx, Node next, Node call) {
    Node callee = Syntax.callee(call);
    return next != null && callee != null && callee.is("identifier") && cx.scopes().declarationOf(callee) == next;
  }

  /** {@code client.emit('error', ...); client.disconnect();}: the send tells a refused client why. */
  private static boolean endsAfter(FileContext cx, Node client, Node call) {
    Node statement = call;
    while (statement.parent() != null && !statement.parent().is("statement_block")) {
      statement = statement.parent();
    }
    Node block = statement.parent();
    if (block == null) {
      return false;
    }
    boolean after = false;
    for (Node s : block.namedChildren()) {
      if (s == statement) {
        after = true;
        continue;
      }
      if (!after) {
        continue;
      }
      // only a statement of the same block that ends the connection outright, not one inside a branch
      Node e = s.isAny("expression_statement", "return_statement") ? Syntax.unwrapAwait(s.namedChild(0)) : null;
      if (e != null && e.is("call_expression") && ends(cx, client, e)) {
        return true;
      }
    }
    return false;
  }

  /** {@code client.m(...)} with m one of the methods. */
  static boolean onClient(FileContext cx, Node client, Node call, Set<String> methods) {
    Node receiver = Syntax.unwrap(Syntax.receiver(call));
    return client != null && receiver != null && receiver.is("identifier")
        && cx.scopes().declarationOf(receiver) == client && methods.contains(String.valueOf(Syntax.calleeName(call)));
  }

  /**
   * True when the call ends the client's connection: {@code client.disconnect(true)}, {@code client.close()}, or a
   * method or function of the file handed the client that does so ({@code this.reject(client, 'expired')}).
   */
  static boolean ends(FileContext cx, Node client, Node call) {
    if (onClient(cx, client, call, ENDING)) {
      return true;
    }
    Node local = cx.localFunction(Syntax.callee(call));
    if (local == null || call.within(local)) {
      return false;
    }
    List<Node> args = Syntax.arguments(call);
    List<Node> params = Syntax.parameters(local);
    for (int i = 0; i < args.size() && i < params.size(); i++) {
      Node a = Syntax.unwrap(args.get(i));
      if (a != null && a.is("identifier") && cx.scopes().declarationOf(a) == client && params.get(i).is("identifier")) {
        for (Node n : local.descendants()) {
          if (n.is("call_expression") && onClient(cx, params.get(i), n, ENDING)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
