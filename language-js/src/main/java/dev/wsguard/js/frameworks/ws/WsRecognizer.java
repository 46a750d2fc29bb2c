package dev.wsguard.js.frameworks.ws;

import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.js.analysis.Api;
import dev.wsguard.js.analysis.CredentialReader;
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
import dev.wsguard.js.frameworks.FrameworkRecognizer;
import dev.wsguard.js.frameworks.Recognized;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises servers of the {@code ws} package and what guards, handles and sends on them: {@code new
 * WebSocketServer(...)} / {@code new WebSocket.Server(...)} in CommonJS and ESM forms, their options
 * ({@code verifyClient}, {@code noServer}, {@code path}, {@code maxPayload}), upgrade handlers that call
 * {@code handleUpgrade}, connection handlers, message handlers and sends. Servers imported from another module of
 * the project are recognised by their uses and reported as parts for link time.
 */
public final class WsRecognizer implements FrameworkRecognizer {

  private static final Set<String> LISTEN = Set.of("on", "once", "addListener", "prependListener");

  private final FileContext cx;
  private final List<Node> calls = new ArrayList<>();
  private final List<Node> upgradeRegistrations = new ArrayList<>();

  public WsRecognizer(FileContext cx) {
    this.cx = cx;
  }

  @Override
  public Recognized recognize() {
    List<Server> servers = new ArrayList<>();
    for (Node n : cx.tree().root().descendants()) {
      if (n.is("new_expression") && cx.tables().isWsServer(cx.resolver().resolve(n.child("constructor")))) {
        servers.add(Server.created(cx, n));
      } else if (n.is("call_expression")) {
        calls.add(n);
      }
    }
    for (Server s : servers) {
      cx.role(s.binding, Role.SERVER);
    }
    List<Server> imported = importedServers(servers);
    List<Server> all = new ArrayList<>(servers);
    all.addAll(imported);
    collectRegistrations(all);
    assignRoles(all);
    WsSends sends = new WsSends(cx, all);
    List<EndpointFact> endpoints = new ArrayList<>();
    for (Server s : servers) {
      endpoints.add(endpoint(s, sends));
    }
    List<PartFact> parts = new ArrayList<>();
    for (Server s : imported) {
      Analysis a = analyse(s);
      FunctionRef target = FunctionRef.imported(cx.path(), s.imported.module(), s.imported.exportName());
      parts.add(new PartFact(target, a.guards, a.handlers, sends.of(s), a.unknowns, a.delegates, Framework.WS));
    }
    return new Recognized(endpoints, parts);
  }

  // ---- finding servers and their handlers ----

