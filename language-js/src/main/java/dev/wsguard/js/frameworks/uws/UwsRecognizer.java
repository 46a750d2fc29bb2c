package dev.wsguard.js.frameworks.uws;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.js.analysis.Api;
import dev.wsguard.js.analysis.ConnectionAnalysis;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Flow;
import dev.wsguard.js.analysis.NumericValue;
import dev.wsguard.js.analysis.Payloads;
import dev.wsguard.js.analysis.Role;
import dev.wsguard.js.analysis.RoleGate;
import dev.wsguard.js.analysis.SocketSends;
import dev.wsguard.js.analysis.SocketServer;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.analysis.Words;
import dev.wsguard.js.facts.EndpointFact;
import dev.wsguard.js.facts.GuardFact;
import dev.wsguard.js.facts.Term;
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
 * Recognises uWebSockets.js endpoints: {@code app.ws(pattern, behaviour)} on a {@code uWS.App()} or
 * {@code uWS.SSLApp(...)}, with the behaviour's {@code upgrade}, {@code open} and {@code message} handlers, its
 * {@code maxPayloadLength}, and the sends: {@code ws.send}, and {@code app.publish} / {@code ws.publish} to topics.
 *
 * <p>Without an {@code upgrade} handler uWS upgrades every request. With one, the connection opens only where it
 * calls {@code res.upgrade(userData, key, protocol, extensions, context)}; answering with
 * {@code res.writeStatus(...).end()} or {@code res.close()} refuses it.
 */
public final class UwsRecognizer implements FrameworkRecognizer {
  private static final String MODULE = "uWebSockets.js";
  private static final Set<String> APP_FACTORIES = Set.of("App", "SSLApp");
  private static final Set<String> USER_WORDS = Set.of("user", "users", "sub", "uid", "userid", "account",
      "accounts", "owner", "customer", "member", "player", "client", "session", "private", "inbox");

  private final FileContext cx;
  private final ConnectionAnalysis connections;
  private final Payloads payloads;

  public UwsRecognizer(FileContext cx) {
    this.cx = cx;
    this.connections = new ConnectionAnalysis(cx);
    this.payloads = new Payloads(cx);
  }

  /** One {@code app.ws(pattern, behaviour)} and the behaviour's handlers. */
  private record Route(Node call, Node app, String pattern, Map<String, Node> behaviour) {
    Node handler(FileContext cx, String name) {
      Node value = behaviour.get(name);
      return value == null ? null : value.is("method_definition") ? value : cx.localFunction(value);
    }
  }

