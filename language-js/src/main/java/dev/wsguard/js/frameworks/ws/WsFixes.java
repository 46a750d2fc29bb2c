package dev.wsguard.js.frameworks.ws;

import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.fix.JsEdits;
import dev.wsguard.js.fix.ProjectVerifiers;
import dev.wsguard.js.parse.Node;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Patches for {@code ws} endpoints, mirroring the pattern ws's own docs show: {@code noServer: true} and an HTTP
 * {@code upgrade} handler that rejects before {@code handleUpgrade}. Every patch fails closed: the inserted
 * authentication rejects every request until it is wired to the app's credential check, and an empty Origin
 * allow-list rejects every browser. Where the project has its own credential check (an exported function taking the
 * upgrade request or the token), the handler calls that instead of the placeholder. Where the code does not have the plain shape a patch can be sure of (a server
 * built in a factory, options held in a variable, an upgrade handler already present), there is no patch.
 *
 * <p>The patches of one endpoint compose: authentication rewrites the options' {@code port}/{@code server} and adds
 * the handler below the declaration; the Origin check adds a {@code verifyClient} option (which
 * {@code handleUpgrade} runs) and its allow-list above the declaration, or goes to the top of an existing upgrade
 * handler.
 */
public final class WsFixes {
  static final String AUTHENTICATE = "authenticateUpgrade";
  /** The helper reading the client's token from the upgrade request, for a project verifier that takes a token. */
  static final String UPGRADE_TOKEN = "upgradeToken";
  static final String ALLOWED_ORIGINS = "ALLOWED_ORIGINS";
  static final String VERIFY_ORIGIN = "verifyOrigin";
  static final String HTTP_SERVER = "httpServer";
  /** The HTTP server's name when the file already has an {@code httpServer} of its own. */
  static final String UPGRADE_SERVER = "wsHttpServer";

  private final JsEdits edits;
  private final FixContext context;

  public WsFixes(JsEdits edits, FixContext context) {
    this.edits = edits;
    this.context = context;
  }

  /** {@code const wss = } (or let, var, export const, a type annotation) and nothing else before the creation. */
  private static final Pattern DECLARATION_PREFIX =
      Pattern.compile("[ \\t]*(?:export[ \\t]+)?(?:const|let|var)[ \\t]+[A-Za-z_$][\\w$]*"
          + "(?:[ \\t]*:[^=]+)?[ \\t]*=[ \\t]*");

  /**
   * A lexical gate before parsing the file again: the patches need {@code const wss = new ...} as a statement of
   * its own line, and a minified bundle, which is costly to parse, never has one.
   */
  public static boolean mayBeTopLevelDeclaration(byte[] content, int creationStart) {
    int start = creationStart;
    while (start > 0 && content[start - 1] != '\n' && content[start - 1] != '\r') {
      start--;
      if (creationStart - start > 200) {
        return false;
      }
    }
    String prefix = new String(content, start, creationStart - start, StandardCharsets.UTF_8);
    return DECLARATION_PREFIX.matcher(prefix).matches();
  }

  /** The server's creation, its options and its name, when the code has the plain top-level shape. */
  private record Creation(Node statement, Node creation, Node options, String binding) {
    Node property(String name) {
      for (Node p : options.namedChildren()) {
        if (p.is("pair") && name.equals(keyOf(p)) || p.is("shorthand_property_identifier") && p.text().equals(name)) {
          return p;
        }
      }
      return null;
    }

    private static String keyOf(Node pair) {
      Node key = pair.child("key");
      String s = Syntax.stringValue(key);
      return s != null ? s : key == null ? null : key.text();
    }

    Node value(String name) {
      Node p = property(name);
      return p == null ? null : p.is("pair") ? p.child("value") : p;
    }
  }

