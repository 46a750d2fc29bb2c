package javax.websocket;

public interface HandshakeResponse {
  java.util.Map<String, java.util.List<String>> getHeaders();
}
