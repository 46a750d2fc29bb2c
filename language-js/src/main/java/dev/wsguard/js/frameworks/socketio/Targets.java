package dev.wsguard.js.frameworks.socketio;

import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Role;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what an expression is in Socket.IO terms: a server, one of its namespaces or a connection, and the broadcast
 * operator built on it ({@code io.to(room)}, {@code socket.broadcast}, {@code io.of('/x').in(room)}). Modifiers that
 * change only delivery ({@code local}, {@code volatile}, {@code compress}, {@code timeout}) are transparent.
 */
final class Targets {
  private static final int MAX_DEPTH = 8;
  private static final Set<String> TRANSPARENT_CALLS = Set.of("compress", "timeout", "binary", "use", "on", "once",
      "off", "removeAllListeners", "addListener");
  private static final Set<String> TRANSPARENT_MEMBERS = Set.of("local", "volatile");

  /**
   * @param server the server (for a namespace or a socket whose namespace is known, its server); may be null for a
   *     socket
   * @param namespace the namespace; null for a socket whose namespace is not known
   * @param socket the connection's declaration, for targets built on a socket; null otherwise
   * @param broadcast {@code socket.broadcast}: everyone but the socket
   * @param rooms the rooms of {@code to(...)} / {@code in(...)}
   * @param except {@code except(...)}: everyone but some rooms
   */
  record Target(SocketIoServer server, Namespace namespace, Node socket, boolean broadcast, List<Node> rooms,
      boolean except) {
    boolean plain() {
      return !broadcast && rooms.isEmpty() && !except;
    }

    boolean isNamespace() {
      return socket == null && namespace != null;
    }

    Target withRooms(List<Node> more) {
      List<Node> all = new ArrayList<>(rooms);
      all.addAll(more);
      return new Target(server, namespace, socket, broadcast, all, except);
    }
  }

  private final FileContext cx;
  private final List<SocketIoServer> servers;
  private final Map<Node, Namespace> socketNamespaces = new IdentityHashMap<>();
  private final Map<String, Namespace> namespaceMembers = new LinkedHashMap<>();

  Targets(FileContext cx, List<SocketIoServer> servers) {
    this.cx = cx;
    this.servers = servers;
  }

  /** The socket parameter of a connection handler belongs to the handler's namespace. */
  void socketOf(Node socketDeclaration, Namespace namespace) {
    if (socketDeclaration != null) {
      socketNamespaces.putIfAbsent(socketDeclaration, namespace);
    }
  }

  Namespace namespaceOfSocket(Node socketDeclaration) {
    return socketNamespaces.get(socketDeclaration);
  }

  /** {@code this.admin = io.of('/admin')}: a namespace kept in a property, by the property's key. */
  void namespaceMember(String key, Namespace namespace) {
    namespaceMembers.putIfAbsent(key, namespace);
  }

  Target resolve(Node expr) {
    return resolve(expr, 0);
  }

  private Target resolve(Node expr, int depth) {
    Node e = Syntax.unwrapAwait(expr);
    if (e == null || depth > MAX_DEPTH) {
      return null;
    }
    for (SocketIoServer s : servers) {
      if (s.matches(cx, e)) {
        return namespaceTarget(s.main);
      }
    }
    switch (e.type()) {
      case "identifier" -> {
        return identifier(e, depth);
      }
      case "member_expression" -> {
        return member(e, depth);
      }
      case "call_expression" -> {
        return call(e, depth);
      }
      default -> {
        return null;
      }
    }
  }

  private Target identifier(Node e, int depth) {
    Node declaration = cx.scopes().declarationOf(e);
    if (declaration == null) {
      return null;
    }
    if (cx.roleOf(declaration) == Role.CONNECTION) {
      Namespace ns = socketNamespaces.get(declaration);
      return new Target(ns == null ? null : ns.server, ns, declaration, false, List.of(), false);
    }
    Node declarator = declaration.ancestor("variable_declarator");
    if (declarator != null && declarator.child("name") == declaration && declarator.child("value") != null) {
      return resolve(declarator.child("value"), depth + 1);
    }
    return null;
  }

  private Target member(Node e, int depth) {
    String key = cx.memberKey(e);
    if (key != null && namespaceMembers.containsKey(key)) {
      return namespaceTarget(namespaceMembers.get(key));
    }
    String name = Syntax.lastName(e);
    Target object = resolve(Syntax.object(e), depth + 1);
    if (object == null || name == null) {
      return null;
    }
    if (TRANSPARENT_MEMBERS.contains(name)) {
      return object;
    }
    if (name.equals("sockets") && object.isNamespace() && object.namespace().isMain() && object.plain()) {
      return object; // io.sockets is the main namespace
    }
    if (name.equals("broadcast") && object.socket() != null) {
      return new Target(object.server(), object.namespace(), object.socket(), true, object.rooms(), object.except());
    }
    if (name.equals("nsp") && object.socket() != null && object.plain()) {
      return object.namespace() == null ? null : namespaceTarget(object.namespace());
    }
    return null;
  }

  private Target call(Node e, int depth) {
    String method = Syntax.calleeName(e);
    Node receiver = Syntax.receiver(e);
    if (method == null || receiver == null) {
      return null;
    }
    Target object = resolve(receiver, depth + 1);
    if (object == null) {
      return null;
    }
    if (method.equals("to") || method.equals("in")) {
      return object.withRooms(Syntax.arguments(e));
    }
    if (method.equals("except")) {
      return new Target(object.server(), object.namespace(), object.socket(), object.broadcast(), object.rooms(),
          true);
    }
    if (TRANSPARENT_CALLS.contains(method)) {
      return object;
    }
    if (method.equals("of") && object.isNamespace() && object.namespace().isMain() && object.plain()) {
      Namespace ns = namespaceOf(object.server(), e);
      return ns == null ? null : namespaceTarget(ns);
    }
    return null;
  }

  /** The namespace an {@code io.of(x)} call names, made on first sight. */
  Namespace namespaceOf(SocketIoServer server, Node ofCall) {
    Node argument = Syntax.unwrap(Syntax.argument(ofCall, 0));
    if (argument == null) {
      return null;
    }
    String name = Syntax.stringValue(argument);
    String key = name != null ? (name.startsWith("/") ? name : "/" + name) : "@" + ofCall.startByte();
    return server.namespace(key, ofCall);
  }

  private static Target namespaceTarget(Namespace ns) {
    return new Target(ns.server, ns, null, false, List.of(), false);
  }

  /** The identifier or {@code this} a chain of members and calls starts from ({@code socket} in {@code socket.to(r).emit}). */
  static Node root(Node expr) {
    Node e = Syntax.unwrapAwait(expr);
    for (int i = 0; e != null && i < 16; i++) {
      if (e.isAny("member_expression", "subscript_expression")) {
        e = Syntax.unwrapAwait(e.child("object"));
      } else if (e.is("call_expression")) {
        Node callee = Syntax.callee(e);
        e = callee != null && callee.isAny("member_expression", "subscript_expression")
            ? Syntax.unwrapAwait(callee.child("object")) : null;
      } else {
        return e;
      }
    }
    return null;
  }
}
