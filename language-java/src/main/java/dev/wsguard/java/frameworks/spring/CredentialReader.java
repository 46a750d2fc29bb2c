package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.wsguard.core.model.CredentialSource;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which credentials a piece of code reads from the handshake request or the connection: a header token, a query
 * token, the subprotocol, a cookie, the HTTP session or the principal the container or Spring Security attached.
 */
public final class CredentialReader {
  private static final Set<String> HEADER_READS = Set.of("getFirst", "getHeader", "getHeaders", "get",
      "getOrDefault", "getValuesAsList");
  private static final Set<String> NATIVE_HEADER_READS = Set.of("getFirstNativeHeader", "getNativeHeader");
  private static final Set<String> QUERY_READS = Set.of("getParameter", "getQueryParams", "getQuery",
      "getRawQuery", "getQueryParam", "queryParam", "getRequestParameterMap", "getQueryString", "getParameterMap");

  private CredentialReader() {}

  public static Set<CredentialSource> read(Node code) {
    Set<CredentialSource> out = EnumSet.noneOf(CredentialSource.class);
    for (MethodCallExpr call : code.findAll(MethodCallExpr.class)) {
      String name = call.getNameAsString();
      String args = call.getArguments().toString().toLowerCase(Locale.ROOT);
      if (NATIVE_HEADER_READS.contains(name)) {
        // a STOMP CONNECT frame's header: the client sends it as its first message, the browser never adds it
        out.add(CredentialSource.FIRST_MESSAGE_TOKEN);
      } else if (QUERY_READS.contains(name)) {
        out.add(CredentialSource.QUERY_TOKEN);
      } else if (name.equals("getCookies") || name.equals("getCookie") || args.contains("\"cookie\"")) {
        out.add(CredentialSource.COOKIE);
      } else if (name.equals("getSession") || name.equals("getHttpSession")) {
        out.add(CredentialSource.HTTP_SESSION);
      } else if (name.equals("getPrincipal") || name.equals("getUserPrincipal") || name.equals("getAuthentication")
          || name.equals("getRemoteUser")) {
        out.add(CredentialSource.HTTP_SESSION);
      } else if (args.contains("sec-websocket-protocol") || args.contains("sec_websocket_protocol")) {
        out.add(CredentialSource.SUBPROTOCOL_TOKEN);
      } else if (HEADER_READS.contains(name) && readsHeaders(call)
          && (args.contains("authorization") || args.contains("token") || args.contains("x-"))) {
        out.add(CredentialSource.HEADER_TOKEN);
      }
    }
    return out;
  }

  /** {@code request.getHeaders().getFirst(..)}, {@code request.getHeader(..)}, {@code headers.get(..)}. */
  private static boolean readsHeaders(MethodCallExpr call) {
    if (call.getNameAsString().equals("getHeader")) {
      return true;
    }
    String scope = call.getScope().map(Object::toString).orElse("").toLowerCase(Locale.ROOT);
    return scope.contains("header");
  }
}
