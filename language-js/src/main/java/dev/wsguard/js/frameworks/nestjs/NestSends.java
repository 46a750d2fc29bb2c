package dev.wsguard.js.frameworks.nestjs;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Provenance;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Payloads;
import dev.wsguard.js.analysis.Role;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.analysis.Words;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sends of one gateway class and who receives them. On Socket.IO: {@code this.server.emit} reaches every
 * connection of the gateway's namespace, {@code .to(room)} / {@code .in(room)} a room (one user when the room is named
 * after the user or the socket), {@code client.broadcast.emit} every connection but the sender, {@code client.emit}
 * the client. On the ws adapter the server is a {@code ws} WebSocketServer: its {@code emit} is EventEmitter's and
 * sends nothing, and {@code this.server.clients.forEach(c => c.send(...))} reaches every connection. A handler's
 * returned {@code { event, data }} goes back to its client.
 */
final class NestSends {
  private static final Set<String> ROOM_METHODS = Set.of("to", "in", "except");
  /** Socket.IO flags that change delivery, not the audience. */
  private static final Set<String> FLAGS = Set.of("volatile", "local", "compress", "timeout");
  private static final Set<String> USER_WORDS = Set.of("user", "uid", "sub", "account", "member", "player",
      "customer");
  private static final Set<String> SOCKET_WORDS = Set.of("socket", "client");

  private final FileContext cx;
  private final Gateway gateway;
  private final Payloads payloads;

  NestSends(FileContext cx, Gateway gateway) {
    this.cx = cx;
    this.gateway = gateway;
    this.payloads = new Payloads(cx);
  }

  private record Target(Audience audience, SourceLocation evidence) {}

