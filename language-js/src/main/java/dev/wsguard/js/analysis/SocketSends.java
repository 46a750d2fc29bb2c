package dev.wsguard.js.analysis;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Provenance;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds {@code x.send(...)} calls and who receives them: the connection itself, every client of a server
 * ({@code wss.clients} loops, or a collection every connection is added to), every client but the sender, a room,
 * one user's socket. A send inside a helper ({@code function broadcast(data)}) takes its payload's provenance from
 * the helper's callers.
 */
public final class SocketSends {
  private static final Set<String> ROOM_WORDS = Set.of("room", "rooms", "channel", "channels", "topic", "topics",
      "group", "groups", "game", "games", "lobby", "subscribers", "members", "party", "team");
  private static final Set<String> SOCKET_WORDS = Set.of("client", "clients", "socket", "sockets", "connection",
      "connections", "peer", "peers", "ws", "conn", "conns");
  private static final Set<String> UNWRAP = Set.of("values", "filter", "slice", "concat", "toArray");
  private static final Set<String> SERIALISERS = Set.of("stringify", "String", "encode", "serialize");
  private static final Set<String> NOT_FILTERS = Set.of("readyState", "bufferedAmount", "isAlive", "protocol",
      "OPEN", "CLOSED");
  private static final Set<String> USER_WORDS = Set.of("user", "sub", "uid", "account", "owner", "trader",
      "customer", "member", "player");

  private final FileContext cx;
  private final List<SocketServer> servers;
  private final Payloads payloads;
  private final Map<SocketServer, List<Send>> byServer = new IdentityHashMap<>();

  private record Audiences(Audience audience, SocketServer server, SourceLocation evidence) {}

  public SocketSends(FileContext cx, List<SocketServer> servers) {
    this.cx = cx;
    this.servers = servers;
    this.payloads = new Payloads(cx);
    for (SocketServer s : servers) {
      byServer.put(s, new ArrayList<>());
    }
    for (Node n : cx.tree().root().descendants()) {
      if (n.is("call_expression") && "send".equals(Syntax.calleeName(n)) && Syntax.receiver(n) != null) {
        send(n);
      }
    }
  }

  public List<Send> of(SocketServer s) {
    return byServer.getOrDefault(s, List.of());
  }

  private void send(Node call) {
    Node payload = Syntax.argument(call, 0);
    if (payload == null) {
      return;
    }
    Audiences audience = audience(Syntax.receiver(call), 0);
    if (audience == null) {
      return;
    }
    SocketServer server = audience.server != null ? audience.server : serverAround(call);
    if (server == null) {
      return;
    }
    Node helper = helperParameterOwner(payload);
    Provenance provenance;
    String text;
    if (helper != null) {
      int index = parameterIndex(helper, cx.scopes().declarationOf(serialised(payload)));
      Node worst = null;
      Provenance worstProvenance = null;
      for (Node site : callSites(helper)) {
        Node argument = Syntax.argument(site, index);
        if (argument == null) {
          continue;
        }
        Provenance p = payloads.classify(argument);
        if (worstProvenance == null || rank(p) > rank(worstProvenance)) {
          worst = argument;
          worstProvenance = p;
        }
      }
      provenance = worstProvenance == null ? Provenance.UNKNOWN : worstProvenance;
      text = worst == null ? Syntax.compact(payload) : Syntax.compact(worst);
    } else {
      provenance = payloads.classify(payload);
      text = Syntax.compact(payload);
    }
    byServer.get(server).add(new Send(call.location(), audience.audience, provenance, text, audience.evidence));
  }

  /** Worst last: the provenance a helper's send reports is its worst caller's. */
  private static final List<Provenance> BY_RISK = List.of(Provenance.PUBLIC, Provenance.ECHO, Provenance.UNKNOWN,
      Provenance.PER_USER, Provenance.SENSITIVE);

  private static int rank(Provenance p) {
    return BY_RISK.indexOf(p);
  }

  // ---- audience ----

