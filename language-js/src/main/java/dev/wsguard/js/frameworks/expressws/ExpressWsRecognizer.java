package dev.wsguard.js.frameworks.expressws;

import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.js.analysis.Api;
import dev.wsguard.js.analysis.ApiResolver;
import dev.wsguard.js.analysis.ConnectionAnalysis;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.MiddlewareGuards;
import dev.wsguard.js.analysis.MiddlewarePolicies;
import dev.wsguard.js.analysis.NumericValue;
import dev.wsguard.js.analysis.Role;
import dev.wsguard.js.analysis.RoleGate;
import dev.wsguard.js.analysis.SocketSends;
import dev.wsguard.js.analysis.SocketServer;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.facts.DelegateFact;
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
 * Recognises express-ws routes: {@code app.ws(path, ...middlewares, handler)} and {@code router.ws(...)} on an
 * Express app or router, with the middleware that runs before them, their connection handlers and their sends.
 *
 * <p>How express-ws runs a route (its src/index.js and src/wrap-middleware.js): its ws server accepts every upgrade,
 * then hands the request to {@code app.handle} with the URL rewritten to {@code <path>/.websocket}, so app- and
 * router-level middleware registered before the route runs on the upgrade request; a middleware that answers with a
 * status above 200 makes express-ws close the socket before the route's handler runs. The route's own middleware is
 * wrapped and called as {@code (ws, req, next)}.
 */
public final class ExpressWsRecognizer implements FrameworkRecognizer {
  private static final String MODULE = "express-ws";

  private final FileContext cx;
  private final ConnectionAnalysis connections;
  private final MiddlewareGuards middleware;
  private final List<Node> calls = new ArrayList<>();
  /** The {@code x.use(...)} calls, in source order. */
  private final List<Node> useCalls = new ArrayList<>();
  private final Set<Node> instances = new HashSet<>();

  public ExpressWsRecognizer(FileContext cx) {
    this.cx = cx;
    this.connections = new ConnectionAnalysis(cx);
    this.middleware = new MiddlewareGuards(cx);
  }

  /** One {@code x.ws(path, ..., handler)} call. */
  private record Route(Node call, Node receiver, Node handler, String path) {}

  /** One middleware in the order Express runs it, and whether express-ws wraps it as {@code (ws, req, next)}. */
  private record Step(Node expr, boolean routeLevel) {}

