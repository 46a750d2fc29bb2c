package javax.websocket.server;

public interface ServerContainer {
  void addEndpoint(Class<?> endpointClass) throws javax.websocket.DeploymentException;

  void addEndpoint(ServerEndpointConfig serverConfig) throws javax.websocket.DeploymentException;
}
