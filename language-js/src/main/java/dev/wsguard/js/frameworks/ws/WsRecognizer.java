package dev.wsguard.js.frameworks.ws;

import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.js.analysis.Api;
import dev.wsguard.js.analysis.ConnectionAnalysis;
import dev.wsguard.js.analysis.ConnectionPolicies;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Flow;
import dev.wsguard.js.analysis.MessageAuthz;
import dev.wsguard.js.analysis.MessageDispatch;
import dev.wsguard.js.analysis.NumericValue;
import dev.wsguard.js.analysis.Role;
import dev.wsguard.js.analysis.RoleGate;
import dev.wsguard.js.analysis.SocketSends;
import dev.wsguard.js.analysis.SocketServer;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.facts.DelegateFact;
import dev.wsguard.js.facts.EndpointFact;
import dev.wsguard.js.facts.ExportFact;
import dev.wsguard.js.facts.FunctionRef;
import dev.wsguard.js.facts.GuardFact;
import dev.wsguard.js.facts.HandlerFact;
import dev.wsguard.js.facts.PartFact;
import dev.wsguard.js.frameworks.FrameworkRecognizer;
import dev.wsguard.js.frameworks.Recognized;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises servers of the {@code ws} package and what guards, handles and sends on them: {@code new
 * WebSocketServer(...)} / {@code new WebSocket.SocketServer(...)} in CommonJS and ESM forms, their options
 * ({@code verifyClient}, {@code noServer}, {@code path}, {@code maxPayload}), upgrade handlers that call
 * {@code handleUpgrade}, connection handlers, message handlers and sends. Servers imported from another module of
 * the project are recognised by their uses and reported as parts for link time.
 */
public final class WsRecognizer implements FrameworkRecognizer {

  private static final Set<String> LISTEN = Set.of("on", "once", "addListener", "prependListener");

  private final FileContext cx;
  private final ConnectionAnalysis connections;
  private final List<Node> calls = new ArrayList<>();
  private final List<Node> upgradeRegistrations = new ArrayList<>();

  public WsRecognizer(FileContext cx) {
    this.cx = cx;
    this.connections = new ConnectionAnalysis(cx);
  }

  @Override
  public Recognized recognize() {
    List<SocketServer> servers = new ArrayList<>();
    for (Node n : cx.tree().root().descendants()) {
      if (n.is("new_expression") && cx.tables().isWsServer(cx.resolver().resolve(n.child("constructor")))) {
        servers.add(SocketServer.created(cx, n));
      } else if (n.is("call_expression")) {
        calls.add(n);
      }
    }
    for (SocketServer s : servers) {
      cx.role(s.binding, Role.SERVER);
    }
    List<SocketServer> imported = importedServers(servers);
    List<SocketServer> all = new ArrayList<>(servers);
    all.addAll(imported);
    collectRegistrations(all);
    assignRoles(all);
    SocketSends sends = new SocketSends(cx, all);
    List<EndpointFact> endpoints = new ArrayList<>();
    for (SocketServer s : servers) {
      endpoints.add(endpoint(s, sends));
    }
    List<PartFact> parts = new ArrayList<>();
    for (SocketServer s : imported) {
      Analysis a = analyse(s);
      FunctionRef target = FunctionRef.imported(cx.path(), s.imported.module(), s.imported.exportName());
      parts.add(new PartFact(target, a.guards, a.handlers, sends.of(s), a.unknowns, a.delegates, Framework.WS));
    }
    return new Recognized(endpoints, parts);
  }

  // ---- finding servers and their handlers ----

  /** Project modules' exports used here as servers: {@code wss.on('connection')}, {@code wss.handleUpgrade}. */
  private List<SocketServer> importedServers(List<SocketServer> local) {
    Map<String, SocketServer> byName = new LinkedHashMap<>();
    for (Node call : calls) {
      String method = Syntax.calleeName(call);
      Node receiver = Syntax.receiver(call);
      if (receiver == null || method == null) {
        continue;
      }
      boolean connection = LISTEN.contains(method)
          && "connection".equals(Syntax.stringValue(Syntax.argument(call, 0)));
      if (!connection && !method.equals("handleUpgrade")) {
        continue;
      }
      if (local.stream().anyMatch(s -> s.matches(cx, receiver))) {
        continue;
      }
      Api api = cx.resolver().resolve(receiver);
      if (api != null && api.isRelative() && api.path().size() <= 1) {
        byName.computeIfAbsent(api.qualified(), k -> SocketServer.imported(api));
      }
    }
    return new ArrayList<>(byName.values());
  }

