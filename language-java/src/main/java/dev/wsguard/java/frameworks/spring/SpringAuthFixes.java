package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.Strength;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.java.fix.JavaEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Upgrade-time authentication for Spring endpoints, as Spring documents it: a {@code HandshakeInterceptor} whose
 * {@code beforeHandshake} answers 401 and returns false (plain WebSocket), and a client-inbound
 * {@code ChannelInterceptor} that authenticates the STOMP CONNECT frame and throws, which makes Spring answer an
 * ERROR frame and close the session (STOMP). The user comes from Spring Security's principal where Spring Security
 * authenticates the app's other paths, else from the project's own token check, else from a stub that returns no
 * user, so the patch refuses everyone until it is wired.
 */
final class SpringAuthFixes {
  static final String HANDSHAKE_INTERCEPTOR = "AuthenticatingHandshakeInterceptor";
  static final String CONNECT_INTERCEPTOR = "ConnectAuthenticationInterceptor";
  static final String AUTHENTICATE = "authenticate";
  /** RFC 6750's query parameter for a bearer token: browsers cannot set headers on a WebSocket handshake. */
  static final String TOKEN_PARAMETER = "access_token";

  private SpringAuthFixes() {}

  static Optional<Fix> handshakeInterceptor(Endpoint endpoint, JavaEdits edits, FixContext context) {
    MethodCallExpr registration = SpringFixes.registration(endpoint, edits);
    if (registration == null || guardedElsewhere(endpoint) || edits.mentions(HANDSHAKE_INTERCEPTOR)) {
      return Optional.empty();
    }
    ClassOrInterfaceDeclaration config = SpringFixes.configurer(registration);
    List<String> imports = new ArrayList<>(List.of("java.util.Map", "java.security.Principal",
        "org.springframework.http.HttpStatus", "org.springframework.http.server.ServerHttpRequest",
        "org.springframework.http.server.ServerHttpResponse", "org.springframework.web.socket.WebSocketHandler",
        "org.springframework.web.socket.server.HandshakeInterceptor"));
    List<TextEdit> out = new ArrayList<>();
    String user;
    String helper = "";
    String modifiers = "static class ";
    String wiredTo;
    if (securityAuthenticatesOtherPaths(endpoint)) {
      // the app's security filters already establish who is signed in; this path only lacks the requirement
      user = "Principal user = request.getPrincipal();\nif (user == null) {";
      wiredTo = "the principal Spring Security established";
    } else {
      Optional<SpringFixes.Chosen> chosen = SpringFixes.verifier(config, edits, context);
      if (chosen.isPresent()) {
        imports.add("org.springframework.web.util.UriComponentsBuilder");
        imports.add(chosen.get().call().verifier().container());
        modifiers = chosen.get().receiver() == null ? "static class " : "class ";
        String read = "String token = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams()\n"
            + "    .getFirst(\"" + TOKEN_PARAMETER + "\");\n";
        user = read + verifiedUser(chosen.get(), "token");
        wiredTo = chosen.get().call().verifier().name();
      } else {
        user = "Principal user = " + AUTHENTICATE + "(request);\nif (user == null) {";
        helper = "\n\n// Rejects every handshake until it is wired to the app's own check of the request's credential (the\n"
            + "// principal Spring Security established, or a token verified with the app's key): return the user, or\n"
            + "// null to answer 401.\n"
            + "private static Principal " + AUTHENTICATE + "(ServerHttpRequest request) {\n"
            + "  return null;\n"
            + "}";
        wiredTo = AUTHENTICATE + "() until it is wired to the app's credential check";
      }
    }
    Optional<List<TextEdit>> added = edits.addImports(imports);
    if (added.isEmpty()) {
      return Optional.empty();
    }
    out.addAll(added.get());
    String body = indented(user, 2)
        + "\n      response.setStatusCode(HttpStatus.UNAUTHORIZED);\n"
        + "      return false;\n"
        + "    }\n"
        + "    attributes.put(\"user\", user);\n"
        + "    return true;\n";
    String member = "/** Refuses the handshake with 401 unless the request carries a verified user, kept in the session. */\n"
        + modifiers + HANDSHAKE_INTERCEPTOR + " implements HandshakeInterceptor {\n"
        + "  @Override\n"
        + "  public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,\n"
        + "      WebSocketHandler wsHandler, Map<String, Object> attributes) {\n"
        + body
        + "  }\n"
        + "\n"
        + "  @Override\n"
        + "  public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,\n"
        + "      WebSocketHandler wsHandler, Exception exception) {\n"
        + "    // nothing to do once the connection is up\n"
        + "  }"
        + indented(helper, 1) + "\n"
        + "}";
    Optional<TextEdit> nested = edits.addMember(config, member);
    if (nested.isEmpty()) {
      return Optional.empty();
    }
    out.add(nested.get());
    out.add(addToChain(registration, ".addInterceptors(new " + HANDSHAKE_INTERCEPTOR + "())", edits));
    return Optional.of(new Fix("Authenticate the handshake: a HandshakeInterceptor that answers 401 unless "
        + wiredTo + " gives a user", out));
  }

