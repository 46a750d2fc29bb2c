package jakarta.websocket.server;

public interface ServerApplicationConfig {
  java.util.Set<ServerEndpointConfig> getEndpointConfigs(
      java.util.Set<Class<? extends jakarta.websocket.Endpoint>> endpointClasses);

  java.util.Set<Class<?>> getAnnotatedEndpointClasses(java.util.Set<Class<?>> scanned);
}
