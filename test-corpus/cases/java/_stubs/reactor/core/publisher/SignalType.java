package reactor.core.publisher;

public enum SignalType {
  ON_COMPLETE, ON_ERROR, CANCEL
}
