package dev.wsguard.js.frameworks.fastify;

import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.js.analysis.Api;
import dev.wsguard.js.analysis.ConnectionAnalysis;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.MiddlewareGuards;
import dev.wsguard.js.analysis.MiddlewarePolicies;
import dev.wsguard.js.analysis.NumericValue;
import dev.wsguard.js.analysis.Policy;
import dev.wsguard.js.analysis.Role;
import dev.wsguard.js.analysis.RoleGate;
import dev.wsguard.js.analysis.SocketSends;
import dev.wsguard.js.analysis.SocketServer;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.facts.EndpointFact;
import dev.wsguard.js.facts.FunctionRef;
import dev.wsguard.js.facts.GuardFact;
import dev.wsguard.js.facts.PartFact;
import dev.wsguard.js.facts.Term;
import dev.wsguard.js.frameworks.FrameworkRecognizer;
import dev.wsguard.js.frameworks.Recognized;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recognises @fastify/websocket (and the older fastify-websocket) routes: {@code fastify.get(path, { websocket: true
 * }, handler)} and {@code fastify.route({ ..., websocket: true, handler })} or {@code wsHandler}, with the hooks that
 * run before the upgrade.
 *
 * <p>@fastify/websocket routes the upgrade request through Fastify's router, so the request lifecycle hooks before
 * the handler ({@code onRequest}, {@code preParsing}, {@code preValidation}, {@code preHandler}) run first, and a
 * hook that replies stops the upgrade (its README, "Using hooks"). Hooks are encapsulated: those added with
 * {@code addHook} on a plugin's instance apply to the routes of that plugin and of the plugins it registers, not to
 * sibling plugins; a plugin wrapped in fastify-plugin adds its hooks to the parent's context. Fastify builds a
 * route's hooks when the app is ready, so a hook added after the route in the same context still applies to it.
 */
public final class FastifyWebSocketRecognizer implements FrameworkRecognizer {
  private static final Set<String> MODULES = Set.of("@fastify/websocket", "fastify-websocket");
  private static final List<String> HOOKS = List.of("onRequest", "preParsing", "preValidation", "preHandler");

  private final FileContext cx;
  private final ConnectionAnalysis connections;
  private final MiddlewareGuards middleware;
  private final List<Node> calls = new ArrayList<>();

  public FastifyWebSocketRecognizer(FileContext cx) {
    this.cx = cx;
    this.connections = new ConnectionAnalysis(cx);
    this.middleware = new MiddlewareGuards(cx);
  }

  /** One WebSocket route: the registering call, its options object, the handler and the path. */
  private record Route(Node call, Node instance, Node options, Node handler, String path) {}

