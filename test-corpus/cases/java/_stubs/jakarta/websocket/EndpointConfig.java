package jakarta.websocket;

public interface EndpointConfig {
  java.util.Map<String, Object> getUserProperties();
}
