package dev.wsguard.js.frameworks.fastify;

import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.fix.JsEdits;
import dev.wsguard.js.fix.UpgradeUser;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Patches for @fastify/websocket routes, in Fastify's own hooks on the route's options: Fastify runs a route's
 * {@code onRequest} and {@code preValidation} hooks on the upgrade request before @fastify/websocket hands it to ws
 * (its README, "Using hooks"), and an async hook that replies ends the request there, so the connection is never
 * opened. The patches fail closed: the authentication answers 401 until it is wired (or calls the project's
 * verifier), and the Origin allow-list starts empty.
 *
 * <p>Only a route whose options are an object literal in the call gets a patch, and only when it has no hook of that
 * name yet. The hook functions go next to the file's first WebSocket route, so that the patches of several routes of
 * one file never declare them twice (a second route's patch waits for the next run, which reuses them).
 */
public final class FastifyWebSocketFixes {
  static final String AUTHENTICATE = "authenticateWs";
  static final String CHECK_ORIGIN = "checkWsOrigin";
  static final String ALLOWED_ORIGINS = "ALLOWED_ORIGINS";
  private static final String HEADERS_TYPE = "import('http').IncomingHttpHeaders";
  private static final String REQUEST_TYPE =
      "{ headers: " + HEADERS_TYPE + "; raw: import('http').IncomingMessage; user?: unknown }";
  private static final String REPLY_TYPE = "{ code(statusCode: number): { send(payload?: unknown): unknown } }";

  private static final List<String> HOOK_PARAMS = List.of("request", "reply");

  private final JsEdits edits;
  private final FixContext context;

  public FastifyWebSocketFixes(JsEdits edits, FixContext context) {
    this.edits = edits;
    this.context = context;
  }

  /** The route's inline options object and the top-level statement of the file's first WebSocket route. */
  private record Route(Node options, Node anchor) {
    Node member(String name) {
      for (Node m : options.namedChildren()) {
        String key = m.is("pair") ? FileContext.propertyName(m.child("key"))
            : m.is("method_definition") ? FileContext.propertyName(m.child("name"))
            : m.is("shorthand_property_identifier") ? m.text() : null;
        if (name.equals(key)) {
          return m;
        }
      }
      return null;
    }
  }

  private Route route(Endpoint endpoint) {
    Node call = edits.nodeAt(endpoint.declaration(), "call_expression");
    Node options = call == null ? null : inlineOptions(call);
    if (options == null || options.namedChildren().isEmpty()) {
      return null;
    }
    for (Node m : options.namedChildren()) {
      if (!m.isAny("pair", "shorthand_property_identifier", "method_definition")) {
        return null; // a spread: the options are not all in sight
      }
    }
    Node anchor = firstRouteStatement();
    return anchor == null ? null : new Route(options, anchor);
  }

  /** {@code x.get(path, { websocket: true, ... }, fn)} or {@code x.route({ ..., wsHandler })}: the literal options. */
  private static Node inlineOptions(Node call) {
    String method = Syntax.calleeName(call);
    Node options = "get".equals(method) ? Syntax.argument(call, 1) : "route".equals(method)
        ? Syntax.argument(call, 0) : null;
    if (options == null || !options.is("object")) {
      return null;
    }
    for (Node m : options.namedChildren()) {
      String key = m.is("pair") ? FileContext.propertyName(m.child("key")) : null;
      if ("wsHandler".equals(key) || m.is("shorthand_property_identifier") && m.text().equals("wsHandler")
          || "websocket".equals(key) && Syntax.unwrap(m.child("value")).is("true")) {
        return options;
      }
    }
    return null;
  }

  private Node firstRouteStatement() {
    for (Node n : edits.tree().root().descendants()) {
      if (Syntax.isCall(n) && inlineOptions(n) != null) {
        return edits.topLevelStatement(n);
      }
    }
    return null;
  }

  /** A hook of this patch's own shape, {@code name(request, reply)} at the top level, inserted by an earlier run. */
  private boolean ownHook(String name) {
    Node fn = edits.topLevelFunction(name);
    return fn != null && Syntax.isAsync(fn) && Syntax.parameters(fn).size() == 2;
  }

  /**
   * A {@code preValidation} hook that answers 401 unless the request's user is verified, and otherwise sets
   * {@code request.user}.
   */
  public Optional<Fix> addUpgradeAuth(Endpoint endpoint) {
    Route r = route(endpoint);
    if (r == null || !endpoint.guards(GuardKind.AUTHENTICATION).isEmpty() || r.member("preValidation") != null) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>();
    out.add(edits.addProperty(r.options, "preValidation: " + AUTHENTICATE));
    if (ownHook(AUTHENTICATE)) {
      return Optional.of(new Fix("Authenticate before the upgrade: a preValidation hook, " + AUTHENTICATE
          + ", answers 401 unless the request's user is verified", out));
    }
    if (edits.declares(AUTHENTICATE)) {
      return Optional.empty();
    }
    Optional<UpgradeUser> found = UpgradeUser.of(edits, context, "request", "request.raw", REQUEST_TYPE,
        "the app's own check of the request's credential (its session cookie, or a token verified with the app's"
            + " key)");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    UpgradeUser user = found.get();
    StringBuilder t = new StringBuilder()
        .append(JsEdits.comment("Fastify runs preValidation before @fastify/websocket upgrades: replying here refuses"
            + " the connection")).append('\n')
        .append(edits.functionHeader(true, AUTHENTICATE, HOOK_PARAMS, List.of(REQUEST_TYPE, REPLY_TYPE),
            "Promise<unknown>")).append('\n')
        .append(user.lines("  "))
        .append("  if (!user) {\n")
        .append("    return reply.code(401).send({ error: 'Unauthorized' });\n")
        .append("  }\n")
        .append("  request.user = user;\n")
        .append(edits.typescript() ? "  return undefined;\n" : "")
        .append("}");
    if (user.placeholder() != null) {
      t.append("\n\n").append(user.placeholder());
    }
    out.addAll(user.imports());
    out.add(edits.insertBlockBelow(r.anchor, edits.code(t.toString(), "")));
    return Optional.of(new Fix("Authenticate before the upgrade: a preValidation hook, " + AUTHENTICATE
        + ", answers 401 unless " + user.description() + " returns a user", out));
  }

  /**
   * An {@code onRequest} hook that answers 403 unless the request's Origin is listed in {@code ALLOWED_ORIGINS}
   * (comma-separated; empty refuses every browser).
   */
  public Optional<Fix> restrictOrigins(Endpoint endpoint) {
    Route r = route(endpoint);
    if (r == null || r.member("onRequest") != null) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>();
    // first among the options, so that it never meets the authentication hook appended at their end
    Node first = r.options.namedChildren().get(0);
    boolean multiline = r.options.line() != first.line();
    out.add(edits.insert(first.startByte(), "onRequest: " + CHECK_ORIGIN + ","
        + (multiline ? "\n" + edits.indentAt(first.startByte()) : " ")));
    if (ownHook(CHECK_ORIGIN)) {
      return Optional.of(new Fix("Restrict Origins: an onRequest hook, " + CHECK_ORIGIN + ", answers 403 unless the"
          + " Origin is listed in ALLOWED_ORIGINS", out));
    }
    if (edits.declares(CHECK_ORIGIN) || edits.declares(ALLOWED_ORIGINS)) {
      return Optional.empty();
    }
    // the header is string | undefined to TypeScript, and the Set holds strings
    String origin = "request.headers.origin" + (edits.typescript() ? " ?? ''" : "");
    String block = "// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is"
        + " refused\n"
        + "const " + ALLOWED_ORIGINS + " = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));\n"
        + "\n"
        + "// Fastify runs onRequest before @fastify/websocket upgrades the request: any other Origin gets 403\n"
        + edits.functionHeader(true, CHECK_ORIGIN, HOOK_PARAMS, List.of("{ headers: " + HEADERS_TYPE + " }",
            REPLY_TYPE), "Promise<unknown>") + "\n"
        + "  if (!" + ALLOWED_ORIGINS + ".has(" + origin + ")) {\n"
        + "    return reply.code(403).send({ error: 'Forbidden' });\n"
        + "  }\n"
        + (edits.typescript() ? "  return undefined;\n" : "")
        + "}";
    out.add(edits.insertBlockAbove(edits.aboveWithComments(r.anchor), edits.code(block, "")));
    return Optional.of(new Fix("Restrict Origins: an onRequest hook, " + CHECK_ORIGIN + ", answers 403 unless the"
        + " Origin is listed in ALLOWED_ORIGINS (none until it is set)", out));
  }
}
