package dev.wsguard.js.frameworks.nestjs;

import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.js.analysis.ApiResolver;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.fix.JsEdits;
import dev.wsguard.js.fix.ProjectVerifiers;
import dev.wsguard.js.parse.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Patches for NestJS gateways, written where Nest lets each defence happen and in the shape
 * {@link NestGatewayRecognizer} reads as that defence:
 * <ul>
 *   <li>authentication: a {@code handleConnection} that verifies the handshake's credential and disconnects on every
 *       failure path; a {@code throw} there would leave the client connected, and guards never run on connect;
 *   <li>Origin (Socket.IO adapter): an {@code allowRequest} option. engine.io runs it on the handshake request and on
 *       the upgrade, and answers 403 before Socket.IO accepts the connection, so a cross-site page gets nothing at
 *       all. A check in {@code handleConnection} would come after the connection has joined the namespace, when a
 *       server-wide emit can already reach it; and Nest's {@code cors} option is no defence for the websocket
 *       transport, which browsers do not subject to CORS;
 *   <li>message authorisation (Socket.IO adapter): a permission check of the connection's user at the top of the
 *       {@code @SubscribeMessage} handler that throws {@code WsException}: Nest then answers the client with an
 *       error and skips the handler;
 *   <li>broadcasts (Socket.IO adapter): a server-wide emit in a handler goes to the room of the sender's user,
 *       which handleConnection joins, where the gateway says what the user's id is.
 * </ul>
 * Every patch fails closed: where the project has its own credential check the patch calls it, else a placeholder that
 * refuses everyone until it is wired. A gateway whose adapter the file does not show gets no patch (a Socket.IO
 * {@code disconnect} on a ws socket would throw, and the exception leaves the client connected), nor does code
 * outside the plain shapes below.
 */
public final class NestJsFixes {
  static final String AUTHENTICATE = "authenticateConnection";
  static final String PERMITS = "canPerform";
  static final String ALLOWED_ORIGINS = "ALLOWED_ORIGINS";
  static final String ALLOW_ORIGIN = "allowOrigin";
  private static final List<String> SOCKET_IO = List.of("socket.io");
  private static final List<String> WS = List.of("ws");
  private static final List<String> HTTP = List.of("http", "node:http");
  private static final List<String> WEBSOCKETS = List.of(NestDecorators.WEBSOCKETS);

  private final JsEdits edits;
  private final FileContext cx;
  private final NestDecorators decorators;

  public NestJsFixes(JsEdits edits) {
    this.edits = edits;
    this.cx = new FileContext(edits.tree());
    this.decorators = new NestDecorators(cx);
  }

  private Gateway gateway(Endpoint endpoint) {
    Node decorator = edits.nodeAt(endpoint.declaration(), "decorator");
    if (decorator == null || !decorators.is(decorator, NestDecorators.WEBSOCKETS, "WebSocketGateway")) {
      return null;
    }
    Node cls = NestGatewayRecognizer.decoratedClass(decorator);
    return cls == null || cls.child("body") == null ? null : Gateway.read(cx, decorators, decorator, cls);
  }

  /** A class body that opens and closes on lines of their own, between which members are added. */
  private boolean takesMembers(Gateway g) {
    return edits.lineStart(g.body().endByte() - 1) != edits.lineStart(g.body().startByte());
  }

  // ---- authentication: handleConnection ----

  /** What handleConnection calls to verify, and how it says no. */
  private record Check(String call, boolean async, boolean throwsOnFailure, Verifier.Input input,
      List<TextEdit> imports, boolean placeholder) {}

