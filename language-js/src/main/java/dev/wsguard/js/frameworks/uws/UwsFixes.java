package dev.wsguard.js.frameworks.uws;

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
 * Patches for uWebSockets.js endpoints, in uWS's own hook: the behaviour's {@code upgrade(res, req, context)}. Without
 * one uWS upgrades every request; with one, the connection opens only where it calls {@code res.upgrade(...)}, and
 * answering {@code res.writeStatus('401 Unauthorized').end()} refuses it. uWS's {@code req} lives on the stack and is
 * gone once the handler returns or awaits, so every header is read synchronously, before anything else.
 *
 * <p>Authentication is added only where the behaviour has no upgrade handler (rewriting the app's own accept logic
 * would guess); the Origin check goes to the top of an existing handler. Where there is neither, the Origin check
 * waits for the authentication patch, which adds the handler it belongs in.
 */
public final class UwsFixes {
  static final String ALLOWED_ORIGINS = "ALLOWED_ORIGINS";
  private static final String REQUEST_TYPE = "{ getHeader(lowerCaseKey: string): string }";

  private final JsEdits edits;
  private final FixContext context;

  public UwsFixes(JsEdits edits, FixContext context) {
    this.edits = edits;
    this.context = context;
  }

  /** The route call, its behaviour object literal, and the top-level statement of the file's first route. */
  private record Route(Node call, Node behaviour, Node anchor) {
    Node member(String name) {
      for (Node m : behaviour.namedChildren()) {
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
    Node call = edits.nodeAt(endpoint.declaration(), "call_expression", "member_expression", "property_identifier");
    while (call != null && !call.is("call_expression")) {
      call = call.parent(); // a chained uWS.App().ws(...) is declared at the .ws( property
    }
    Node behaviour = call == null || !"ws".equals(Syntax.calleeName(call)) ? null : Syntax.argument(call, 1);
    if (behaviour == null || !behaviour.is("object") || behaviour.namedChildren().isEmpty()) {
      return null;
    }
    for (Node m : behaviour.namedChildren()) {
      if (!m.isAny("pair", "shorthand_property_identifier", "method_definition")) {
        return null; // a spread: the behaviour is not all in sight
      }
    }
    Node anchor = firstRouteStatement();
    return anchor == null ? null : new Route(call, behaviour, anchor);
  }

  private Node firstRouteStatement() {
    for (Node n : edits.tree().root().descendants()) {
      if (Syntax.isCall(n) && "ws".equals(Syntax.calleeName(n)) && Syntax.argument(n, 1) != null
          && Syntax.argument(n, 1).is("object")) {
        return edits.topLevelStatement(n);
      }
    }
    return null;
  }

  /**
   * An {@code upgrade} handler that answers 401 unless the request's user is verified, and otherwise upgrades with
   * the user as the connection's user data ({@code ws.getUserData().user}).
   */
  public Optional<Fix> addUpgradeAuth(Endpoint endpoint) {
    Route r = route(endpoint);
    if (r == null || !endpoint.guards(GuardKind.AUTHENTICATION).isEmpty() || r.member("upgrade") != null
        || r.behaviour.line() == r.behaviour.namedChildren().get(0).line()) {
      return Optional.empty(); // a one-line behaviour has no line of its own for the handler
    }
    if (r.call.child("type_arguments") != null) {
      return Optional.empty(); // app.ws<UserData>(...): what the user data holds is the app's type, not ours to widen
    }
    // uWS's request is no Node request, and an async check would need onAborted and cork: only the placeholder fits
    Optional<UpgradeUser> found = UpgradeUser.of(edits, context, "req", null, REQUEST_TYPE,
        "the app's own check of the credential it reads with req.getHeader() (before any await: uWS frees req when"
            + " the upgrade handler returns)");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    UpgradeUser user = found.get();
    String handler = "upgrade: (res, req, context) => {\n"
        + user.lines("  ")
        + "  if (!user) {\n"
        + "    res.writeStatus('401 Unauthorized').end();\n"
        + "    return;\n"
        + "  }\n"
        + "  res.upgrade(\n"
        + "    { user },\n"
        + "    req.getHeader('sec-websocket-key'),\n"
        + "    req.getHeader('sec-websocket-protocol'),\n"
        + "    req.getHeader('sec-websocket-extensions'),\n"
        + "    context,\n"
        + "  );\n"
        + "}";
    List<TextEdit> out = new ArrayList<>();
    out.add(edits.addProperty(r.behaviour, edits.code(handler, "")));
    out.add(edits.insertBlockBelow(r.anchor, edits.code(user.placeholder(), "")));
    return Optional.of(new Fix("Authenticate at the upgrade: an upgrade handler answers 401 unless "
        + user.description() + " returns a user", out));
  }

  /**
   * At the top of the upgrade handler, before anything reads {@code req} or awaits: 403 unless the Origin is listed
   * in {@code ALLOWED_ORIGINS} (comma-separated; empty refuses every browser).
   */
  public Optional<Fix> restrictOrigins(Endpoint endpoint) {
    Route r = route(endpoint);
    if (r == null || edits.declares(ALLOWED_ORIGINS)) {
      return Optional.empty();
    }
    Node member = r.member("upgrade");
    Node fn = member == null ? null : member.is("pair") ? Syntax.unwrap(member.child("value")) : member;
    if (fn == null || !Syntax.isFunction(fn) && !fn.is("method_definition")) {
      return Optional.empty();
    }
    List<Node> params = Syntax.parameters(fn);
    Node body = Syntax.body(fn);
    if (params.size() < 2 || !params.get(0).is("identifier") || !params.get(1).is("identifier") || body == null
        || !body.is("statement_block") || body.namedChildren().isEmpty()
        || body.namedChildren().get(0).line() == body.line()) {
      return Optional.empty();
    }
    Node first = body.namedChildren().get(0);
    String res = params.get(0).text();
    String req = params.get(1).text();
    String check = "if (!" + ALLOWED_ORIGINS + ".has(" + req + ".getHeader('origin'))) {\n"
        + "  " + res + ".writeStatus('403 Forbidden').end();\n"
        + "  return;\n"
        + "}";
    String allowList = "// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection"
        + " is refused\n"
        + "const " + ALLOWED_ORIGINS + " = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));";
    List<TextEdit> out = new ArrayList<>();
    out.add(edits.insertBlockAbove(edits.aboveWithComments(r.anchor), edits.code(allowList, "")));
    out.add(edits.insert(edits.aboveWithComments(first), edits.code(check, edits.indentAt(first.startByte())) + "\n"));
    return Optional.of(new Fix("Restrict Origins: the upgrade handler answers 403 unless the Origin is listed in"
        + " ALLOWED_ORIGINS (none until it is set)", out));
  }
}