  private Creation creation(Endpoint endpoint) {
    Node creation = edits.nodeAt(endpoint.declaration(), "new_expression");
    if (creation == null) {
      return null;
    }
    List<Node> args = Syntax.arguments(creation);
    Node statement = edits.topLevelStatement(creation);
    Node declarator = Syntax.wrapped(creation).parent();
    if (args.size() != 1 || !args.get(0).is("object") || statement == null || declarator == null
        || !declarator.is("variable_declarator") || Syntax.enclosingFunction(creation) != null) {
      return null;
    }
    Node name = declarator.child("name");
    if (name == null || !name.is("identifier")) {
      return null;
    }
    for (Node p : args.get(0).namedChildren()) {
      if (!p.isAny("pair", "shorthand_property_identifier")) {
        return null; // a spread or a method: the options are not all in sight
      }
    }
    return new Creation(statement, creation, args.get(0), name.text());
  }

  /**
   * {@code noServer: true} in place of {@code port}/{@code server}, the HTTP server moved out (created and listening
   * on the same port when ws created it), and an upgrade handler that answers 401 unless the project's own verifier
   * gives a user; without one, unless {@link #AUTHENTICATE} returns one, which it never does until it is wired.
   */
  public Optional<Fix> addUpgradeAuth(Endpoint endpoint) {
    Creation c = creation(endpoint);
    if (c == null || !endpoint.guards(GuardKind.AUTHENTICATION).isEmpty() || c.property("noServer") != null
        || c.property("backlog") != null || upgradeHandler(c.binding()) != null || usesOwnServer(c.binding())) {
      return Optional.empty();
    }
    Node port = c.property("port");
    Node server = c.property("server");
    if ((port == null) == (server == null)) {
      return Optional.empty();
    }
    // the request itself where a verifier takes it; a token verifier needs the token read from the request first
    Optional<ProjectVerifiers.Call> verifier = ProjectVerifiers.choose(edits, context,
        edits.declares(UPGRADE_TOKEN) ? List.of(Verifier.Input.REQUEST)
            : List.of(Verifier.Input.REQUEST, Verifier.Input.TOKEN));
    if (verifier.isEmpty() && edits.declares(AUTHENTICATE)) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>();
    String http = edits.moduleAlias("http");
    boolean needHttp = port != null || edits.typescript();
    if (needHttp && http == null) {
      if (edits.declares("http")) {
        return Optional.empty();
      }
      http = "http";
      out.add(edits.addModuleImport(http, "http"));
    }
    verifier.ifPresent(v -> out.addAll(v.imports()));
    String serverName;
    StringBuilder t = new StringBuilder("\n");
    if (port != null) {
      serverName = edits.declares(HTTP_SERVER) ? UPGRADE_SERVER : HTTP_SERVER;
      if (edits.declares(serverName)) {
        return Optional.empty();
      }
      t.append("const ").append(serverName).append(" = ").append(http)
          .append(".createServer((req, res) => res.writeHead(426).end());\n");
      out.add(edits.replace(port, "noServer: true"));
      Node host = c.property("host");
      if (host != null) {
        out.add(edits.removeListItem(host));
      }
    } else {
      Node value = c.value("server");
      if (!value.isAny("identifier", "shorthand_property_identifier")) {
        return Optional.empty();
      }
      serverName = value.text();
      out.add(edits.replace(server, "noServer: true"));
    }
    String wss = c.binding();
    boolean async = verifier.isPresent() && verifier.get().verifier().async();
    t.append(serverName).append(".on('upgrade', ").append(async ? "async " : "")
        .append("(request, socket, head) => {\n")
        .append(verifier.map(this::authenticate).orElse("  const user = " + AUTHENTICATE + "(request);\n"))
        .append("  if (!user) {\n")
        .append("    socket.write('HTTP/1.1 401 Unauthorized\\r\\n\\r\\n');\n")
        .append("    socket.destroy();\n")
        .append("    return;\n")
        .append("  }\n")
        .append("  ").append(wss).append(".handleUpgrade(request, socket, head, (ws) => {\n")
        .append("    ").append(wss).append(".emit('connection', ws, request, user);\n")
        .append("  });\n")
        .append("});\n");
    if (port != null) {
      Node host = c.value("host");
      t.append(serverName).append(".listen(").append(c.value("port").text())
          .append(host == null ? "" : ", " + host.text()).append(");\n");
    }
    if (verifier.isEmpty()) {
      t.append("\n")
          .append("// Rejects every upgrade until it is wired to the app's own check of the request's credential (its\n")
          .append("// session cookie, or a token verified with the app's key): return the user, or null to answer 401.\n")
          .append("function ").append(AUTHENTICATE)
          .append(edits.typescript() ? "(request: " + http + ".IncomingMessage): object | null {\n" : "(request) {\n")
          .append("  return null;\n")
          .append("}");
    } else if (verifier.get().verifier().input() == Verifier.Input.TOKEN) {
      t.append("\n").append(tokenReader(http));
    } else {
      t.setLength(t.length() - 1); // the handler (or listen) ends the block
    }
    // after the statement's line, so that a comment trailing the declaration stays with it
    out.add(edits.insert(edits.lineEnd(c.statement().endByte()), "\n" + edits.code(t.toString(), "")));
    String description = verifier
        .map(v -> "Authenticate at the upgrade: noServer: true and an upgrade handler that answers 401 unless "
            + v.local() + "() accepts the request's " + (v.verifier().input() == Verifier.Input.TOKEN ? "token"
            : "credential"))
        .orElse("Authenticate at the upgrade: noServer: true and an upgrade handler that answers 401"
            + " until " + AUTHENTICATE + "() is wired to the app's credential check");
    return Optional.of(new Fix(description, JsEdits.joinInserts(out)));
  }

