package dev.wsguard.js.frameworks.nestjs;

import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.js.analysis.CredentialReader;
import dev.wsguard.js.analysis.ConnectionAnalysis;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Flow;
import dev.wsguard.js.analysis.MessageAuthz;
import dev.wsguard.js.analysis.Role;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.facts.EndpointFact;
import dev.wsguard.js.facts.ExportFact;
import dev.wsguard.js.facts.GuardFact;
import dev.wsguard.js.facts.GuardedHandlerFact;
import dev.wsguard.js.facts.HandlerFact;
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
 * Recognises NestJS gateways: each class decorated with {@code @WebSocketGateway(...)} of @nestjs/websockets is one
 * endpoint. Authentication is read where Nest lets it happen: Socket.IO middleware registered in {@code afterInit}
 * ({@code server.use}, at the handshake) and {@code handleConnection}, which must disconnect the client itself;
 * guards run per message and are read as permission checks of the {@code @SubscribeMessage} handlers.
 */
public final class NestGatewayRecognizer implements FrameworkRecognizer {
  private final FileContext cx;

  public NestGatewayRecognizer(FileContext cx) {
    this.cx = cx;
  }

  @Override
  public Recognized recognize() {
    NestDecorators decorators = new NestDecorators(cx);
    List<EndpointFact> endpoints = new ArrayList<>();
    for (Node n : cx.tree().root().descendants()) {
      if (!n.is("decorator") || !decorators.is(n, NestDecorators.WEBSOCKETS, "WebSocketGateway")) {
        continue;
      }
      Node cls = decoratedClass(n);
      if (cls != null) {
        endpoints.add(endpoint(Gateway.read(cx, decorators, n, cls), decorators));
      }
    }
    return endpoints.isEmpty() ? Recognized.NONE : new Recognized(endpoints, List.of());
  }

  /**
   * Guard classes this file exports (their {@code canActivate}, exported as "Class.canActivate"): what each checks,
   * as one handler whose permission check is present for a permission guard and absent for an identity guard. Link
   * time reads them for gateways of other files that bind the guard ({@code GuardedHandlerFact}); the socket and
   * message indexes are -1, as no delegating handler passes them.
   */
  @Override
  public Map<String, HandlerFact> handlerExports(Map<String, ExportFact> exports) {
    Map<String, HandlerFact> out = new LinkedHashMap<>();
    NestGuards guards = new NestGuards(cx, new NestDecorators(cx));
    for (Map.Entry<String, ExportFact> e : exports.entrySet()) {
      String key = e.getValue().functionKey();
      if (!e.getKey().endsWith(".canActivate") || key == null) {
        continue;
      }
      Node fn = cx.summaries().functionOf(key);
      MessageHandler check = fn == null ? null : guards.exportedGuard(fn);
      if (check != null) {
        out.put(key, new HandlerFact(key, -1, -1, List.of(check), List.of()));
      }
    }
    return out;
  }

  /** The class a decorator sits on; null when it is on something else. */
  static Node decoratedClass(Node decorator) {
    Node parent = decorator.parent();
    if (parent != null && parent.is("export_statement")) {
      parent = parent.child("declaration");
    }
    return parent != null && parent.isAny("class_declaration", "class", "abstract_class_declaration") ? parent : null;
  }

  private EndpointFact endpoint(Gateway g, NestDecorators decorators) {
    List<String> unknowns = new ArrayList<>();
    if (g.optionsArgument() != null && g.options().isEmpty() && cx.objectLiteral(g.optionsArgument()) == null) {
      unknowns.add("the gateway options " + Syntax.compact(g.optionsArgument())
          + " are defined where wsguard did not read them");
    }
    List<String> paths = new ArrayList<>();
    String path = g.options().containsKey("path") ? Syntax.stringValue(g.options().get("path")) : null;
    if (path != null) {
      paths.add(path);
    }
    List<GuardedHandlerFact> guarded = new ArrayList<>();
    List<MessageHandler> handlers = handlers(g, decorators, guarded);
    List<GuardFact> guards = new ArrayList<>();
    GuardFact connection = connectionGuard(g);
    if (connection != null) {
      guards.add(connection);
    }
    guards.addAll(middlewareGuards(g, unknowns));
    GuardFact allowRequest = allowRequestGuard(g, unknowns);
    if (allowRequest != null) {
      guards.add(allowRequest);
    }
    return new EndpointFact(Framework.NESTJS_GATEWAY, declarationRegion(g.decorator()), g.className(), paths,
        Limits.NONE, false, guards, handlers, new NestSends(cx, g).find(), unknowns, List.of(), guarded);
  }

  /** From {@code @} to the end of {@code WebSocketGateway}: where endpoint findings point. */
  private static SourceLocation declarationRegion(Node decorator) {
    Node call = NestDecorators.call(decorator);
    Node callee = call == null ? decorator.namedChild(0) : Syntax.callee(call);
    int end = callee != null ? callee.endByte() : decorator.endByte();
    return decorator.tree().source().location(decorator.startByte(), end);
  }

  // ---- message handlers ----

