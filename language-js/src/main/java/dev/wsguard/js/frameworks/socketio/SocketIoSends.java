package dev.wsguard.js.frameworks.socketio;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Provenance;
import dev.wsguard.core.model.Send;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Payloads;
import dev.wsguard.js.analysis.Role;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.analysis.Words;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds {@code emit} / {@code send} calls and who receives them: {@code io.emit} and {@code nsp.emit} reach every
 * connection of the namespace, {@code socket.broadcast.emit} every one but the sender, {@code to(room)} a room (one
 * user when the room is named after the user, this connection when it is {@code socket.id}), {@code socket.emit}
 * this connection. Acknowledgement callbacks answer the asker and are not sends.
 */
final class SocketIoSends {
  private static final Set<String> EMITS = Set.of("emit", "send", "emitWithAck");
  private static final Set<String> USER_WORDS = Set.of("user", "users", "uid", "account", "owner", "customer",
      "member", "player", "recipient", "profile", "inbox", "private", "dm", "sub", "personal");
  private static final List<Provenance> BY_RISK = List.of(Provenance.PUBLIC, Provenance.ECHO, Provenance.UNKNOWN,
      Provenance.PER_USER, Provenance.SENSITIVE);
  private static final int MAX_DEPTH = 4;

  private final FileContext cx;
  private final Targets targets;
  private final Payloads payloads;
  private final Map<Namespace, List<Send>> byNamespace = new IdentityHashMap<>();
  /** Sends on a socket whose namespace is unknown (a handler module's parameter). */
  private final List<Send> unplaced = new ArrayList<>();

  SocketIoSends(FileContext cx, Targets targets) {
    this.cx = cx;
    this.targets = targets;
    this.payloads = new Payloads(cx);
    for (Node n : cx.tree().root().descendants()) {
      if (n.is("call_expression") && EMITS.contains(String.valueOf(Syntax.calleeName(n)))
          && Syntax.receiver(n) != null) {
        send(n);
      }
    }
  }

  List<Send> of(Namespace ns) {
    return byNamespace.getOrDefault(ns, List.of());
  }

  /** Every send whose call lies inside a function, whatever its namespace. */
  List<Send> within(Node fn) {
    List<Send> out = new ArrayList<>();
    for (List<Send> sends : byNamespace.values()) {
      sends.stream().filter(s -> fn.location().contains(s.location())).forEach(out::add);
    }
    unplaced.stream().filter(s -> fn.location().contains(s.location())).forEach(out::add);
    return out;
  }

  private void send(Node call) {
    Targets.Target target = targets.resolve(Syntax.receiver(call));
    if (target == null) {
      return;
    }
    boolean emit = !"send".equals(Syntax.calleeName(call));
    List<Node> args = Syntax.arguments(call);
    Node worst = null;
    Provenance provenance = null;
    for (int i = emit ? 1 : 0; i < args.size(); i++) {
      Node a = Syntax.unwrap(args.get(i));
      if (a == null || Syntax.isFunction(a)) {
        continue; // an acknowledgement callback
      }
      Node shown = a;
      Provenance p = classify(a);
      Node caller = worstCaller(a);
      if (caller != null) {
        shown = caller;
        p = classify(caller);
      }
      if (provenance == null || rank(p) > rank(provenance)) {
        provenance = p;
        worst = shown;
      }
    }
    if (worst == null) {
      return; // an event with no data tells nobody anything
    }
    Audience audience = audience(target);
    Send send = new Send(call.location(), audience, provenance, Syntax.compact(worst),
        Syntax.receiver(call).location());
    Namespace ns = target.namespace();
    if (ns == null && target.socket() != null) {
      ns = enclosingNamespace(call);
    }
    if (ns == null) {
      unplaced.add(send);
    } else {
      byNamespace.computeIfAbsent(ns, k -> new ArrayList<>()).add(send);
    }
  }

  private Provenance classify(Node payload) {
    return payloads.classify(payload);
  }

  private static int rank(Provenance p) {
    return BY_RISK.indexOf(p);
  }

  /** The namespace whose connection handler holds a call. */
  private Namespace enclosingNamespace(Node call) {
    Node fn = Syntax.enclosingFunction(call);
    while (fn != null) {
      for (Node p : Syntax.parameters(fn)) {
        Namespace ns = p.is("identifier") && cx.roleOf(p) == Role.CONNECTION ? targets.namespaceOfSocket(p) : null;
        if (ns != null) {
          return ns;
        }
      }
      fn = Syntax.enclosingFunction(fn.parent() == null ? fn : fn.parent());
    }
    return null;
  }

  private Audience audience(Targets.Target t) {
    if (!t.rooms().isEmpty()) {
      return rooms(t.rooms());
    }
    if (t.except()) {
      return Audience.ALL_CONNECTIONS;
    }
    if (t.socket() != null) {
      return t.broadcast() ? Audience.ALL_BUT_SENDER : Audience.THIS_CONNECTION;
    }
    return Audience.ALL_CONNECTIONS;
  }

