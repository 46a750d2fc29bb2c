package javax.websocket.server;

public interface HandshakeRequest {
  String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";

  java.util.Map<String, java.util.List<String>> getHeaders();

  java.security.Principal getUserPrincipal();

  java.net.URI getRequestURI();

  boolean isUserInRole(String role);

  Object getHttpSession();

  java.util.Map<String, java.util.List<String>> getParameterMap();

  String getQueryString();
}
