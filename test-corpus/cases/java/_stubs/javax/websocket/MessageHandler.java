package javax.websocket;

public interface MessageHandler {
  interface Whole<T> extends MessageHandler {
    void onMessage(T message);
  }
}
