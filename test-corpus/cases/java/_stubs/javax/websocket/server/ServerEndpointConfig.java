package javax.websocket.server;

public interface ServerEndpointConfig extends javax.websocket.EndpointConfig {
  Class<?> getEndpointClass();

  String getPath();

  class Configurator {
    public boolean checkOrigin(String originHeaderValue) {
      throw new UnsupportedOperationException("stub");
    }

    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request,
        javax.websocket.HandshakeResponse response) {
      throw new UnsupportedOperationException("stub");
    }

    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
      throw new UnsupportedOperationException("stub");
    }
  }

  final class Builder {
    public static Builder create(Class<?> endpointClass, String path) {
      throw new UnsupportedOperationException("stub");
    }

    public Builder configurator(Configurator serverEndpointConfigurator) {
      throw new UnsupportedOperationException("stub");
    }

    public Builder subprotocols(java.util.List<String> subprotocols) {
      throw new UnsupportedOperationException("stub");
    }

    public ServerEndpointConfig build() {
      throw new UnsupportedOperationException("stub");
    }
  }
}
