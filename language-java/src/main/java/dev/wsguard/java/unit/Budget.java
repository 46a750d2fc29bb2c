package dev.wsguard.java.unit;

/**
 * A per-file time budget for parsing and recognising one Java file, the Java twin of the JavaScript front end's. A
 * huge generated file (a dispatcher with thousands of cases) makes some look-ups quadratic; a file that runs out of
 * budget is given up with a notification instead of stalling the scan. The parser checks it as it reads the file,
 * the worker between recognisers, and the look-ups that walk the tree once per call check it on entry. The budget
 * belongs to the worker thread, so it needs no locks.
 */
public final class Budget {
  /** Seconds one file may take; {@code -Dwsguard.fileBudgetSeconds=N} changes it (the same property as for JS). */
  public static final long DEFAULT_SECONDS = Long.getLong("wsguard.fileBudgetSeconds", 15L);

  private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[] {Long.MAX_VALUE});

  private Budget() {}

  /** Thrown when the file's budget is spent. */
  public static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded() {
      super("the file's analysis budget is spent", null, false, false);
    }
  }

  /** Starts this thread's budget for one file. */
  public static void start(long seconds) {
    DEADLINE.get()[0] = System.nanoTime() + seconds * 1_000_000_000L;
  }

  /** Lifts this thread's budget. */
  public static void clear() {
    DEADLINE.get()[0] = Long.MAX_VALUE;
  }

  /**
   * Throws {@link Exceeded} once the budget is spent. Called once per tree walk, not per node, so reading the clock
   * each time costs nothing next to the walk.
   */
  public static void check() {
    long[] d = DEADLINE.get();
    if (d[0] != Long.MAX_VALUE && System.nanoTime() >= d[0]) {
      d[0] = Long.MAX_VALUE;
      throw new Exceeded();
    }
  }
}
