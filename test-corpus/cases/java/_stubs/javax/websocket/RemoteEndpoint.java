package javax.websocket;

public interface RemoteEndpoint {
  interface Basic extends RemoteEndpoint {
    void sendText(String text) throws java.io.IOException;
    void sendObject(Object data) throws java.io.IOException, EncodeException;
  }
  interface Async extends RemoteEndpoint {
    java.util.concurrent.Future<Void> sendText(String text);
    java.util.concurrent.Future<Void> sendObject(Object data);
  }
}
