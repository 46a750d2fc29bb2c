package dev.wsguard.java.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.wsguard.core.model.CredentialSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a handshake's credential comes from, read off the calls that fetch it: the query string, a header (the
 * Authorization header, a cookie, the subprotocol list), the container's principal or HTTP session. The method
 * names cover the Jakarta {@code HandshakeRequest}, the Servlet request, Netty's {@code HttpRequest} and
 * Java-WebSocket's {@code ClientHandshake}.
 */
public final class Credentials {
  private static final Set<String> QUERY_READS = Set.of("getRequestParameterMap", "getQueryString", "getParameter",
      "getParameterMap", "getResourceDescriptor", "getRequestURI", "getPathParameters", "parameters");
  private static final Set<String> HEADER_READS =
      Set.of("getHeader", "getHeaders", "getFieldValue", "headers", "getFirst", "getAll", "get", "hasFieldValue");
  private static final Set<String> CONTAINER_IDENTITY = Set.of("getUserPrincipal", "getRemoteUser",
      "isUserInRole");
  private static final int MAX_DEPTH = 3;

  private Credentials() {}

  /** The credential this one call reads; empty when it reads none. */
  public static Optional<CredentialSource> read(Node node) {
    if (node instanceof ObjectCreationExpr o) {
      String type = o.getType().getNameAsString();
      if (type.equals("QueryStringDecoder")) {
        return Optional.of(CredentialSource.QUERY_TOKEN);
      }
      return Optional.empty();
    }
    if (!(node instanceof MethodCallExpr call)) {
      return Optional.empty();
    }
    String name = call.getNameAsString();
    if (CONTAINER_IDENTITY.contains(name)) {
      return Optional.of(CredentialSource.HTTP_SESSION);
    }
    if (name.equals("getHttpSession") || name.equals("getSession")) {
      return Optional.of(CredentialSource.HTTP_SESSION);
    }
    if (name.equals("getCookies") || name.equals("cookies")) {
      return Optional.of(CredentialSource.COOKIE);
    }
    if (name.equals("getRequestedSubprotocols") || name.equals("getSubprotocols")) {
      return Optional.of(CredentialSource.SUBPROTOCOL_TOKEN);
    }
    if (name.equals("decode") && call.getScope().map(Object::toString).orElse("").contains("ServerCookieDecoder")) {
      return Optional.of(CredentialSource.COOKIE);
    }
    String chain = String.join(".", Code.chainMethods(call));
    if (HEADER_READS.contains(name) && !call.getArguments().isEmpty()) {
      String arg = call.getArgument(0).toString().toLowerCase(Locale.ROOT);
      if (arg.contains("authorization")) {
        return Optional.of(CredentialSource.HEADER_TOKEN);
      }
      if (arg.contains("cookie")) {
        return Optional.of(CredentialSource.COOKIE);
      }
      if (arg.contains("sec-websocket-protocol") || arg.contains("sec_websocket_protocol")) {
        return Optional.of(CredentialSource.SUBPROTOCOL_TOKEN);
      }
      boolean headerChain = chain.contains("getHeaders") || chain.contains("headers") || !name.equals("get");
      boolean queryChain = QUERY_READS.stream().anyMatch(chain::contains);
      if (queryChain) {
        return Optional.of(CredentialSource.QUERY_TOKEN);
      }
      if (headerChain && (arg.contains("token") || arg.contains("key") || arg.contains("auth"))) {
        return Optional.of(CredentialSource.HEADER_TOKEN);
      }
      return Optional.empty();
    }
    if (QUERY_READS.contains(name)) {
      return Optional.of(CredentialSource.QUERY_TOKEN);
    }
    return Optional.empty();
  }

  /** Every credential an expression reads, following locals it names a few hops back. */
  public static Set<CredentialSource> readBy(Expression e) {
    Set<CredentialSource> out = EnumSet.noneOf(CredentialSource.class);
    collect(e, out, 0);
    return out;
  }

  private static void collect(Node e, Set<CredentialSource> out, int depth) {
    read(e).ifPresent(out::add);
    for (MethodCallExpr m : e.findAll(MethodCallExpr.class)) {
      read(m).ifPresent(out::add);
    }
    for (ObjectCreationExpr o : e.findAll(ObjectCreationExpr.class)) {
      read(o).ifPresent(out::add);
    }
    if (depth >= MAX_DEPTH) {
      return;
    }
    List<NameExpr> names = e instanceof NameExpr n ? List.of(n) : e.findAll(NameExpr.class);
    for (NameExpr n : names) {
      Code.initializer(n).ifPresent(init -> collect(init, out, depth + 1));
    }
  }
}
