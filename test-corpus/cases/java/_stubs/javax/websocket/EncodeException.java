package javax.websocket;

public class EncodeException extends Exception {
  public EncodeException(Object object, String message) {
    super(message);
  }
}
