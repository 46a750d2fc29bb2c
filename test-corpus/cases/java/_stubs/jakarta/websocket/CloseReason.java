package jakarta.websocket;

public class CloseReason {
  public interface CloseCode {
    int getCode();
  }

  public enum CloseCodes implements CloseCode {
    NORMAL_CLOSURE, GOING_AWAY, PROTOCOL_ERROR, CANNOT_ACCEPT, VIOLATED_POLICY, UNEXPECTED_CONDITION;

    @Override
    public int getCode() {
      throw new UnsupportedOperationException("stub");
    }
  }

  public CloseReason(CloseCode closeCode, String reasonPhrase) {
  }
}