  private Audiences audience(Node receiver, int depth) {
    Node r = Syntax.unwrap(receiver);
    if (r == null || depth > 3) {
      return null;
    }
    if (r.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(r);
      if (declaration == null) {
        return null;
      }
      if (cx.roleOf(declaration) == Role.CONNECTION) {
        return new Audiences(Audience.THIS_CONNECTION, connectionServer(declaration), null);
      }
      Audiences loop = loopVariable(declaration);
      if (loop != null) {
        return loop;
      }
      Node declarator = declaration.ancestor("variable_declarator");
      if (declarator != null && declarator.child("name") == declaration && declarator.child("value") != null) {
        return audience(declarator.child("value"), depth + 1);
      }
      Node owner = parameterOwner(declaration);
      if (owner != null) {
        int index = parameterIndex(owner, declaration);
        for (Node site : callSites(owner)) {
          Audiences a = audience(Syntax.argument(site, index), depth + 1);
          if (a != null) {
            return a;
          }
        }
      }
      return null;
    }
    // sockets.get(userId).send(...), users[id].send(...)
    Node collection = null;
    Node key = null;
    if (r.is("call_expression") && "get".equals(Syntax.calleeName(r))) {
      collection = Syntax.receiver(r);
      key = Syntax.argument(r, 0);
    } else if (r.is("subscript_expression")) {
      collection = r.child("object");
      key = r.child("index");
    }
    if (collection != null && holdsSockets(collection)) {
      return new Audiences(roomish(key) ? Audience.ROOM : Audience.ONE_USER, null, r.location());
    }
    return null;
  }

  /** The audience of a loop variable: {@code wss.clients.forEach(c => ...)}, {@code for (const c of clients)}. */
  private Audiences loopVariable(Node declaration) {
    Node iterable = null;
    Node body = null;
    Node forIn = declaration.ancestor("for_in_statement");
    if (forIn != null && declaration.within(forIn.child("left"))) {
      iterable = forIn.child("right");
      body = forIn.child("body");
    } else {
      Node fn = declaration.parent();
      while (fn != null && !Syntax.isFunction(fn)) {
        fn = fn.parent();
      }
      if (fn != null && Syntax.parameter(fn, 0) == declaration) {
        Node args = fn.parent();
        Node call = args == null ? null : args.parent();
        if (call != null && call.is("call_expression") && "forEach".equals(Syntax.calleeName(call))) {
          iterable = Syntax.receiver(call);
          body = fn;
        }
      }
    }
    if (iterable == null) {
      return null;
    }
    boolean skipsSender = comparesWithConnection(body, declaration) || filtersSender(iterable);
    Node source = reduceIterable(iterable, 0);
    if (source == null) {
      return null;
    }
    Audience everyone = skipsSender ? Audience.ALL_BUT_SENDER : Audience.ALL_CONNECTIONS;
    // if (client.docId === ws.docId), if (client.user.sub === fill.accountId): a room or one user, not everyone
    Audience filtered = filteredBy(body, declaration);
    if (filtered != null) {
      everyone = filtered;
    }
    if ("clients".equals(Syntax.lastName(source))) {
      SocketServer s = serverOf(Syntax.object(source), 0);
      if (s != null) {
        return new Audiences(everyone, s, source.location());
      }
    }
    SocketServer registeredAll = registersEveryConnection(source);
    if (registeredAll != null) {
      return new Audiences(everyone, registeredAll, source.location());
    }
    if (roomish(source) || holdsSockets(source)) {
      return new Audiences(Audience.ROOM, null, source.location());
    }
    return null;
  }

  /** {@code Array.from(x)}, {@code [...x]}, {@code x.values()}, {@code x.filter(...)} are x. */
  private Node reduceIterable(Node expr, int depth) {
    Node e = Syntax.unwrap(expr);
    if (e == null || depth > 4) {
      return e;
    }
    if (e.is("call_expression")) {
      String name = Syntax.calleeName(e);
      if ("from".equals(name) && "Array".equals(String.valueOf(Syntax.lastName(Syntax.receiver(e))))) {
        return reduceIterable(Syntax.argument(e, 0), depth + 1);
      }
      if (name != null && UNWRAP.contains(name) && Syntax.receiver(e) != null) {
        return reduceIterable(Syntax.receiver(e), depth + 1);
      }
      return e;
    }
    if (e.is("array") && e.namedChildren().size() == 1 && e.namedChild(0).is("spread_element")) {
      return reduceIterable(e.namedChild(0).namedChild(0), depth + 1);
    }
    if (e.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(e);
      Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
      Node init = declarator != null && declarator.child("name") == declaration ? declarator.child("value") : null;
      if (init != null && !Syntax.unwrap(init).isAny("new_expression", "array", "object")) {
        return reduceIterable(init, depth + 1);
      }
    }
    return e;
  }