  /**
   * A {@code handleConnection} that verifies the handshake's credential with the project's own check (or a
   * placeholder that refuses everyone) and disconnects on failure, added to a gateway that has none. The Socket.IO
   * adapter reads the token the client passes as {@code auth.token} or in the Authorization header and keeps the user
   * in {@code client.data.user}; the ws adapter hands the upgrade request to the check and closes with 1008.
   */
  public Optional<Fix> addUpgradeAuth(Endpoint endpoint, FixContext context) {
    Gateway g = gateway(endpoint);
    if (g == null || !takesMembers(g) || g.handleConnection() != null
        || !endpoint.guards(GuardKind.AUTHENTICATION).isEmpty()
        || g.adapter() == Gateway.Adapter.DEFAULT || hasMember(g, AUTHENTICATE)) {
      return Optional.empty();
    }
    boolean ws = g.adapter() == Gateway.Adapter.WS;
    List<TextEdit> out = new ArrayList<>();
    String clientType = null;
    String requestType = null;
    if (edits.typescript()) {
      Import socket = ws ? named(WS, "WebSocket") : named(SOCKET_IO, "Socket");
      Import request = ws ? named(HTTP, "IncomingMessage") : null;
      Import contract = named(WEBSOCKETS, "OnGatewayConnection");
      if (socket == null || ws && request == null || contract == null) {
        return Optional.empty();
      }
      clientType = socket.local();
      requestType = request == null ? null : request.local();
      socket.edit().ifPresent(out::add);
      if (request != null) {
        request.edit().ifPresent(out::add);
      }
      contract.edit().ifPresent(out::add);
      implementsEdit(g.declaration(), contract.local()).ifPresent(out::add);
    }
    Check check = check(g, context, ws);
    if (check == null) {
      return Optional.empty();
    }
    out.addAll(check.imports());
    Node anchor = insertionAnchor(g);
    String indent = anchor != null ? edits.indentAt(anchor.startByte()) : memberIndent(g);
    String method = handleConnection(check, ws, clientType, requestType)
        + (check.placeholder() ? "\n\n" + authenticatePlaceholder(ws, requestType) : "");
    if (anchor != null) {
      out.add(edits.insert(edits.lineEnd(anchor.endByte()), "\n\n" + edits.code(method, indent)));
    } else {
      boolean empty = g.body().namedChildren().isEmpty();
      out.add(edits.insert(edits.lineEnd(g.body().startByte()), "\n" + edits.code(method, indent)
          + (empty ? "" : "\n")));
    }
    String with = check.placeholder() ? AUTHENTICATE + "(), which refuses everyone until it is wired to the app's"
        + " credential check" : "the project's " + check.call();
    return Optional.of(new Fix("Authenticate the connection: handleConnection verifies the "
        + (ws ? "upgrade request" : "handshake token") + " with " + with + ", and "
        + (ws ? "closes the socket" : "disconnects the client") + " when it fails", out));
  }

  private String handleConnection(Check check, boolean ws, String clientType, String requestType) {
    boolean ts = edits.typescript();
    String fail = ws ? "client.close(1008);" : "client.disconnect(true);";
    StringBuilder t = new StringBuilder();
    t.append(check.async() ? "async " : "").append("handleConnection(client").append(ts ? ": " + clientType : "");
    if (ws) {
      t.append(", request").append(ts ? ": " + requestType : "");
    }
    t.append(")").append(ts ? check.async() ? ": Promise<void>" : ": void" : "").append(" {\n");
    String argument;
    if (check.input() == Verifier.Input.TOKEN) {
      t.append("  const token = client.handshake.auth?.token ?? client.handshake.headers.authorization?.replace(")
          .append("/^Bearer /, '');\n");
      argument = "token";
    } else {
      argument = ws ? "request" : "client.request";
    }
    String call = (check.async() ? "await " : "") + check.call() + "(" + argument + ")";
    String keep = ws ? "" : "client.data.user = ";
    if (check.throwsOnFailure()) {
      t.append("  try {\n")
          .append("    ").append(ws ? call + ";\n" : keep + call + ";\n")
          .append("  } catch {\n")
          .append("    ").append(fail).append("\n")
          .append("  }\n");
    } else {
      t.append("  const user = ").append(call).append(";\n")
          .append("  if (!user) {\n")
          .append("    ").append(fail).append("\n")
          .append("    return;\n")
          .append("  }\n");
      if (!ws) {
        t.append("  client.data.user = user;\n");
      }
    }
    return t.append("}").toString();
  }

