package dev.wsguard.java.frameworks.netty;

import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
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
 * Patches for Netty pipelines: a handler added just before {@code WebSocketServerProtocolHandler}, where it sees
 * the HTTP upgrade request, answers 403 to a browser page from an Origin not listed in {@code ALLOWED_ORIGINS}
 * (empty until it is set, so every browser is refused) and 401 to a request without a valid token (from
 * {@code Authorization: Bearer} or the {@code access_token} query parameter), closing the channel; anything else
 * goes on unchanged. The token goes to the project's own verifier where there is one, else to a placeholder that
 * rejects every token until it is wired. Where an endpoint lacks both checks, either finding's patch adds both, so
 * the two patches are the same and one of them is kept.
 */
public final class NettyFixes implements JavaFixer {
  static final String GUARD = "UpgradeGuard";
  private static final String AUTHENTICATE = "authenticate";
  private static final List<String> HANDLER_IMPORTS = List.of("io.netty.channel.ChannelFutureListener",
      "io.netty.channel.ChannelHandlerContext", "io.netty.channel.ChannelInboundHandlerAdapter",
      "io.netty.handler.codec.http.DefaultFullHttpResponse", "io.netty.handler.codec.http.FullHttpRequest",
      "io.netty.handler.codec.http.HttpHeaderNames", "io.netty.handler.codec.http.HttpResponseStatus",
      "io.netty.handler.codec.http.HttpVersion", "io.netty.util.ReferenceCountUtil");
  private static final List<String> AUTH_IMPORTS = List.of("io.netty.handler.codec.http.QueryStringDecoder",
      "java.util.List");
  private static final List<String> ORIGIN_IMPORTS = List.of("java.util.Arrays", "java.util.Set",
      "java.util.stream.Collectors");

  @Override
  public Optional<Fix> render(FixIntent intent, JavaEdits edits, FixContext context) {
    Endpoint endpoint = intent.endpoint();
    if (!(intent instanceof FixIntent.AddUpgradeAuth || intent instanceof FixIntent.RestrictOrigins)) {
      return Optional.empty();
    }
    boolean checkOrigin = !endpoint.originPolicy().rejectsForeignOrigins();
    boolean authenticate = !endpoint.authenticated();
    if (!checkOrigin && !authenticate) {
      return Optional.empty();
    }
    return guard(edits, context, endpoint, checkOrigin, authenticate);
  }