  List<Send> find() {
    List<Send> out = new ArrayList<>();
    for (Node n : gateway.body().descendants()) {
      if (n.is("call_expression")) {
        String method = Syntax.calleeName(n);
        if ("emit".equals(method) || "send".equals(method)) {
          Send s = send(n, method);
          if (s != null) {
            out.add(s);
          }
        }
      } else if (n.is("return_statement")) {
        Send s = response(n);
        if (s != null) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private Send send(Node call, String method) {
    Target target = target(Syntax.receiver(call));
    if (target == null) {
      return null;
    }
    List<Node> payload = new ArrayList<>(Syntax.arguments(call));
    if (method.equals("emit") && !payload.isEmpty()) {
      // emit(event, ...args): the event name is no data
      payload.remove(0);
    }
    return new Send(call.location(), target.audience(), provenance(payload, 0), text(payload), target.evidence());
  }

  /** {@code return { event: 'x', data }} from a message handler: Nest sends it to the handler's client. */
  private Send response(Node returned) {
    Node value = Syntax.unwrapAwait(returned.namedChild(0));
    Node fn = Syntax.enclosingFunction(returned);
    if (value == null || !value.is("object") || fn == null || !gateway.isMessageHandler(fn)) {
      return null;
    }
    Node data = null;
    boolean event = false;
    for (Node member : value.namedChildren()) {
      String key = member.is("pair") ? FileContext.propertyName(member.child("key"))
          : member.is("shorthand_property_identifier") ? member.text() : null;
      event |= "event".equals(key);
      if ("data".equals(key)) {
        data = member.is("pair") ? member.child("value") : member;
      }
    }
    if (!event) {
      return null;
    }
    List<Node> payload = data == null ? List.of() : List.of(data);
    return new Send(returned.location(), Audience.THIS_CONNECTION, provenance(payload, 0), text(payload), null);
  }

  // ---- audiences ----

  private Target target(Node receiver) {
    Node r = Syntax.unwrap(receiver);
    List<Node> rooms = new ArrayList<>();
    boolean broadcast = false;
    while (r != null) {
      if (r.is("call_expression") && ROOM_METHODS.contains(String.valueOf(Syntax.calleeName(r)))) {
        if (!"except".equals(Syntax.calleeName(r))) {
          rooms.addAll(Syntax.arguments(r));
        }
        r = Syntax.unwrap(Syntax.receiver(r));
      } else if (r.is("call_expression") && FLAGS.contains(String.valueOf(Syntax.calleeName(r)))) {
        r = Syntax.unwrap(Syntax.receiver(r));
      } else if (r.is("member_expression") && FLAGS.contains(String.valueOf(Syntax.lastName(r)))) {
        r = Syntax.unwrap(r.child("object"));
      } else if (r.is("member_expression") && "broadcast".equals(Syntax.lastName(r))) {
        broadcast = true;
        r = Syntax.unwrap(r.child("object"));
      } else {
        break;
      }
    }
    if (r == null) {
      return null;
    }
    if (gateway.isServer(r) || r.is("member_expression") && "sockets".equals(Syntax.lastName(r))
        && gateway.isServer(Syntax.unwrap(r.child("object")))) {
      if (gateway.adapter() == Gateway.Adapter.WS) {
        return null;
      }
      return rooms.isEmpty() ? new Target(Audience.ALL_CONNECTIONS, r.location()) : roomTarget(rooms);
    }
    if (isClient(r)) {
      if (!rooms.isEmpty()) {
        return roomTarget(rooms);
      }
      return broadcast ? new Target(Audience.ALL_BUT_SENDER, r.location())
          : new Target(Audience.THIS_CONNECTION, null);
    }
    Node everyClient = everyClientBinding(r);
    return everyClient != null ? new Target(Audience.ALL_CONNECTIONS, everyClient.location()) : null;
  }

  private Target roomTarget(List<Node> rooms) {
    for (Node room : rooms) {
      if (!namesOneUser(room)) {
        return new Target(Audience.ROOM, room.location());
      }
    }
    return new Target(Audience.ONE_USER, rooms.get(0).location());
  }

  /** {@code `user:${user.id}`}, {@code client.id}, {@code socketId}: a room only one user (or socket) is in. */
  private boolean namesOneUser(Node room) {
    List<Node> nodes = new ArrayList<>();
    nodes.add(room);
    room.descendants().forEach(nodes::add);
    for (Node n : nodes) {
      if (n.isAny("identifier", "property_identifier", "string_fragment")) {
        List<String> words = Words.split(n.text()).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        if (words.stream().anyMatch(USER_WORDS::contains)
            || words.contains("id") && words.stream().anyMatch(SOCKET_WORDS::contains)) {
          return true;
        }
      }
      // client.id: every Socket.IO socket is alone in the room named after its id
      if (n.is("member_expression") && "id".equals(Syntax.lastName(n))
          && isClient(Syntax.unwrap(n.child("object")))) {
        return true;
      }
    }
    return false;
  }

  private boolean isClient(Node e) {
    if (!e.is("identifier")) {
      return false;
    }
    Node declaration = cx.scopes().declarationOf(e);
    return declaration != null && cx.roleOf(declaration) == Role.CONNECTION;
  }

  /**
   * {@code c} in {@code this.server.clients.forEach(c => ...)} or {@code for (const c of this.server.clients)}: each
   * connection of the ws server in turn. Returns the {@code clients} expression, null for anything else.
   */
  private Node everyClientBinding(Node e) {
    if (!e.is("identifier")) {
      return null;
    }
    Node declaration = cx.scopes().declarationOf(e);
    if (declaration == null) {
      return null;
    }
    Node loop = declaration.parent();
    if (loop != null && loop.is("for_in_statement")) {
      Node right = Syntax.unwrap(loop.child("right"));
      return clientsOfServer(right) ? right : null;
    }
    Node fn = declaration.ancestor("arrow_function", "function_expression", "function");
    if (fn == null || Syntax.parameter(fn, 0) != declaration) {
      return null;
    }
    Node args = Syntax.wrapped(fn).parent();
    Node call = args != null && args.is("arguments") ? args.parent() : null;
    if (call == null || !"forEach".equals(Syntax.calleeName(call))) {
      return null;
    }
    Node clients = Syntax.unwrap(Syntax.receiver(call));
    return clientsOfServer(clients) ? clients : null;
  }

  private boolean clientsOfServer(Node e) {
    return e != null && e.is("member_expression") && "clients".equals(Syntax.lastName(e))
        && gateway.isServer(Syntax.unwrap(e.child("object")));
  }

  // ---- payloads ----

  /**
   * The strongest provenance among the payload's values. A parameter of a gateway method ({@code notify(payload)})
   * takes the provenance of what the class's own calls pass; with no such call it is unknown.
   */
  private Provenance provenance(List<Node> values, int depth) {
    Provenance out = Provenance.PUBLIC;
    for (Node v : values) {
      out = stronger(out, one(v, depth));
    }
    return out;
  }

  private Provenance one(Node value, int depth) {
    Node e = Syntax.unwrap(value);
    Node declaration = e != null && e.is("identifier") ? cx.scopes().declarationOf(e) : null;
    Node method = declaration == null ? null : declaration.ancestor("method_definition");
    if (method == null || depth > 1 || declaration.ancestor("formal_parameters") == null
        || declaration.ancestor("formal_parameters").parent() != method || cx.roleOf(declaration) != null) {
      return payloads.classify(value);
    }
    int index = Syntax.parameters(method).indexOf(declaration);
    String name = FileContext.propertyName(method.child("name"));
    List<Node> passed = new ArrayList<>();
    for (Node n : gateway.body().descendants()) {
      if (n.is("call_expression") && name != null && name.equals(Syntax.calleeName(n))
          && cx.localFunction(Syntax.callee(n)) == method && Syntax.argument(n, index) != null) {
        passed.add(Syntax.argument(n, index));
      }
    }
    return passed.isEmpty() ? Provenance.UNKNOWN : provenance(passed, depth + 1);
  }

  /** Ordered as the payload classes rank: sensitive outranks per-user, which outranks unknown, echo, public. */
  private static Provenance stronger(Provenance a, Provenance b) {
    return rank(b) > rank(a) ? b : a;
  }

  private static int rank(Provenance p) {
    return switch (p) {
      case PUBLIC -> 0;
      case ECHO -> 1;
      case UNKNOWN -> 2;
      case PER_USER -> 3;
      case SENSITIVE -> 4;
    };
  }

  private static String text(List<Node> payload) {
    if (payload.isEmpty()) {
      return "(no payload)";
    }
    List<String> parts = new ArrayList<>();
    for (Node p : payload) {
      parts.add(Syntax.compact(p));
    }
    return String.join(", ", parts);
  }
}