  private List<MessageHandler> handlers(Gateway g, NestDecorators decorators, List<GuardedHandlerFact> guarded) {
    NestGuards guards = new NestGuards(cx, decorators);
    List<MessageHandler> out = new ArrayList<>();
    for (Gateway.Handler h : g.handlers()) {
      Node client = bindParameters(h.method(), decorators);
      MessageHandler analysed = new MessageAuthz(cx, client, Set.of()).analyze(h.method(), null,
          h.decorator().location());
      MessageHandler typed = new MessageHandler(h.event(), analysed.location(), analysed.privilegedAction(),
          analysed.permissionCheck(), analysed.clientSuppliedId(), analysed.evidence());
      NestGuards.Guarded result = guards.apply(g, h.method(), typed);
      if (!result.imported().isEmpty()) {
        guarded.add(new GuardedHandlerFact(out.size(), result.imported(), result.at()));
      }
      out.add(result.handler());
    }
    return out;
  }

  /**
   * Gives a handler's parameters their roles: {@code @ConnectedSocket()} is the client, {@code @MessageBody()} the
   * message; without parameter decorators Nest passes {@code (client, data)}. Returns the client's binding.
   */
  private Node bindParameters(Node method, NestDecorators decorators) {
    Node list = method.child("parameters");
    List<Node> params = list == null ? List.of() : list.namedChildren();
    Node client = null;
    boolean decorated = false;
    for (Node p : params) {
      List<Node> ds = NestDecorators.ofParameter(p);
      Node binding = Syntax.parameters(method).get(params.indexOf(p));
      if (!binding.is("identifier") && !binding.isAny("object_pattern", "array_pattern")) {
        continue;
      }
      if (decorators.find(ds, NestDecorators.WEBSOCKETS, "ConnectedSocket") != null) {
        decorated = true;
        client = binding.is("identifier") ? binding : client;
        cx.role(client, Role.CONNECTION);
      } else if (decorators.find(ds, NestDecorators.WEBSOCKETS, "MessageBody") != null) {
        decorated = true;
        markMessage(binding);
      }
    }
    if (!decorated && !params.isEmpty()) {
      List<Node> bindings = Syntax.parameters(method);
      client = bindings.get(0).is("identifier") ? bindings.get(0) : null;
      cx.role(client, Role.CONNECTION);
      if (bindings.size() > 1) {
        markMessage(bindings.get(1));
      }
    }
    return client;
  }

  private void markMessage(Node binding) {
    if (binding.is("identifier")) {
      cx.role(binding, Role.MESSAGE);
      return;
    }
    // @MessageBody() { roomId, userId }: every destructured name is the message's
    for (Node id : Syntax.boundIdentifiers(binding)) {
      cx.role(id, Role.MESSAGE);
    }
  }

  // ---- handleConnection ----

  /**
   * {@code handleConnection(client, ...)}: a verification that disconnects the client on failure authenticates the
   * connection. Paths that leave by an exception stay connected (see {@link NestPolicies#connection}), so they fail
   * open: a {@code throw new WsException(...)} outright, a verification that throws, or a helper that throws on
   * failure (decided at link time).
   */
  private GuardFact connectionGuard(Gateway g) {
    Node fn = g.handleConnection();
    if (fn == null) {
      return null;
    }
    Node client = ConnectionAnalysis.param(fn, 0);
    cx.role(client, Role.CONNECTION);
    // the ws adapter passes the upgrade request second
    cx.role(ConnectionAnalysis.param(fn, 1), Role.REQUEST);
    int firstAuth = Integer.MAX_VALUE;
    for (Node n : fn.descendants()) {
      if (n.is("call_expression") && cx.isAuthCall(n)) {
        firstAuth = Math.min(firstAuth, n.startByte());
      }
    }
    Set<Node> early = Collections.newSetFromMap(new IdentityHashMap<>());
    Flow.Result result = Flow.walk(cx, fn, NestPolicies.connection(cx, client, firstAuth, early));
    if (!result.verifiesAnything()) {
      return null;
    }
    List<Term> seen = new ArrayList<>(result.seen());
    List<PathFact> accepts = new ArrayList<>();
    SourceLocation earlySend = null;
    for (Flow.Accept accept : result.accepts()) {
      if (earlySend == null && accept.at() != null && early.contains(accept.at())) {
        earlySend = accept.at().location();
      }
      for (PathFact p : accept.paths()) {
        Term escape = accept.raised() ? escape(accept, fn) : null;
        if (escape != null && p.terms().stream().noneMatch(Term::isAuth)) {
          List<Term> terms = new ArrayList<>(p.terms());
          terms.add(escape);
          if (!seen.contains(escape)) {
            seen.add(escape);
          }
          accepts.add(new PathFact(terms, p.routes()));
        } else {
          accepts.add(p);
        }
      }
    }
    SourceLocation at = earlySend != null ? earlySend
        : seen.stream().filter(Term::isAuth).map(Term::evidence).findFirst().orElse(fn.location());
    Set<CredentialSource> credentials = EnumSet.noneOf(CredentialSource.class);
    credentials.addAll(new CredentialReader(cx).read(fn));
    return new GuardFact(GuardPlace.CONNECTION, "handleConnection", at, fn.location(), accepts, seen, credentials,
        earlySend, null);
  }