  private void collectRegistrations(List<SocketServer> servers) {
    for (Node call : calls) {
      String method = Syntax.calleeName(call);
      Node receiver = Syntax.receiver(call);
      if (method == null || receiver == null) {
        continue;
      }
      String event = Syntax.stringValue(Syntax.argument(call, 0));
      if (LISTEN.contains(method) && "upgrade".equals(event)) {
        upgradeRegistrations.add(call);
        continue;
      }
      for (SocketServer s : servers) {
        if (LISTEN.contains(method) && "connection".equals(event) && s.matches(cx, receiver)) {
          s.connectionRegistrations.add(call);
          Node fn = connectionHandler(call);
          if (fn != null) {
            s.connectionHandlers.add(fn);
          }
        } else if (method.equals("handleUpgrade") && s.matches(cx, receiver)) {
          s.upgradeCalls.add(call);
        }
      }
    }
  }

  /**
   * The function that handles a connection: the registered one, or the function of the file it hands the socket to
   * ({@code (ws, req) => this.onConnection(ws, req)}), whose parameters then take the socket's and request's roles.
   */
  private Node connectionHandler(Node registration) {
    Node fn = cx.localFunction(Syntax.argument(registration, 1));
    if (fn == null) {
      return null;
    }
    cx.role(ConnectionAnalysis.param(fn, 0), Role.CONNECTION);
    cx.role(ConnectionAnalysis.param(fn, 1), Role.REQUEST);
    Node call = ConnectionAnalysis.singleCall(fn);
    Node target = call == null ? null : cx.localFunction(Syntax.callee(call));
    if (target == null || target == fn || Syntax.arguments(call).stream().noneMatch(
        a -> ConnectionPolicies.isSocket(cx, ConnectionAnalysis.param(fn, 0), a))) {
      return fn;
    }
    List<Node> args = Syntax.arguments(call);
    List<Node> params = Syntax.parameters(target);
    for (int i = 0; i < params.size() && i < args.size(); i++) {
      Role role = cx.roleOfExpression(args.get(i));
      if (params.get(i).is("identifier") && role != null) {
        cx.role(params.get(i), role);
      }
    }
    return target;
  }

  private void assignRoles(List<SocketServer> servers) {
    for (Node registration : upgradeRegistrations) {
      Node fn = cx.localFunction(Syntax.argument(registration, 1));
      if (fn != null) {
        cx.role(ConnectionAnalysis.param(fn, 0), Role.REQUEST);
        cx.role(ConnectionAnalysis.param(fn, 1), Role.NET_SOCKET);
      }
    }
    for (SocketServer s : servers) {
      for (Node call : s.upgradeCalls) {
        cx.role(identifierArgument(call, 0), Role.REQUEST);
        cx.role(identifierArgument(call, 1), Role.NET_SOCKET);
        Node done = cx.localFunction(Syntax.argument(call, 3));
        if (done != null) {
          cx.role(ConnectionAnalysis.param(done, 0), Role.CONNECTION);
        }
      }
      for (Node fn : s.connectionHandlers) {
        connections.assignMessageRoles(fn);
      }
      Node verifyClient = verifyClientFunction(s);
      if (verifyClient != null) {
        clientInfoRoles(Syntax.parameter(verifyClient, 0));
      }
    }
  }

  private void clientInfoRoles(Node pattern) {
    if (pattern == null) {
      return;
    }
    if (pattern.is("identifier")) {
      cx.role(pattern, Role.CLIENT_INFO);
      return;
    }
    if (pattern.is("object_pattern")) {
      for (Node id : Syntax.boundIdentifiers(pattern)) {
        String key = keyOf(id, pattern);
        if ("origin".equals(key)) {
          cx.role(id, Role.ORIGIN);
        } else if ("req".equals(key)) {
          cx.role(id, Role.REQUEST);
        }
      }
    }
  }

  private static String keyOf(Node id, Node pattern) {
    Node parent = id.parent();
    if (parent != null && parent.is("pair_pattern")) {
      return FileContext.propertyName(parent.child("key"));
    }
    return id.text();
  }

  private Node identifierArgument(Node call, int index) {
    Node a = Syntax.unwrap(Syntax.argument(call, index));
    return a != null && a.is("identifier") ? cx.scopes().declarationOf(a) : null;
  }

  // ---- one endpoint ----

  private record Analysis(List<GuardFact> guards, List<MessageHandler> handlers, List<String> unknowns,
      List<DelegateFact> delegates) {}