  @Override
  public Recognized recognize() {
    List<Route> routes = new ArrayList<>();
    List<Node> calls = new ArrayList<>();
    for (Node n : cx.tree().root().descendants()) {
      if (n.is("call_expression")) {
        calls.add(n);
        Route r = route(n);
        if (r != null) {
          routes.add(r);
        }
      }
    }
    if (routes.isEmpty()) {
      return Recognized.NONE;
    }
    List<SocketServer> servers = new ArrayList<>();
    for (Route r : routes) {
      SocketServer server = SocketServer.namedBy(e -> false);
      for (String name : List.of("open", "message", "close", "drain")) {
        Node fn = r.handler(cx, name);
        if (fn != null) {
          cx.role(ConnectionAnalysis.param(fn, 0), Role.CONNECTION);
          server.connectionHandlers.add(fn);
        }
      }
      Node message = r.handler(cx, "message");
      if (message != null) {
        cx.role(ConnectionAnalysis.param(message, 1), Role.MESSAGE);
      }
      Node upgrade = r.handler(cx, "upgrade");
      if (upgrade != null) {
        cx.role(ConnectionAnalysis.param(upgrade, 1), Role.REQUEST);
      }
      servers.add(server);
    }
    SocketSends sends = new SocketSends(cx, servers);
    Map<Route, List<Send>> publishes = publishes(routes, calls);
    List<EndpointFact> endpoints = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      Route r = routes.get(i);
      List<Send> all = new ArrayList<>(sends.of(servers.get(i)));
      all.addAll(publishes.getOrDefault(r, List.of()));
      endpoints.add(endpoint(r, all));
    }
    return new Recognized(endpoints, List.of());
  }

  // ---- routes ----

  private Route route(Node call) {
    if (!"ws".equals(Syntax.calleeName(call)) || Syntax.arguments(call).size() < 2) {
      return null;
    }
    Node app = Syntax.receiver(call);
    if (!isApp(app, 0)) {
      return null;
    }
    Node behaviour = cx.objectLiteral(Syntax.argument(call, 1));
    if (behaviour == null) {
      return null;
    }
    Map<String, Node> members = new LinkedHashMap<>();
    for (Node member : behaviour.namedChildren()) {
      if (member.is("pair")) {
        members.put(FileContext.propertyName(member.child("key")), member.child("value"));
      } else if (member.is("method_definition")) {
        members.put(FileContext.propertyName(member.child("name")), member);
      } else if (member.is("shorthand_property_identifier")) {
        members.put(member.text(), member);
      }
    }
    return new Route(call, app, Syntax.stringValue(Syntax.argument(call, 0)), members);
  }

  /** {@code uWS.App()}, {@code SSLApp({...})}, a binding of one, or a chain of its route calls. */
  private boolean isApp(Node expr, int depth) {
    Node e = Syntax.unwrapAwait(expr);
    if (e == null || depth > 8) {
      return false;
    }
    if (e.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(e);
      Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
      Node init = declarator == null || declarator.child("name") != declaration ? null : declarator.child("value");
      return init != null && isApp(init, depth + 1);
    }
    if (!e.is("call_expression")) {
      return false;
    }
    Api api = cx.resolver().resolve(Syntax.callee(e));
    if (api != null && api.module().equals(MODULE) && api.path().size() == 1
        && APP_FACTORIES.contains(api.path().get(0))) {
      return true;
    }
    // uWS.App().ws(...).get(...): every route method returns the app
    Node receiver = Syntax.receiver(e);
    return receiver != null && isApp(receiver, depth + 1);
  }

  private EndpointFact endpoint(Route r, List<Send> sends) {
    List<String> unknowns = new ArrayList<>();
    List<GuardFact> guards = new ArrayList<>();
    Node upgradeValue = r.behaviour.get("upgrade");
    Node upgrade = r.handler(cx, "upgrade");
    if (upgradeValue != null && upgrade == null) {
      unknowns.add("the upgrade handler " + Syntax.compact(upgradeValue) + " is defined where wsguard did not read it");
      Term unknown = Term.auth(Strength.UNKNOWN, upgradeValue.location(), "upgrade handler "
          + Syntax.compact(upgradeValue));
      guards.add(new GuardFact(GuardPlace.HANDSHAKE, "upgrade handler " + Syntax.compact(upgradeValue),
          upgradeValue.location(), upgradeValue.location(), List.of(), List.of(unknown), Set.of(), null, null));
    } else if (upgrade != null) {
      Node res = ConnectionAnalysis.param(upgrade, 0);
      Flow.Result result = Flow.walk(cx, upgrade, UwsPolicies.upgrade(cx, res));
      SourceLocation at = upgradeValue.parent() != null && upgradeValue.parent().is("pair")
          ? upgradeValue.parent().location() : upgradeValue.location();
      guards.add(connections.guard(GuardPlace.HANDSHAKE, "upgrade handler", at, upgrade, result, null));
    }
    ConnectionAnalysis.Parts parts = ConnectionAnalysis.Parts.empty();
    Node message = r.handler(cx, "message");
    if (message != null) {
      Node socket = ConnectionAnalysis.param(message, 0);
      Node registered = r.behaviour.get("message");
      SourceLocation at = registered.parent() != null && registered.parent().is("pair")
          ? registered.parent().location() : registered.location();
      connections.messageHandler(message, socket, at, Set.of(), parts);
    } else if (r.behaviour.containsKey("message")) {
      unknowns.add("the message handler " + Syntax.compact(r.behaviour.get("message"))
          + " is defined where wsguard did not read it");
    }
    guards.addAll(parts.guards());
    List<MessageHandler> handlers = RoleGate.apply(guards, parts.handlers());
    Node callee = Syntax.callee(r.call);
    Node property = callee.child("property");
    // a chained uWS.App().ws(...) points at .ws( rather than at the start of the chain
    int start = Syntax.unwrap(r.app).is("call_expression") && property != null ? property.startByte()
        : r.call.startByte();
    SourceLocation declaration = r.call.tree().source().location(start, callee.endByte());
    return new EndpointFact(Framework.UWS, declaration, null, r.pattern == null ? List.of() : List.of(r.pattern),
        limits(r), false, guards, handlers, sends, unknowns, parts.delegates());
  }

  private Limits limits(Route r) {
    Node max = r.behaviour.get("maxPayloadLength");
    if (max == null || !max.parent().is("pair")) {
      return Limits.NONE;
    }
    return new Limits(NumericValue.of(max), max.parent().location());
  }

  // ---- publish ----

  /**
   * {@code app.publish(topic, msg)} reaches every connection subscribed to the topic, {@code ws.publish} all of them
   * but the sender. A topic every connection subscribes to when it opens is all connections; a topic named after a
   * user ({@code `user/${id}`}) is that user; any other topic is a room.
   */
  private Map<Route, List<Send>> publishes(List<Route> routes, List<Node> calls) {
    Map<Route, List<Send>> out = new IdentityHashMap<>();
    for (Node call : calls) {
      if (!"publish".equals(Syntax.calleeName(call)) || Syntax.arguments(call).size() < 2) {
        continue;
      }
      Node receiver = Syntax.receiver(call);
      boolean fromSocket = cx.roleOfExpression(receiver) == Role.CONNECTION;
      if (!fromSocket && !isApp(receiver, 0)) {
        continue;
      }
      Node topic = Syntax.argument(call, 0);
      Route owner = null;
      for (Route r : routes) {
        if (subscribesEveryConnection(r, topic) || within(call, r)) {
          owner = r;
          break;
        }
      }
      owner = owner == null ? routes.get(0) : owner;
      Audience audience;
      if (subscribesEveryConnection(owner, topic)) {
        audience = fromSocket ? Audience.ALL_BUT_SENDER : Audience.ALL_CONNECTIONS;
      } else {
        audience = namesUser(topic) ? Audience.ONE_USER : Audience.ROOM;
      }
      Node payload = Syntax.argument(call, 1);
      out.computeIfAbsent(owner, k -> new ArrayList<>()).add(new Send(call.location(), audience,
          payloads.classify(payload), Syntax.compact(payload), topic.location()));
    }
    return out;
  }

  private boolean within(Node call, Route r) {
    for (Node value : r.behaviour.values()) {
      if (call.within(value)) {
        return true;
      }
    }
    return false;
  }

  /** The route's {@code open} handler subscribes every connection to this constant topic, unconditionally. */
  private boolean subscribesEveryConnection(Route r, Node topic) {
    String name = Syntax.stringValue(topic);
    Node open = r.handler(cx, "open");
    if (name == null || open == null) {
      return false;
    }
    Node socket = ConnectionAnalysis.param(open, 0);
    Node body = Syntax.body(open);
    if (body == null) {
      return false;
    }
    List<Node> statements = body.is("statement_block") ? Syntax.statements(body) : List.of(body);
    for (Node statement : statements) {
      Node e = statement.is("expression_statement") ? Syntax.unwrap(statement.namedChild(0))
          : Syntax.unwrap(statement);
      if (e != null && e.is("call_expression") && "subscribe".equals(Syntax.calleeName(e))
          && name.equals(Syntax.stringValue(Syntax.argument(e, 0)))) {
        Node receiver = Syntax.unwrap(Syntax.receiver(e));
        if (receiver != null && receiver.is("identifier") && cx.scopes().declarationOf(receiver) == socket) {
          return true;
        }
      }
    }
    return false;
  }

  /** A topic built from a user's identity: {@code `user/${id}`}, {@code 'inbox:' + ws.getUserData().sub}. */
  private static boolean namesUser(Node topic) {
    Node t = Syntax.unwrap(topic);
    if (t == null || Syntax.stringValue(t) != null) {
      return false;
    }
    for (Node n : t.descendants()) {
      if (n.isAny("identifier", "property_identifier", "string_fragment")
          && Words.anyIn(n.text(), USER_WORDS) != null) {
        return true;
      }
    }
    return false;
  }
}
