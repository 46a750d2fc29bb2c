package dev.wsguard.js.frameworks.socketio;

import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.js.analysis.Api;
import dev.wsguard.js.analysis.CredentialReader;
import dev.wsguard.js.analysis.ConnectionAnalysis;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Flow;
import dev.wsguard.js.analysis.MessageAuthz;
import dev.wsguard.js.analysis.MessageDispatch;
import dev.wsguard.js.analysis.Role;
import dev.wsguard.js.analysis.RoleGate;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.facts.DelegateFact;
import dev.wsguard.js.facts.EndpointFact;
import dev.wsguard.js.facts.ExportFact;
import dev.wsguard.js.facts.FunctionRef;
import dev.wsguard.js.facts.GuardFact;
import dev.wsguard.js.facts.HandlerFact;
import dev.wsguard.js.facts.PartFact;
import dev.wsguard.js.facts.PathFact;
import dev.wsguard.js.facts.Term;
import dev.wsguard.js.frameworks.FrameworkRecognizer;
import dev.wsguard.js.frameworks.Recognized;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises Socket.IO servers (v2 to v4) and what guards, handles and sends on them. The main namespace is one
 * endpoint, declared at {@code new Server(} (or {@code require('socket.io')(}); each {@code io.of(...)} is another,
 * declared there. Middleware registered with {@code use} covers only its own namespace; {@code allowRequest} and
 * {@code io.engine.use} run at the HTTP upgrade and cover them all. Servers imported from another module of the
 * project are recognised by their Socket.IO uses and reported as parts for link time.
 *
 * <p>Origin: the {@code cors} option is not read as an Origin defence. Browsers do not apply CORS to WebSocket
 * upgrades, and Socket.IO checks {@code cors.origin} only when answering HTTP long-polling requests, so a page on any
 * site can still open the websocket transport. The endpoint's Origin policy is therefore "any" unless
 * {@code allowRequest}, an engine middleware or a namespace middleware compares the Origin header with an
 * allow-list, which link time reads from the guards.
 */
public final class SocketIoRecognizer implements FrameworkRecognizer {
  private static final Set<String> SOCKET_IO_MEMBERS = Set.of("emit", "join", "leave", "broadcast", "to", "handshake",
      "data", "rooms", "onAny", "nsp", "use", "in", "disconnect", "request");
  private static final int HELPER_DEPTH = 2;

  private final FileContext cx;
  private final List<Node> calls = new ArrayList<>();
  private final List<SocketIoServer> servers = new ArrayList<>();
  private Targets targets;
  private SocketIoSends sends;
  private boolean importsSocketIo;

  /** A function that handles one namespace's connections, with the parameter holding the socket. */
  private record Handler(Node fn, Node socket) {}

  /** One listener a connection registers: the event (null for onAny or a computed name) and its function. */
  private record Listener(Node registration, String event, Node fn, Node socket) {}

  private record Analysis(List<GuardFact> guards, List<MessageHandler> handlers, List<String> unknowns,
      List<DelegateFact> delegates) {}

  public SocketIoRecognizer(FileContext cx) {
    this.cx = cx;
  }

  @Override
  public Recognized recognize() {
    List<SocketIoServer> local = new ArrayList<>();
    for (Node n : cx.tree().root().descendants()) {
      if (n.is("new_expression") && cx.tables().isSocketIoServer(cx.resolver().resolve(n.child("constructor")))) {
        local.add(SocketIoServer.created(cx, n));
      } else if (n.is("call_expression")) {
        calls.add(n);
        Node callee = Syntax.callee(n);
        if (callee != null && !isRequire(n) && cx.tables().isSocketIoServer(cx.resolver().resolve(callee))) {
          local.add(SocketIoServer.created(cx, n));
        }
        importsSocketIo |= "socket.io".equals(dev.wsguard.js.analysis.ApiResolver.requiredModule(n));
      } else if (n.is("import_statement")) {
        Node source = n.child("source");
        importsSocketIo |= source != null && "socket.io".equals(Syntax.stringValue(source));
      }
    }
    servers.addAll(local);
    servers.addAll(importedServers(local));
    servers.addAll(parameterServers());
    if (servers.isEmpty()) {
      return Recognized.NONE;
    }
    for (SocketIoServer s : local) {
      cx.role(s.binding, Role.SERVER);
    }
    targets = new Targets(cx, servers);
    discover();
    assignRoles();
    sends = new SocketIoSends(cx, targets);
    List<EndpointFact> endpoints = new ArrayList<>();
    List<PartFact> parts = new ArrayList<>();
    for (SocketIoServer s : servers) {
      for (Namespace ns : s.all()) {
        if (ns.isMain() && s.imported == null && !s.isLocal()) {
          continue; // a server handed in as a parameter: handlerExports reads what this module adds to it
        }
        if (ns.isMain() && !s.isLocal()) {
          PartFact part = part(s);
          if (part != null) {
            parts.add(part);
          }
        } else if (ns.isMain() || ns.declaration != null) {
          endpoints.add(endpoint(ns));
        }
      }
    }
    return new Recognized(endpoints, parts);
  }

  private static boolean isRequire(Node call) {
    return dev.wsguard.js.analysis.ApiResolver.requiredModule(call) != null;
  }

  // ---- finding servers ----

  /**
   * Project modules' exports used here as Socket.IO servers. {@code io.on('connection')} alone is also how a ws
   * server is used, so an import counts only with Socket.IO evidence: this file imports socket.io (for its types,
   * say), or the binding is used through a Socket.IO-only member ({@code of}, {@code sockets}, {@code engine},
   * {@code to}).
   */
  private List<SocketIoServer> importedServers(List<SocketIoServer> local) {
    Map<String, Api> candidates = new LinkedHashMap<>();
    Set<String> evidence = new java.util.HashSet<>();
    Set<String> likely = new java.util.HashSet<>();
    for (Node call : calls) {
      String method = Syntax.calleeName(call);
      Node receiver = Syntax.receiver(call);
      if (method == null || receiver == null) {
        continue;
      }
      Node base = Syntax.unwrap(receiver);
      String via = null;
      if (base.is("member_expression") && List.of("sockets", "engine").contains(Syntax.lastName(base))) {
        via = Syntax.lastName(base);
        base = Syntax.object(base);
      }
      if (base == null || local.stream().anyMatch(s -> s.matches(cx, Syntax.unwrap(receiver)))) {
        continue;
      }
      Api api = cx.resolver().resolve(base);
      if (api == null || !api.isRelative() || api.path().size() > 1) {
        continue;
      }
      boolean connection = SocketIoPolicies.LISTEN.contains(method)
          && List.of("connection", "connect").contains(String.valueOf(Syntax.stringValue(Syntax.argument(call, 0))));
      boolean socketIoOnly = via != null || List.of("of", "to", "in", "except").contains(method);
      if (connection || socketIoOnly || method.equals("use") || method.equals("emit")) {
        candidates.putIfAbsent(api.qualified(), api);
      }
      // x.use() and x.emit() alone are also an Express app's and an EventEmitter's
      if (connection || socketIoOnly) {
        likely.add(api.qualified());
      }
      if (socketIoOnly || connection && socketIoConnectionHandler(Syntax.argument(call, 1))) {
        evidence.add(api.qualified());
      }
    }
    List<SocketIoServer> out = new ArrayList<>();
    for (Map.Entry<String, Api> c : candidates.entrySet()) {
      if (importsSocketIo && likely.contains(c.getKey()) || evidence.contains(c.getKey())) {
        out.add(SocketIoServer.imported(c.getValue()));
      }
    }
    return out;
  }

  /** A connection handler whose socket is used through Socket.IO members ({@code socket.emit}, {@code socket.join}). */
  private boolean socketIoConnectionHandler(Node handler) {
    Node fn = cx.localFunction(handler);
    Node socket = fn == null ? null : ConnectionAnalysis.param(fn, 0);
    return socket != null && usedThrough(fn, socket, SOCKET_IO_MEMBERS);
  }

  private boolean usedThrough(Node fn, Node declaration, Set<String> members) {
    for (Node n : fn.descendants()) {
      if (n.is("member_expression") && members.contains(Syntax.lastName(n))) {
        Node object = Syntax.unwrap(n.child("object"));
        if (object != null && object.is("identifier") && cx.scopes().declarationOf(object) == declaration) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Functions handed a server by another module ({@code module.exports = (io) => { io.of('/admin')... }}): a
   * parameter used as {@code p.of('/name')} whose result takes middleware or connections is a Socket.IO server, and
   * the namespaces it makes are declared here.
   */
  private List<SocketIoServer> parameterServers() {
    Map<Node, SocketIoServer> out = new LinkedHashMap<>();
    for (Node call : calls) {
      if (!"of".equals(Syntax.calleeName(call))) {
        continue;
      }
      Node receiver = Syntax.unwrap(Syntax.receiver(call));
      Node declaration = receiver != null && receiver.is("identifier") ? cx.scopes().declarationOf(receiver) : null;
      if (declaration == null || declaration.ancestor("formal_parameters") == null && !arrowParameter(declaration)
          || cx.roleOf(declaration) != null) {
        continue;
      }
      Node argument = Syntax.unwrap(Syntax.argument(call, 0));
      String name = Syntax.stringValue(argument);
      boolean namespaceLike = name != null && name.startsWith("/") || argument != null && argument.is("regex");
      if (namespaceLike && servesConnections(call)) {
        out.computeIfAbsent(declaration, SocketIoServer::parameter);
      }
    }
    // module.exports = (io) => { io.use(auth); io.on('connection', (socket) => socket.join(...)) }
    for (Node call : calls) {
      String method = Syntax.calleeName(call);
      Node receiver = Syntax.unwrap(Syntax.receiver(call));
      if (method == null || receiver == null) {
        continue;
      }
      boolean engine = receiver.is("member_expression") && "engine".equals(Syntax.lastName(receiver));
      Node base = engine ? Syntax.object(receiver) : receiver;
      Node declaration = base != null && base.is("identifier") ? cx.scopes().declarationOf(base) : null;
      if (declaration == null || declaration.ancestor("formal_parameters") == null && !arrowParameter(declaration)
          || cx.roleOf(declaration) != null || out.containsKey(declaration)) {
        continue;
      }
      boolean connection = SocketIoPolicies.LISTEN.contains(method)
          && List.of("connection", "connect").contains(String.valueOf(Syntax.stringValue(Syntax.argument(call, 0))));
      boolean evidence = engine && method.equals("use")
          || connection && (importsSocketIo || socketIoConnectionHandler(Syntax.argument(call, 1)))
          || method.equals("use") && socketIoMiddleware(Syntax.argument(call, 0));
      if (evidence) {
        out.put(declaration, SocketIoServer.parameter(declaration));
      }
    }
    return new ArrayList<>(out.values());
  }

  /** A middleware reading {@code socket.handshake} / {@code socket.request}: Socket.IO's, not Express's. */
  private boolean socketIoMiddleware(Node argument) {
    Node fn = cx.localFunction(argument);
    Node socket = fn == null || Syntax.parameters(fn).size() != 2 ? null : ConnectionAnalysis.param(fn, 0);
    return socket != null && usedThrough(fn, socket, Set.of("handshake", "request", "data"));
  }

  private static boolean arrowParameter(Node declaration) {
    return declaration.parent() != null && declaration.parent().is("arrow_function");
  }

  /** {@code x.of('/a').on('connection', ...)}, {@code const a = x.of('/a'); a.use(...)}. */
  private boolean servesConnections(Node ofCall) {
    Node outer = Syntax.wrapped(ofCall).parent();
    if (outer != null && outer.is("member_expression") && List.of("on", "use").contains(Syntax.lastName(outer))) {
      return true;
    }
    if (outer != null && outer.is("variable_declarator") && outer.child("name").is("identifier")) {
      Node binding = outer.child("name");
      for (Node call : calls) {
        Node receiver = Syntax.unwrap(Syntax.receiver(call));
        if (receiver != null && receiver.is("identifier") && cx.scopes().declarationOf(receiver) == binding
            && List.of("on", "use").contains(Syntax.calleeName(call))) {
          return true;
        }
      }
    }
    return false;
  }

  // ---- namespaces, middleware, connection handlers ----

  private void discover() {
    for (Node call : calls) {
      if ("of".equals(Syntax.calleeName(call))) {
        Targets.Target t = targets.resolve(Syntax.receiver(call));
        if (t != null && t.isNamespace() && t.namespace().isMain() && t.plain()) {
          targets.namespaceOf(t.server(), call);
        }
      }
    }
    for (Node n : cx.tree().root().descendants()) {
      if (n.is("assignment_expression")) {
        Node left = Syntax.unwrap(n.child("left"));
        Targets.Target t = left != null && left.is("member_expression") ? targets.resolve(n.child("right")) : null;
        if (t != null && t.isNamespace() && t.plain() && !t.namespace().isMain() && cx.memberKey(left) != null) {
          targets.namespaceMember(cx.memberKey(left), t.namespace());
        }
      }
    }
    for (Node call : calls) {
      String method = Syntax.calleeName(call);
      Node receiver = Syntax.unwrap(Syntax.receiver(call));
      if (method == null || receiver == null) {
        continue;
      }
      if (method.equals("use") && receiver.is("member_expression") && "engine".equals(Syntax.lastName(receiver))) {
        Targets.Target t = targets.resolve(Syntax.object(receiver));
        if (t != null && t.isNamespace() && t.namespace().isMain() && t.plain()) {
          t.server().engineMiddlewares.add(call);
        }
        continue;
      }
      if ((method.equals("attach") || method.equals("listen")) && !isCreation(call)) {
        Targets.Target t = targets.resolve(receiver);
        if (t != null && t.isNamespace() && t.namespace().isMain() && t.plain()) {
          for (Node argument : Syntax.arguments(call)) {
            Node options = cx.objectLiteral(argument);
            if (options != null) {
              t.server().options.add(options);
            }
          }
        }
        continue;
      }
      boolean use = method.equals("use");
      boolean connection = SocketIoPolicies.LISTEN.contains(method)
          && List.of("connection", "connect").contains(String.valueOf(Syntax.stringValue(Syntax.argument(call, 0))));
      if (!use && !connection) {
        continue;
      }
      Targets.Target t = targets.resolve(receiver);
      if (t == null || !t.isNamespace() || !t.plain()) {
        continue;
      }
      (use ? t.namespace().middlewares : t.namespace().connectionRegistrations).add(call);
    }
  }

  private boolean isCreation(Node call) {
    return servers.stream().anyMatch(s -> s.creation == call);
  }

  private void assignRoles() {
    for (SocketIoServer s : servers) {
      for (Node use : s.engineMiddlewares) {
        Node fn = cx.localFunction(unwrapWrapper(Syntax.argument(use, 0)));
        if (fn != null) {
          cx.role(ConnectionAnalysis.param(fn, 0), Role.REQUEST);
        }
      }
      Node allowRequest = allowRequestFunction(s);
      if (allowRequest != null) {
        cx.role(ConnectionAnalysis.param(allowRequest, 0), Role.REQUEST);
      }
      for (Namespace ns : s.all()) {
        for (Node use : ns.middlewares) {
          Node fn = cx.localFunction(unwrapWrapper(Syntax.argument(use, 0)));
          Node socket = fn == null ? null : ConnectionAnalysis.param(fn, 0);
          if (socket != null) {
            cx.role(socket, Role.CONNECTION);
            targets.socketOf(socket, ns);
          }
        }
        for (Node registration : ns.connectionRegistrations) {
          Handler h = connectionHandler(registration);
          if (h == null) {
            continue;
          }
          targets.socketOf(h.socket(), ns);
          for (Listener l : listeners(h.fn(), h.socket(), 0)) {
            targets.socketOf(l.socket(), ns);
            messageRoles(l);
          }
        }
      }
    }
  }

  /**
   * The function that handles a connection: the registered one, or the function of the file it hands the socket to
   * ({@code socket => this.onConnection(socket)}), whose parameter then holds the socket.
   */
  private Handler connectionHandler(Node registration) {
    Node fn = cx.localFunction(Syntax.argument(registration, 1));
    Node socket = fn == null ? null : ConnectionAnalysis.param(fn, 0);
    if (socket == null) {
      return null;
    }
    cx.role(socket, Role.CONNECTION);
    Node call = ConnectionAnalysis.singleCall(fn);
    Node target = call == null ? null : cx.localFunction(Syntax.callee(call));
    if (target == null || target == fn) {
      return new Handler(fn, socket);
    }
    List<Node> args = Syntax.arguments(call);
    List<Node> params = Syntax.parameters(target);
    for (int i = 0; i < args.size() && i < params.size(); i++) {
      if (SocketIoPolicies.isSocket(cx, socket, args.get(i)) && params.get(i).is("identifier")) {
        cx.role(params.get(i), Role.CONNECTION);
        return new Handler(target, params.get(i));
      }
    }
    return new Handler(fn, socket);
  }


  /**
   * The client-event listeners a connection handler registers on its socket, and those of the local functions it
   * hands the socket to ({@code registerChatHandlers(socket)}), two levels deep.
   */
  private List<Listener> listeners(Node fn, Node socket, int depth) {
    List<Listener> out = new ArrayList<>();
    for (Node n : fn.descendants()) {
      if (!n.is("call_expression")) {
        continue;
      }
      String method = Syntax.calleeName(n);
      if (method != null && SocketIoPolicies.isSocket(cx, socket, Syntax.receiver(n))) {
        if (SocketIoPolicies.LISTEN.contains(method) && SocketIoPolicies.clientEvent(n)) {
          String event = Syntax.stringValue(Syntax.argument(n, 0));
          out.add(new Listener(n, event, cx.localFunction(Syntax.argument(n, 1)), socket));
        } else if (method.equals("onAny") || method.equals("prependAny")) {
          out.add(new Listener(n, null, cx.localFunction(Syntax.argument(n, 0)), socket));
        }
        continue;
      }
      Node local = depth < HELPER_DEPTH ? cx.localFunction(Syntax.callee(n)) : null;
      if (local == null || local == fn || local.within(fn)) {
        continue;
      }
      List<Node> args = Syntax.arguments(n);
      List<Node> params = Syntax.parameters(local);
      for (int i = 0; i < args.size() && i < params.size(); i++) {
        if (SocketIoPolicies.isSocket(cx, socket, args.get(i)) && params.get(i).is("identifier")) {
          cx.role(params.get(i), Role.CONNECTION);
          out.addAll(listeners(local, params.get(i), depth + 1));
        }
      }
    }
    return out;
  }

  /** What a client event's listener receives is the client's: every parameter but the acknowledgement callback. */
  private void messageRoles(Listener l) {
    if (l.fn() == null) {
      return;
    }
    List<Node> params = Syntax.parameters(l.fn());
    for (int i = 0; i < params.size(); i++) {
      Node p = params.get(i);
      if (i == params.size() - 1 && i > 0 && p.is("identifier") && calledIn(l.fn(), p)) {
        continue; // the acknowledgement callback
      }
      if (p.is("identifier")) {
        cx.role(p, Role.MESSAGE);
      } else {
        for (Node id : Syntax.boundIdentifiers(p)) {
          cx.role(id, Role.MESSAGE);
        }
      }
    }
  }

  private boolean calledIn(Node fn, Node declaration) {
    for (Node n : fn.descendants()) {
      if (n.is("call_expression")) {
        Node callee = Syntax.callee(n);
        if (callee != null && callee.is("identifier") && cx.scopes().declarationOf(callee) == declaration) {
          return true;
        }
      }
    }
    return false;
  }

  // ---- one endpoint ----

  private EndpointFact endpoint(Namespace ns) {
    Analysis a = analyse(ns);
    List<MessageHandler> handlers = RoleGate.apply(a.guards, a.handlers);
    if (ns.isMain()) {
      SocketIoServer s = ns.server;
      List<String> paths = new ArrayList<>();
      for (Node options : s.options) {
        String path = Syntax.stringValue(FileContext.properties(options).get("path"));
        if (path != null) {
          paths.add(path);
        }
      }
      List<DelegateFact> delegates = new ArrayList<>(a.delegates);
      delegates.addAll(serverDelegates(s));
      return new EndpointFact(Framework.SOCKET_IO, region(s.creation), s.bindingName(), paths, Limits.NONE, false,
          a.guards, handlers, sends.of(ns), a.unknowns, delegates);
    }
    List<String> paths = ns.name == null ? List.of() : List.of(ns.name);
    List<String> unknowns = new ArrayList<>(a.unknowns);
    if (!ns.server.isLocal()) {
      unknowns.add("the namespace's server is created in another module; its allowRequest and io.engine.use"
          + " middleware, which run for every namespace, were not read for this one");
    }
    return new EndpointFact(Framework.SOCKET_IO_NAMESPACE, region(ns.declaration), null, paths, Limits.NONE, false,
        a.guards, handlers, sends.of(ns), unknowns, a.delegates);
  }

  /**
   * {@code require('./sockets')(io)}, {@code registerChat(io)}: a module of the project handed the server adds its
   * middleware, connection handlers and sends to the main namespace, which link time reads.
   */
  private List<DelegateFact> serverDelegates(SocketIoServer s) {
    List<DelegateFact> out = new ArrayList<>();
    for (Node call : calls) {
      Node callee = Syntax.callee(call);
      FunctionRef ref = callee == null ? null : isRequire(callee) ? requiredFunction(callee) : importedFunction(callee);
      if (ref == null || cx.localFunction(callee) != null) {
        continue;
      }
      List<Node> args = Syntax.arguments(call);
      for (int i = 0; i < args.size(); i++) {
        if (s.matches(cx, args.get(i))) {
          out.add(new DelegateFact(ref, i, DelegateFact.SERVER));
          break;
        }
      }
    }
    return out;
  }

  /** {@code require('./sockets')} called at once: the module's own export. */
  private FunctionRef requiredFunction(Node requireCall) {
    String specifier = dev.wsguard.js.analysis.ApiResolver.requiredModule(requireCall);
    return specifier != null && (specifier.startsWith(".") || specifier.startsWith("/"))
        ? FunctionRef.imported(cx.path(), specifier, "default") : null;
  }

  private PartFact part(SocketIoServer s) {
    Namespace main = s.main;
    if (main.middlewares.isEmpty() && main.connectionRegistrations.isEmpty() && s.engineMiddlewares.isEmpty()
        && sends.of(main).isEmpty()) {
      return null;
    }
    Analysis a = analyse(main);
    FunctionRef target = FunctionRef.imported(cx.path(), s.imported.module(), s.imported.exportName());
    return new PartFact(target, a.guards, RoleGate.apply(a.guards, a.handlers), sends.of(main), a.unknowns,
        a.delegates, Framework.SOCKET_IO);
  }

  /** From {@code new} to the end of the constructor's name, or from a call's start to the end of its callee. */
  private static SourceLocation region(Node declaration) {
    Node head = declaration.is("new_expression") ? declaration.child("constructor") : declaration.child("function");
    int end = head != null ? head.endByte() : declaration.endByte();
    return declaration.tree().source().location(declaration.startByte(), end);
  }

  private Analysis analyse(Namespace ns) {
    List<GuardFact> guards = new ArrayList<>();
    List<MessageHandler> handlers = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    List<DelegateFact> delegates = new ArrayList<>();
    SocketIoServer s = ns.server;
    Term session = null;
    for (Node use : s.engineMiddlewares) {
      session = session != null ? session : sessionProvider(Syntax.argument(use, 0));
    }
    // allowRequest and engine middleware run at the HTTP upgrade, before any namespace is chosen
    GuardFact allowRequest = allowRequestGuard(s, unknowns);
    if (allowRequest != null) {
      guards.add(allowRequest);
    }
    for (Node use : s.engineMiddlewares) {
      GuardFact g = middlewareGuard(use, "io.engine.use middleware", true, session, unknowns);
      if (g != null) {
        guards.add(g);
      }
    }
    String what = ns.isMain() ? "io.use middleware" : "middleware of namespace " + (ns.name == null ? "(dynamic)"
        : ns.name);
    for (Node use : ns.middlewares) {
      Term provided = sessionProvider(Syntax.argument(use, 0));
      if (provided != null) {
        session = session != null ? session : provided;
        continue;
      }
      GuardFact g = middlewareGuard(use, what, false, session, unknowns);
      if (g != null) {
        guards.add(g);
      }
    }
    for (Node registration : ns.connectionRegistrations) {
      Handler h = connectionHandler(registration);
      if (h == null) {
        Node argument = Syntax.argument(registration, 1);
        FunctionRef ref = importedFunction(argument);
        if (ref != null) {
          delegates.add(new DelegateFact(ref, 0, DelegateFact.NO_MESSAGE));
        } else if (argument != null) {
          unknowns.add("the connection handler " + Syntax.compact(argument) + " is defined where wsguard did not"
              + " read it");
        }
        continue;
      }
      connection(h, session, guards, handlers, unknowns, delegates);
    }
    return new Analysis(guards, handlers, unknowns, delegates);
  }

  // ---- guards ----

  private Node allowRequestFunction(SocketIoServer s) {
    for (Node options : s.options) {
      Node value = FileContext.properties(options).get("allowRequest");
      if (value != null) {
        return cx.localFunction(value);
      }
    }
    return null;
  }

  private GuardFact allowRequestGuard(SocketIoServer s, List<String> unknowns) {
    for (Node options : s.options) {
      Node value = FileContext.properties(options).get("allowRequest");
      if (value == null) {
        continue;
      }
      SourceLocation at = value.parent() != null && value.parent().is("pair") ? value.parent().location()
          : value.location();
      Node fn = cx.localFunction(value);
      if (fn == null) {
        FunctionRef ref = importedFunction(value);
        if (ref != null) {
          return new GuardFact(GuardPlace.HANDSHAKE, "allowRequest " + Syntax.compact(value), at, at, List.of(),
              List.of(), Set.of(), null, ref);
        }
        unknowns.add("allowRequest is " + Syntax.compact(value) + ", which wsguard could not read");
        return null;
      }
      Flow.Result result = Flow.walk(cx, fn, SocketIoPolicies.allowRequest(cx, ConnectionAnalysis.param(fn, 1)));
      return guard(GuardPlace.HANDSHAKE, "allowRequest", at, fn, result);
    }
    return null;
  }

  /**
   * A middleware's guard; null for one that only fills the session. Express-style wrappers
   * ({@code wrap(mw)}, {@code onlyForHandshake(mw)}) are read through.
   */
  private GuardFact middlewareGuard(Node use, String description, boolean engine, Term session,
      List<String> unknowns) {
    Node argument = Syntax.argument(use, 0);
    Node middleware = unwrapWrapper(argument);
    SourceLocation at = use.location();
    if (middleware == null) {
      return null;
    }
    if (sessionProvider(middleware) != null) {
      return null;
    }
    Node fn = cx.localFunction(middleware);
    if (fn == null) {
      FunctionRef ref = importedFunction(middleware);
      if (ref != null) {
        return new GuardFact(GuardPlace.HANDSHAKE, description + " " + Syntax.compact(middleware), at, at, List.of(),
            List.of(), Set.of(), null, ref);
      }
      // a package's middleware (express-rate-limit, a JWT plugin): what it checks is not in the project
      unknowns.add(description + " " + Syntax.compact(argument) + " comes from a package wsguard does not read");
      Term unknown = Term.auth(Strength.UNKNOWN, at, Syntax.compact(argument));
      return new GuardFact(GuardPlace.HANDSHAKE, description + " " + Syntax.compact(argument), at, at,
          List.of(new PathFact(List.of(unknown), List.of(List.of()))), List.of(unknown), Set.of(), null, null);
    }
    Node next = ConnectionAnalysis.param(fn, engine ? 2 : 1);
    Flow.Result result = Flow.walk(cx, fn, SocketIoPolicies.middleware(cx, fn, next), session);
    return guard(GuardPlace.HANDSHAKE, description, at, fn, result);
  }

  /** {@code wrap(mw)}, {@code onlyForHandshake(mw)}: a local function of one middleware returns it wrapped. */
  private Node unwrapWrapper(Node argument) {
    Node a = Syntax.unwrap(argument);
    if (a == null || !a.is("call_expression") || Syntax.arguments(a).size() != 1) {
      return a;
    }
    Node wrapper = cx.localFunction(Syntax.callee(a));
    if (wrapper == null || Syntax.parameters(wrapper).size() != 1) {
      return a;
    }
    return Syntax.unwrap(Syntax.argument(a, 0));
  }

  /**
   * A middleware that fills {@code socket.request.session} / {@code req.session} from the session cookie: the
   * express-session instance itself, or a function that runs it on the request. Null for anything else.
   */
  private Term sessionProvider(Node argument) {
    Node a = Syntax.unwrap(unwrapWrapper(argument));
    if (a == null) {
      return null;
    }
    if (cx.isSessionParser(a)) {
      return Term.auth(Strength.VERIFIED, a.location(), "session parser " + Syntax.compact(a));
    }
    Node fn = cx.localFunction(a);
    if (fn == null) {
      return null;
    }
    for (Node n : fn.descendants()) {
      if (n.is("call_expression") && cx.isSessionParser(Syntax.callee(n))) {
        return Term.auth(Strength.VERIFIED, n.location(), "session parser " + Syntax.compact(Syntax.callee(n)));
      }
    }
    return null;
  }

  private GuardFact guard(GuardPlace place, String description, SourceLocation at, Node fn, Flow.Result result) {
    Set<CredentialSource> credentials = result.verifiesAnything() ? new CredentialReader(cx).read(fn)
        : EnumSet.noneOf(CredentialSource.class);
    return new GuardFact(place, description, at, fn.location(), result.acceptPaths(), result.seen(), credentials,
        null, null);
  }

  private void connection(Handler h, Term session, List<GuardFact> guards, List<MessageHandler> handlers,
      List<String> unknowns, List<DelegateFact> delegates) {
    Node fn = h.fn();
    Node socket = h.socket();
    Flow.Result result = Flow.walk(cx, fn, SocketIoPolicies.connection(cx, socket), session);
    if (result.verifiesAnything()) {
      SourceLocation early = result.earlyAccept();
      SourceLocation at = early != null ? early : result.firstAuth();
      Set<CredentialSource> credentials = new CredentialReader(cx).read(fn);
      guards.add(new GuardFact(GuardPlace.CONNECTION, "connection handler", at, fn.location(), result.acceptPaths(),
          result.seen(), credentials, early, null));
    }
    List<Listener> listeners = listeners(fn, socket, 0);
    Set<Node> functions = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Listener l : listeners) {
      if (l.fn() != null) {
        functions.add(l.fn());
      }
    }
    List<MessageHandler> own = new ArrayList<>();
    for (Listener l : listeners) {
      if (l.fn() == null) {
        Node argument = Syntax.argument(l.registration(), l.event() == null ? 0 : 1);
        if (argument != null) {
          unknowns.add("the handler for " + (l.event() == null ? "every event" : "'" + l.event() + "'") + ", "
              + Syntax.compact(argument) + ", is defined where wsguard did not read it");
        }
        continue;
      }
      Set<Node> others = Collections.newSetFromMap(new IdentityHashMap<>());
      others.addAll(functions);
      others.remove(l.fn());
      MessageAuthz authz = new MessageAuthz(cx, l.socket(), others);
      List<MessageDispatch.Branch> branches = MessageDispatch.branches(cx, l.fn());
      if (branches.isEmpty()) {
        MessageHandler m = authz.analyze(l.fn(), null, l.registration().location());
        own.add(new MessageHandler(l.event(), m.location(), m.privilegedAction(), m.permissionCheck(),
            m.clientSuppliedId(), m.evidence()));
      } else {
        for (MessageDispatch.Branch b : branches) {
          own.add(authz.analyze(l.fn(), b, b.at().location()));
        }
      }
    }
    handlers.addAll(perPacketGated(fn, socket, own));
    GuardFact firstMessage = firstMessageGuard(listeners);
    if (firstMessage != null) {
      guards.add(firstMessage);
    }
    delegates.addAll(delegatesOf(fn, socket));
  }

  /**
   * {@code socket.use((packet, next) => ...)} runs before every listener of the socket: when each packet it lets
   * through has passed a check of the user (a role, a permission helper), every handler is checked.
   */
  private List<MessageHandler> perPacketGated(Node connectionFn, Node socket, List<MessageHandler> handlers) {
    Term gate = null;
    for (Node n : connectionFn.descendants()) {
      if (!n.is("call_expression") || !"use".equals(Syntax.calleeName(n))
          || !SocketIoPolicies.isSocket(cx, socket, Syntax.receiver(n))) {
        continue;
      }
      Node fn = cx.localFunction(Syntax.argument(n, 0));
      if (fn == null) {
        continue;
      }
      Flow.Result result = Flow.walk(cx, fn, SocketIoPolicies.middleware(cx, fn, ConnectionAnalysis.param(fn, 1)));
      List<PathFact> accepts = result.acceptPaths();
      Term common = null;
      boolean all = !accepts.isEmpty();
      for (PathFact p : accepts) {
        Term check = p.terms().stream().filter(Term::checksUser).findFirst().orElse(null);
        all &= check != null;
        common = common == null ? check : common;
      }
      if (all && common != null) {
        gate = common;
      }
    }
    if (gate == null) {
      return handlers;
    }
    List<MessageHandler> out = new ArrayList<>();
    for (MessageHandler h : handlers) {
      if (h.privileged() && h.permissionCheck() != PermissionCheck.PRESENT) {
        List<RelatedLocation> evidence = new ArrayList<>(h.evidence());
        evidence.add(new RelatedLocation(gate.evidence(), "every packet of the socket passes " + gate.detail()));
        h = new MessageHandler(h.messageType(), h.location(), h.privilegedAction(), PermissionCheck.PRESENT, null,
            evidence);
      }
      out.add(h);
    }
    return out;
  }

  /**
   * An event whose listener verifies a credential ({@code socket.on('authenticate', ...)}) authenticates the
   * connection only for what waits for it: listeners it registers after verifying, and other listeners that check
   * what it stored ({@code if (!socket.user) return}). Every other listener's effects are paths it leaves open.
   */
  private GuardFact firstMessageGuard(List<Listener> listeners) {
    Listener auth = null;
    for (Listener l : listeners) {
      if (l.fn() != null && l.event() != null && verifies(l.fn())) {
        auth = l;
        break;
      }
    }
    if (auth == null) {
      return null;
    }
    Flow.Result result = Flow.walk(cx, auth.fn(), SocketIoPolicies.authMessage(cx, auth.socket()));
    if (!result.verifiesAnything()) {
      return null;
    }
    List<PathFact> accepts = new ArrayList<>(result.acceptPaths());
    List<Term> seen = new ArrayList<>(result.seen());
    for (Listener other : listeners) {
      if (other == auth || other.fn() == null || other.registration().within(auth.fn())) {
        continue;
      }
      Flow.Result r = Flow.walk(cx, other.fn(), SocketIoPolicies.gatedHandler(cx, other.socket()));
      for (PathFact p : r.acceptPaths()) {
        if (p.terms().stream().anyMatch(Term::isAuth)) {
          accepts.add(p);
        } else {
          String name = other.event() == null ? "onAny" : "'" + other.event() + "'";
          accepts.add(new PathFact(p.terms(), List.of(List.of(name + " handled before authentication"))));
        }
      }
      r.seen().stream().filter(t -> !seen.contains(t)).forEach(seen::add);
    }
    Set<CredentialSource> credentials = EnumSet.of(CredentialSource.FIRST_MESSAGE_TOKEN);
    credentials.addAll(new CredentialReader(cx).read(auth.fn()));
    return new GuardFact(GuardPlace.FIRST_MESSAGE, "'" + auth.event() + "' message authentication",
        result.firstAuth(), auth.fn().location(), accepts, seen, credentials, null, null);
  }

  private boolean verifies(Node fn) {
    for (Node n : fn.descendants()) {
      if (n.is("call_expression") && cx.isAuthCall(n)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code registerOrderHandlers(io, socket)} with the function imported from a module of the project: the socket's
   * listeners are registered there, which link time reads.
   */
  private List<DelegateFact> delegatesOf(Node fn, Node socket) {
    List<DelegateFact> out = new ArrayList<>();
    for (Node n : fn.descendants()) {
      if (!n.is("call_expression") || cx.localFunction(Syntax.callee(n)) != null) {
        continue;
      }
      FunctionRef ref = importedFunction(Syntax.callee(n));
      if (ref == null) {
        continue;
      }
      List<Node> args = Syntax.arguments(n);
      for (int i = 0; i < args.size(); i++) {
        if (SocketIoPolicies.isSocket(cx, socket, args.get(i))) {
          out.add(new DelegateFact(ref, i, DelegateFact.NO_MESSAGE));
          break;
        }
      }
    }
    return out;
  }

  private FunctionRef importedFunction(Node expr) {
    Node e = Syntax.unwrap(expr);
    if (e == null || !e.isAny("identifier", "member_expression")) {
      return null;
    }
    Api api = cx.resolver().resolve(e);
    if (api == null || !api.isRelative() || api.path().size() > 1) {
      return null;
    }
    return FunctionRef.imported(cx.path(), api.module(), api.exportName());
  }

  // ---- handler modules ----

  /**
   * Exported functions that register a socket's listeners when another module hands them the socket
   * ({@code export function registerOrderHandlers(io, socket)}): their handlers and sends are read here and attached
   * at link time to the endpoints whose connection handlers call them.
   */
  @Override
  public Map<String, HandlerFact> handlerExports(Map<String, ExportFact> exports) {
    Map<String, HandlerFact> out = new LinkedHashMap<>();
    for (ExportFact export : exports.values()) {
      if (export.isReexport() || export.functionKey() == null || out.containsKey(export.functionKey())) {
        continue;
      }
      Node fn = cx.summaries().functionOf(export.functionKey());
      HandlerFact fact = fn == null ? null : handlerExport(export.functionKey(), fn);
      if (fact != null) {
        out.put(export.functionKey(), fact);
      }
    }
    return out;
  }

  private HandlerFact handlerExport(String key, Node fn) {
    List<Node> params = Syntax.parameters(fn);
    for (int i = 0; i < params.size(); i++) {
      for (SocketIoServer s : servers) {
        if (s.creation == null && s.imported == null && s.binding == params.get(i) && sends != null) {
          Analysis a = analyse(s.main);
          return new HandlerFact(key, i, DelegateFact.SERVER, RoleGate.apply(a.guards, a.handlers), sends.of(s.main),
              a.guards, a.delegates);
        }
      }
    }
    for (int i = 0; i < params.size(); i++) {
      Node socket = params.get(i);
      if (!socket.is("identifier") || cx.roleOf(socket) != null && cx.roleOf(socket) != Role.CONNECTION
          || !registersClientEvents(fn, socket)
          || !importsSocketIo && !usedThrough(fn, socket, SOCKET_IO_MEMBERS)) {
        continue;
      }
      cx.role(socket, Role.CONNECTION);
      List<SocketIoServer> local = new ArrayList<>(servers);
      for (Node p : params) {
        if (p != socket && p.is("identifier") && cx.roleOf(p) == null && usedAsServer(fn, p)) {
          local.add(SocketIoServer.parameter(p));
        }
      }
      Targets handlerTargets = new Targets(cx, local);
      List<Listener> listeners = listeners(fn, socket, 0);
      listeners.forEach(this::messageRoles);
      List<GuardFact> guards = new ArrayList<>();
      List<MessageHandler> handlers = new ArrayList<>();
      List<DelegateFact> delegates = new ArrayList<>();
      connection(new Handler(fn, socket), null, guards, handlers, new ArrayList<>(), delegates);
      List<Send> found = new SocketIoSends(cx, handlerTargets).within(fn);
      return new HandlerFact(key, i, DelegateFact.NO_MESSAGE, handlers, found, List.of(), delegates);
    }
    return null;
  }

  private boolean registersClientEvents(Node fn, Node socket) {
    for (Node n : fn.descendants()) {
      if (n.is("call_expression") && SocketIoPolicies.LISTEN.contains(String.valueOf(Syntax.calleeName(n)))
          && SocketIoPolicies.isSocket(cx, socket, Syntax.receiver(n)) && SocketIoPolicies.clientEvent(n)
          && !"message".equals(Syntax.stringValue(Syntax.argument(n, 0)))) {
        return true;
      }
    }
    return false;
  }

  /** {@code io.emit}, {@code io.to(room)}, {@code io.of('/x')}, {@code io.sockets}: a server handed in. */
  private boolean usedAsServer(Node fn, Node p) {
    return usedThrough(fn, p, Set.of("emit", "to", "in", "of", "sockets", "except"));
  }

  // ---- small helpers ----


}