  private static Optional<Fix> guard(JavaEdits edits, FixContext context, Endpoint endpoint, boolean checkOrigin,
      boolean authenticate) {
    ObjectCreationExpr protocol = edits.nodeAt(endpoint.declaration(), ObjectCreationExpr.class);
    if (protocol == null || !edits.unit().types().is(protocol.getType().getNameWithScope(),
        NettyRecognizer.PROTOCOL_HANDLER)) {
      return Optional.empty();
    }
    // the protocol handler is an argument of addLast: the guard goes in just before it, in the same call
    if (!(protocol.getParentNode().orElse(null) instanceof MethodCallExpr add)
        || !add.getNameAsString().equals("addLast") || !add.getArguments().contains(protocol)
        || add.getArguments().size() > 1 && add.getArgument(0).isStringLiteralExpr()) {
      return Optional.empty();
    }
    TypeDeclaration<?> holder = add.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t).orElse(null);
    if (holder == null || edits.mentions(GUARD)) {
      return Optional.empty();
    }
    List<String> imports = new ArrayList<>(HANDLER_IMPORTS);
    List<TextEdit> out = new ArrayList<>();
    Optional<ProjectVerifiers.Call> verifier = Optional.empty();
    if (authenticate) {
      imports.addAll(AUTH_IMPORTS);
      verifier = ProjectVerifiers.choose(edits, context, Verifier.Input.TOKEN, false);
      // its import goes with the guard's, in one edit per place: two inserts at one point would overlap
      verifier.ifPresent(v -> imports.add(v.verifier().container()));
    }
    if (checkOrigin) {
      imports.addAll(ORIGIN_IMPORTS);
    }
    Optional<List<TextEdit>> added = edits.addImports(imports);
    if (added.isEmpty()) {
      return Optional.empty();
    }
    Optional<TextEdit> member = edits.addMember(holder, handler(checkOrigin, authenticate, verifier));
    if (member.isEmpty()) {
      return Optional.empty();
    }
    out.addAll(added.get());
    out.add(member.get());
    out.add(edits.insert(edits.start(protocol), "new " + GUARD + "(), "));
    List<String> what = new ArrayList<>();
    if (checkOrigin) {
      what.add("403 for a browser Origin not in ALLOWED_ORIGINS (none until it is set)");
    }
    if (authenticate) {
      what.add("401 for a request whose token " + verifier.map(v -> v.owner() + "." + v.verifier().name()
          + " does not accept").orElse(AUTHENTICATE + "() does not accept (none, until it is wired)"));
    }
    return Optional.of(new Fix("Check the upgrade request in a handler before WebSocketServerProtocolHandler: "
        + String.join(", and ", what), out));
  }

  private static String handler(boolean checkOrigin, boolean authenticate, Optional<ProjectVerifiers.Call> verifier) {
    StringBuilder t = new StringBuilder();
    t.append("// Sees the HTTP upgrade request before WebSocketServerProtocolHandler: refusing it answers the request\n")
        .append("// and closes the channel; anything else goes on unchanged\n")
        .append("static class ").append(GUARD).append(" extends ChannelInboundHandlerAdapter {\n");
    if (checkOrigin) {
      t.append("  // Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is")
          .append(" refused\n")
          .append("  private static final Set<String> ALLOWED_ORIGINS =\n")
          .append("      Arrays.stream(System.getenv().getOrDefault(\"ALLOWED_ORIGINS\", \"\").split(\",\"))\n")
          .append("          .map(String::strip).filter(o -> !o.isEmpty()).collect(Collectors.toUnmodifiableSet());\n")
          .append("\n");
    }
    t.append("  @Override\n")
        .append("  public void channelRead(ChannelHandlerContext ctx, Object msg) {\n")
        .append("    if (msg instanceof FullHttpRequest request) {\n");
    if (checkOrigin) {
      t.append("      // browsers always send Origin on a WebSocket upgrade; other clients are left to the token\n")
          .append("      String origin = request.headers().get(HttpHeaderNames.ORIGIN);\n")
          .append("      if (origin != null && !ALLOWED_ORIGINS.contains(origin)) {\n")
          .append(refusal("FORBIDDEN"))
          .append("      }\n");
    }
    if (authenticate) {
      t.append("      String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);\n")
          .append("      List<String> query = new QueryStringDecoder(request.uri()).parameters().get(\"access_token\");\n")
          .append("      String token = header != null && header.startsWith(\"Bearer \") ? header.substring(7)\n")
          .append("          : query != null && !query.isEmpty() ? query.get(0) : null;\n")
          .append("      if (token == null || ").append(AUTHENTICATE).append("(token) == null) {\n")
          .append(refusal("UNAUTHORIZED"))
          .append("      }\n");
    }
    t.append("    }\n")
        .append("    ctx.fireChannelRead(msg);\n")
        .append("  }\n");
    if (authenticate) {
      t.append("\n");
      if (verifier.isPresent()) {
        ProjectVerifiers.Call v = verifier.get();
        String call = v.expression("", "token");
        t.append("  // the user the token belongs to, by the project's own check; null when it refuses the token\n")
            .append("  private static Object ").append(AUTHENTICATE).append("(String token) {\n");
        if (v.verifier().failure() == Verifier.Failure.THROWS) {
          t.append("    try {\n")
              .append("      ").append(call).append(";\n")
              .append("      return token;\n")
              .append("    } catch (Exception e) {\n")
              .append("      return null;\n")
              .append("    }\n");
        } else {
          t.append("    Object user = ").append(call).append(";\n")
              .append("    return Boolean.FALSE.equals(user) ? null : user;\n");
        }
        t.append("  }\n");
      } else {
        t.append("  // Rejects every token until it is wired to the app's own check (a JWT verified with the app's\n")
            .append("  // key, a session lookup): return the token's user, or null to answer 401\n")
            .append("  private static Object ").append(AUTHENTICATE).append("(String token) {\n")
            .append("    return null;\n")
            .append("  }\n");
      }
    }
    t.append("}");
    return t.toString();
  }

  private static String refusal(String status) {
    return "        ReferenceCountUtil.release(request);\n"
        + "        ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus." + status
        + "))\n"
        + "            .addListener(ChannelFutureListener.CLOSE);\n"
        + "        return;\n";
  }
}
