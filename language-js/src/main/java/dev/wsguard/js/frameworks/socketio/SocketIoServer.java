package dev.wsguard.js.frameworks.socketio;

import dev.wsguard.js.analysis.Api;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.SocketServer;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Socket.IO server as one file sees it: created here ({@code new Server(...)}, {@code require('socket.io')(...)}),
 * imported from another module of the project, or handed to a function as a parameter. Holds its namespaces, the
 * main one ({@code /}) first, and what runs at the HTTP upgrade for every namespace ({@code allowRequest},
 * {@code io.engine.use}).
 */
final class SocketIoServer {
  final Node creation;
  final Node binding;
  final String memberKey;
  final Api imported;
  final Namespace main;
  final Map<String, Namespace> namespaces = new LinkedHashMap<>();
  /** Object literals of options: the constructor's, and those of {@code io.attach(srv, opts)} / {@code io.listen}. */
  final List<Node> options = new ArrayList<>();
  final List<Node> engineMiddlewares = new ArrayList<>();

  private SocketIoServer(Node creation, Node binding, String memberKey, Api imported) {
    this.creation = creation;
    this.binding = binding;
    this.memberKey = memberKey;
    this.imported = imported;
    this.main = new Namespace(this, "/", null);
  }

  static SocketIoServer created(FileContext cx, Node creation) {
    SocketServer.Binding b = SocketServer.Binding.of(cx, Syntax.wrappedAwait(creation));
    SocketIoServer s = new SocketIoServer(creation, b.declaration(), b.memberKey(), null);
    for (Node argument : Syntax.arguments(creation)) {
      Node options = cx.objectLiteral(argument);
      if (options != null) {
        s.options.add(options);
      }
    }
    return s;
  }

  static SocketIoServer imported(Api api) {
    return new SocketIoServer(null, null, null, api);
  }

  /** A server a function receives as its parameter. */
  static SocketIoServer parameter(Node declaration) {
    return new SocketIoServer(null, declaration, null, null);
  }

  boolean isLocal() {
    return creation != null;
  }

  String bindingName() {
    return binding == null || creation == null ? null : binding.text();
  }

  /** The namespace {@code io.of(name)} names, made on first use; {@code /} is the main namespace. */
  Namespace namespace(String key, Node declaration) {
    if ("/".equals(key)) {
      return main;
    }
    return namespaces.computeIfAbsent(key, k -> new Namespace(this, key.startsWith("@") ? null : key, declaration));
  }

  /** Every namespace, the main one first. */
  List<Namespace> all() {
    List<Namespace> out = new ArrayList<>();
    out.add(main);
    out.addAll(namespaces.values());
    return out;
  }

  boolean matches(FileContext cx, Node expr) {
    Node e = Syntax.unwrapAwait(expr);
    if (e == null) {
      return false;
    }
    if (creation != null && e == creation) {
      return true;
    }
    if (e.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(e);
      if (binding != null && declaration == binding) {
        return true;
      }
      return imported != null && imported.equals(cx.resolver().resolve(e));
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