  /** A room named after a user is that user's; {@code socket.id} is the connection's own room. */
  private Audience rooms(List<Node> rooms) {
    boolean allOwn = true;
    boolean allUser = true;
    for (Node room : rooms) {
      Audience a = room(room, 0);
      allOwn &= a == Audience.THIS_CONNECTION;
      allUser &= a == Audience.ONE_USER || a == Audience.THIS_CONNECTION;
    }
    return allOwn ? Audience.THIS_CONNECTION : allUser ? Audience.ONE_USER : Audience.ROOM;
  }

  private Audience room(Node room, int depth) {
    Node r = Syntax.unwrapAwait(room);
    if (r == null || depth > MAX_DEPTH) {
      return Audience.ROOM;
    }
    if (r.is("member_expression") && "id".equals(Syntax.lastName(r))
        && cx.roleOfExpression(Syntax.object(r)) == Role.CONNECTION) {
      return Audience.THIS_CONNECTION;
    }
    if (userNamed(r)) {
      return Audience.ONE_USER;
    }
    if (r.is("template_string")) {
      boolean userPrefix = false;
      for (Node part : r.namedChildren()) {
        if (part.is("string_fragment") && leadingWordIsUser(part.text())) {
          userPrefix = true;
        }
        if (part.is("template_substitution") && userNamed(Syntax.unwrap(part.namedChild(0)))) {
          return Audience.ONE_USER;
        }
      }
      return userPrefix ? Audience.ONE_USER : Audience.ROOM;
    }
    if (r.is("binary_expression") && "+".equals(Syntax.operator(r))) {
      String prefix = Syntax.stringValue(r.child("left"));
      if (prefix != null && leadingWordIsUser(prefix) || userNamed(Syntax.unwrap(r.child("right")))) {
        return Audience.ONE_USER;
      }
      return Audience.ROOM;
    }
    if (r.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(r);
      Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
      if (declarator != null && declarator.child("name") == declaration && declarator.child("value") != null) {
        return room(declarator.child("value"), depth + 1);
      }
    }
    // userSockets.get(userId): the socket id kept for one user
    if (r.is("call_expression") && "get".equals(Syntax.calleeName(r)) && userNamed(Syntax.argument(r, 0))) {
      return Audience.ONE_USER;
    }
    return Audience.ROOM;
  }

  /** The authenticated user, or a value whose name says it is a user's id ({@code order.userId}, {@code recipientId}). */
  private boolean userNamed(Node expr) {
    Node e = Syntax.unwrap(expr);
    if (e == null) {
      return false;
    }
    if (cx.isIdentity(e)) {
      return true;
    }
    String name = e.isAny("identifier", "member_expression", "subscript_expression") ? Syntax.lastName(e) : null;
    if (name == null) {
      return false;
    }
    List<String> words = Words.split(name);
    if (!words.isEmpty() && USER_WORDS.contains(words.get(0).toLowerCase(java.util.Locale.ROOT)) && words.size() > 1) {
      return true;
    }
    // user.id, recipient._id: the id of an object named after a user
    Node object = Syntax.object(e);
    String owner = object == null ? null : Syntax.lastName(object);
    List<String> ownerWords = owner == null ? List.of() : Words.split(owner);
    return name.toLowerCase(java.util.Locale.ROOT).endsWith("id") && !ownerWords.isEmpty()
        && USER_WORDS.contains(ownerWords.get(ownerWords.size() - 1).toLowerCase(java.util.Locale.ROOT));
  }

  private static boolean leadingWordIsUser(String text) {
    List<String> words = Words.split(text.replaceAll("[^A-Za-z]+", " ").trim().split(" ")[0]);
    return !words.isEmpty() && USER_WORDS.contains(words.get(0).toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * For a payload that is a parameter of a local function ({@code function notifyAll(event, data)}): the riskiest
   * argument its callers pass; null when it is no such parameter.
   */
  private Node worstCaller(Node payload) {
    Node p = Syntax.unwrap(payload);
    if (p == null || !p.is("identifier")) {
      return null;
    }
    Node declaration = cx.scopes().declarationOf(p);
    if (declaration == null || declaration.ancestor("formal_parameters") == null
        && (declaration.parent() == null || !declaration.parent().is("arrow_function"))) {
      return null;
    }
    Node fn = declaration.parent();
    while (fn != null && !Syntax.isFunction(fn)) {
      fn = fn.parent();
    }
    if (fn == null || cx.roleOf(declaration) != null) {
      return null;
    }
    int index = Syntax.parameters(fn).indexOf(declaration);
    Node worst = null;
    Provenance worstProvenance = null;
    for (Node n : cx.tree().root().descendants()) {
      if (n.is("call_expression") && cx.localFunction(Syntax.callee(n)) == fn) {
        Node argument = Syntax.argument(n, index);
        if (argument == null) {
          continue;
        }
        Provenance prov = classify(argument);
        if (worstProvenance == null || rank(prov) > rank(worstProvenance)) {
          worst = argument;
          worstProvenance = prov;
        }
      }
    }
    return worst;
  }
}