  /** A collection every connection is added to, at the top of a connection handler: all clients again. */
  private SocketServer registersEveryConnection(Node collection) {
    String key = collectionKey(collection);
    if (key == null) {
      return null;
    }
    for (SocketServer s : servers) {
      for (Node handler : s.connectionHandlers) {
        Node socket = Syntax.parameters(handler).stream()
            .filter(p -> cx.roleOf(p) == Role.CONNECTION).findFirst().orElse(Syntax.parameter(handler, 0));
        for (Node n : handler.descendants()) {
          if (!n.is("call_expression") || Syntax.enclosingFunction(n) != handler) {
            continue;
          }
          String method = Syntax.calleeName(n);
          if (method == null || !(method.equals("add") || method.equals("push") || method.equals("set"))) {
            continue;
          }
          if (!key.equals(collectionKey(Syntax.receiver(n)))) {
            continue;
          }
          for (Node argument : Syntax.arguments(n)) {
            if (ConnectionPolicies.isSocket(cx, socket, argument)) {
              return s;
            }
          }
        }
      }
    }
    return null;
  }

  private String collectionKey(Node expr) {
    Node e = Syntax.unwrap(expr);
    if (e == null) {
      return null;
    }
    if (e.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(e);
      return declaration == null ? null : "@" + declaration.startByte();
    }
    return e.is("member_expression") ? cx.memberKey(e) : null;
  }