  private String authenticatePlaceholder(boolean ws, String requestType) {
    boolean ts = edits.typescript();
    String parameter = ws ? "request" + (ts ? ": " + requestType : "") : "token" + (ts ? ": string | undefined" : "");
    String comment = ws
        ? "// Rejects every connection until it is wired to the app's own check of the upgrade request's credential\n"
            + "// (its session cookie, or a token verified with the app's key): return the user, or null to close.\n"
        : "// Rejects every connection until it is wired to the app's own check of the token (verified with the app's\n"
            + "// key, e.g. JwtService.verify): return the user, or null to disconnect.\n";
    return comment + (ts ? "private " : "") + AUTHENTICATE + "(" + parameter + ")" + (ts ? ": object | null" : "")
        + " {\n  return null;\n}";
  }

  /**
   * The project's own check, nearest first: a method of a service the gateway has injected, a function of the project
   * (ws adapter: one that takes the request), else the placeholder.
   */
  private Check check(Gateway g, FixContext context, boolean ws) {
    List<Verifier.Input> inputs = ws ? List.of(Verifier.Input.REQUEST)
        : List.of(Verifier.Input.TOKEN, Verifier.Input.REQUEST);
    for (Verifier.Input input : inputs) {
      Check injected = injected(g, context, input);
      if (injected != null) {
        return injected;
      }
    }
    for (Verifier.Input input : inputs) {
      Optional<ProjectVerifiers.Call> call = ProjectVerifiers.choose(edits, context, input);
      if (call.isPresent()) {
        Verifier v = call.get().verifier();
        return new Check(call.get().local(), v.async(), v.failure() == Verifier.Failure.THROWS, input,
            call.get().imports(), false);
      }
    }
    Verifier.Input input = ws ? Verifier.Input.REQUEST : Verifier.Input.TOKEN;
    return edits.declares(AUTHENTICATE) ? null
        : new Check("this." + AUTHENTICATE, false, false, input, List.of(), true);
  }

  /**
   * {@code this.authService.verifyAccessToken}: a verifier that is a method of a class ({@code AuthService.verify...})
   * which the gateway's constructor injects as a parameter property, the class imported from the verifier's module.
   */
  private Check injected(Gateway g, FixContext context, Verifier.Input input) {
    Node constructor = member(g, "constructor");
    Node parameters = constructor == null ? null : constructor.child("parameters");
    if (parameters == null) {
      return null;
    }
    for (Verifier v : context.callableFrom(Language.JAVASCRIPT)) {
      int dot = v.name().indexOf('.');
      if (v.input() != input || dot < 1 || v.name().indexOf('.', dot + 1) >= 0) {
        continue;
      }
      String cls = v.name().substring(0, dot);
      String method = v.name().substring(dot + 1);
      for (Node p : parameters.namedChildren()) {
        Node name = p.child("pattern");
        Node type = p.child("type");
        Node typeName = type == null ? null : type.namedChild(0);
        boolean property = p.childOfType("accessibility_modifier") != null || p.childOfType("readonly") != null;
        if (property && name != null && name.is("identifier") && typeName != null && typeName.is("type_identifier")
            && typeName.text().equals(cls) && importsFrom(cls, v.location().path())) {
          return new Check("this." + name.text() + "." + method, v.async(), v.failure() == Verifier.Failure.THROWS,
              input, List.of(), false);
        }
      }
    }
    return null;
  }

  /** True when the file imports {@code name} from the project module at {@code path}. */
  private boolean importsFrom(String name, String path) {
    Path dir = Path.of(edits.tree().path()).normalize().getParent();
    String target = stripExtension(path);
    for (Node statement : edits.topLevel()) {
      if (!statement.is("import_statement") || namedSpecifier(statement, name) == null) {
        continue;
      }
      String specifier = Syntax.stringValue(statement.child("source"));
      if (specifier == null || !specifier.startsWith(".")) {
        continue;
      }
      Path resolved = (dir == null ? Path.of(specifier) : dir.resolve(specifier)).normalize();
      String s = stripExtension(resolved.toString().replace('\\', '/'));
      if (s.equals(target) || (s + "/index").equals(target)) {
        return true;
      }
    }
    return false;
  }