  /**
   * The handler's first lines: {@code user} from the project's verifier, caught whatever its failure mode: a
   * verifier that answers null may still throw (a verify call outside its try), and a promise may reject; an
   * exception escaping an upgrade listener would leave the socket open and take the process down. A token verifier
   * is not called without a token.
   */
  private String authenticate(ProjectVerifiers.Call call) {
    Verifier v = call.verifier();
    boolean token = v.input() == Verifier.Input.TOKEN;
    String expression = call.expression(token ? "token" : "request");
    // TypeScript would type a bare `let user` as any where the connection callback reads it
    String declared = edits.typescript() ? "  let user: Awaited<ReturnType<typeof " + call.local() + ">> | null;\n"
        : "  let user;\n";
    return (token ? "  const token = " + UPGRADE_TOKEN + "(request);\n" : "")
        + declared
        + "  try {\n"
        + "    user = " + (token ? "token ? " + expression + " : null" : expression) + ";\n"
        + "  } catch {\n"
        + "    user = null;\n"
        + "  }\n";
  }

  /**
   * Where the client puts its token: browsers cannot set headers on a WebSocket, so the query string
   * ({@code ?token=}) is what they send; other clients may send an Authorization bearer header.
   */
  private String tokenReader(String http) {
    return "// The client's token: an Authorization bearer header, or ?token= in the URL (browsers cannot set headers\n"
        + "// on a WebSocket)\n"
        + "function " + UPGRADE_TOKEN
        + (edits.typescript() ? "(request: " + http + ".IncomingMessage): string | null {\n" : "(request) {\n")
        + "  const header = request.headers.authorization;\n"
        + "  if (header && header.startsWith('Bearer ')) {\n"
        + "    return header.slice(7);\n"
        + "  }\n"
        + "  return new URL(request.url" + (edits.typescript() ? " ?? '/'" : "") + ", 'http://localhost')"
        + ".searchParams.get('token');\n"
        + "}";
  }

  /**
   * An Origin allow-list read from {@code ALLOWED_ORIGINS} (comma-separated; empty rejects every browser), checked
   * at the top of the endpoint's upgrade handler (403), or else as a {@code verifyClient} option.
   */
  public Optional<Fix> restrictOrigins(Endpoint endpoint) {
    if (edits.declares(ALLOWED_ORIGINS)) {
      return Optional.empty();
    }
    Creation c = creation(endpoint);
    if (c == null) {
      return Optional.empty();
    }
    Node handler = upgradeHandler(c.binding());
    if (handler != null) {
      return inUpgradeHandler(handler);
    }
    if (c.property("verifyClient") != null || edits.declares(VERIFY_ORIGIN)) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>();
    String signature = edits.typescript()
        ? "(info: { origin: string }, done: (allowed: boolean, code?: number, message?: string) => void): void {"
        : "(info, done) {";
    String above = allowList()
        + "\n\n"
        + "// handleUpgrade runs verifyClient: a browser from any other Origin gets 403\n"
        + "function " + VERIFY_ORIGIN + signature + "\n"
        + "  done(" + ALLOWED_ORIGINS + ".has(info.origin), 403, 'Forbidden');\n"
        + "}";
    out.add(edits.insertBlockAbove(edits.aboveWithComments(c.statement()), edits.code(above, "")));
    out.add(edits.addProperty(c.options(), "verifyClient: " + VERIFY_ORIGIN));
    return Optional.of(new Fix("Restrict Origins: a verifyClient that accepts only the Origins listed in"
        + " ALLOWED_ORIGINS (none until it is set)", out));
  }

