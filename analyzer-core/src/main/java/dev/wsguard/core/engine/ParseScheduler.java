package dev.wsguard.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of parser threads ("lanes"), each owning its front ends' workers: a worker is created on its lane's
 * first file for that front end and is only ever called from that lane's thread, so workers need no locks. Lanes
 * live for the whole scan, so the import follow-up rounds reuse the parsers, and {@link #close()} closes every
 * worker on its own thread.
 */
final class ParseScheduler implements AutoCloseable {
  /** Deeply nested source makes recursive parsers recurse deeply; a roomy stack keeps that off the error path. */
  private static final long STACK_BYTES = 16L << 20;

  /** Work on one item with the calling lane's workers. */
  interface Task<T, R> {
    R run(T item, Workers workers);
  }

  /** One lane's workers, by front end. */
  static final class Workers {
    private final Map<FrontEnd, FrontEnd.Worker> byFrontEnd = new IdentityHashMap<>();

    FrontEnd.Worker of(FrontEnd frontEnd) {
      return byFrontEnd.computeIfAbsent(frontEnd, FrontEnd::newWorker);
    }

    /** Closes and forgets a worker that failed, so the lane's next file gets a fresh parser. */
    void discard(FrontEnd frontEnd) {
      FrontEnd.Worker worker = byFrontEnd.remove(frontEnd);
      if (worker != null) {
        closeQuietly(worker);
      }
    }

    void closeAll() {
      byFrontEnd.values().forEach(Workers::closeQuietly);
      byFrontEnd.clear();
    }

    private static void closeQuietly(FrontEnd.Worker worker) {
      try {
        worker.close();
      } catch (RuntimeException e) {
        // a parser that cannot be closed cleanly holds nothing the scan still needs
      }
    }
  }

  private final List<ExecutorService> threads = new ArrayList<>();
  private final List<Workers> workers = new ArrayList<>();

  /** @param lanes at least 1 */
  ParseScheduler(int lanes) {
    if (lanes < 1) {
      throw new IllegalArgumentException("lanes must be positive: " + lanes);
    }
    for (int i = 0; i < lanes; i++) {
      String name = "wsguard-parser-" + (i + 1);
      threads.add(Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(null, r, name, STACK_BYTES);
        thread.setDaemon(true);
        return thread;
      }));
      workers.add(new Workers());
    }
  }

  /** Runs {@code task} on every item across the lanes; results come back in the items' order. */
  <T, R> List<R> map(List<T> items, Task<T, R> task) {
    if (items.isEmpty()) {
      return List.of();
    }
    Object[] results = new Object[items.size()];
    AtomicInteger next = new AtomicInteger();
    int active = Math.min(threads.size(), items.size());
    List<Future<?>> running = new ArrayList<>(active);
    for (int lane = 0; lane < active; lane++) {
      Workers own = workers.get(lane);
      running.add(threads.get(lane).submit(() -> {
        for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
          results[i] = task.run(items.get(i), own);
        }
      }));
    }
    awaitAll(running);
    @SuppressWarnings("unchecked")
    List<R> typed = (List<R>) Arrays.asList(results);
    return typed;
  }

  /** Closes every lane's workers on the lane's own thread, then stops the threads. */
  @Override
  public void close() {
    List<Future<?>> closing = new ArrayList<>();
    for (int lane = 0; lane < threads.size(); lane++) {
      closing.add(threads.get(lane).submit(workers.get(lane)::closeAll));
    }
    try {
      awaitAll(closing);
    } finally {
      threads.forEach(ExecutorService::shutdownNow);
    }
  }

  private static void awaitAll(List<Future<?>> futures) {
    RuntimeException failure = null;
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        futures.forEach(f -> f.cancel(true));
        Thread.currentThread().interrupt();
        throw new CancellationException("scan interrupted");
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