  @Override
  public Recognized recognize() {
    for (Node n : cx.tree().root().descendants()) {
      if (n.is("call_expression")) {
        calls.add(n);
        if ("use".equals(Syntax.calleeName(n))) {
          useCalls.add(n);
        }
        if (isFactoryCall(n)) {
          instances.add(n);
        }
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
      Route r = routes.get(i);
      Node fn = r.handler == null ? null : cx.localFunction(r.handler);
      boolean first = i == 0;
      SocketServer server = SocketServer.namedBy(e -> isWss(e) && (fn != null && e.within(fn) || first && !inAny(e,
          routes)));
      if (fn != null) {
        cx.role(ConnectionAnalysis.param(fn, 0), Role.CONNECTION);
        cx.role(ConnectionAnalysis.param(fn, 1), Role.REQUEST);
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
    return new Recognized(endpoints, mountedParts());
  }

  private boolean inAny(Node e, List<Route> routes) {
    for (Route r : routes) {
      Node fn = r.handler == null ? null : cx.localFunction(r.handler);
      if (fn != null && e.within(fn)) {
        return true;
      }
    }
    return false;
  }

  // ---- what is an express-ws route ----

  /** {@code require('express-ws')(app)}, {@code expressWs(app, server, options)}. */
  private boolean isFactoryCall(Node call) {
    Api api = cx.resolver().resolve(Syntax.callee(call));
    return api != null && api.module().equals(MODULE) && api.path().isEmpty();
  }

  /**
   * {@code x.ws(path, ...functions)}: a route when x is an Express app or router, the app handed to express-ws, or
   * an app this file did not create (a parameter, an import) and every argument after the path is a function or a
   * reference to one: uWebSockets.js's {@code app.ws(pattern, behaviour)} takes an object instead.
   */
  private Route route(Node call) {
    if (!"ws".equals(Syntax.calleeName(call))) {
      return null;
    }
    Node receiver = Syntax.receiver(call);
    List<Node> args = Syntax.arguments(call);
    if (receiver == null || args.size() < 2) {
      return null;
    }
    for (Node a : args.subList(1, args.size())) {
      Node u = Syntax.unwrap(a);
      if (u == null || u.isAny("object", "string", "template_string", "number", "array")) {
        return null;
      }
    }
    String kind = expressKind(receiver);
    if (kind == null) {
      Api api = cx.resolver().resolve(receiver);
      if (api != null && !api.isRelative() && !api.isGlobal()) {
        return null; // a member of some package that is not Express
      }
    }
    Node handler = args.get(args.size() - 1);
    return new Route(call, receiver, handler, Syntax.stringValue(args.get(0)));
  }

  /** "app" or "router" when the expression holds {@code express()} or {@code express.Router()}; null otherwise. */
  private String expressKind(Node expr) {
    Node init = initializer(expr);
    if (init == null || !init.is("call_expression")) {
      return isAppHandedToFactory(expr) ? "app" : null;
    }
    Api api = cx.resolver().resolve(Syntax.callee(init));
    if (api == null || !api.module().equals("express")) {
      return isAppHandedToFactory(expr) ? "app" : null;
    }
    return api.path().isEmpty() ? "app" : api.path().equals(List.of("Router")) ? "router" : null;
  }

  private boolean isAppHandedToFactory(Node expr) {
    Node declaration = declarationOf(expr);
    if (declaration == null) {
      return false;
    }
    for (Node call : instances) {
      if (declaration == declarationOf(Syntax.argument(call, 0))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code wsInstance.getWss()}, a destructured {@code getWss()}, or a binding of either: the ws server express-ws
   * runs every route of the app on.
   */
  private boolean isWss(Node e) {
    Node u = Syntax.unwrap(e);
    if (u != null && u.is("identifier")) {
      u = initializer(u);
    }
    return u != null && u.is("call_expression") && "getWss".equals(Syntax.calleeName(u));
  }

  // ---- one route ----

  private EndpointFact endpoint(Route r, List<Send> sends) {
    List<String> unknowns = new ArrayList<>();
    List<GuardFact> guards = new ArrayList<>();
    Node receiverDeclaration = declarationOf(r.receiver);
    String prefix = "";
    List<Step> steps = new ArrayList<>();
    Node mount = receiverDeclaration == null ? null : mountOf(receiverDeclaration);
    if (mount != null) {
      Node app = Syntax.receiver(mount);
      String mountPath = Syntax.stringValue(Syntax.argument(mount, 0));
      prefix = mountPath == null ? "" : trimSlash(mountPath);
      steps.addAll(usesBefore(declarationOf(app), mount.startByte(), prefix + routePath(r)));
    }
    if (receiverDeclaration != null) {
      steps.addAll(usesBefore(receiverDeclaration, r.call.startByte(), routePath(r)));
    }
    if (receiverDeclaration == null || expressKind(r.receiver) == null && mount == null) {
      unknowns.add("the app or router " + Syntax.compact(r.receiver) + " is set up where wsguard did not read it;"
          + " middleware registered there before this route was not seen");
    }
    List<Node> args = Syntax.arguments(r.call);
    for (Node a : args.subList(1, args.size() - 1)) {
      steps.add(new Step(a, true));
    }
    guards.addAll(guards(steps, unknowns));
    guards.addAll(verifyClientGuards(unknowns));
    Parts parts = handlerParts(r, unknowns);
    guards.addAll(parts.guards);
    List<MessageHandler> handlers = RoleGate.apply(guards, parts.handlers);
    List<String> paths = r.path == null ? List.of() : List.of(prefix + r.path);
    SourceLocation declaration = r.call.tree().source().location(r.call.startByte(),
        Syntax.callee(r.call).endByte());
    return new EndpointFact(Framework.EXPRESS_WS, declaration, bindingName(r.receiver), paths, limits(), false,
        guards, handlers, sends, unknowns, parts.delegates);
  }

  private record Parts(List<GuardFact> guards, List<MessageHandler> handlers, List<DelegateFact> delegates) {}

  private Parts handlerParts(Route r, List<String> unknowns) {
    ConnectionAnalysis.Parts out = ConnectionAnalysis.Parts.empty();
    Node fn = cx.localFunction(r.handler);
    if (fn == null) {
      unknowns.add("the connection handler " + Syntax.compact(r.handler) + " is defined where wsguard did not read it");
    } else {
      connections.analyse(fn, out);
    }
    unknowns.addAll(out.unknowns());
    return new Parts(out.guards(), out.handlers(), out.delegates());
  }

  private String routePath(Route r) {
    return r.path == null ? "" : r.path;
  }

  private static String trimSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /**
   * {@code expressWs(app, server, { wsOptions: { verifyClient } })}: ws runs it on every upgrade before express-ws
   * routes the request. wsguard does not walk it for express-ws, so it is a guard of unknown strength.
   */
  private List<GuardFact> verifyClientGuards(List<String> unknowns) {
    List<GuardFact> out = new ArrayList<>();
    for (Node call : instances) {
      Node options = cx.objectLiteral(Syntax.argument(call, 2));
      Node ws = options == null ? null : property(options, "wsOptions");
      Node wsOptions = ws == null ? null : cx.objectLiteral(ws);
      Node verifyClient = wsOptions == null ? null : property(wsOptions, "verifyClient");
      if (verifyClient != null) {
        String why = "the verifyClient given to express-ws in wsOptions was not read";
        if (!unknowns.contains(why)) {
          unknowns.add(why);
        }
        Term unknown = Term.auth(Strength.UNKNOWN, verifyClient.location(), "wsOptions.verifyClient");
        out.add(new GuardFact(GuardPlace.HANDSHAKE, "wsOptions.verifyClient", verifyClient.location(),
            verifyClient.location(), List.of(), List.of(unknown), Set.of(), null, null));
      }
    }
    return out;
  }

  /** The {@code wsOptions.maxPayload} given to express-ws in this file. */
  private Limits limits() {
    for (Node call : instances) {
      Node options = cx.objectLiteral(Syntax.argument(call, 2));
      Node ws = options == null ? null : property(options, "wsOptions");
      Node wsOptions = ws == null ? null : cx.objectLiteral(ws);
      Node max = wsOptions == null ? null : property(wsOptions, "maxPayload");
      if (max != null) {
        return new Limits(NumericValue.of(max), max.parent().location());
      }
    }
    return Limits.NONE;
  }

  // ---- middleware ----

  /** {@code parent.use('/prefix', router)}: where a router of this file is mounted; null when it is not. */
  private Node mountOf(Node routerDeclaration) {
    for (Node call : calls) {
      if ("use".equals(Syntax.calleeName(call)) && Syntax.receiver(call) != null) {
        for (Node a : Syntax.arguments(call)) {
          if (declarationOf(a) == routerDeclaration && a != Syntax.receiver(call)) {
            return call;
          }
        }
      }
    }
    return null;
  }

  /** The middleware {@code target.use(...)} registers before {@code before} that applies to {@code path}. */
  private List<Step> usesBefore(Node target, int before, String path) {
    List<Step> out = new ArrayList<>();
    if (target == null) {
      return out;
    }
    // useCalls is in source order: a file with thousands of routes must not rescan every call for each of them
    for (Node call : useCalls) {
      if (call.startByte() >= before) {
        break;
      }
      if (declarationOf(Syntax.receiver(call)) != target) {
        continue;
      }
      List<Node> args = Syntax.arguments(call);
      int from = 0;
      String usePath = args.isEmpty() ? null : Syntax.stringValue(args.get(0));
      if (usePath != null) {
        if (!appliesTo(usePath, path)) {
          continue;
        }
        from = 1;
      } else if (!args.isEmpty() && Syntax.unwrap(args.get(0)).isAny("array", "regex", "template_string")) {
        continue; // a path list or pattern wsguard does not match against the route
      }
      for (Node a : args.subList(from, args.size())) {
        Node u = Syntax.unwrap(a);
        if (u != null && u.is("array")) {
          u.namedChildren().forEach(m -> out.add(new Step(m, false)));
        } else {
          out.add(new Step(a, false));
        }
      }
    }
    return out;
  }

  private static boolean appliesTo(String usePath, String routePath) {
    String p = trimSlash(usePath);
    return p.isEmpty() || routePath.equals(p) || routePath.startsWith(p + "/");
  }

  private List<GuardFact> guards(List<Step> steps, List<String> unknowns) {
    List<GuardFact> out = new ArrayList<>();
    Term session = null;
    for (Step step : steps) {
      Node expr = step.expr;
      Term parsed = middleware.sessionMiddleware(expr);
      if (parsed != null) {
        session = parsed;
        continue;
      }
      String description = step.routeLevel ? "route middleware" : "app middleware";
      GuardFact known = middleware.knownMiddleware(expr, description);
      if (known != null) {
        out.add(known);
        continue;
      }
      Node fn = middlewareFunction(expr);
      if (fn != null) {
        GuardFact g = walk(fn, step.routeLevel, session, description + " " + Syntax.compact(nameOf(expr, fn)), expr);
        if (g != null) {
          out.add(g);
        }
        continue;
      }
      if (mayBeMiddleware(expr)) {
        out.add(middleware.unreadable(expr, description, unknowns));
      }
    }
    return out;
  }

  /** A function of the file used as middleware, or the function a local factory returns ({@code requireRole('x')}). */
  private Node middlewareFunction(Node expr) {
    Node fn = cx.localFunction(expr);
    if (fn != null) {
      return fn;
    }
    Node e = Syntax.unwrap(expr);
    if (e == null || !e.is("call_expression")) {
      return null;
    }
    Node factory = cx.localFunction(Syntax.callee(e));
    if (factory == null) {
      return null;
    }
    Node body = Syntax.body(factory);
    if (body != null && Syntax.isFunction(Syntax.unwrap(body))) {
      return Syntax.unwrap(body);
    }
    for (Node n : body == null ? List.<Node>of() : body.descendants()) {
      if (n.is("return_statement") && Syntax.enclosingFunction(n) == factory) {
        Node returned = cx.localFunction(n.namedChild(0));
        if (returned != null) {
          return returned;
        }
      }
    }
    return null;
  }

  private static Node nameOf(Node expr, Node fn) {
    Node e = Syntax.unwrap(expr);
    return e != null && (e.is("identifier") || e.is("member_expression") || e.is("call_expression")) ? e : fn;
  }

  /**
   * An expression wsguard cannot read that may still check the request: an import of the project, or a call of a
   * factory of the project; packages it does not know (cors, helmet, express.json) are not authentication.
   */
  private boolean mayBeMiddleware(Node expr) {
    Node e = Syntax.unwrap(expr);
    Node named = e != null && e.is("call_expression") ? Syntax.callee(e) : e;
    Api api = cx.resolver().resolve(named);
    return api != null && api.isRelative();
  }

  private GuardFact walk(Node fn, boolean routeLevel, Term session, String description, Node at) {
    List<Node> params = Syntax.parameters(fn);
    if (params.size() > 3) {
      return null; // an error handler: it runs only after a failure
    }
    Node next = ConnectionAnalysis.param(fn, 2);
    Set<Node> responders = new HashSet<>();
    for (int i = 0; i < Math.min(2, params.size()); i++) {
      if (params.get(i).is("identifier")) {
        responders.add(params.get(i));
      }
    }
    // route middleware is called (ws, req, next); app and router middleware (req, res, next)
    cx.role(ConnectionAnalysis.param(fn, routeLevel ? 1 : 0), Role.REQUEST);
    if (routeLevel) {
      cx.role(ConnectionAnalysis.param(fn, 0), Role.CONNECTION);
    }
    return middleware.walk(fn, MiddlewarePolicies.nextCallback(cx, next, responders), session, description,
        at.location());
  }

  // ---- routers mounted from other modules ----

  /**
   * {@code app.use('/live', liveRouter)} with the router imported from a module of the project: the middleware
   * registered on the app before the mount runs before that router's routes, so it is a part of their endpoints.
   */
  private List<PartFact> mountedParts() {
    List<PartFact> out = new ArrayList<>();
    for (Node call : calls) {
      if (!"use".equals(Syntax.calleeName(call)) || Syntax.receiver(call) == null
          || expressKind(Syntax.receiver(call)) == null) {
        continue;
      }
      for (Node a : Syntax.arguments(call)) {
        Api api = cx.resolver().resolve(Syntax.unwrap(a));
        Node mounted = Syntax.unwrap(a);
        boolean named = mounted.is("identifier") || ApiResolver.requiredModule(mounted) != null;
        if (api == null || !api.isRelative() || api.path().size() > 1 || !named) {
          continue;
        }
        List<String> unknowns = new ArrayList<>();
        String mountPath = Syntax.stringValue(Syntax.argument(call, 0));
        List<GuardFact> guards = guards(usesBefore(declarationOf(Syntax.receiver(call)), call.startByte(),
            mountPath == null ? "" : trimSlash(mountPath)), unknowns);
        if (!guards.isEmpty()) {
          FunctionRef target = FunctionRef.imported(cx.path(), api.module(), api.exportName());
          out.add(new PartFact(target, guards, List.of(), List.of(), unknowns));
        }
      }
    }
    return out;
  }

  // ---- names ----

  private Node declarationOf(Node expr) {
    Node e = Syntax.unwrap(expr);
    return e != null && e.is("identifier") ? cx.scopes().declarationOf(e) : null;
  }

  private Node initializer(Node expr) {
    Node declaration = declarationOf(expr);
    Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
    return declarator == null || declarator.child("name") != declaration ? null
        : Syntax.unwrapAwait(declarator.child("value"));
  }

  private String bindingName(Node receiver) {
    Node e = Syntax.unwrap(receiver);
    return e != null && e.is("identifier") ? e.text() : null;
  }

  private static Node property(Node object, String name) {
    for (Node member : object.namedChildren()) {
      if (member.is("pair") && name.equals(FileContext.propertyName(member.child("key")))) {
        return member.child("value");
      }
    }
    return null;
  }
}