  @Override
  public Recognized recognize() {
    for (Node n : cx.tree().root().descendants()) {
      if (n.is("call_expression")) {
        calls.add(n);
      }
    }
    List<Route> routes = new ArrayList<>();
    for (Node call : calls) {
      Route r = route(call);
      if (r != null) {
        routes.add(r);
      }
    }
    List<SocketServer> servers = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      Node fn = routes.get(i).handler == null ? null : cx.localFunction(routes.get(i).handler);
      boolean first = i == 0;
      SocketServer server = SocketServer.namedBy(e -> isWebsocketServer(e)
          && (fn != null && e.within(fn) || first && routes.stream().noneMatch(r -> within(e, r))));
      if (fn != null) {
        handlerRoles(fn);
        connections.assignMessageRoles(fn);
        server.connectionHandlers.add(fn);
      }
      servers.add(server);
    }
    SocketSends sends = new SocketSends(cx, servers);
    List<EndpointFact> endpoints = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      endpoints.add(endpoint(routes.get(i), sends.of(servers.get(i))));
    }
    return new Recognized(endpoints, registeredParts());
  }

  private boolean within(Node e, Route r) {
    Node fn = r.handler == null ? null : cx.localFunction(r.handler);
    return fn != null && e.within(fn);
  }

  /**
   * The socket is the handler's first parameter (a ws WebSocket since v8); before v8 it was a stream whose
   * {@code .socket} is the WebSocket, which is how a handler that reads {@code connection.socket} is read.
   */
  private void handlerRoles(Node fn) {
    Node first = ConnectionAnalysis.param(fn, 0);
    boolean stream = false;
    for (Node n : fn.descendants()) {
      if (n.is("member_expression") && "socket".equals(Syntax.lastName(n))) {
        Node object = Syntax.unwrap(Syntax.object(n));
        stream |= first != null && object != null && object.is("identifier")
            && cx.scopes().declarationOf(object) == first;
      }
    }
    cx.role(first, stream ? Role.SOCKET_STREAM : Role.CONNECTION);
    cx.role(ConnectionAnalysis.param(fn, 1), Role.REQUEST);
  }

  // ---- routes ----

  private Route route(Node call) {
    String method = Syntax.calleeName(call);
    Node instance = Syntax.receiver(call);
    if (method == null || instance == null) {
      return null;
    }
    if (method.equals("get")) {
      Node options = cx.objectLiteral(Syntax.argument(call, 1));
      if (options == null || !isTrue(property(options, "websocket"))) {
        return null;
      }
      Node handler = Syntax.argument(call, 2);
      if (handler == null) {
        handler = property(options, "wsHandler") != null ? property(options, "wsHandler") : property(options, "handler");
      }
      return new Route(call, instance, options, handler, Syntax.stringValue(Syntax.argument(call, 0)));
    }
    if (method.equals("route")) {
      Node options = cx.objectLiteral(Syntax.argument(call, 0));
      if (options == null) {
        return null;
      }
      Node wsHandler = property(options, "wsHandler");
      if (wsHandler == null && !isTrue(property(options, "websocket"))) {
        return null;
      }
      Node handler = wsHandler != null ? wsHandler : property(options, "handler");
      return new Route(call, instance, options, handler, Syntax.stringValue(property(options, "url")));
    }
    return null;
  }

  private static boolean isTrue(Node value) {
    return value != null && Syntax.unwrap(value) != null && Syntax.unwrap(value).is("true");
  }

  /** {@code fastify.websocketServer}, {@code this.websocketServer}: the ws server behind every route. */
  private static boolean isWebsocketServer(Node e) {
    Node u = Syntax.unwrap(e);
    return u != null && u.is("member_expression") && "websocketServer".equals(Syntax.lastName(u));
  }

  private EndpointFact endpoint(Route r, List<Send> sends) {
    List<String> unknowns = new ArrayList<>();
    Term session = sessionPlugin();
    List<GuardFact> guards = new ArrayList<>();
    for (String hook : HOOKS) {
      Node value = property(r.options, hook);
      if (value != null) {
        guards.addAll(hookGuards(hook, value, "route " + hook + " hook", session, unknowns));
      }
    }
    Node instance = declarationOf(r.instance);
    guards.addAll(contextGuards(instance, session, unknowns, new HashSet<>()));
    Node plugin = instance == null ? null : pluginOf(instance);
    if (instance == null || plugin != null && registrationOf(plugin) == null) {
      unknowns.add("the Fastify instance " + Syntax.compact(r.instance) + " is a plugin registered where wsguard did"
          + " not read it; hooks of the contexts around it were not seen");
    }
    if (!registersWebsocket() && !unknowns.isEmpty()) {
      unknowns.add("@fastify/websocket is registered in another module; its options were not read");
    }
    ConnectionAnalysis.Parts parts = ConnectionAnalysis.Parts.empty();
    Node fn = r.handler == null ? null : cx.localFunction(r.handler);
    if (fn == null) {
      unknowns.add("the WebSocket handler " + (r.handler == null ? "" : Syntax.compact(r.handler))
          + " is defined where wsguard did not read it");
    } else {
      connections.analyse(fn, parts);
    }
    guards.addAll(parts.guards());
    unknowns.addAll(parts.unknowns());
    List<MessageHandler> handlers = RoleGate.apply(guards, parts.handlers());
    SourceLocation declaration = r.call.tree().source().location(r.call.startByte(),
        Syntax.callee(r.call).endByte());
    String binding = plugin == null ? null : cx.summaries().keyOf(plugin);
    return new EndpointFact(Framework.FASTIFY_WEBSOCKET, declaration, binding,
        r.path == null ? List.of() : List.of(r.path), limits(unknowns), false, guards, handlers, sends, unknowns,
        parts.delegates());
  }

  // ---- the plugin and its options ----

  private List<Node> websocketRegistrations() {
    List<Node> out = new ArrayList<>();
    for (Node call : calls) {
      if ("register".equals(Syntax.calleeName(call))) {
        Api api = cx.resolver().resolve(Syntax.unwrap(Syntax.argument(call, 0)));
        if (api != null && MODULES.contains(api.module()) && api.path().isEmpty()) {
          out.add(call);
        }
      }
    }
    return out;
  }

  private boolean registersWebsocket() {
    return !websocketRegistrations().isEmpty();
  }

  /** {@code register(websocket, { options: { maxPayload } })}: the ws server's options. */
  private Limits limits(List<String> unknowns) {
    for (Node call : websocketRegistrations()) {
      Node opts = cx.objectLiteral(Syntax.argument(call, 1));
      Node wsOptions = opts == null ? null : cx.objectLiteral(property(opts, "options"));
      if (wsOptions == null) {
        continue;
      }
      if (property(wsOptions, "verifyClient") != null) {
        unknowns.add("the ws option verifyClient given to @fastify/websocket was not read");
      }
      Node max = property(wsOptions, "maxPayload");
      if (max != null) {
        return new Limits(NumericValue.of(max), max.parent().location());
      }
    }
    return Limits.NONE;
  }

  /** A registered session plugin (@fastify/session): {@code request.session} is filled before any hook reads it. */
  private Term sessionPlugin() {
    for (Node call : calls) {
      if ("register".equals(Syntax.calleeName(call))) {
        Node plugin = Syntax.unwrap(Syntax.argument(call, 0));
        Api api = cx.resolver().resolve(plugin);
        if (api != null && api.path().isEmpty() && cx.tables().isSessionParser(new Api(api.module(), List.of()),
            List.of())) {
          return Term.auth(Strength.VERIFIED, call.location(),
              "session plugin " + api.module());
        }
      }
    }
    return null;
  }

  // ---- encapsulation contexts ----

  /**
   * The hooks of an instance's context: its own {@code addHook}s, those of fastify-plugin-wrapped plugins registered
   * on it, and those of the contexts it was registered in.
   */
  private List<GuardFact> contextGuards(Node instance, Term session, List<String> unknowns, Set<Node> visited) {
    List<GuardFact> out = new ArrayList<>();
    if (instance == null || !visited.add(instance)) {
      return out;
    }
    for (Node call : calls) {
      if (declarationOf(Syntax.receiver(call)) != instance) {
        continue;
      }
      String method = Syntax.calleeName(call);
      if ("addHook".equals(method)) {
        String hook = Syntax.stringValue(Syntax.argument(call, 0));
        Node value = Syntax.argument(call, 1);
        if (hook != null && HOOKS.contains(hook) && value != null) {
          out.addAll(hookGuards(hook, value, hook + " hook", session, unknowns));
        }
      } else if ("register".equals(method)) {
        Node wrapped = fastifyPluginBody(Syntax.argument(call, 0));
        Node inner = wrapped == null ? null : ConnectionAnalysis.param(wrapped, 0);
        if (inner != null) {
          out.addAll(contextGuards(inner, session, unknowns, visited));
        }
      }
    }
    Node plugin = pluginOf(instance);
    Node registration = plugin == null ? null : registrationOf(plugin);
    if (registration != null) {
      out.addAll(contextGuards(declarationOf(Syntax.receiver(registration)), session, unknowns, visited));
    }
    return out;
  }

  /** {@code fp(async (f) => {...})} or a binding of one, with fp from fastify-plugin: the plugin function. */
  private Node fastifyPluginBody(Node expr) {
    Node e = Syntax.unwrap(expr);
    Node init = e != null && e.is("identifier") ? initializer(e) : e;
    if (init == null || !init.is("call_expression")) {
      return null;
    }
    Api api = cx.resolver().resolve(Syntax.callee(init));
    return api != null && api.module().equals("fastify-plugin") ? cx.localFunction(Syntax.argument(init, 0)) : null;
  }

  /** The function an instance is the first parameter of (a plugin); null for a root instance. */
  private Node pluginOf(Node instance) {
    Node fn = instance.parent();
    while (fn != null && !Syntax.isFunction(fn)) {
      if (fn.isAny("statement_block", "program")) {
        return null;
      }
      fn = fn.parent();
    }
    return fn != null && Syntax.parameter(fn, 0) == instance ? fn : null;
  }

  /** {@code parent.register(plugin)} in this file, directly or through {@code fp(plugin)}; null when none. */
  private Node registrationOf(Node plugin) {
    for (Node call : calls) {
      if (!"register".equals(Syntax.calleeName(call)) || Syntax.receiver(call) == null) {
        continue;
      }
      Node arg = Syntax.argument(call, 0);
      if (cx.localFunction(arg) == plugin || fastifyPluginBody(arg) == plugin) {
        return call;
      }
    }
    return null;
  }

  // ---- hooks ----

  private List<GuardFact> hookGuards(String hook, Node value, String description, Term session,
      List<String> unknowns) {
    List<GuardFact> out = new ArrayList<>();
    Node v = Syntax.unwrap(value);
    if (v == null) {
      return out;
    }
    if (v.is("array")) {
      for (Node element : v.namedChildren()) {
        out.addAll(hookGuards(hook, element, description, session, unknowns));
      }
      return out;
    }
    if (v.is("call_expression") && "auth".equals(Syntax.calleeName(v))) {
      return authComposition(hook, v, description, session, unknowns);
    }
    GuardFact known = middleware.knownMiddleware(v, description);
    if (known != null) {
      out.add(known);
      return out;
    }
    Node fn = hookFunction(v);
    if (fn == null) {
      out.add(middleware.unreadable(v, description, unknowns));
      return out;
    }
    GuardFact g = walkHook(hook, fn, session, description + " " + Syntax.compact(v.is("identifier")
        || v.is("member_expression") ? v.text() : "(inline)"), v.location());
    if (g != null) {
      out.add(g);
    }
    return out;
  }

  /**
   * {@code fastify.auth([a, b])} (@fastify/auth): with the default {@code relation: 'or'} one passing function lets
   * the request in, so every function must verify; with {@code 'and'} any verifying one is enough.
   */
  private List<GuardFact> authComposition(String hook, Node call, String description, Term session,
      List<String> unknowns) {
    Node list = Syntax.unwrap(Syntax.argument(call, 0));
    if (list == null || !list.is("array")) {
      return List.of(middleware.unreadable(call, description, unknowns));
    }
    Node options = cx.objectLiteral(Syntax.argument(call, 1));
    boolean and = options != null && "and".equals(Syntax.stringValue(property(options, "relation")));
    List<GuardFact> out = new ArrayList<>();
    for (Node element : list.namedChildren()) {
      Node fn = hookFunction(element);
      GuardFact g = fn == null ? middleware.unreadable(element, description, unknowns)
          : walkHook("onRequest", fn, session, description + " " + Syntax.compact(element), element.location());
      if (g == null && !and) {
        return List.of(); // an alternative that checks nothing lets everyone in
      }
      if (g != null) {
        out.add(g);
      }
    }
    return out;
  }

  /** A hook function of the file: a function, a binding of one, or {@code fastify.x} decorated in this file. */
  private Node hookFunction(Node expr) {
    Node fn = cx.localFunction(expr);
    if (fn != null) {
      return fn;
    }
    Node e = Syntax.unwrap(expr);
    String name = e != null && e.is("member_expression") ? Syntax.lastName(e) : null;
    if (name == null) {
      return null;
    }
    for (Node call : calls) {
      if ("decorate".equals(Syntax.calleeName(call)) && name.equals(Syntax.stringValue(Syntax.argument(call, 0)))) {
        return cx.localFunction(Syntax.argument(call, 1));
      }
    }
    return null;
  }

  private GuardFact walkHook(String hook, Node fn, Term session, String description, SourceLocation at) {
    cx.role(ConnectionAnalysis.param(fn, 0), Role.REQUEST);
    Node reply = ConnectionAnalysis.param(fn, 1);
    Set<Node> responders = reply == null ? Set.of() : Set.of(reply);
    Policy policy;
    if (Syntax.isAsync(fn)) {
      policy = MiddlewarePolicies.asyncHook(cx, responders);
    } else {
      // preParsing hooks take (request, reply, payload, done)
      Node done = ConnectionAnalysis.param(fn, hook.equals("preParsing") ? 3 : 2);
      policy = MiddlewarePolicies.nextCallback(cx, done, responders);
    }
    return middleware.walk(fn, policy, session, description, at);
  }

  // ---- plugins registered from other modules ----

  /**
   * {@code app.register(require('./routes/live'))}: the hooks of the context the plugin is registered in apply to its
   * routes, so they are a part of their endpoints.
   */
  private List<PartFact> registeredParts() {
    List<PartFact> out = new ArrayList<>();
    for (Node call : calls) {
      if (!"register".equals(Syntax.calleeName(call)) || Syntax.receiver(call) == null) {
        continue;
      }
      Node arg = Syntax.unwrap(Syntax.argument(call, 0));
      Api api = arg == null ? null : cx.resolver().resolve(arg);
      if (api == null || !api.isRelative() || api.path().size() > 1) {
        continue;
      }
      List<String> unknowns = new ArrayList<>();
      List<GuardFact> guards = contextGuards(declarationOf(Syntax.receiver(call)), sessionPlugin(), unknowns,
          new HashSet<>());
      if (!guards.isEmpty()) {
        FunctionRef target = FunctionRef.imported(cx.path(), api.module(), api.exportName());
        out.add(new PartFact(target, guards, List.of(), List.of(), unknowns));
      }
    }
    return out;
  }

  // ---- names ----

  private Node declarationOf(Node expr) {
    Node e = Syntax.unwrap(expr);
    if (e != null && e.is("this")) {
      return null;
    }
    return e != null && e.is("identifier") ? cx.scopes().declarationOf(e) : null;
  }

  private Node initializer(Node expr) {
    Node declaration = declarationOf(expr);
    Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
    return declarator == null || declarator.child("name") != declaration ? null
        : Syntax.unwrapAwait(declarator.child("value"));
  }

  private static Node property(Node object, String name) {
    if (object == null) {
      return null;
    }
    for (Node member : object.namedChildren()) {
      if (member.is("pair") && name.equals(FileContext.propertyName(member.child("key")))) {
        return member.child("value");
      }
      if (member.is("shorthand_property_identifier") && member.text().equals(name)) {
        return member;
      }
      if (member.is("method_definition") && name.equals(FileContext.propertyName(member.child("name")))) {
        return member;
      }
    }
    return null;
  }
}
