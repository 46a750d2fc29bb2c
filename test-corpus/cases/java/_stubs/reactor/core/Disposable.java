package reactor.core;

public interface Disposable {
  void dispose();
}