  private static String stripExtension(String path) {
    return Path.of(path).normalize().toString().replace('\\', '/').replaceFirst("\\.(?:[cm]?js|[cm]?ts|tsx|jsx)$", "");
  }

  /** Where handleConnection goes: after the constructor, else after the last field; null for the body's top. */
  private Node insertionAnchor(Gateway g) {
    Node constructor = member(g, "constructor");
    if (constructor != null) {
      return constructor;
    }
    Node field = null;
    for (Node m : g.body().namedChildren()) {
      if (m.isAny("public_field_definition", "field_definition")) {
        field = m;
      } else if (m.is("method_definition")) {
        break;
      }
    }
    return field;
  }

  private String memberIndent(Gateway g) {
    List<Node> members = g.body().namedChildren();
    if (!members.isEmpty()) {
      return edits.indentAt(members.get(0).startByte());
    }
    return edits.indentAt(g.body().startByte()) + edits.indentUnit();
  }

  /** {@code implements OnGatewayConnection} on the class, or the contract added to its implements list. */
  private Optional<TextEdit> implementsEdit(Node cls, String contract) {
    Node heritage = cls.childOfType("class_heritage");
    Node clause = heritage == null ? null : heritage.childOfType("implements_clause");
    if (clause != null) {
      for (Node t : clause.namedChildren()) {
        if (t.text().equals(contract)) {
          return Optional.empty();
        }
      }
      return Optional.of(edits.insert(clause.endByte(), ", " + contract));
    }
    Node after = heritage != null ? heritage
        : cls.child("type_parameters") != null ? cls.child("type_parameters") : cls.child("name");
    return after == null ? Optional.empty() : Optional.of(edits.insert(after.endByte(), " implements " + contract));
  }

  // ---- Origin: allowRequest ----

  /**
   * An {@code allowRequest} option that lets through only the Origins listed in {@code ALLOWED_ORIGINS} (none until it
   * is set). Socket.IO adapter only: the ws adapter hands the options to ws, which has no such option.
   */
  public Optional<Fix> restrictOrigins(Endpoint endpoint) {
    Gateway g = gateway(endpoint);
    if (g == null || g.adapter() != Gateway.Adapter.SOCKET_IO || g.options().containsKey("allowRequest")
        || edits.declares(ALLOWED_ORIGINS) || edits.declares(ALLOW_ORIGIN)) {
      return Optional.empty();
    }
    Node call = NestDecorators.call(g.decorator());
    Node statement = edits.topLevelStatement(g.declaration());
    if (call == null || statement == null) {
      return Optional.empty();
    }
    String option = "allowRequest: " + ALLOW_ORIGIN;
    List<Node> args = Syntax.arguments(call);
    TextEdit optionEdit;
    if (g.optionsArgument() == null) {
      if (args.size() > 1) {
        return Optional.empty();
      }
      optionEdit = args.isEmpty() ? edits.replace(call.child("arguments"), "({ " + option + " })")
          : edits.insert(args.get(0).endByte(), ", { " + option + " }");
    } else {
      Node literal = Syntax.unwrap(g.optionsArgument());
      if (literal == null || !literal.is("object")) {
        return Optional.empty(); // options held in a constant, maybe shared with other gateways
      }
      for (Node p : literal.namedChildren()) {
        if (!p.isAny("pair", "shorthand_property_identifier")) {
          return Optional.empty(); // a spread: not every option is in sight
        }
      }
      optionEdit = literal.namedChildren().isEmpty() ? edits.replace(literal, "{ " + option + " }")
          : edits.addProperty(literal, option);
    }
    boolean ts = edits.typescript();
    String above = "// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is"
        + " refused\n"
        + "const " + ALLOWED_ORIGINS + " = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));\n"
        + "\n"
        + "// engine.io runs allowRequest on the handshake and upgrade requests: any other Origin gets 403 before"
        + " Socket.IO\n"
        + "// connects. Nest builds one Socket.IO server per port and path, from the options of the first gateway"
        + " on it.\n"
        + "function " + ALLOW_ORIGIN + (ts ? "(\n"
            + "  req: { headers: { origin?: string } },\n"
            + "  callback: (err: string | null, success: boolean) => void,\n"
            + "): void {\n" : "(req, callback) {\n")
        + "  callback(null, " + ALLOWED_ORIGINS + ".has(req.headers.origin ?? ''));\n"
        + "}";
    List<TextEdit> out = new ArrayList<>();
    out.add(edits.insertBlockAbove(edits.aboveWithComments(statement), edits.code(above, "")));
    out.add(optionEdit);
    return Optional.of(new Fix("Restrict Origins: an allowRequest option that accepts only the Origins listed in"
        + " ALLOWED_ORIGINS (none until it is set)", out));
  }

