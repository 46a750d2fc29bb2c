package org.reactivestreams;

public interface Subscriber<T> {
  void onNext(T t);
  void onError(Throwable t);
  void onComplete();
}
