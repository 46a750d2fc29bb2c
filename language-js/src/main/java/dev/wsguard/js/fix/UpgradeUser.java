package dev.wsguard.js.fix;

import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Verifier;
import java.util.List;
import java.util.Optional;

/**
 * How an inserted handshake hook obtains the connection's user (DESIGN.md "Suggested patches": fail closed): the
 * project's own verifier of the request when one fits, else a call of a placeholder that returns null, so the hook
 * refuses everyone until it is wired. Shared by the hook-style fixers (express-ws, @fastify/websocket,
 * uWebSockets.js), whose hooks differ only in how they refuse and in what they call the request.
 *
 * @param statements canonical template lines (no indentation) that leave the user, or a falsy value, in
 *     {@code user}
 * @param async true when the statements await, so the hook must be an async function
 * @param imports the edits that bring the verifier into the file; empty for the placeholder
 * @param placeholder the placeholder function's canonical template, or null when the project's verifier is called
 * @param description how the fix's description names the check
 */
public record UpgradeUser(List<String> statements, boolean async, List<TextEdit> imports, String placeholder,
    String description) {
  /** The placeholder's name: the one WsFixes uses too, so that every patched app has one function to wire. */
  public static final String PLACEHOLDER = "authenticateUpgrade";

  /**
   * The user of {@code request}, read by the project's verifier of Node requests when there is one (given
   * {@code nodeRequest}, the expression that is the Node {@code IncomingMessage}), else by the placeholder.
   *
   * @param nodeRequest the Node request, or null when the framework's request is no Node request (uWS)
   * @param requestType the placeholder parameter's TypeScript type
   * @return empty when the placeholder is needed and its name is taken in the file
   */
  public static Optional<UpgradeUser> of(JsEdits edits, FixContext context, String request, String nodeRequest,
      String requestType, String whatToWire) {
    Optional<ProjectVerifiers.Call> call = nodeRequest == null ? Optional.empty()
        : ProjectVerifiers.choose(edits, context, Verifier.Input.REQUEST);
    if (call.isPresent()) {
      ProjectVerifiers.Call c = call.get();
      boolean async = c.verifier().async();
      String expression = c.expression(nodeRequest);
      List<String> statements = async || c.verifier().failure() == Verifier.Failure.THROWS
          // a rejected or thrown check refuses the connection instead of escaping the hook
          ? List.of("let user;", "try {", "  user = " + expression + ";", "} catch {", "  user = null;", "}")
          : List.of("const user = " + expression + ";");
      return Optional.of(new UpgradeUser(statements, async, c.imports(), null, c.local() + "()"));
    }
    if (edits.declares(PLACEHOLDER)) {
      return Optional.empty();
    }
    String placeholder = JsEdits.comment("Refuses every connection until it is wired to " + whatToWire
        + ": return the user, or null to refuse.") + "\n"
        + edits.functionHeader(false, PLACEHOLDER, List.of(request), List.of(requestType), "object | null") + "\n"
        + "  return null;\n"
        + "}";
    return Optional.of(new UpgradeUser(List.of("const user = " + PLACEHOLDER + "(" + request + ");"), false,
        List.of(), placeholder, PLACEHOLDER + "() (a placeholder that refuses everyone until it is wired)"));
  }

  /** The statements, each line prefixed by {@code indent} and ended by a line break (canonical template). */
  public String lines(String indent) {
    StringBuilder out = new StringBuilder();
    for (String s : statements) {
      out.append(indent).append(s).append('\n');
    }
    return out.toString();
  }
}
