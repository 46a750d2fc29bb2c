package dev.wsguard.js.analysis;

import dev.wsguard.js.parse.Node;
import java.util.Set;

/**
 * What accepting and rejecting mean in the HTTP middleware that route-style frameworks run on the upgrade request
 * (Express middleware under express-ws, Fastify hooks under @fastify/websocket): going on to the next step accepts,
 * answering the request or passing an error rejects.
 */
public final class MiddlewarePolicies {
  /** Calls that answer the request (or close the socket) and so end it before the WebSocket handler runs. */
  private static final Set<String> ANSWERING = Set.of("send", "json", "jsonp", "end", "sendStatus", "redirect",
      "render", "sendFile", "close", "terminate", "destroy", "writeHead");

  private MiddlewarePolicies() {}

  /**
   * A middleware that goes on by calling {@code next()} (Express, a Fastify hook with a {@code done} callback):
   * {@code next()} or {@code next(null)} accepts; {@code next(err)} and answering through one of
   * {@code responders} ({@code res.status(401).end()}, {@code reply.code(401).send()}, {@code ws.close()}) reject.
   */
  public static Policy nextCallback(FileContext cx, Node next, Set<Node> responders) {
    return new Policy() {
      @Override
      public Node acceptCondition(Node call) {
        if (!callsNext(cx, next, call)) {
          return null;
        }
        Node error = Syntax.argument(call, 0);
        return error == null || Syntax.isFalsyLiteral(error) ? call : null;
      }

      @Override
      public boolean rejects(Node call) {
        if (callsNext(cx, next, call)) {
          Node error = Syntax.argument(call, 0);
          return error != null && !Syntax.isFalsyLiteral(error);
        }
        return answers(cx, responders, call);
      }

      @Override
      public boolean containsAccept(Node fn) {
        return Policy.anyCall(fn, c -> callsNext(cx, next, c));
      }
    };
  }

  /**
   * An async Fastify hook: the request goes on when the hook returns (its promise resolves), unless it answered
   * through one of {@code responders} first; a throw (a rejected promise) ends the request with an error.
   */
  public static Policy asyncHook(FileContext cx, Set<Node> responders) {
    return new Policy() {
      @Override
      public boolean rejects(Node call) {
        return answers(cx, responders, call);
      }

      @Override
      public boolean normalExitAccepts() {
        return true;
      }

      @Override
      public boolean containsAccept(Node fn) {
        return false;
      }
    };
  }

  private static boolean callsNext(FileContext cx, Node next, Node call) {
    Node callee = Syntax.unwrap(Syntax.callee(call));
    return next != null && callee != null && callee.is("identifier") && cx.scopes().declarationOf(callee) == next;
  }

  /** {@code res.status(401).json(...)}: an answering method on a chain that starts at a responder. */
  private static boolean answers(FileContext cx, Set<Node> responders, Node call) {
    String method = Syntax.calleeName(call);
    if (method == null || !ANSWERING.contains(method)) {
      return false;
    }
    Node e = Syntax.unwrap(Syntax.receiver(call));
    while (e != null && (e.is("call_expression") || e.is("member_expression"))) {
      e = Syntax.unwrap(e.is("call_expression") ? Syntax.callee(e) : Syntax.object(e));
    }
    return e != null && e.is("identifier") && responders.contains(cx.scopes().declarationOf(e));
  }
}
