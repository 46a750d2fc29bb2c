package dev.wsguard.core.engine;

import java.util.concurrent.atomic.LongAdder;

/**
 * Time and volume counters the parser threads add to concurrently. Reading, prefiltering and parsing interleave on
 * every thread, so their times are sums over threads, not wall-clock spans.
 */
final class PhaseTimes {
  final LongAdder readNanos = new LongAdder();
  final LongAdder prefilterNanos = new LongAdder();
  final LongAdder parseNanos = new LongAdder();
  final LongAdder bytesRead = new LongAdder();
}
