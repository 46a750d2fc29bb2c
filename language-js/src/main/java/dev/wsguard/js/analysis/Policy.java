package dev.wsguard.js.analysis;

import dev.wsguard.js.parse.Node;
import java.util.function.Predicate;

/**
 * What accepting and rejecting mean where a handler is walked: {@code handleUpgrade} in an upgrade handler,
 * {@code cb(true)} in a verifyClient, the first send in a connection handler, a message type's branch in a message
 * handler.
 */
public interface Policy {
  /**
   * If the call accepts the connection: the expression whose truthiness decides ({@code E} in {@code cb(E)}), or the
   * call itself when it accepts outright. Null when the call does not accept.
   */
  default Node acceptCondition(Node call) {
    return null;
  }

  /** True when the call rejects: the path ends there. */
  default boolean rejects(Node call) {
    return false;
  }

  /** True when reaching this node (a switch case, an if branch) is an accept. */
  default boolean acceptsAt(Node node) {
    return false;
  }

  /** True when {@code return E} accepts if E is truthy (a synchronous verifyClient). */
  default boolean returnDecides() {
    return false;
  }

  /**
   * True when every way out of the function accepts, whatever it returns or throws: a synchronous verifyClient that
   * is {@code async} returns a Promise, which is always truthy.
   */
  default boolean everyExitAccepts() {
    return false;
  }

  /**
   * True when returning or falling off the end accepts: an async Fastify hook lets the request go on unless it
   * replied or threw.
   */
  default boolean normalExitAccepts() {
    return false;
  }

  /** True when the function (a callback argument) holds an accept, so it must be walked where it is passed. */
  boolean containsAccept(Node fn);

  /** True when some call under {@code fn} is one {@code accepting} takes: the usual body of {@link #containsAccept}. */
  static boolean anyCall(Node fn, Predicate<Node> accepting) {
    for (Node n : fn.descendants()) {
      if (n.is("call_expression") && accepting.test(n)) {
        return true;
      }
    }
    return false;
  }
}