  private Optional<Fix> inUpgradeHandler(Node fn) {
    List<Node> params = Syntax.parameters(fn);
    Node body = Syntax.body(fn);
    if (params.size() < 2 || !params.get(0).is("identifier") || !params.get(1).is("identifier") || body == null
        || !body.is("statement_block") || body.namedChildren().isEmpty()) {
      return Optional.empty();
    }
    Node first = body.namedChildren().get(0);
    String indent = edits.indentAt(first.startByte());
    String request = params.get(0).text();
    String socket = params.get(1).text();
    // the header is string | undefined to TypeScript, and a Set<string> takes only strings
    String origin = request + ".headers.origin" + (edits.typescript() ? " ?? ''" : "");
    String check = "if (!" + ALLOWED_ORIGINS + ".has(" + origin + ")) {\n"
        + "  " + socket + ".write('HTTP/1.1 403 Forbidden\\r\\n\\r\\n');\n"
        + "  " + socket + ".destroy();\n"
        + "  return;\n"
        + "}";
    List<TextEdit> out = new ArrayList<>();
    Node registration = edits.topLevelStatement(fn);
    if (registration == null) {
      return Optional.empty();
    }
    out.add(edits.insertBlockAbove(edits.aboveWithComments(registration), edits.code(allowList(), "")));
    // above the comments of the first statement, which describe it and not the check
    out.add(edits.insert(edits.aboveWithComments(first), edits.code(check, indent) + "\n"));
    return Optional.of(new Fix("Restrict Origins: the upgrade handler answers 403 unless the Origin is listed in"
        + " ALLOWED_ORIGINS (none until it is set)", out));
  }

  private static String allowList() {
    return "// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused\n"
        + "const " + ALLOWED_ORIGINS + " = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));";
  }

  /** A top-level {@code x.on('upgrade', fn)} whose function calls {@code binding.handleUpgrade}; null when none. */
  private Node upgradeHandler(String binding) {
    for (Node n : edits.tree().root().descendants()) {
      if (!Syntax.isCall(n) || !"on".equals(Syntax.calleeName(n))
          || !"upgrade".equals(Syntax.stringValue(Syntax.argument(n, 0)))) {
        continue;
      }
      Node fn = Syntax.argument(n, 1);
      if (fn == null || !Syntax.isFunction(fn)) {
        continue;
      }
      for (Node inner : fn.descendants()) {
        if (Syntax.isCall(inner) && "handleUpgrade".equals(Syntax.calleeName(inner))) {
          Node receiver = Syntax.receiver(inner);
          if (isName(receiver, binding)) {
            return fn;
          }
        }
      }
    }
    return null;
  }

  /** {@code wss.address()} or a 'listening' listener: both need ws to own the HTTP server. */
  private boolean usesOwnServer(String binding) {
    for (Node n : edits.tree().root().descendants()) {
      if (!Syntax.isCall(n)) {
        continue;
      }
      if (!isName(Syntax.receiver(n), binding)) {
        continue;
      }
      String method = Syntax.calleeName(n);
      if ("address".equals(method)
          || ("on".equals(method) || "once".equals(method))
          && "listening".equals(Syntax.stringValue(Syntax.argument(n, 0)))) {
        return true;
      }
    }
    return false;
  }

  /** An identifier spelled {@code name}; never slices the text of a larger expression (minified bundles). */
  private static boolean isName(Node n, String name) {
    return n != null && n.is("identifier") && n.endByte() - n.startByte() == name.length() && n.text().equals(name);
  }
}
