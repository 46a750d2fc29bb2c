package dev.wsguard.js.parse;

/**
 * A per-file time budget for the analyses, checked as they walk the tree. Hostile or generated input (thousands of
 * nested callbacks, each a message handler whose body holds all the others) can make some analyses quadratic; a
 * file that runs out of budget is given up with a notification instead of stalling the scan. The budget belongs
 * to the worker thread, so it needs no locks.
 */
public final class Budget {
  /** Seconds one file may take; {@code -Dwsguard.fileBudgetSeconds=N} changes it. */
  public static final long DEFAULT_SECONDS = Long.getLong("wsguard.fileBudgetSeconds", 15L);

  private static final ThreadLocal<long[]> STATE = ThreadLocal.withInitial(() -> new long[] {Long.MAX_VALUE, 0});

  private Budget() {}

  /** Thrown when the file's budget is spent. */
  public static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded(long seconds) {
      super("analysis stopped after " + seconds + " s", null, false, false);
    }
  }

  /** Starts this thread's budget for one file. */
  public static void start(long seconds) {
    long[] s = STATE.get();
    s[0] = System.nanoTime() + seconds * 1_000_000_000L;
    s[1] = 0;
  }

  /** Lifts this thread's budget. */
  public static void clear() {
    STATE.get()[0] = Long.MAX_VALUE;
  }

  /** Counts one step; every 4096th step reads the clock and throws {@link Exceeded} once the budget is spent. */
  static void tick() {
    long[] s = STATE.get();
    if ((++s[1] & 0xFFF) == 0 && s[0] != Long.MAX_VALUE && System.nanoTime() > s[0]) {
      s[0] = Long.MAX_VALUE;
      throw new Exceeded(DEFAULT_SECONDS);
    }
  }
}