  private EndpointFact endpoint(SocketServer s, SocketSends sends) {
    Node options = cx.objectLiteral(Syntax.argument(s.creation, 0));
    Map<String, Node> option = options == null ? Map.of() : FileContext.properties(options);
    boolean noServer = option.containsKey("noServer") && option.get("noServer").is("true");
    List<String> paths = new ArrayList<>();
    String path = option.containsKey("path") ? Syntax.stringValue(option.get("path")) : null;
    if (path != null) {
      paths.add(path);
    }
    Limits limits = Limits.NONE;
    if (option.containsKey("maxPayload")) {
      Long bytes = NumericValue.of(option.get("maxPayload"));
      limits = new Limits(bytes, option.get("maxPayload").parent().location());
    }
    Analysis a = analyse(s);
    List<GuardFact> guards = new ArrayList<>();
    List<String> unknowns = new ArrayList<>(a.unknowns);
    GuardFact verifyClient = verifyClientGuard(s, option.get("verifyClient"), unknowns);
    if (verifyClient != null) {
      guards.add(verifyClient);
    }
    guards.addAll(a.guards);
    List<MessageHandler> handlers = RoleGate.apply(guards, a.handlers);
    if (noServer && s.upgradeCalls.isEmpty() && s.bindingName() == null) {
      unknowns.add("the noServer endpoint's upgrade handler was not found");
    }
    SourceLocation declaration = declarationRegion(s.creation);
    return new EndpointFact(Framework.WS, declaration, s.bindingName(), paths, limits, noServer, guards, handlers,
        sends.of(s), unknowns, a.delegates);
  }

  /** From {@code new} to the end of the constructor's name: where endpoint findings point. */
  private static SourceLocation declarationRegion(Node creation) {
    Node constructor = creation.child("constructor");
    int end = constructor != null ? constructor.endByte() : creation.endByte();
    return creation.tree().source().location(creation.startByte(), end);
  }

  private Analysis analyse(SocketServer s) {
    List<GuardFact> guards = new ArrayList<>();
    List<MessageHandler> handlers = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    List<DelegateFact> delegates = new ArrayList<>();
    for (Node registration : upgradeRegistrations) {
      Node fn = cx.localFunction(Syntax.argument(registration, 1));
      if (fn != null && upgrades(s, fn)) {
        guards.add(upgradeGuard(s, registration, fn));
      }
    }
    for (int i = 0; i < s.connectionRegistrations.size(); i++) {
      Node registration = s.connectionRegistrations.get(i);
      Node fn = connectionHandler(registration);
      if (fn == null) {
        Node handler = Syntax.argument(registration, 1);
        unknowns.add("the connection handler " + Syntax.compact(handler) + " is defined where wsguard did not read it");
        continue;
      }
      connections.analyse(fn, new ConnectionAnalysis.Parts(guards, handlers, unknowns, delegates));
    }
    return new Analysis(guards, handlers, unknowns, delegates);
  }

  private final Map<Node, List<Node>> reach = new IdentityHashMap<>();

