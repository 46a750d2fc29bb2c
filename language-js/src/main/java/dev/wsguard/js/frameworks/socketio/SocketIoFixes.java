package dev.wsguard.js.frameworks.socketio;

import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.js.analysis.ApiResolver;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.fix.JsEdits;
import dev.wsguard.js.fix.ProjectVerifiers;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Patches for Socket.IO endpoints, in the shapes Socket.IO's docs show: a namespace middleware ({@code io.use},
 * {@code nsp.use}) that verifies the handshake's {@code auth.token}, an {@code allowRequest} option that compares the
 * Origin with an allow-list (engine.io calls it as {@code (req, callback)} before any transport is opened), and a
 * send to the user's own room in place of {@code io.emit}. Every patch fails closed: the inserted authentication
 * refuses every connection until it is wired (or calls the project's own verifier), and the empty allow-list refuses
 * every browser until it is filled. Where the code does not have a plain shape the patch can be sure of (options held
 * in a variable, a server made in another module, a guard already present, a send with no socket in scope), there is
 * no patch.
 */
public final class SocketIoFixes {
  static final String AUTHENTICATE = "authenticateSocket";
  static final String ALLOWED_ORIGINS = "ALLOWED_ORIGINS";
  /** The room the composed patches put each authenticated connection in; its user is what the auth patch stores. */
  private static final String OWN_USER_ROOM = "`user:${%s.data.user.id}`";
  /** Words that name a user in a room the app already joins ({@code user:42}, {@code socket.user.id}). */
  private static final Set<String> USER_WORDS = Set.of("user", "users", "uid", "account", "owner", "customer",
      "member", "player", "profile", "inbox");

  /** Members of a socket that hold what the client sent: {@code handshake}, and the request's headers and query. */
  private static final Set<String> CLIENT_SUPPLIED = Set.of("handshake", "headers", "query", "url");

  private final JsEdits edits;
  private final FixContext context;

  public SocketIoFixes(JsEdits edits, FixContext context) {
    this.edits = edits;
    this.context = context;
  }

  /**
   * The endpoint's declaration: the server's creation ({@code new Server(...)}, {@code require('socket.io')(...)}) or
   * the namespace's {@code io.of('/name')}, with the name it is bound to (null for a chained namespace).
   */
  private record Declaration(Node node, Node statement, String binding) {
    boolean namespace() {
      return node.is("call_expression") && "of".equals(Syntax.calleeName(node));
    }
  }

  private Declaration declaration(Endpoint endpoint) {
    Node node = declarationNode(endpoint.declaration());
    if (node == null) {
      return null;
    }
    boolean namespace = endpoint.framework() == Framework.SOCKET_IO_NAMESPACE;
    if (namespace != "of".equals(Syntax.calleeName(node)) || !namespace && !isCreation(node)) {
      return null;
    }
    Node outer = Syntax.wrapped(node).parent();
    if (outer != null && outer.is("variable_declarator")) {
      Node name = outer.child("name");
      Node statement = outer.parent();
      if (name == null || !name.is("identifier") || statement == null
          || !statement.isAny("lexical_declaration", "variable_declaration")) {
        return null;
      }
      Node listed = statement.parent() != null && statement.parent().is("export_statement") ? statement.parent()
          : statement;
      return inStatementList(listed) ? new Declaration(node, listed, name.text()) : null;
    }
    // io.of('/admin').on('connection', ...): Socket.IO keeps one namespace per name, so io.of('/admin') names it again
    if (namespace && outer != null && outer.is("member_expression")
        && Syntax.stringValue(Syntax.argument(node, 0)) != null && Syntax.arguments(node).size() == 1) {
      Node statement = outer;
      while (statement != null && !statement.is("expression_statement")) {
        statement = statement.parent();
      }
      Node receiver = Syntax.unwrap(Syntax.receiver(node));
      if (statement != null && inStatementList(statement) && receiver != null && receiver.is("identifier")) {
        return new Declaration(node, statement, null);
      }
    }
    return null;
  }

  /** The node a declaration region starts: from its start to the end of the constructor's or callee's name. */
  private Node declarationNode(SourceLocation at) {
    if (!at.path().equals(edits.tree().path())) {
      return null; // the endpoint is declared in another module: its edits belong there
    }
    for (Node n : edits.tree().root().descendants()) {
      if (n.startByte() > at.startByte()) {
        break;
      }
      if (n.startByte() != at.startByte() || !n.isAny("new_expression", "call_expression")) {
        continue;
      }
      Node head = n.is("new_expression") ? n.child("constructor") : n.child("function");
      if (head != null && head.endByte() == at.endByte()) {
        return n;
      }
    }
    return null;
  }

  private static boolean inStatementList(Node statement) {
    return statement.parent() != null && statement.parent().isAny("program", "statement_block");
  }

  /** {@code new Server(...)} with Server from socket.io, or a call of socket.io's export: never another library's. */
  private boolean isCreation(Node node) {
    Set<String> names = socketIoBindings();
    if (node.is("new_expression")) {
      Node ctor = Syntax.unwrap(node.child("constructor"));
      Node base = ctor == null ? null : Syntax.base(ctor);
      return base != null && base.is("identifier") && names.contains(base.text())
          && (ctor.is("identifier") || "Server".equals(Syntax.lastName(ctor)));
    }
    Node callee = Syntax.unwrap(Syntax.callee(node));
    if (callee == null) {
      return false;
    }
    if (callee.is("call_expression")) {
      return "socket.io".equals(ApiResolver.requiredModule(callee));
    }
    return callee.is("identifier") && names.contains(callee.text());
  }

  /** Names the file binds to socket.io or its members ({@code Server}, {@code socketio}, {@code SocketIOServer}). */
  private Set<String> socketIoBindings() {
    Set<String> out = new HashSet<>();
    for (Node n : edits.tree().root().descendants()) {
      if (n.is("import_statement") && "socket.io".equals(Syntax.stringValue(n.child("source")))) {
        for (Node id : n.descendants()) {
          if (id.is("identifier")) {
            out.add(id.text());
          }
        }
      } else if (n.is("variable_declarator") && n.child("value") != null
          && "socket.io".equals(ApiResolver.requiredModule(Syntax.unwrap(n.child("value"))))) {
        Node name = n.child("name");
        if (name != null && name.is("identifier")) {
          out.add(name.text());
        } else if (name != null) {
          for (Node id : name.descendants()) {
            if (id.isAny("identifier", "shorthand_property_identifier_pattern")) {
              out.add(id.text());
            }
          }
        }
      }
    }
    return out;
  }

  // ---- authentication at the handshake ----

  /**
   * What the authentication patch inserts: its middleware on {@code receiver}, and how it reaches the credential
   * check: the project's verifier, or {@link #AUTHENTICATE} (inserted unless the file has it already).
   */
  private record AuthPlan(Declaration declaration, String receiver, Optional<ProjectVerifiers.Call> verifier,
      boolean placeholderPresent) {}

  private AuthPlan authPlan(Endpoint endpoint) {
    if (!endpoint.guards(GuardKind.AUTHENTICATION).isEmpty()) {
      return null; // a guard that falls short is fixed where it is, not doubled by a second middleware
    }
    Declaration d = declaration(endpoint);
    if (d == null) {
      return null;
    }
    String receiver = d.binding() != null ? d.binding() : d.node().text();
    if (hasMiddleware(receiver) || d.namespace() && hasMiddleware(Syntax.unwrap(Syntax.receiver(d.node())).text()
        + ".engine")) {
      // a middleware wsguard did not read as authentication (a session lookup through a helper, a package's
      // check) may be the app's own: a second one that asks for a token the clients may not send is the app's call
      return null;
    }
    Optional<ProjectVerifiers.Call> verifier = ProjectVerifiers.choose(edits, context, Verifier.Input.TOKEN);
    boolean present = verifier.isEmpty() && edits.declares(AUTHENTICATE);
    if (present && !declaresPlaceholder()) {
      return null; // the name is taken by something else
    }
    return new AuthPlan(d, receiver, verifier, present);
  }

  /** A {@code receiver.use(...)} call (or {@code receiver.engine.use(...)}) anywhere in the file. */
  private boolean hasMiddleware(String receiver) {
    for (Node n : edits.tree().root().descendants()) {
      if (Syntax.isCall(n) && "use".equals(Syntax.calleeName(n))) {
        Node on = Syntax.unwrap(Syntax.receiver(n));
        if (on != null && (on.text().equals(receiver) || on.text().equals(receiver + ".engine"))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A top-level {@code function authenticateSocket(token)}: this patch's own helper, inserted for another namespace
   * of the file (and maybe wired since), which the middleware calls again.
   */
  private boolean declaresPlaceholder() {
    for (Node n : edits.topLevel()) {
      Node name = n.is("function_declaration") ? n.child("name") : null;
      if (name != null && name.text().equals(AUTHENTICATE) && Syntax.parameters(n).size() == 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * A middleware on the endpoint's namespace, right after it is made, that refuses the connection with
   * {@code next(new Error('unauthorized'))} unless the handshake's {@code auth.token} verifies, and keeps the user in
   * {@code socket.data.user}. It calls the project's own token verifier when there is one, else
   * {@link #AUTHENTICATE}, which refuses everyone until it is wired. The helper goes below the server's creation,
   * where the patch of every namespace of the server would put it: two such patches overlap, so one scan applies
   * one of them and the next scan's patch calls the helper the first one left.
   */
  public Optional<Fix> addUpgradeAuth(Endpoint endpoint) {
    AuthPlan plan = authPlan(endpoint);
    if (plan == null) {
      return Optional.empty();
    }
    Declaration d = plan.declaration();
    String indent = edits.indentAt(d.statement().startByte());
    String middleware = middleware(plan);
    List<TextEdit> out = new ArrayList<>();
    plan.verifier().ifPresent(v -> out.addAll(v.imports()));
    String placeholder = plan.verifier().isPresent() || plan.placeholderPresent() ? null : placeholder();
    Node helperAfter = helperAnchor(d);
    if (d.binding() != null) {
      String text = "\n" + edits.code(middleware, indent);
      if (placeholder != null && helperAfter == d.statement()) {
        text += "\n\n" + edits.code(placeholder, "") + blankLineBefore(edits.lineEnd(d.statement().endByte()));
        placeholder = null;
      }
      // after the statement's line, so that a comment trailing the declaration stays with it
      out.add(edits.insert(edits.lineEnd(d.statement().endByte()), text));
    } else {
      // above the chain and the comments that describe it
      out.add(edits.insertBlockAbove(edits.aboveWithComments(d.statement()), edits.code(middleware, indent)));
    }
    if (placeholder != null) {
      int at = edits.lineEnd(helperAfter.endByte());
      out.add(edits.insert(at, "\n\n" + edits.code(placeholder, "") + blankLineBefore(at)));
    }
    String check = plan.verifier().map(v -> v.local() + "()").orElse(AUTHENTICATE + "()");
    return Optional.of(new Fix("Authenticate the handshake: " + plan.receiver() + ".use() refuses the connection"
        + " unless " + check + " verifies socket.handshake.auth.token"
        + (plan.verifier().isPresent() ? "" : ", which refuses everyone until it is wired"), out));
  }

  /** A line break that keeps a blank line between an inserted function and code on the line after {@code at}. */
  private String blankLineBefore(int at) {
    int next = at + 1;
    int length = edits.tree().source().length();
    if (next >= length) {
      return "";
    }
    String line = edits.tree().source().text(next, edits.lineEnd(next));
    return line.isBlank() ? "" : "\n";
  }

  /**
   * The statement the helper goes below: the top-level declaration of the server (for a namespace, of the server it
   * is made on, when that is a top-level declaration of this file), else the top-level statement holding the
   * endpoint.
   */
  private Node helperAnchor(Declaration d) {
    Node creation = d.namespace() ? serverCreationOf(d.node()) : d.node();
    Node statement = creation == null ? null : edits.topLevelStatement(creation);
    if (statement != null && statement.isAny("lexical_declaration", "variable_declaration", "export_statement")
        && Syntax.enclosingFunction(creation) == null) {
      return statement;
    }
    return edits.topLevelStatement(d.statement());
  }

  private String middleware(AuthPlan plan) {
    StringBuilder t = new StringBuilder();
    ProjectVerifiers.Call call = plan.verifier().orElse(null);
    boolean async = call != null && call.verifier().async();
    t.append(plan.receiver()).append(".use(").append(async ? "async " : "").append("(socket, next) => {\n")
        .append("  const token = socket.handshake.auth.token;\n");
    if (call == null) {
      t.append("  const user = ").append(AUTHENTICATE).append("(token);\n");
    } else {
      // a verifier that throws (or rejects) refuses the connection as a falsy answer does; next() stays outside the
      // try, since it runs the connection handlers, whose errors are not a failed verification
      t.append("  let user").append(edits.typescript() ? ": unknown" : "").append(";\n")
          .append("  try {\n")
          .append("    user = ").append(call.expression("token")).append(";\n")
          .append("  } catch (err) {\n")
          .append("    user = null;\n")
          .append("  }\n");
    }
    t.append("  if (!user) {\n")
        .append("    next(new Error('unauthorized'));\n")
        .append("    return;\n")
        .append("  }\n")
        .append("  socket.data.user = user;\n")
        .append("  next();\n")
        .append("});");
    return t.toString();
  }

  private String placeholder() {
    return "// Refuses every connection until it is wired to the app's own check of the handshake token (a JWT\n"
        + "// verified with the app's key, a session looked up by its id): return the user, with its id, or null.\n"
        + "function " + AUTHENTICATE
        + (edits.typescript() ? "(token: string): { id: string } | null {\n" : "(token) {\n")
        + "  return null;\n"
        + "}";
  }

  // ---- Origin ----

  /**
   * An {@code allowRequest} option on the server that lets a request through only when its Origin is listed in
   * {@link #ALLOWED_ORIGINS}, an empty list until the app's origins are written in. engine.io asks it before opening
   * any transport, so it covers every namespace of the server. A request with no Origin (a script, another server)
   * is refused too: such a client needs a deliberate exception with its own credential.
   */
  public Optional<Fix> restrictOrigins(Endpoint endpoint) {
    if (edits.declares(ALLOWED_ORIGINS) || edits.tree().source().text(0, edits.tree().source().length())
        .contains("allowRequest")) {
      return Optional.empty();
    }
    Node creation = serverCreation(endpoint);
    if (creation == null) {
      return Optional.empty();
    }
    Node topLevel = edits.topLevelStatement(creation);
    List<Node> args = Syntax.arguments(creation);
    if (topLevel == null || args.size() > 2) {
      return Optional.empty();
    }
    String origin = "req.headers.origin" + (edits.typescript() ? " ?? ''" : "");
    String property = edits.code("allowRequest: (req, callback) => callback(null, " + ALLOWED_ORIGINS
        + ".includes(" + origin + "))", "");
    List<TextEdit> out = new ArrayList<>();
    Node options = args.isEmpty() ? null : Syntax.unwrap(args.get(args.size() - 1));
    if (options != null && options.is("object")) {
      for (Node p : options.namedChildren()) {
        if (!p.isAny("pair", "shorthand_property_identifier", "comment")) {
          return Optional.empty(); // a spread or a method: the options are not all in sight
        }
      }
      out.add(edits.addProperty(options, property));
    } else if (args.isEmpty()) {
      Node list = creation.child("arguments");
      if (list == null) {
        return Optional.empty(); // new Server without parentheses
      }
      out.add(edits.replace(list, "({ " + property + " })"));
    } else if (args.size() == 1 && serverOrPort(args.get(0))) {
      out.add(edits.insert(args.get(0).endByte(), ", { " + property + " }"));
    } else {
      return Optional.empty(); // options held in a variable, or an argument that may be one
    }
    String constant = "// The Origins the app's pages are served from, e.g. https://app.example.com: until they are"
        + " listed,\n// every browser connection is refused\n"
        + "const " + ALLOWED_ORIGINS + (edits.typescript() ? ": string[]" : "") + " = [];";
    out.add(edits.insertBlockAbove(edits.aboveWithComments(topLevel), edits.code(constant, "")));
    return Optional.of(new Fix("Restrict Origins: an allowRequest option that accepts only the Origins listed in "
        + ALLOWED_ORIGINS + " (none until they are written in)", out));
  }

  /** The server's creation in this file: the endpoint's declaration, or for a namespace the server it is made on. */
  private Node serverCreation(Endpoint endpoint) {
    Node node = declarationNode(endpoint.declaration());
    if (node == null) {
      return null;
    }
    if (endpoint.framework() == Framework.SOCKET_IO) {
      return isCreation(node) ? node : null;
    }
    return serverCreationOf(node);
  }

  /** The creation of the server an {@code x.of(...)} call is made on, when x is bound once in this file. */
  private Node serverCreationOf(Node ofCall) {
    Node receiver = Syntax.unwrap(Syntax.receiver(ofCall));
    if (!"of".equals(Syntax.calleeName(ofCall)) || receiver == null || !receiver.is("identifier")) {
      return null;
    }
    Node found = null;
    for (Node n : edits.tree().root().descendants()) {
      if (n.is("variable_declarator") && n.child("name") != null && n.child("name").is("identifier")
          && n.child("name").text().equals(receiver.text())) {
        if (found != null) {
          return null; // two bindings of the name: which one the namespace is made on is not plain
        }
        found = n;
      }
    }
    Node value = found == null ? null : Syntax.unwrap(found.child("value"));
    return value != null && value.isAny("new_expression", "call_expression") && isCreation(value) ? value : null;
  }

  /**
   * An argument Socket.IO reads as the HTTP server or the port, never as options: a number, or a name bound to an
   * HTTP server made in this file ({@code http.createServer(app)}, {@code app.listen(3000)}).
   */
  private boolean serverOrPort(Node argument) {
    Node a = Syntax.unwrap(argument);
    if (a.is("number")) {
      return true;
    }
    if (!a.is("identifier")) {
      return false;
    }
    Node value = null;
    int bindings = 0;
    for (Node n : edits.tree().root().descendants()) {
      if (n.is("variable_declarator") && n.child("name") != null && n.child("name").is("identifier")
          && n.child("name").text().equals(a.text())) {
        bindings++;
        value = Syntax.unwrap(n.child("value"));
      }
    }
    if (bindings != 1 || value == null || !value.isAny("call_expression", "new_expression")) {
      return false;
    }
    String made = value.is("call_expression") ? Syntax.calleeName(value) : Syntax.lastName(value.child("constructor"));
    return "createServer".equals(made) || "listen".equals(made) || "Server".equals(made) && !isCreation(value);
  }


  // ---- scoping a send to its user ----

  /**
   * {@code io.to(room).emit(...)} in place of {@code io.emit(...)}, where the send runs in a connection handler of the
   * endpoint's namespace with its socket in scope, and the room is the connection's own user's: a room the handler
   * already joins, named after the user, or (when this endpoint authenticates nobody and its authentication patch
   * stores {@code socket.data.user}) a {@code user:<id>} room the handler is made to join, closing a connection that
   * has no user (the patch applied without the authentication one).
   */
  public Optional<Fix> scopeSendToUser(Endpoint endpoint, Send send) {
    if (send.audience() != Audience.ALL_CONNECTIONS) {
      return Optional.empty(); // socket.broadcast: scoping it would leave out the user's own other tabs anyway
    }
    Node call = callAt(send.location());
    Node receiver = call == null ? null : Syntax.unwrap(Syntax.receiver(call));
    String namespace = namespaceName(receiver);
    if (namespace == null || !"emit".equals(Syntax.calleeName(call))) {
      return Optional.empty();
    }
    Node handler = connectionHandler(call, namespace);
    if (handler == null) {
      return Optional.empty();
    }
    Node socket = Syntax.parameter(handler, 0);
    Node body = Syntax.body(handler);
    if (socket == null || !socket.is("identifier") || body == null || !body.is("statement_block")
        || shadowed(handler, socket.text(), call)) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>();
    String room = joinedUserRoom(body, socket.text(), call);
    if (room == null) {
      AuthPlan plan = authPlan(endpoint);
      if (plan == null || plan.verifier().isPresent() || body.namedChildren().isEmpty()) {
        // a verifier's user may have no id: a room of user:undefined would be shared by everyone
        return Optional.empty();
      }
      room = String.format(OWN_USER_ROOM, socket.text());
      Node first = body.namedChildren().get(0);
      // without the authentication patch no connection has a user: it is closed, not served with a crash
      String join = "if (!" + socket.text() + ".data.user) {\n"
          + "  " + socket.text() + ".disconnect(true);\n"
          + "  return;\n"
          + "}\n"
          + socket.text() + ".join(" + room + ");";
      out.add(edits.insert(edits.aboveWithComments(first), edits.code(join, edits.indentAt(first.startByte())) + "\n"));
    }
    out.add(edits.insert(receiver.endByte(), ".to(" + room + ")"));
    return Optional.of(new Fix("Send to the connection's own user: " + namespace + ".to(" + room + ") in place of "
        + namespace + ".emit to every connection", out));
  }

  private Node callAt(SourceLocation at) {
    for (Node n : edits.tree().root().descendants()) {
      if (n.startByte() > at.startByte()) {
        break;
      }
      if (n.startByte() == at.startByte() && n.endByte() == at.endByte() && n.is("call_expression")) {
        return n;
      }
    }
    return null;
  }

  /** The namespace a send goes through, by name: {@code io}, {@code admin}; {@code io.sockets} is {@code io}. */
  private static String namespaceName(Node receiver) {
    if (receiver == null) {
      return null;
    }
    if (receiver.is("identifier")) {
      return receiver.text();
    }
    Node object = Syntax.unwrap(Syntax.object(receiver));
    return receiver.is("member_expression") && "sockets".equals(Syntax.lastName(receiver)) && object != null
        && object.is("identifier") ? object.text() : null;
  }

  /** The function registered with {@code namespace.on('connection', fn)} that holds the call; null when none does. */
  private static Node connectionHandler(Node call, String namespace) {
    for (Node fn = Syntax.enclosingFunction(call); fn != null; fn = Syntax.enclosingFunction(fn)) {
      Node args = fn.parent();
      Node registration = args == null ? null : args.parent();
      if (registration == null || !args.is("arguments") || !Syntax.isCall(registration)
          || Syntax.argument(registration, 1) != fn) {
        continue;
      }
      String event = Syntax.stringValue(Syntax.argument(registration, 0));
      String method = Syntax.calleeName(registration);
      if (("on".equals(method) || "once".equals(method)) && ("connection".equals(event) || "connect".equals(event))
          && namespace.equals(namespaceName(Syntax.unwrap(Syntax.receiver(registration))))) {
        return fn;
      }
    }
    return null;
  }

  /** True when, between the handler and the send, {@code name} is bound again (a parameter or a declaration). */
  private static boolean shadowed(Node handler, String name, Node call) {
    for (Node n : handler.descendants()) {
      boolean pattern = n.is("shorthand_property_identifier_pattern");
      if (!n.is("identifier") && !pattern || !n.text().equals(name) || n == Syntax.parameter(handler, 0)) {
        continue;
      }
      Node parent = n.parent();
      boolean binds = pattern || parent != null && (parent.is("variable_declarator") && parent.child("name") == n
          || parent.is("formal_parameters") || parent.is("required_parameter") || parent.is("optional_parameter")
          || parent.is("arrow_function") && parent.child("parameter") == n);
      if (binds) {
        Node scope = Syntax.enclosingFunction(n);
        if (scope == null || call.within(scope) || scope == handler) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The room the handler joins for every connection before the send, when it is named after the user and built from
   * the socket alone ({@code socket.join(`user:${socket.data.userId}`)}, {@code socket.join(socket.user.id)}).
   */
  private String joinedUserRoom(Node body, String socket, Node call) {
    for (Node statement : body.namedChildren()) {
      if (statement.startByte() >= call.startByte()) {
        break;
      }
      Node e = statement.is("expression_statement") ? Syntax.unwrapAwait(statement.namedChild(0)) : null;
      if (e == null || !e.is("call_expression") || !"join".equals(Syntax.calleeName(e))
          || Syntax.arguments(e).size() != 1) {
        continue;
      }
      Node receiver = Syntax.unwrap(Syntax.receiver(e));
      Node room = Syntax.argument(e, 0);
      if (receiver != null && receiver.is("identifier") && receiver.text().equals(socket) && fromSocketOnly(room,
          socket) && namesUser(room)) {
        return room.text();
      }
    }
    return null;
  }

  /**
   * A room built from the socket alone, and from what the server keeps on it ({@code socket.data}, the session):
   * never from what the client sent in the handshake ({@code socket.handshake.query.userId}), which would let a
   * client name another user's room.
   */
  private static boolean fromSocketOnly(Node room, String socket) {
    boolean any = false;
    List<Node> nodes = new ArrayList<>();
    nodes.add(room);
    room.descendants().forEach(nodes::add);
    for (Node n : nodes) {
      if (n.is("property_identifier") && CLIENT_SUPPLIED.contains(n.text())) {
        return false;
      }
      if (n.is("identifier")) {
        if (!n.text().equals(socket)) {
          return false;
        }
        any = true;
      } else if (n.isAny("call_expression", "assignment_expression", "update_expression")) {
        return false;
      }
    }
    return any;
  }

  private static boolean namesUser(Node room) {
    for (String word : room.text().split("[^A-Za-z]+|(?<=[a-z])(?=[A-Z])")) {
      if (USER_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
