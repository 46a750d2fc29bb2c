package reactor.core.publisher;

public final class Sinks {
  private Sinks() {}

  public static ManySpec many() { throw new UnsupportedOperationException("stub"); }

  public enum EmitResult {
    OK, FAIL_TERMINATED, FAIL_OVERFLOW, FAIL_CANCELLED, FAIL_NON_SERIALIZED, FAIL_ZERO_SUBSCRIBER;
    public boolean isFailure() { return this != OK; }
  }

  public interface EmitFailureHandler {
    EmitFailureHandler FAIL_FAST = (signalType, emission) -> false;
    boolean onEmitFailure(SignalType signalType, EmitResult emitResult);
  }

  public interface Many<T> {
    EmitResult tryEmitNext(T t);
    void emitNext(T t, EmitFailureHandler failureHandler);
    Flux<T> asFlux();
    int currentSubscriberCount();
  }

  public interface ManySpec {
    UnicastSpec unicast();
    MulticastSpec multicast();
    MulticastReplaySpec replay();
  }

  public interface UnicastSpec {
    <T> Many<T> onBackpressureBuffer();
  }

  public interface MulticastSpec {
    <T> Many<T> onBackpressureBuffer();
    <T> Many<T> directAllOrNothing();
    <T> Many<T> directBestEffort();
  }

  public interface MulticastReplaySpec {
    <T> Many<T> all();
    <T> Many<T> latest();
    <T> Many<T> limit(int historySize);
  }
}
