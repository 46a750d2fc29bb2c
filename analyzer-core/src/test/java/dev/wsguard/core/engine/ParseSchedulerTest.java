package dev.wsguard.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParseSchedulerTest {
  @Test
  void returnsResultsInTheItemsOrder() {
    List<Integer> items = IntStream.range(0, 500).boxed().toList();
    try (ParseScheduler scheduler = new ParseScheduler(4)) {
      assertEquals(items.stream().map(i -> i * 2).toList(), scheduler.map(items, (i, w) -> i * 2));
    }
  }

  @Test
  void givesEachThreadItsOwnWorkerAndClosesThemAll() {
    FakeFrontEnd frontEnd = new FakeFrontEnd();
    Set<String> pairs = ConcurrentHashMap.newKeySet();
    ParseScheduler.Task<Integer, Integer> task = (i, workers) -> {
      FrontEnd.Worker worker = workers.of(frontEnd);
      assertSame(worker, workers.of(frontEnd));
      pairs.add(Thread.currentThread().getName() + "=" + System.identityHashCode(worker));
      return i;
    };
    try (ParseScheduler scheduler = new ParseScheduler(3)) {
      scheduler.map(IntStream.range(0, 300).boxed().toList(), task);
      // a second round reuses each thread's worker
      scheduler.map(IntStream.range(0, 300).boxed().toList(), task);
    }
    assertTrue(frontEnd.workersCreated.get() <= 3);
    assertEquals(frontEnd.workersCreated.get(), pairs.size());
    assertEquals(frontEnd.workersCreated.get(), frontEnd.workersClosed.get());
  }

  @Test
  void replacesADiscardedWorker() {
    FakeFrontEnd frontEnd = new FakeFrontEnd();
    try (ParseScheduler scheduler = new ParseScheduler(1)) {
      List<FrontEnd.Worker> seen = scheduler.map(List.of(1, 2), (i, workers) -> {
        FrontEnd.Worker worker = workers.of(frontEnd);
        workers.discard(frontEnd);
        return worker;
      });
      assertNotSame(seen.get(0), seen.get(1));
    }
    assertEquals(2, frontEnd.workersClosed.get());
  }

  @Test
  void usesNoMoreThreadsThanItems() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    try (ParseScheduler scheduler = new ParseScheduler(8)) {
      scheduler.map(List.of(1), (i, w) -> threads.add(Thread.currentThread().getName()));
    }
    assertEquals(1, threads.size());
  }
}
