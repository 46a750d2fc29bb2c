package dev.wsguard.js.frameworks.expressws;

import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.fix.JsEdits;
import dev.wsguard.js.fix.UpgradeUser;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Patches for express-ws routes, in express-ws's own hook: route middleware, which express-ws calls as
 * {@code (ws, req, next)} before the route's handler (its wrap-middleware.js). A middleware that closes the socket
 * and never calls {@code next()} keeps the handler from running, so no message of that connection is ever served.
 * The patches fail closed: the authentication refuses everyone until it is wired (or calls the project's verifier),
 * and the Origin allow-list starts empty.
 *
 * <p>The middleware goes first among the route's arguments ({@code app.ws(path, checkWsOrigin, authenticateWs,
 * ...)}); the functions it needs go next to the file's first route, so that the patches of several routes of one file
 * never declare them twice (a second route's patch waits for the next run, which reuses them).
 */
public final class ExpressWsFixes {
  static final String AUTHENTICATE = "authenticateWs";
  static final String CHECK_ORIGIN = "checkWsOrigin";
  static final String ALLOWED_ORIGINS = "ALLOWED_ORIGINS";
  private static final String WS_TYPE = "{ close(code?: number, reason?: string): void }";
  /** What express-ws passes is an Express request, which is a Node request. */
  private static final String REQUEST_TYPE = "import('http').IncomingMessage & { user?: unknown }";

  private static final List<String> MIDDLEWARE_PARAMS = List.of("ws", "req", "next");

  private final JsEdits edits;
  private final FixContext context;

  public ExpressWsFixes(JsEdits edits, FixContext context) {
    this.edits = edits;
    this.context = context;
  }

  /** The route call, its path argument and the top-level statement of the file's first route. */
  private record Route(Node call, Node path, Node afterPath, Node anchor) {}

  private Route route(Endpoint endpoint) {
    Node call = edits.nodeAt(endpoint.declaration(), "call_expression");
    if (call == null || !"ws".equals(Syntax.calleeName(call))) {
      return null;
    }
    List<Node> args = Syntax.arguments(call);
    if (args.size() < 2) {
      return null;
    }
    for (Node a : args) {
      if (a.is("spread_element")) {
        return null; // the middleware list is not all in sight
      }
    }
    Node anchor = firstRouteStatement();
    if (anchor == null || edits.topLevelStatement(call) == null) {
      return null;
    }
    return new Route(call, args.get(0), args.get(1), anchor);
  }

  /**
   * The top-level statement holding the file's first {@code x.ws(path, fn...)} call: where the inserted functions go,
   * one place for every route of the file.
   */
  private Node firstRouteStatement() {
    for (Node n : edits.tree().root().descendants()) {
      if (Syntax.isCall(n) && "ws".equals(Syntax.calleeName(n)) && Syntax.arguments(n).size() >= 2) {
        Node handler = Syntax.unwrap(Syntax.argument(n, Syntax.arguments(n).size() - 1));
        if (handler != null && !handler.is("object")) {
          return edits.topLevelStatement(n);
        }
      }
    }
    return null;
  }

  private static List<String> middlewareTypes(String request) {
    return List.of(WS_TYPE, request, "() => void");
  }

  /** True when the route's arguments already name {@code function}. */
  private static boolean passes(Route r, String function) {
    for (Node a : Syntax.arguments(r.call)) {
      if (a.is("identifier") && a.text().equals(function)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A function of this patch's own shape, {@code name(ws, req, next)} at the top level, inserted by an earlier run:
   * reused rather than declared twice.
   */
  private boolean ownMiddleware(String name) {
    Node fn = edits.topLevelFunction(name);
    return fn != null && Syntax.parameters(fn).size() == 3;
  }

  /**
   * Route middleware that closes the socket with 1008 (policy violation, RFC 6455) unless the request's user is
   * verified, and otherwise sets
   * {@code req.user} and calls {@code next()}.
   */
  public Optional<Fix> addUpgradeAuth(Endpoint endpoint) {
    Route r = route(endpoint);
    if (r == null || !endpoint.guards(GuardKind.AUTHENTICATION).isEmpty() || passes(r, AUTHENTICATE)) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>();
    // after the Origin check when both are patched: the two edits must not touch the same point
    out.add(edits.insert(r.afterPath.startByte(), AUTHENTICATE + ", "));
    if (ownMiddleware(AUTHENTICATE)) {
      return Optional.of(new Fix("Authenticate in route middleware: " + AUTHENTICATE + " closes the socket before"
          + " the handler runs unless the request's user is verified", out));
    }
    if (edits.declares(AUTHENTICATE)) {
      return Optional.empty();
    }
    Optional<UpgradeUser> found = UpgradeUser.of(edits, context, "req", "req", REQUEST_TYPE,
        "the app's own check of the request's credential (its session cookie, or a token verified with the app's"
            + " key)");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    UpgradeUser user = found.get();
    StringBuilder t = new StringBuilder()
        .append(JsEdits.comment("express-ws calls route middleware as (ws, req, next) before the handler, which"
            + " runs only on next()")).append('\n')
        .append(edits.functionHeader(user.async(), AUTHENTICATE, MIDDLEWARE_PARAMS, middlewareTypes(REQUEST_TYPE),
            user.async() ? "Promise<void>" : "void")).append('\n')
        .append(user.lines("  "))
        .append("  if (!user) {\n")
        .append("    ws.close(1008, 'Unauthorized');\n")
        .append("    return;\n")
        .append("  }\n")
        .append("  req.user = user;\n")
        .append("  next();\n")
        .append("}");
    if (user.placeholder() != null) {
      t.append("\n\n").append(user.placeholder());
    }
    out.addAll(user.imports());
    out.add(edits.insertBlockBelow(r.anchor, edits.code(t.toString(), "")));
    return Optional.of(new Fix("Authenticate in route middleware: " + AUTHENTICATE + " closes the socket with 1008"
        + " before the handler runs unless " + user.description() + " returns a user", out));
  }

  /**
   * Route middleware that closes the socket with 1008 unless the request's Origin is listed in
   * {@code ALLOWED_ORIGINS} (comma-separated; empty refuses every browser).
   */
  public Optional<Fix> restrictOrigins(Endpoint endpoint) {
    Route r = route(endpoint);
    if (r == null || passes(r, CHECK_ORIGIN)) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>();
    out.add(edits.insert(r.path.endByte(), ", " + CHECK_ORIGIN));
    if (ownMiddleware(CHECK_ORIGIN)) {
      return Optional.of(new Fix("Restrict Origins: " + CHECK_ORIGIN + " closes the socket unless the Origin is"
          + " listed in ALLOWED_ORIGINS", out));
    }
    if (edits.declares(CHECK_ORIGIN) || edits.declares(ALLOWED_ORIGINS)) {
      return Optional.empty();
    }
    // the header is string | undefined to TypeScript, and the Set holds strings
    String origin = "req.headers.origin" + (edits.typescript() ? " ?? ''" : "");
    String block = "// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is"
        + " refused\n"
        + "const " + ALLOWED_ORIGINS + " = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));\n"
        + "\n"
        + "// Route middleware: a browser page from any other Origin is refused before the handler runs\n"
        + edits.functionHeader(false, CHECK_ORIGIN, MIDDLEWARE_PARAMS,
            middlewareTypes("import('http').IncomingMessage"), "void") + "\n"
        + "  if (!" + ALLOWED_ORIGINS + ".has(" + origin + ")) {\n"
        + "    ws.close(1008, 'Forbidden');\n"
        + "    return;\n"
        + "  }\n"
        + "  next();\n"
        + "}";
    out.add(edits.insertBlockAbove(edits.aboveWithComments(r.anchor), edits.code(block, "")));
    return Optional.of(new Fix("Restrict Origins: route middleware " + CHECK_ORIGIN + " closes the socket unless the"
        + " Origin is listed in ALLOWED_ORIGINS (none until it is set)", out));
  }
}