  /** True when an upgrade handler calls the server's handleUpgrade, itself or through local functions. */
  private boolean upgrades(SocketServer s, Node handler) {
    List<Node> functions = reach.computeIfAbsent(handler, this::reachable);
    for (Node call : s.upgradeCalls) {
      for (Node fn : functions) {
        if (call.within(fn)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A function and the local functions it calls, two levels deep. */
  private List<Node> reachable(Node fn) {
    List<Node> out = new ArrayList<>(List.of(fn));
    for (int level = 0, from = 0; level < 2; level++) {
      int to = out.size();
      for (int i = from; i < to; i++) {
        for (Node n : out.get(i).descendants()) {
          if (n.is("call_expression")) {
            Node local = cx.localFunction(Syntax.callee(n));
            if (local != null && !out.contains(local)) {
              out.add(local);
            }
          }
        }
      }
      from = to;
    }
    return out;
  }


  // ---- guards ----

  private Node verifyClientFunction(SocketServer s) {
    if (s.creation == null) {
      return null;
    }
    Node options = cx.objectLiteral(Syntax.argument(s.creation, 0));
    Node value = options == null ? null : FileContext.properties(options).get("verifyClient");
    return value == null ? null : cx.localFunction(value);
  }

  private GuardFact verifyClientGuard(SocketServer s, Node value, List<String> unknowns) {
    if (value == null) {
      return null;
    }
    Node fn = cx.localFunction(value);
    SourceLocation at = value.parent() != null && value.parent().is("pair") ? value.parent().location()
        : value.location();
    if (fn == null) {
      Api api = cx.resolver().resolve(value);
      if (api != null && !api.isGlobal() && api.path().size() <= 1) {
        FunctionRef ref = FunctionRef.imported(cx.path(), api.module(), api.exportName());
        return new GuardFact(GuardPlace.HANDSHAKE, "verifyClient " + Syntax.compact(value), at, at, List.of(),
            List.of(), Set.of(), null, ref);
      }
      unknowns.add("verifyClient is " + Syntax.compact(value) + ", which wsguard could not read");
      return new GuardFact(GuardPlace.HANDSHAKE, "verifyClient", at, at, List.of(), List.of(), Set.of(), null, null);
    }
    Node callback = Syntax.parameters(fn).size() >= 2 ? ConnectionAnalysis.param(fn, 1) : null;
    Flow.Result result = callback != null
        ? Flow.walk(cx, fn, WsPolicies.verifyClientCallback(cx, callback))
        : Flow.walk(cx, fn, WsPolicies.returnsPromise(cx, fn) ? WsPolicies.verifyClientAsync()
            : WsPolicies.verifyClient());
    return connections.guard(GuardPlace.HANDSHAKE, "verifyClient", at, fn, result, null);
  }

  private GuardFact upgradeGuard(SocketServer s, Node registration, Node fn) {
    Flow.Result result = Flow.walk(cx, fn, WsPolicies.upgrade(cx, s));
    return connections.guard(GuardPlace.HANDSHAKE, "upgrade handler", registration.location(), fn, result, null);
  }

  /**
   * Exported functions that handle a connection's messages when another module hands them the connection and the
   * message: a parameter the function sends on, and one whose type it dispatches on. Their handlers and sends are
   * read here, and attached at link time to the endpoints that delegate to them.
   */
  @Override
  public Map<String, HandlerFact> handlerExports(Map<String, ExportFact> exports) {
    Map<String, HandlerFact> out = new LinkedHashMap<>();
    for (ExportFact export : exports.values()) {
      if (export.isReexport() || export.functionKey() == null || out.containsKey(export.functionKey())) {
        continue;
      }
      Node fn = cx.summaries().functionOf(export.functionKey());
      if (fn == null) {
        continue;
      }
      HandlerFact fact = handlerExport(export.functionKey(), fn);
      if (fact != null) {
        out.put(export.functionKey(), fact);
      }
    }
    return out;
  }

  private HandlerFact handlerExport(String key, Node fn) {
    List<Node> params = Syntax.parameters(fn);
    if (params.size() < 2 || params.stream().anyMatch(p -> p.is("identifier") && cx.roleOf(p) != null)) {
      return null;
    }
    for (int s = 0; s < params.size(); s++) {
      Node socket = params.get(s);
      if (!socket.is("identifier") || !sendsOn(fn, socket)) {
        continue;
      }
      for (int m = 0; m < params.size(); m++) {
        Node message = params.get(m);
        if (m == s || !message.is("identifier")) {
          continue;
        }
        cx.role(socket, Role.CONNECTION);
        cx.role(message, Role.MESSAGE);
        List<MessageDispatch.Branch> branches = MessageDispatch.branches(cx, fn);
        if (branches.isEmpty()) {
          cx.role(message, null);
          cx.role(socket, null);
          continue;
        }
        Node serverParam = null;
        for (Node p : params) {
          if (p != socket && p != message && p.is("identifier") && readsClients(fn, p)) {
            serverParam = p;
          }
        }
        SocketServer server = SocketServer.parameter(serverParam);
        if (serverParam != null) {
          cx.role(serverParam, Role.SERVER);
        }
        MessageAuthz authz = new MessageAuthz(cx, socket, Set.of());
        List<MessageHandler> handlers = new ArrayList<>();
        for (MessageDispatch.Branch branch : branches) {
          handlers.add(authz.analyze(fn, branch, branch.at().location()));
        }
        List<Send> sends = new ArrayList<>();
        for (Send send : new SocketSends(cx, List.of(server)).of(server)) {
          if (fn.location().contains(send.location())) {
            sends.add(send);
          }
        }
        return new HandlerFact(key, s, m, handlers, sends);
      }
    }
    return null;
  }

  /** True when the function calls {@code p.send(...)} on its parameter. */
  private boolean sendsOn(Node fn, Node param) {
    for (Node n : fn.descendants()) {
      if (n.is("call_expression") && "send".equals(Syntax.calleeName(n))) {
        Node receiver = Syntax.unwrap(Syntax.receiver(n));
        if (receiver != null && receiver.is("identifier") && cx.scopes().declarationOf(receiver) == param) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when the function reads {@code p.clients}: the parameter is a server. */
  private boolean readsClients(Node fn, Node param) {
    for (Node n : fn.descendants()) {
      if (n.is("member_expression") && "clients".equals(Syntax.lastName(n))) {
        Node object = Syntax.unwrap(Syntax.object(n));
        if (object != null && object.is("identifier") && cx.scopes().declarationOf(object) == param) {
          return true;
        }
      }
    }
    return false;
  }

}
