package dev.wsguard.js.analysis;

import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A ws server (or a server built on ws: express-ws's {@code getWss()}, @fastify/websocket's {@code websocketServer})
 * as one file sees it: created here ({@code new WebSocketServer(...)}), imported from another module of the project,
 * or named by expressions a recogniser knows. Knows which expressions name it and which functions handle its
 * connections.
 */
public final class SocketServer {
  public final Node creation;
  public final Node binding;
  public final String memberKey;
  public final Api imported;
  public final List<Node> connectionHandlers = new ArrayList<>();
  public final List<Node> connectionRegistrations = new ArrayList<>();
  public final List<Node> upgradeCalls = new ArrayList<>();

  private final Predicate<Node> names;

  private SocketServer(Node creation, Node binding, String memberKey, Api imported, Predicate<Node> names) {
    this.creation = creation;
    this.binding = binding;
    this.memberKey = memberKey;
    this.imported = imported;
    this.names = names;
  }

  public static SocketServer created(FileContext cx, Node creation) {
    Binding b = Binding.of(cx, Syntax.wrapped(creation));
    return new SocketServer(creation, b.declaration(), b.memberKey(), null, null);
  }

  /**
   * What a created server is stored in: the declaration of the variable ({@code const wss = new ...} or an assignment
   * to a declared variable), or the member key of an assignment to a member ({@code this.io = new ...}); both null
   * when it is not stored.
   */
  public record Binding(Node declaration, String memberKey) {
    /** @param wrapped the creation, climbed out of parentheses, type wrappers and any await around it */
    public static Binding of(FileContext cx, Node wrapped) {
      Node parent = wrapped.parent();
      if (parent != null && parent.is("variable_declarator") && parent.child("name").is("identifier")) {
        return new Binding(parent.child("name"), null);
      }
      if (parent != null && parent.is("assignment_expression")) {
        Node left = Syntax.unwrap(parent.child("left"));
        if (left != null && left.is("identifier")) {
          return new Binding(cx.scopes().declarationOf(left), null);
        }
        if (left != null && left.is("member_expression")) {
          return new Binding(null, cx.memberKey(left));
        }
      }
      return new Binding(null, null);
    }
  }

  public static SocketServer imported(Api api) {
    return new SocketServer(null, null, null, api, null);
  }

  /** A server handed to a function as its parameter (null when the function takes none). */
  public static SocketServer parameter(Node declaration) {
    return new SocketServer(null, declaration, null, null, null);
  }

  /**
   * A server a framework creates for the app, named by the expressions {@code names} accepts (express-ws's
   * {@code expressWs.getWss()}); its connection handlers are the framework's route handlers.
   */
  public static SocketServer namedBy(Predicate<Node> names) {
    return new SocketServer(null, null, null, null, names);
  }

  public boolean isLocal() {
    return creation != null;
  }

  /** The local name it is bound to, for exports; null when unbound or bound to a member. */
  public String bindingName() {
    return binding == null ? null : binding.text();
  }

  public boolean matches(FileContext cx, Node expr) {
    Node e = Syntax.unwrapAwait(expr);
    if (e == null) {
      return false;
    }
    if (names != null && names.test(e)) {
      return true;
    }
    if (creation != null && e == creation) {
      return true;
    }
    if (e.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(e);
      if (binding != null && declaration == binding) {
        return true;
      }
      if (imported != null) {
        return imported.equals(cx.resolver().resolve(e));
      }
      return false;
    }
    if (e.is("member_expression")) {
      if (memberKey != null && memberKey.equals(cx.memberKey(e))) {
        return true;
      }
      return imported != null && imported.equals(cx.resolver().resolve(e));
    }
    return false;
  }
}
