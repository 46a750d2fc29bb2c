package dev.wsguard.java.frameworks.javawebsocket;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.java.fix.JavaEdits;
import dev.wsguard.java.fix.JavaFixer;
import dev.wsguard.java.fix.ProjectVerifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Patches for Java-WebSocket servers, in the library's handshake hook: {@code onWebsocketHandshakeReceivedAsServer}
 * runs before the upgrade is answered, and an {@code InvalidDataException} thrown out of it refuses the connection
 * (the library closes it with the exception's code) before {@code onOpen} runs. The patch overrides the hook in a
 * class that has none, with an Origin allow-list (empty until it is filled in, so every browser is refused) and a
 * credential check that rejects until it is wired (or calls the project's own verifier), then defers to
 * {@code super}. Both intents of one server write the same override, so each renders every part the server lacks;
 * whichever comes first carries both, and the other, overlapping, is dropped. A class that already overrides the
 * hook gets only the Origin check, as the hook's first statement; its authentication is not rewritten.
 */
public final class JavaWebSocketFixes implements JavaFixer {
  static final String HOOK = "onWebsocketHandshakeReceivedAsServer";
  static final String ALLOWED_ORIGINS = "ALLOWED_ORIGINS";
  static final String AUTHENTICATE = "authenticateHandshake";
  static final String REFUSE = "throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, ";

  @Override
  public Optional<Fix> render(FixIntent intent, JavaEdits edits, FixContext context) {
    if (!(intent instanceof FixIntent.AddUpgradeAuth || intent instanceof FixIntent.RestrictOrigins)) {
      return Optional.empty();
    }
    Endpoint endpoint = intent.endpoint();
    boolean authIntent = intent instanceof FixIntent.AddUpgradeAuth;
    ClassOrInterfaceDeclaration server = serverAt(edits, endpoint);
    if (server == null) {
      return Optional.empty();
    }
    boolean origin = !endpoint.originPolicy().rejectsForeignOrigins();
    boolean auth = !endpoint.authenticated();
    if (!(authIntent ? auth : origin) || origin && edits.mentions(ALLOWED_ORIGINS)) {
      return Optional.empty();
    }
    List<MethodDeclaration> hooks = server.getMethodsByName(HOOK);
    if (!hooks.isEmpty()) {
      return authIntent || hooks.size() != 1 ? Optional.empty() : originInHook(edits, server, hooks.get(0));
    }
    if (auth && edits.mentions(AUTHENTICATE)) {
      return Optional.empty();
    }
    StringBuilder t = new StringBuilder();
    if (origin) {
      t.append(allowList()).append("\n\n");
    }
    t.append("@Override\n")
        .append("public ServerHandshakeBuilder ").append(HOOK).append("(WebSocket conn, Draft draft,\n")
        .append("    ClientHandshake request) throws InvalidDataException {\n");
    if (origin) {
      t.append(indent(originCheck("request")));
    }
    String verifier = null;
    String verifierClass = null;
    if (auth) {
      Optional<ProjectVerifiers.Call> call = ProjectVerifiers.choose(edits, context, Verifier.Input.TOKEN, false);
      if (call.isPresent()) {
        ProjectVerifiers.Call c = call.get();
        verifier = c.owner() + "." + c.verifier().name();
        verifierClass = c.verifier().container();
        String rejected = c.verifier().failure() == Verifier.Failure.RETURNS_FALSY
            ? "user == null || Boolean.FALSE.equals(user)" : "user == null";
        t.append("  String header = request.getFieldValue(\"Authorization\");\n")
            .append("  if (header == null || !header.startsWith(\"Bearer \")) {\n")
            .append("    ").append(REFUSE).append("\"Bearer token required\");\n")
            .append("  }\n")
            .append("  Object user;\n")
            .append("  try {\n")
            .append("    user = ").append(c.expression(null, "header.substring(7)")).append(";\n")
            .append("  } catch (Exception e) {\n")
            .append("    ").append(REFUSE).append("\"Invalid token\");\n")
            .append("  }\n")
            .append("  if (").append(rejected).append(") {\n")
            .append("    ").append(REFUSE).append("\"Invalid token\");\n")
            .append("  }\n");
      } else {
        t.append("  Object user = ").append(AUTHENTICATE).append("(request);\n")
            .append("  if (user == null) {\n")
            .append("    ").append(REFUSE).append("\"Not authenticated\");\n")
            .append("  }\n");
      }
      t.append("  conn.setAttachment(user);\n");
    }
    t.append("  return super.").append(HOOK).append("(conn, draft, request);\n")
        .append("}");
    if (auth && verifier == null) {
      t.append("\n\n")
          .append("// Rejects every handshake until it is wired to the app's own check of the request's credential (a\n")
          .append("// session cookie, or a token verified with the app's key): return the user, or null to refuse.\n")
          .append("private static Object ").append(AUTHENTICATE).append("(ClientHandshake request) {\n")
          .append("  return null;\n")
          .append("}");
    }
    List<String> wanted = new ArrayList<>(List.of("org.java_websocket.WebSocket", "org.java_websocket.drafts.Draft",
        "org.java_websocket.exceptions.InvalidDataException", "org.java_websocket.framing.CloseFrame",
        "org.java_websocket.handshake.ClientHandshake", "org.java_websocket.handshake.ServerHandshakeBuilder"));
    if (origin) {
      wanted.add("java.util.Set");
    }
    if (verifierClass != null) {
      wanted.add(verifierClass);
    }
    Optional<TextEdit> added = edits.addMember(server, t.toString());
    Optional<List<TextEdit>> imports = edits.addImports(wanted);
    if (added.isEmpty() || imports.isEmpty()) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>(imports.get());
    out.add(added.get());
    List<String> parts = new ArrayList<>();
    if (origin) {
      parts.add("refuses Origins not listed in " + ALLOWED_ORIGINS + " (none until it is filled in)");
    }
    if (auth) {
      parts.add(verifier != null ? "refuses unless " + verifier + " accepts the Authorization bearer token"
          : "refuses every upgrade until " + AUTHENTICATE + "() is wired to the app's credential check");
    }
    return Optional.of(new Fix("Check the handshake in " + HOOK + ": it " + String.join(" and ", parts), out));
  }

  /** The Origin check as the first statement of an existing hook, and the allow-list as a field of the class. */
  private static Optional<Fix> originInHook(JavaEdits edits, ClassOrInterfaceDeclaration server,
      MethodDeclaration hook) {
    if (hook.getParameters().size() != 3 || hook.getBody().isEmpty() || hook.getBody().get().isEmpty()) {
      return Optional.empty();
    }
    BlockStmt body = hook.getBody().get();
    Statement first = body.getStatement(0);
    int at = edits.lineStart(edits.start(first));
    if (!edits.text(at, edits.start(first)).isBlank()) {
      return Optional.empty();
    }
    String request = hook.getParameter(2).getNameAsString();
    Optional<TextEdit> field = edits.addMember(server, allowList());
    Optional<List<TextEdit>> imports = edits.addImports(List.of("java.util.Set",
        "org.java_websocket.exceptions.InvalidDataException", "org.java_websocket.framing.CloseFrame"));
    if (field.isEmpty() || imports.isEmpty()) {
      return Optional.empty();
    }
    List<TextEdit> out = new ArrayList<>(imports.get());
    out.add(edits.insert(at, edits.code(originCheck(request), edits.indentAt(edits.start(first))) + "\n"));
    out.add(field.get());
    return Optional.of(new Fix("Check the Origin in " + HOOK + ": it refuses Origins not listed in " + ALLOWED_ORIGINS
        + " (none until it is filled in)", out));
  }

  /** The class the endpoint's declaration names ({@code class X extends WebSocketServer}). */
  private static ClassOrInterfaceDeclaration serverAt(JavaEdits edits, Endpoint endpoint) {
    for (ClassOrInterfaceDeclaration c : edits.tree().findAll(ClassOrInterfaceDeclaration.class)) {
      if (edits.start(c.getName()) == endpoint.declaration().startByte() && c.getExtendedTypes().stream()
          .anyMatch(t -> edits.unit().types().is(t.getNameWithScope(), JavaWebSocketRecognizer.SERVER))) {
        return c;
      }
    }
    return null;
  }

  private static String allowList() {
    return "// Browser Origins allowed to connect (\"https://app.example.com\"); while empty, every browser is refused\n"
        + "private static final Set<String> " + ALLOWED_ORIGINS + " = Set.of();";
  }

  private static String originCheck(String request) {
    return "if (!" + ALLOWED_ORIGINS + ".contains(" + request + ".getFieldValue(\"Origin\"))) {\n"
        + "  " + REFUSE + "\"Origin not allowed\");\n"
        + "}";
  }

  private static String indent(String template) {
    StringBuilder out = new StringBuilder();
    for (String line : template.split("\n")) {
      out.append("  ").append(line).append('\n');
    }
    return out.toString();
  }
}