  /** What a path that leaves handleConnection by an exception stands for. */
  private static Term escape(Flow.Accept accept, Node fn) {
    Term failed = accept.escaped();
    if (failed != null && failed.kind() == Term.Kind.AUTH_HELPER) {
      return new Term(Term.Kind.AUTH_HELPER_ESCAPED, null, failed.helper(), false, failed.evidence(),
          failed.detail() + " throws on failure, and the exception leaves handleConnection without disconnecting");
    }
    if (failed != null) {
      return Term.auth(Strength.FAILS_OPEN, failed.evidence(), failed.detail()
          + " throws on failure, and the exception leaves handleConnection without disconnecting");
    }
    SourceLocation at = accept.at() != null ? accept.at().location() : fn.location();
    return Term.auth(Strength.FAILS_OPEN, at,
        "an exception thrown in handleConnection does not disconnect the client");
  }


  // ---- allowRequest in the gateway options ----

  /**
   * {@code @WebSocketGateway({ allowRequest: (req, callback) => ... })}: Nest's Socket.IO adapter hands the options to
   * the server it creates, and engine.io runs allowRequest on the handshake and upgrade requests, before Socket.IO
   * connects (the same reading as a plain Socket.IO server's option). The ws adapter hands the options to ws, which has
   * no such option.
   */
  private GuardFact allowRequestGuard(Gateway g, List<String> unknowns) {
    Node value = g.options().get("allowRequest");
    if (value == null) {
      return null;
    }
    if (g.adapter() == Gateway.Adapter.WS) {
      unknowns.add("allowRequest is a Socket.IO option, and this gateway runs on the ws adapter, which ignores it");
      return null;
    }
    Node fn = cx.localFunction(value);
    if (fn == null) {
      unknowns.add("the Socket.IO allowRequest option " + Syntax.compact(value) + " is defined where wsguard did not"
          + " read it");
      return null;
    }
    cx.role(ConnectionAnalysis.param(fn, 0), Role.REQUEST);
    Flow.Result result = Flow.walk(cx, fn, NestPolicies.allowRequest(cx, ConnectionAnalysis.param(fn, 1)));
    SourceLocation at = value.parent() != null && value.parent().is("pair") ? value.parent().location()
        : value.location();
    Set<CredentialSource> credentials = result.verifiesAnything() ? new CredentialReader(cx).read(fn)
        : EnumSet.noneOf(CredentialSource.class);
    return new GuardFact(GuardPlace.HANDSHAKE, "allowRequest", at, fn.location(), result.acceptPaths(), result.seen(),
        credentials, null, null);
  }

  // ---- Socket.IO middleware in afterInit ----

  /**
   * {@code afterInit(server) { server.use((socket, next) => ...) }}: Socket.IO middleware runs at the handshake of the
   * gateway's namespace (Nest hands afterInit the namespace when the gateway names one). The ws adapter's server has
   * no middleware.
   */
  private List<GuardFact> middlewareGuards(Gateway g, List<String> unknowns) {
    List<GuardFact> out = new ArrayList<>();
    Node init = g.afterInit();
    if (init == null) {
      return out;
    }
    for (Node n : init.descendants()) {
      if (!n.is("call_expression") || !"use".equals(Syntax.calleeName(n))
          || !g.isServer(Syntax.unwrap(Syntax.receiver(n)))) {
        continue;
      }
      Node argument = Syntax.argument(n, 0);
      Node fn = cx.localFunction(argument);
      if (g.adapter() == Gateway.Adapter.WS) {
        unknowns.add("server.use in afterInit registers Socket.IO middleware, but this gateway runs on the ws"
            + " adapter, whose server has no middleware");
        continue;
      }
      if (fn == null) {
        unknowns.add("the Socket.IO middleware " + Syntax.compact(argument) + " is defined where wsguard did not read"
            + " it");
        out.add(new GuardFact(GuardPlace.HANDSHAKE, "Socket.IO middleware " + Syntax.compact(argument),
            n.location(), n.location(), List.of(), List.of(Term.auth(Strength.UNKNOWN, n.location(),
                Syntax.compact(argument))), Set.of(), null, null));
        continue;
      }
      Node socket = ConnectionAnalysis.param(fn, 0);
      cx.role(socket, Role.CONNECTION);
      Flow.Result result = Flow.walk(cx, fn, NestPolicies.middleware(cx, socket, ConnectionAnalysis.param(fn, 1)));
      List<PathFact> accepts = new ArrayList<>();
      result.accepts().forEach(a -> accepts.addAll(a.paths()));
      Set<CredentialSource> credentials = result.verifiesAnything() ? new CredentialReader(cx).read(fn)
          : EnumSet.noneOf(CredentialSource.class);
      out.add(new GuardFact(GuardPlace.HANDSHAKE, "Socket.IO middleware (server.use in afterInit)", n.location(),
          fn.location(), accepts, result.seen(), credentials, null, null));
    }
    return out;
  }
}
