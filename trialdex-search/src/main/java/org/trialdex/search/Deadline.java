package org.trialdex.search;

import java.time.Duration;
import org.apache.lucene.index.QueryTimeout;

/**
 * A search's time limit as Lucene checks it: {@code limit} from when it was made, on the monotonic
 * clock. Unlike Lucene's {@code QueryTimeoutImpl} (whole milliseconds) it keeps the limit to the
 * nanosecond, and a limit of zero is past from the start, so tests can stop a search for certain.
 */
final class Deadline implements QueryTimeout {

  private final Duration limit;
  private final long start = System.nanoTime();
  private final long nanos;

  Deadline(Duration limit) {
    this.limit = limit;
    this.nanos = saturatedNanos(limit);
  }

  /** The limit this deadline was made with. */
  Duration limit() {
    return limit;
  }

  @Override
  public boolean shouldExit() {
    return System.nanoTime() - start >= nanos;
  }

  private static long saturatedNanos(Duration limit) {
    try {
      return limit.toNanos();
    } catch (ArithmeticException e) { // longer than about 292 years
      return Long.MAX_VALUE;
    }
  }
}