  static Optional<Fix> connectInterceptor(Endpoint endpoint, JavaEdits edits, FixContext context) {
    MethodCallExpr registration = SpringFixes.registration(endpoint, edits);
    if (registration == null || guardedElsewhere(endpoint) || edits.mentions(CONNECT_INTERCEPTOR)) {
      return Optional.empty();
    }
    ClassOrInterfaceDeclaration config = SpringFixes.configurer(registration);
    List<MethodDeclaration> inbound = config.getMethodsByName("configureClientInboundChannel");
    if (inbound.size() > 1 || config.getMethods().stream().anyMatch(m -> m.getNameAsString().equals("preSend"))) {
      return Optional.empty();
    }
    List<String> imports = new ArrayList<>(List.of("java.security.Principal",
        "org.springframework.messaging.Message", "org.springframework.messaging.MessageChannel",
        "org.springframework.messaging.MessagingException", "org.springframework.messaging.simp.stomp.StompCommand",
        "org.springframework.messaging.simp.stomp.StompHeaderAccessor",
        "org.springframework.messaging.support.ChannelInterceptor",
        "org.springframework.messaging.support.MessageHeaderAccessor"));
    List<TextEdit> out = new ArrayList<>();
    String user;
    String helper = "";
    String modifiers = "static class ";
    String wiredTo;
    Optional<SpringFixes.Chosen> chosen = SpringFixes.verifier(config, edits, context);
    if (chosen.isPresent()) {
      imports.add(chosen.get().call().verifier().container());
      modifiers = chosen.get().receiver() == null ? "static class " : "class ";
      user = "String authorization = accessor.getFirstNativeHeader(\"Authorization\");\n"
          + "String token = authorization != null && authorization.startsWith(\"Bearer \")\n"
          + "    ? authorization.substring(7) : authorization;\n"
          + verifiedUser(chosen.get(), "token");
      wiredTo = chosen.get().call().verifier().name();
    } else {
      user = "Principal user = " + AUTHENTICATE + "(accessor);\nif (user == null) {";
      helper = "\n\n// Rejects every CONNECT until it is wired to the app's own check of the frame's credential (a token\n"
          + "// in its Authorization header, verified with the app's key): return the user, or null to refuse.\n"
          + "private static Principal " + AUTHENTICATE + "(StompHeaderAccessor accessor) {\n"
          + "  return null;\n"
          + "}";
      wiredTo = AUTHENTICATE + "() until it is wired to the app's credential check";
    }
    if (inbound.isEmpty()) {
      imports.add("org.springframework.messaging.simp.config.ChannelRegistration");
    }
    Optional<List<TextEdit>> added = edits.addImports(imports);
    if (added.isEmpty()) {
      return Optional.empty();
    }
    out.addAll(added.get());
    String register = "registration.interceptors(new " + CONNECT_INTERCEPTOR + "());";
    String override = "";
    if (inbound.isEmpty()) {
      override = "@Override\n"
          + "public void configureClientInboundChannel(ChannelRegistration registration) {\n"
          + "  " + register + "\n"
          + "}\n\n";
    } else {
      Optional<TextEdit> first = firstStatement(inbound.get(0), edits);
      if (first.isEmpty()) {
        return Optional.empty();
      }
      out.add(first.get());
    }
    String member = override
        + "/** Authenticates the STOMP CONNECT frame: no verified user, no session (Spring answers an ERROR frame). */\n"
        + modifiers + CONNECT_INTERCEPTOR + " implements ChannelInterceptor {\n"
        + "  @Override\n"
        + "  public Message<?> preSend(Message<?> message, MessageChannel channel) {\n"
        + "    StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);\n"
        + "    if (accessor != null && StompCommand.CONNECT.equals(accessor.getCommand())) {\n"
        + indented(user, 3) + "\n"
        + "        throw new MessagingException(\"Unauthorized\");\n"
        + "      }\n"
        + "      accessor.setUser(user);\n"
        + "    }\n"
        + "    return message;\n"
        + "  }"
        + indented(helper, 1) + "\n"
        + "}";
    Optional<TextEdit> nested = edits.addMember(config, member);
    if (nested.isEmpty()) {
      return Optional.empty();
    }
    out.add(nested.get());
    return Optional.of(new Fix("Authenticate the STOMP CONNECT frame: a client-inbound ChannelInterceptor that refuses"
        + " the session unless " + wiredTo + " gives a user", out));
  }