  /** Project modules' exports used here as servers: {@code wss.on('connection')}, {@code wss.handleUpgrade}. */
  private List<Server> importedServers(List<Server> local) {
    Map<String, Server> byName = new LinkedHashMap<>();
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
        byName.computeIfAbsent(api.qualified(), k -> Server.imported(api));
      }
    }
    return new ArrayList<>(byName.values());
  }

  private void collectRegistrations(List<Server> servers) {
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
      for (Server s : servers) {
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
    cx.role(param(fn, 0), Role.CONNECTION);
    cx.role(param(fn, 1), Role.REQUEST);
    Node call = singleCall(fn);
    Node target = call == null ? null : cx.localFunction(Syntax.callee(call));
    if (target == null || target == fn || Syntax.arguments(call).stream().noneMatch(
        a -> WsPolicies.isSocket(cx, param(fn, 0), a))) {
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

  /** The one call a function's body makes, when that is all it does; null otherwise. */
  private static Node singleCall(Node fn) {
    Node body = Syntax.body(fn);
    if (body == null) {
      return null;
    }
    Node expr = body;
    if (body.is("statement_block")) {
      List<Node> statements = Syntax.statements(body);
      if (statements.size() != 1) {
        return null;
      }
      Node only = statements.get(0);
      expr = only.isAny("expression_statement", "return_statement") ? only.namedChild(0) : null;
    }
    Node call = Syntax.unwrapAwait(expr);
    return call != null && call.is("call_expression") ? call : null;
  }

  /** The handler's parameter that holds the connection (the first, unless a delegate put it elsewhere). */
  private Node socketParam(Node fn) {
    for (Node p : Syntax.parameters(fn)) {
      if (p.is("identifier") && cx.roleOf(p) == Role.CONNECTION) {
        return p;
      }
    }
    return param(fn, 0);
  }

  private void assignRoles(List<Server> servers) {
    for (Node registration : upgradeRegistrations) {
      Node fn = cx.localFunction(Syntax.argument(registration, 1));
      if (fn != null) {
        cx.role(param(fn, 0), Role.REQUEST);
        cx.role(param(fn, 1), Role.NET_SOCKET);
      }
    }
    for (Server s : servers) {
      for (Node call : s.upgradeCalls) {
        cx.role(identifierArgument(call, 0), Role.REQUEST);
        cx.role(identifierArgument(call, 1), Role.NET_SOCKET);
        Node done = cx.localFunction(Syntax.argument(call, 3));
        if (done != null) {
          cx.role(param(done, 0), Role.CONNECTION);
        }
      }
      for (Node fn : s.connectionHandlers) {
        Node socket = socketParam(fn);
        for (Node handler : messageHandlers(fn, socket).keySet()) {
          cx.role(param(handler, 0), Role.MESSAGE);
        }
        // a handler that hands the message to a function of the file: that function handles it
        for (Node handler : messageHandlers(fn, socket).keySet()) {
          Node delegate = delegateOf(handler);
          if (delegate != null) {
            bindDelegate(handler, delegate);
          }
        }
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

  private static Node param(Node fn, int index) {
    Node p = Syntax.parameter(fn, index);
    return p != null && p.is("identifier") ? p : null;
  }

  // ---- one endpoint ----

  private record Analysis(List<GuardFact> guards, List<MessageHandler> handlers, List<String> unknowns,
      List<DelegateFact> delegates) {}

  private EndpointFact endpoint(Server s, WsSends sends) {
    Node options = cx.objectLiteral(Syntax.argument(s.creation, 0));
    Map<String, Node> option = options == null ? Map.of() : properties(options);
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

  private Analysis analyse(Server s) {
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
      connection(fn, guards, handlers, unknowns, delegates);
    }
    return new Analysis(guards, handlers, unknowns, delegates);
  }

  private final Map<Node, List<Node>> reach = new IdentityHashMap<>();

  /** True when an upgrade handler calls the server's handleUpgrade, itself or through local functions. */
  private boolean upgrades(Server s, Node handler) {
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

  private static Map<String, Node> properties(Node object) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (Node member : object.namedChildren()) {
      if (member.is("pair")) {
        out.put(FileContext.propertyName(member.child("key")), member.child("value"));
      } else if (member.is("shorthand_property_identifier")) {
        out.put(member.text(), member);
      } else if (member.is("method_definition")) {
        out.put(FileContext.propertyName(member.child("name")), member);
      }
    }
    return out;
  }

  // ---- guards ----

  private Node verifyClientFunction(Server s) {
    if (s.creation == null) {
      return null;
    }
    Node options = cx.objectLiteral(Syntax.argument(s.creation, 0));
    Node value = options == null ? null : properties(options).get("verifyClient");
    return value == null ? null : cx.localFunction(value);
  }

  private GuardFact verifyClientGuard(Server s, Node value, List<String> unknowns) {
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
    Node callback = Syntax.parameters(fn).size() >= 2 ? param(fn, 1) : null;
    Flow.Result result = callback != null
        ? Flow.walk(cx, fn, WsPolicies.verifyClientCallback(cx, callback))
        : Flow.walk(cx, fn, WsPolicies.returnsPromise(cx, fn) ? WsPolicies.verifyClientAsync()
            : WsPolicies.verifyClient());
    return guard(GuardPlace.HANDSHAKE, "verifyClient", at, fn, result, null);
  }

  private GuardFact upgradeGuard(Server s, Node registration, Node fn) {
    Flow.Result result = Flow.walk(cx, fn, WsPolicies.upgrade(cx, s));
    return guard(GuardPlace.HANDSHAKE, "upgrade handler", registration.location(), fn, result, null);
  }

  private GuardFact guard(GuardPlace place, String description, SourceLocation at, Node fn, Flow.Result result,
      SourceLocation earlySend) {
    List<PathFact> accepts = new ArrayList<>();
    for (Flow.Accept accept : result.accepts()) {
      accepts.addAll(accept.paths());
    }
    Set<CredentialSource> credentials = result.verifiesAnything() ? new CredentialReader(cx).read(fn)
        : EnumSet.noneOf(CredentialSource.class);
    return new GuardFact(place, description, at, fn.location(), accepts, result.seen(), credentials, earlySend, null);
  }

  private void connection(Node fn, List<GuardFact> guards, List<MessageHandler> handlers, List<String> unknowns,
      List<DelegateFact> delegates) {
    Node socket = socketParam(fn);
    for (Node unread : unreadMessageHandlers(fn, socket)) {
      unknowns.add("the message handler " + Syntax.compact(unread) + " is defined where wsguard did not read it");
    }
    Flow.Result result = Flow.walk(cx, fn, WsPolicies.connection(cx, socket));
    if (result.verifiesAnything()) {
      SourceLocation early = result.earlyAccept();
      SourceLocation at = early != null ? early : result.firstAuth();
      guards.add(guard(GuardPlace.CONNECTION, "connection handler", at, fn, result, early));
    }
    Map<Node, Node> messageHandlers = messageHandlers(fn, socket);
    for (Map.Entry<Node, Node> entry : messageHandlers.entrySet()) {
      Node handler = entry.getKey();
      SourceLocation registered = entry.getValue().location();
      Node delegate = delegateOf(handler);
      if (delegate != null) {
        handler = delegate;
      }
      delegates.addAll(delegatesOf(handler, socket));
      List<MessageDispatch.Branch> branches = MessageDispatch.branches(cx, handler);
      for (MessageDispatch.Branch b : branches) {
        // handlers[msg.type](ws, msg): each handler function takes the roles of what the dispatch passes
        if (Syntax.isFunction(b.body()) && b.entry().is("call_expression")) {
          bindParameters(b.body(), b.entry());
        }
      }
      Set<Node> others = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      others.addAll(messageHandlers.keySet());
      others.remove(entry.getKey());
      MessageAuthz authz = new MessageAuthz(cx, socket, others);
      if (branches.isEmpty()) {
        handlers.add(authz.analyze(handler, null, registered));
      } else {
        for (MessageDispatch.Branch branch : branches) {
          handlers.add(authz.analyze(handler, branch, branch.at().location()));
        }
      }
      GuardFact firstMessage = firstMessageGuard(handler, socket, branches);
      if (firstMessage != null) {
        guards.add(firstMessage);
      }
    }
  }

  private GuardFact firstMessageGuard(Node handler, Node socket, List<MessageDispatch.Branch> branches) {
    Set<Node> entries = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Node> dispatchCalls = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (MessageDispatch.Branch b : branches) {
      if (verifies(b)) {
        continue;
      }
      if (b.entry().isAny("call_expression")) {
        dispatchCalls.add(b.entry());
      } else {
        entries.add(b.entry());
      }
    }
    Flow.Result result = Flow.walk(cx, handler,
        WsPolicies.firstMessage(cx, socket, entries, dispatchCalls, branches.isEmpty()));
    if (!result.verifiesAnything()) {
      return null;
    }
    SourceLocation at = result.firstAuth();
    Set<CredentialSource> credentials = EnumSet.of(CredentialSource.FIRST_MESSAGE_TOKEN);
    credentials.addAll(new CredentialReader(cx).read(handler));
    List<PathFact> accepts = new ArrayList<>();
    for (Flow.Accept accept : result.accepts()) {
      accepts.addAll(accept.paths());
    }
    return new GuardFact(GuardPlace.FIRST_MESSAGE, "first-message authentication", at, handler.location(), accepts,
        result.seen(), credentials, null, null);
  }

  private boolean verifies(MessageDispatch.Branch branch) {
    for (Node root : branch.statements()) {
      for (Node n : root.descendants()) {
        if (n.is("call_expression") && cx.isAuthCall(n)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code ws.on('message', (raw) => handle(ws, user, JSON.parse(raw)))}: the local function the message is handed
   * to; null when the handler does more than that.
   */
  private Node delegateOf(Node handler) {
    Node call = singleCall(handler);
    if (call == null) {
      return null;
    }
    Node target = cx.localFunction(Syntax.callee(call));
    if (target == null || target == handler) {
      return null;
    }
    for (Node argument : Syntax.arguments(call)) {
      if (cx.messageDerived(argument)) {
        return target;
      }
    }
    return null;
  }

  /** The delegate's parameters take the roles and meanings of what the handler passes. */
  private void bindDelegate(Node handler, Node delegate) {
    bindParameters(delegate, singleCall(handler));
  }

  private void bindParameters(Node delegate, Node call) {
    List<Node> args = Syntax.arguments(call);
    List<Node> params = Syntax.parameters(delegate);
    for (int i = 0; i < params.size() && i < args.size(); i++) {
      Node p = params.get(i);
      if (!p.is("identifier")) {
        continue;
      }
      if (cx.messageDerived(args.get(i))) {
        cx.role(p, Role.MESSAGE);
      } else if (cx.roleOfExpression(args.get(i)) != null) {
        cx.role(p, cx.roleOfExpression(args.get(i)));
      } else {
        cx.bindArgument(p, args.get(i));
      }
    }
  }

  /**
   * {@code await handleMessage(wss, ws, msg, store)} in a message handler, with {@code handleMessage} imported from
   * a module of the project: the connection and the message are handled there, which link time reads.
   */
  private List<DelegateFact> delegatesOf(Node handler, Node socket) {
    List<DelegateFact> out = new ArrayList<>();
    for (Node n : handler.descendants()) {
      if (!n.is("call_expression") || Syntax.enclosingFunction(n) != handler
          || cx.localFunction(Syntax.callee(n)) != null) {
        continue;
      }
      Api api = cx.resolver().resolve(Syntax.callee(n));
      if (api == null || !api.isRelative() || api.path().size() > 1) {
        continue;
      }
      List<Node> args = Syntax.arguments(n);
      int socketIndex = -1;
      int messageIndex = -1;
      for (int i = 0; i < args.size(); i++) {
        if (socketIndex < 0 && WsPolicies.isSocket(cx, socket, args.get(i))) {
          socketIndex = i;
        } else if (messageIndex < 0 && cx.messageDerived(args.get(i))) {
          messageIndex = i;
        }
      }
      if (socketIndex >= 0 && messageIndex >= 0) {
        FunctionRef ref = FunctionRef.imported(cx.path(), api.module(), api.exportName());
        out.add(new DelegateFact(ref, socketIndex, messageIndex));
      }
    }
    return out;
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
        Server server = Server.parameter(serverParam);
        if (serverParam != null) {
          cx.role(serverParam, Role.SERVER);
        }
        MessageAuthz authz = new MessageAuthz(cx, socket, Set.of());
        List<MessageHandler> handlers = new ArrayList<>();
        for (MessageDispatch.Branch branch : branches) {
          handlers.add(authz.analyze(fn, branch, branch.at().location()));
        }
        List<Send> sends = new ArrayList<>();
        for (Send send : new WsSends(cx, List.of(server)).of(server)) {
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

  /** Message listeners registered by reference to a function this file does not define (an import). */
  private List<Node> unreadMessageHandlers(Node connectionFn, Node socket) {
    List<Node> out = new ArrayList<>();
    for (Node n : connectionFn.descendants()) {
      if (n.is("call_expression") && LISTEN.contains(String.valueOf(Syntax.calleeName(n)))
          && WsPolicies.isSocket(cx, socket, Syntax.receiver(n))
          && "message".equals(Syntax.stringValue(Syntax.argument(n, 0)))) {
        Node handler = Syntax.argument(n, 1);
        if (handler != null && cx.localFunction(handler) == null) {
          out.add(handler);
        }
      }
    }
    return out;
  }

  /** The message listeners a connection handler registers on its socket, with their registration. */
  private Map<Node, Node> messageHandlers(Node connectionFn, Node socket) {
    Map<Node, Node> out = new LinkedHashMap<>();
    Set<Node> seen = new HashSet<>();
    for (Node n : connectionFn.descendants()) {
      if (n.is("call_expression")) {
        String method = Syntax.calleeName(n);
        if (method != null && (LISTEN.contains(method) || method.equals("addEventListener"))
            && WsPolicies.isSocket(cx, socket, Syntax.receiver(n))
            && "message".equals(Syntax.stringValue(Syntax.argument(n, 0)))) {
          Node fn = cx.localFunction(Syntax.argument(n, 1));
          if (fn != null && seen.add(fn)) {
            out.put(fn, n);
          }
        }
      } else if (n.is("assignment_expression")) {
        Node left = Syntax.unwrap(n.child("left"));
        if (left != null && left.is("member_expression") && "onmessage".equals(Syntax.lastName(left))
            && WsPolicies.isSocket(cx, socket, Syntax.object(left))) {
          Node fn = cx.localFunction(n.child("right"));
          if (fn != null && seen.add(fn)) {
            out.put(fn, n);
          }
        }
      }
    }
    return out;
  }
}