  private boolean holdsSockets(Node collection) {
    String name = Syntax.lastName(collection);
    if (name != null && Words.anyIn(name, SOCKET_WORDS) != null) {
      return true;
    }
    String key = collectionKey(collection);
    if (key == null) {
      return false;
    }
    for (Node n : cx.tree().root().descendants()) {
      if (n.is("call_expression")) {
        String method = Syntax.calleeName(n);
        if (method != null && (method.equals("add") || method.equals("set") || method.equals("push"))
            && key.equals(collectionKey(Syntax.receiver(n)))) {
          for (Node argument : Syntax.arguments(n)) {
            Node a = Syntax.unwrap(argument);
            if (a != null && a.is("identifier") && cx.roleOf(cx.scopes().declarationOf(a)) == Role.CONNECTION) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static boolean roomish(Node expr) {
    if (expr == null) {
      return false;
    }
    for (Node n : expr.descendants()) {
      if (n.isAny("identifier", "property_identifier") && Words.anyIn(n.text(), ROOM_WORDS) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The audience a loop narrows to by comparing a property of each client: one user when the property names the
   * user, a room otherwise; null when the loop does not filter (readyState checks do not count).
   */
  private Audience filteredBy(Node body, Node loopVariable) {
    if (body == null) {
      return null;
    }
    Audience found = null;
    for (Node n : body.descendants()) {
      if (!n.is("binary_expression") || !List.of("===", "!==", "==", "!=").contains(Syntax.operator(n))) {
        continue;
      }
      for (Node side : List.of(n.child("left"), n.child("right"))) {
        List<String> path = Syntax.memberPath(side);
        Node base = Syntax.base(side);
        if (path == null || path.size() < 2 || base == null || !isLoopVariable(base, loopVariable)) {
          continue;
        }
        String last = path.get(path.size() - 1);
        if (NOT_FILTERS.contains(last)) {
          continue;
        }
        boolean user = path.subList(1, path.size()).stream().anyMatch(p -> Words.anyIn(p, USER_WORDS) != null);
        Audience a = user ? Audience.ONE_USER : Audience.ROOM;
        found = found == null || a == Audience.ROOM ? a : found;
      }
    }
    return found;
  }

  /** {@code if (client !== ws)}: the loop skips the sender. */
  private boolean comparesWithConnection(Node body, Node loopVariable) {
    if (body == null) {
      return false;
    }
    for (Node n : body.descendants()) {
      if (n.is("binary_expression") && List.of("===", "!==", "==", "!=").contains(Syntax.operator(n))) {
        Node l = Syntax.unwrap(n.child("left"));
        Node r = Syntax.unwrap(n.child("right"));
        if (isLoopVariable(l, loopVariable) && isConnection(r) || isLoopVariable(r, loopVariable) && isConnection(l)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean filtersSender(Node iterable) {
    Node e = Syntax.unwrap(iterable);
    while (e != null && e.is("call_expression")) {
      if ("filter".equals(Syntax.calleeName(e))) {
        Node fn = cx.localFunction(Syntax.argument(e, 0));
        Node p = fn == null ? null : Syntax.parameter(fn, 0);
        if (p != null && comparesWithConnection(fn, p)) {
          return true;
        }
      }
      e = Syntax.unwrap(Syntax.receiver(e));
    }
    return false;
  }

  private boolean isLoopVariable(Node expr, Node loopVariable) {
    return expr != null && expr.is("identifier") && cx.scopes().declarationOf(expr) == loopVariable;
  }

  private boolean isConnection(Node expr) {
    if (expr == null || !expr.is("identifier")) {
      return false;
    }
    return cx.roleOf(cx.scopes().declarationOf(expr)) == Role.CONNECTION;
  }

  // ---- servers and helpers ----

  /**
   * The server an expression names: the server's binding, or a parameter of a local function that its callers pass
   * a server ({@code function broadcast(wss, data) { wss.clients.forEach(...) }}).
   */
  private SocketServer serverOf(Node expr, int depth) {
    for (SocketServer s : servers) {
      if (s.matches(cx, expr)) {
        return s;
      }
    }
    Node e = Syntax.unwrap(expr);
    if (e == null || !e.is("identifier") || depth > 2) {
      return null;
    }
    Node declaration = cx.scopes().declarationOf(e);
    Node owner = declaration == null ? null : parameterOwner(declaration);
    if (owner == null) {
      return null;
    }
    int index = parameterIndex(owner, declaration);
    SocketServer found = null;
    for (Node site : callSites(owner)) {
      SocketServer s = serverOf(Syntax.argument(site, index), depth + 1);
      if (s == null || found != null && found != s) {
        return null;
      }
      found = s;
    }
    return found;
  }

  private SocketServer connectionServer(Node declaration) {
    for (SocketServer s : servers) {
      for (Node handler : s.connectionHandlers) {
        if (Syntax.parameters(handler).contains(declaration)) {
          return s;
        }
      }
      for (Node call : s.upgradeCalls) {
        Node done = cx.localFunction(Syntax.argument(call, 3));
        if (done != null && Syntax.parameter(done, 0) == declaration) {
          return s;
        }
      }
    }
    return null;
  }

  /** The server whose connection handler holds the node; the only server when there is one. */
  private SocketServer serverAround(Node node) {
    for (SocketServer s : servers) {
      for (Node handler : s.connectionHandlers) {
        if (node.within(handler)) {
          return s;
        }
      }
    }
    return servers.size() == 1 ? servers.get(0) : null;
  }

  /** For a payload that is a parameter of a named local function: that function (a broadcast helper). */
  private Node helperParameterOwner(Node payload) {
    Node p = serialised(payload);
    if (p == null || !p.is("identifier")) {
      return null;
    }
    Node declaration = cx.scopes().declarationOf(p);
    Node owner = declaration == null ? null : parameterOwner(declaration);
    if (owner == null || callSites(owner).isEmpty()) {
      return null;
    }
    return owner;
  }

  /** {@code JSON.stringify(x)} and {@code String(x)} send what x holds. */
  private static Node serialised(Node payload) {
    Node p = Syntax.unwrap(payload);
    while (p != null && p.is("call_expression") && SERIALISERS.contains(String.valueOf(Syntax.calleeName(p)))
        && Syntax.argument(p, 0) != null) {
      p = Syntax.unwrap(Syntax.argument(p, 0));
    }
    return p;
  }

  private static Node parameterOwner(Node declaration) {
    Node fn = declaration.parent();
    while (fn != null && !Syntax.isFunction(fn)) {
      if (fn.isAny("statement_block", "program")) {
        return null;
      }
      fn = fn.parent();
    }
    return fn != null && Syntax.parameters(fn).contains(declaration) ? fn : null;
  }

  private static int parameterIndex(Node fn, Node declaration) {
    return Syntax.parameters(fn).indexOf(declaration);
  }

  private final Map<Node, List<Node>> callSiteCache = new LinkedHashMap<>();

  private List<Node> callSites(Node fn) {
    return callSiteCache.computeIfAbsent(fn, f -> {
      List<Node> sites = new ArrayList<>();
      for (Node n : cx.tree().root().descendants()) {
        if (n.is("call_expression") && cx.localFunction(Syntax.callee(n)) == f) {
          sites.add(n);
        }
      }
      return sites;
    });
  }
}