  // ---- message authorisation ----

  /**
   * {@code if (!this.canPerform(client.data.user, 'event')) throw new WsException('Forbidden');} at the top of the
   * handler, with a {@code canPerform} that refuses every action until it is wired. Socket.IO adapter only: the ws
   * adapter's socket has no place where Nest code keeps the user.
   */
  public Optional<Fix> addPermissionCheck(Endpoint endpoint, MessageHandler handler) {
    Gateway g = gateway(endpoint);
    if (g == null || !takesMembers(g) || g.adapter() != Gateway.Adapter.SOCKET_IO) {
      return Optional.empty();
    }
    Gateway.Handler h = g.handlers().stream()
        .filter(x -> x.decorator().startByte() == handler.location().startByte()).findFirst().orElse(null);
    Node body = h == null ? null : h.method().child("body");
    String event = h == null ? null : Syntax.stringValue(Syntax.argument(NestDecorators.call(h.decorator()), 0));
    if (body == null || body.namedChildren().isEmpty() || event == null || !plain(event)) {
      return Optional.empty();
    }
    Node existing = member(g, PERMITS);
    if (existing != null && Syntax.parameters(existing).size() != 2
        || existing == null && edits.declares(PERMITS)) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>();
    String client = clientParameter(h.method(), out);
    Import exception = named(WEBSOCKETS, "WsException");
    if (client == null || exception == null) {
      return Optional.empty();
    }
    exception.edit().ifPresent(out::add);
    Node first = body.namedChildren().get(0);
    String indent = edits.indentAt(first.startByte());
    String check = "if (!this." + PERMITS + "(" + client + ".data." + userField(g) + ", " + edits.string(event)
        + ")) {\n"
        + "  throw new " + exception.local() + "('Forbidden');\n"
        + "}";
    out.add(edits.insert(edits.aboveWithComments(first), edits.code(check, indent) + "\n"));
    if (existing == null) {
      boolean ts = edits.typescript();
      String placeholder = "// Refuses every action until it is wired to the app's permission rules: return true only"
          + " when the\n"
          + "// connection's user may perform the action (a role it holds, or ownership of what the message"
          + " targets).\n"
          + (ts ? "private " : "") + PERMITS + (ts ? "(user: unknown, action: string): boolean {\n"
              : "(user, action) {\n")
          + "  return false;\n"
          + "}";
      int close = edits.lineStart(g.body().endByte() - 1);
      out.add(edits.insert(close, "\n" + edits.code(placeholder, memberIndent(g)) + "\n"));
    }
    return Optional.of(new Fix("Check the permission: the '" + event + "' handler throws WsException('Forbidden')"
        + " unless " + PERMITS + "() allows the connection's user, which it refuses until it is wired", out));
  }

