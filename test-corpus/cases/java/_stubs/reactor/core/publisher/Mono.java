package reactor.core.publisher;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import reactor.core.Disposable;

public abstract class Mono<T> implements Publisher<T> {
  public static <T> Mono<T> just(T data) { throw new UnsupportedOperationException("stub"); }
  public static <T> Mono<T> empty() { throw new UnsupportedOperationException("stub"); }
  public static <T> Mono<T> error(Throwable error) { throw new UnsupportedOperationException("stub"); }
  public static <T> Mono<T> defer(Supplier<? extends Mono<? extends T>> supplier) { throw new UnsupportedOperationException("stub"); }
  public static <T> Mono<T> fromCallable(java.util.concurrent.Callable<? extends T> supplier) { throw new UnsupportedOperationException("stub"); }
  public static Mono<Void> when(Publisher<?>... sources) { throw new UnsupportedOperationException("stub"); }
  public static <T1, T2> Mono<Object> zip(Mono<? extends T1> p1, Mono<? extends T2> p2) { throw new UnsupportedOperationException("stub"); }
  public <R> Mono<R> map(Function<? super T, ? extends R> mapper) { throw new UnsupportedOperationException("stub"); }
  public <R> Mono<R> flatMap(Function<? super T, ? extends Mono<? extends R>> transformer) { throw new UnsupportedOperationException("stub"); }
  public <R> Flux<R> flatMapMany(Function<? super T, ? extends Publisher<? extends R>> mapper) { throw new UnsupportedOperationException("stub"); }
  public Mono<T> filter(Predicate<? super T> tester) { throw new UnsupportedOperationException("stub"); }
  public Mono<T> switchIfEmpty(Mono<? extends T> alternate) { throw new UnsupportedOperationException("stub"); }
  public Mono<T> doOnNext(Consumer<? super T> onNext) { throw new UnsupportedOperationException("stub"); }
  public Mono<T> onErrorResume(Function<? super Throwable, ? extends Mono<? extends T>> fallback) { throw new UnsupportedOperationException("stub"); }
  public <V> Mono<V> then(Mono<V> other) { throw new UnsupportedOperationException("stub"); }
  public Mono<Void> then() { throw new UnsupportedOperationException("stub"); }
  public Disposable subscribe() { throw new UnsupportedOperationException("stub"); }
  @Override
  public void subscribe(Subscriber<? super T> actual) { throw new UnsupportedOperationException("stub"); }
}
