package reactor.core.publisher;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import reactor.core.Disposable;

public abstract class Flux<T> implements Publisher<T> {
  public static <T> Flux<T> just(T data) { throw new UnsupportedOperationException("stub"); }
  public static <T> Flux<T> fromIterable(Iterable<? extends T> it) { throw new UnsupportedOperationException("stub"); }
  public static Flux<Long> interval(Duration period) { throw new UnsupportedOperationException("stub"); }
  public <V> Flux<V> map(Function<? super T, ? extends V> mapper) { throw new UnsupportedOperationException("stub"); }
  public <R> Flux<R> flatMap(Function<? super T, ? extends Publisher<? extends R>> mapper) { throw new UnsupportedOperationException("stub"); }
  public <R> Flux<R> concatMap(Function<? super T, ? extends Publisher<? extends R>> mapper) { throw new UnsupportedOperationException("stub"); }
  public Flux<T> filter(Predicate<? super T> p) { throw new UnsupportedOperationException("stub"); }
  public Flux<T> doOnNext(Consumer<? super T> onNext) { throw new UnsupportedOperationException("stub"); }
  public Flux<T> doFinally(Consumer<SignalType> onFinally) { throw new UnsupportedOperationException("stub"); }
  public Flux<T> mergeWith(Publisher<? extends T> other) { throw new UnsupportedOperationException("stub"); }
  public Flux<T> share() { throw new UnsupportedOperationException("stub"); }
  public <P> P as(Function<? super Flux<T>, P> transformer) { throw new UnsupportedOperationException("stub"); }
  public Mono<Void> then() { throw new UnsupportedOperationException("stub"); }
  public Disposable subscribe() { throw new UnsupportedOperationException("stub"); }
  @Override
  public void subscribe(Subscriber<? super T> actual) { throw new UnsupportedOperationException("stub"); }
}