  /** An event name that can go inside a quoted string as it is. */
  private static boolean plain(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= 0x20 && c != '\'' && c != '"' && c != '\\' && c != '`');
  }

  /**
   * The name of the handler's client parameter: the {@code @ConnectedSocket()} one, or the first of undecorated
   * parameters (Nest passes the client first). A handler that has none gets one, undecorated when it has no parameter
   * at all, else {@code @ConnectedSocket() client: Socket} (TypeScript only: plain JavaScript has no parameter
   * decorators). Null when neither fits.
   */
  private String clientParameter(Node method, List<TextEdit> out) {
    Node list = method.child("parameters");
    if (list == null) {
      return null;
    }
    List<Node> params = list.namedChildren();
    List<Node> bindings = Syntax.parameters(method);
    boolean decorated = params.stream().anyMatch(p -> !NestDecorators.ofParameter(p).isEmpty());
    boolean socketDecorated = params.stream().anyMatch(p -> decorators.find(NestDecorators.ofParameter(p),
        NestDecorators.WEBSOCKETS, "ConnectedSocket") != null);
    if (socketDecorated || !params.isEmpty() && !decorated) {
      return existingClient(method);
    }
    for (Node b : bindings) {
      if (b.text().equals("client")) {
        return null;
      }
    }
    boolean ts = edits.typescript();
    Import socket = ts ? named(SOCKET_IO, "Socket") : null;
    if (params.isEmpty()) {
      if (ts && socket == null) {
        return null;
      }
      out.add(edits.insert(list.startByte() + 1, "client" + (ts ? ": " + socket.local() : "")));
      if (socket != null) {
        socket.edit().ifPresent(out::add);
      }
      return "client";
    }
    Import connected = named(WEBSOCKETS, "ConnectedSocket");
    if (!ts || socket == null || connected == null) {
      return null;
    }
    out.add(edits.insert(params.get(0).startByte(), "@" + connected.local() + "() client: " + socket.local() + ", "));
    socket.edit().ifPresent(out::add);
    connected.edit().ifPresent(out::add);
    return "client";
  }

  /**
   * Where the gateway keeps the user on the socket: the {@code data} property its handshake code assigns
   * ({@code client.data.userId = claims.sub}), {@code user} when it assigns none.
   */
  private String userField(Gateway g) {
    for (Node n : g.body().descendants()) {
      if (!n.is("assignment_expression")) {
        continue;
      }
      List<String> path = Syntax.memberPath(n.child("left"));
      Node fn = Syntax.enclosingFunction(n);
      boolean handshake = fn != null && (fn == g.handleConnection() || g.afterInit() != null && fn.within(g.afterInit()));
      if (handshake && path != null && path.size() == 3 && path.get(1).equals("data")
          && path.get(2).matches("[A-Za-z_$][\\w$]*")) {
        return path.get(2);
      }
    }
    return "user";
  }

  // ---- broadcast: the user's own room ----

  /**
   * {@code this.server.emit(...)} in a message handler becomes {@code this.server.to(`user:${id}`).emit(...)}, and
   * handleConnection joins each client to its user's room right after it stores the user: only the connections of
   * the user whose message caused the event get it. Only where the gateway itself says what the user's id is: an id
   * handleConnection stores on the socket ({@code client.data.userId = claims.sub}), or a field of the stored user
   * that the gateway reads as its id ({@code client.data.user.sub}). A roster or a notice meant for everyone gets no
   * patch: which of its fields may be shared is the app's call, not a room's.
   */
  public Optional<Fix> scopeSendToUser(Endpoint endpoint, Send send) {
    Gateway g = gateway(endpoint);
    Node connection = g == null ? null : g.handleConnection();
    Node connectionClient = connection == null ? null : Syntax.parameter(connection, 0);
    Node call = g == null ? null : edits.nodeAt(send.location(), "call_expression");
    Node callee = call == null ? null : Syntax.callee(call);
    if (connectionClient == null || !connectionClient.is("identifier") || g.adapter() != Gateway.Adapter.SOCKET_IO
        || callee == null || !callee.is("member_expression") || !"emit".equals(Syntax.lastName(callee))
        || !g.isServer(Syntax.unwrap(callee.child("object"))) || joinsUserRoom(connection)) {
      return Optional.empty();
    }
    Node method = call.ancestor("method_definition");
    Gateway.Handler h = g.handlers().stream().filter(x -> x.method() == method).findFirst().orElse(null);
    String client = h == null ? null : existingClient(h.method());
    Node stored = storedUser(connection, connectionClient.text());
    if (client == null || stored == null) {
      return Optional.empty();
    }
    String field = Syntax.memberPath(Syntax.unwrap(stored.namedChild(0).child("left"))).get(2);
    String id = field.toLowerCase(Locale.ROOT).endsWith("id") ? field : idOfStoredUser(g, field);
    if (id == null) {
      return Optional.empty();
    }
    String join = connectionClient.text() + ".join(`user:${" + connectionClient.text() + ".data." + id + "}`);";
    List<TextEdit> out = new ArrayList<>();
    String indent = edits.indentAt(stored.startByte());
    out.add(edits.insert(edits.lineEnd(stored.endByte()), "\n" + edits.code(join, indent)));
    out.add(edits.insert(callee.child("object").endByte(), ".to(`user:${" + client + ".data." + id + "}`)"));
    return Optional.of(new Fix("Send to the user's own room: handleConnection joins each client to user:<id>, and"
        + " this emit goes to the sender's room instead of every connection", out));
  }

  /** handleConnection's statement {@code client.data.x = ...}, the last one when there are several; null if none. */
  private Node storedUser(Node connection, String client) {
    Node found = null;
    for (Node n : connection.descendants()) {
      if (!n.is("expression_statement") || n.namedChild(0) == null || !n.namedChild(0).is("assignment_expression")) {
        continue;
      }
      List<String> path = Syntax.memberPath(Syntax.unwrap(n.namedChild(0).child("left")));
      if (path != null && path.size() == 3 && path.get(0).equals(client) && path.get(1).equals("data")
          && n.parent() != null && n.parent().is("statement_block")) {
        found = n;
      }
    }
    return found;
  }

  /** {@code sub} when the gateway reads {@code x.data.user.sub} (or {@code .id}, {@code .userId}): the user's id. */
  private static String idOfStoredUser(Gateway g, String field) {
    for (Node n : g.body().descendants()) {
      List<String> path = n.is("member_expression") ? Syntax.memberPath(n) : null;
      if (path != null && path.size() == 4 && path.get(1).equals("data") && path.get(2).equals(field)
          && List.of("id", "sub", "userId").contains(path.get(3))) {
        return field + "." + path.get(3);
      }
    }
    return null;
  }

  /** handleConnection already joins a {@code user:} room: the app names that room its own way. */
  private static boolean joinsUserRoom(Node connection) {
    for (Node n : connection.descendants()) {
      if (Syntax.isCall(n) && "join".equals(Syntax.calleeName(n))) {
        Node room = Syntax.argument(n, 0);
        if (room != null && room.text().contains("user")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The handler's client parameter as it stands, without adding one; null when it has none. */
  private String existingClient(Node method) {
    Node list = method.child("parameters");
    List<Node> params = list == null ? List.of() : list.namedChildren();
    List<Node> bindings = Syntax.parameters(method);
    boolean decorated = false;
    for (int i = 0; i < params.size(); i++) {
      List<Node> ds = NestDecorators.ofParameter(params.get(i));
      decorated |= !ds.isEmpty();
      if (decorators.find(ds, NestDecorators.WEBSOCKETS, "ConnectedSocket") != null) {
        return bindings.get(i).is("identifier") ? bindings.get(i).text() : null;
      }
    }
    return !params.isEmpty() && !decorated && bindings.get(0).is("identifier") ? bindings.get(0).text() : null;
  }

  // ---- class members and imports ----

  private static Node member(Gateway g, String name) {
    for (Node m : g.body().namedChildren()) {
      if (m.is("method_definition") && name.equals(FileContext.propertyName(m.child("name")))) {
        return m;
      }
    }
    return null;
  }

  private static boolean hasMember(Gateway g, String name) {
    return member(g, name) != null;
  }

  /** A name imported from a module: the local name the file uses, and the edit that imports it when it does not. */
  private record Import(String local, Optional<TextEdit> edit) {}

  /**
   * The local name of export {@code name} of {@code modules} (one module, under its spellings): already imported
   * ({@code import { name as local }}, {@code const { name } = require(...)}), else added to the file's import or
   * require of that module in alphabetical place, else imported on a line of its own. Null when the file binds
   * {@code name} to something else.
   */
  private Import named(List<String> modules, String name) {
    Node list = null;
    for (Node statement : edits.topLevel()) {
      String from = moduleOf(statement);
      if (from == null || !modules.contains(from)) {
        continue;
      }
      Node existing = namedSpecifier(statement, name);
      if (existing != null) {
        return new Import(existing.text(), Optional.empty());
      }
      if (list == null) {
        list = namedList(statement);
      }
    }
    if (edits.declares(name)) {
      return null;
    }
    if (list == null) {
      return new Import(name, Optional.of(edits.addBindingImport(name, modules.get(0), false)));
    }
    return new Import(name, Optional.of(insertInList(list, name)));
  }

  /** The module an import statement or a top-level {@code const {...} = require(...)} reads; null otherwise. */
  private static String moduleOf(Node statement) {
    if (statement.is("import_statement")) {
      return Syntax.stringValue(statement.child("source"));
    }
    if (statement.isAny("lexical_declaration", "variable_declaration")) {
      for (Node d : statement.namedChildren()) {
        Node value = d.child("value");
        if (d.is("variable_declarator") && value != null) {
          return ApiResolver.requiredModule(Syntax.unwrap(value));
        }
      }
    }
    return null;
  }

  /** The {@code { a, b }} of an import or a destructuring require; null when the statement has none. */
  private static Node namedList(Node statement) {
    if (statement.is("import_statement")) {
      Node clause = statement.childOfType("import_clause");
      return clause == null ? null : clause.childOfType("named_imports");
    }
    for (Node d : statement.namedChildren()) {
      Node pattern = d.child("name");
      if (d.is("variable_declarator") && pattern != null && pattern.is("object_pattern")) {
        return pattern;
      }
    }
    return null;
  }

  /** The local binding of export {@code name} in the statement's list; null when it does not import it. */
  private static Node namedSpecifier(Node statement, String name) {
    Node list = namedList(statement);
    if (list == null) {
      return null;
    }
    for (Node s : list.namedChildren()) {
      if (s.is("import_specifier")) {
        Node imported = s.child("name");
        Node alias = s.child("alias");
        if (imported != null && imported.text().equals(name)) {
          return alias != null ? alias : imported;
        }
      } else if (s.is("shorthand_property_identifier_pattern") && s.text().equals(name)) {
        return s;
      } else if (s.is("pair_pattern")) {
        Node key = s.child("key");
        Node value = s.child("value");
        if (key != null && key.text().equals(name) && value != null && value.is("identifier")) {
          return value;
        }
      }
    }
    return null;
  }

  /**
   * {@code name} inserted after the greatest name below it (before the first name when none is), so that patches
   * adding different names to one list touch different places.
   */
  private TextEdit insertInList(Node list, String name) {
    List<Node> items = list.namedChildren();
    if (items.isEmpty()) {
      return edits.insert(list.startByte() + 1, " " + name + " ");
    }
    boolean multiline = items.get(0).line() != list.line();
    Node before = null;
    for (Node item : items) {
      String key = nameOf(item);
      if (key.compareToIgnoreCase(name) < 0 && (before == null || key.compareToIgnoreCase(nameOf(before)) > 0)) {
        before = item;
      }
    }
    if (before == null) {
      Node first = items.get(0);
      return edits.insert(first.startByte(), name + (multiline ? ",\n" + edits.indentAt(first.startByte()) : ", "));
    }
    return edits.insert(before.endByte(), multiline ? ",\n" + edits.indentAt(before.startByte()) + name
        : ", " + name);
  }

  private static String nameOf(Node item) {
    if (item.is("pair_pattern") && item.child("key") != null) {
      return item.child("key").text();
    }
    return item.is("import_specifier") && item.child("name") != null ? item.child("name").text() : item.text();
  }
}