  /**
   * The endpoint has an interceptor (or handler) of its own that reads a credential but does not verify it or lets
   * failures through: the repair belongs in it (unverified-token patches a decode), and a second gate stacked
   * beside it would leave the first one's half-checked user in place.
   */
  private static boolean guardedElsewhere(Endpoint endpoint) {
    return endpoint.guards(GuardKind.AUTHENTICATION).stream().anyMatch(g -> !(g.place() == GuardPlace.HANDSHAKE
        && g.strength() == Strength.VERIFIED && g.coverage() == Coverage.SOME_PATHS));
  }

  /**
   * Spring Security requires authentication on some of this endpoint's paths: its filters establish the principal
   * of a signed-in request, and only this path's requirement is missing. (Spring endpoints get a guard covering
   * some paths only from Spring Security's rules.)
   */
  private static boolean securityAuthenticatesOtherPaths(Endpoint endpoint) {
    return endpoint.guards(GuardKind.AUTHENTICATION).stream().anyMatch(g -> g.place() == GuardPlace.HANDSHAKE
        && g.strength() == Strength.VERIFIED && g.coverage() == Coverage.SOME_PATHS);
  }

  /**
   * Statements (two-space template) that set {@code user} from the project's check of {@code token} and open the
   * {@code if} that refuses: a verifier that throws is caught, one that answers {@code false} or null is tested.
   */
  static String verifiedUser(SpringFixes.Chosen chosen, String token) {
    String call = chosen.expression(token);
    Verifier v = chosen.call().verifier();
    if (v.failure() == Verifier.Failure.THROWS) {
      return "Object user;\n"
          + "try {\n"
          + "  user = " + token + " == null ? null : " + call + ";\n"
          + "} catch (RuntimeException e) {\n"
          + "  user = null;\n"
          + "}\n"
          + "if (user == null) {";
    }
    return "Object user = " + token + " == null ? null : " + call + ";\n"
        + "if (user == null || Boolean.FALSE.equals(user)) {";
  }

  /**
   * A call chained right after the registration: on a line of its own, in the chain's indentation, where the chain
   * goes on on the next line (any comment trailing the registration stays on its line); else on the same line.
   */
  private static TextEdit addToChain(MethodCallExpr registration, String call, JavaEdits edits) {
    int end = edits.end(registration);
    String rest = edits.text(end, edits.lineEnd(end)).strip();
    if (registration.getParentNode().orElse(null) instanceof MethodCallExpr next
        && next.getScope().orElse(null) == registration && (rest.isEmpty() || rest.startsWith("//"))) {
      int nextName = edits.start(next.getName());
      String indent = edits.indentAt(nextName);
      if (edits.lineStart(nextName) > end && edits.text(edits.lineStart(nextName), nextName).strip().equals(".")) {
        return edits.insert(edits.nextLineStart(end), indent + call + "\n");
      }
    }
    return edits.insert(end, call);
  }

  /** A statement as the first of a method's body, in the body's indentation. */
  private static Optional<TextEdit> firstStatement(MethodDeclaration method, JavaEdits edits) {
    BlockStmt body = method.getBody().orElse(null);
    if (body == null || method.getParameters().size() != 1) {
      return Optional.empty();
    }
    String parameter = method.getParameter(0).getNameAsString();
    String statement = parameter + ".interceptors(new " + CONNECT_INTERCEPTOR + "());";
    if (body.getStatements().isEmpty()) {
      int close = edits.end(body) - 1;
      if (!edits.text(edits.lineStart(close), close).isBlank()) {
        return Optional.empty();
      }
      String indent = edits.indentAt(edits.start(method)) + edits.indentUnit();
      return Optional.of(edits.insert(edits.lineStart(close), indent + statement + "\n"));
    }
    int first = edits.start(body.getStatement(0));
    return SpringFixes.lineAbove(body.getStatement(0), edits)
        .map(at -> edits.insert(at, edits.indentAt(first) + statement + "\n"));
  }

  /** Each line of a two-space template pushed {@code depth} steps deeper (blank lines stay blank). */
  private static String indented(String template, int depth) {
    if (template.isEmpty()) {
      return template;
    }
    StringBuilder out = new StringBuilder();
    String[] lines = template.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      if (!lines[i].isBlank()) {
        out.append("  ".repeat(depth)).append(lines[i]);
      }
    }
    return out.toString();
  }
}
