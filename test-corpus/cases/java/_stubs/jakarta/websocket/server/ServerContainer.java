package jakarta.websocket.server;

public interface ServerContainer {
  void addEndpoint(Class<?> endpointClass) throws jakarta.websocket.DeploymentException;

  void addEndpoint(ServerEndpointConfig serverConfig) throws jakarta.websocket.DeploymentException;
}
