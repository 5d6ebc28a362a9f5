package org.trialdex.bench;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of recorded latencies, the nearest-rank way every bench here reports them. */
final class Latencies {

  private Latencies() {}

  /** The {@code p}-th percentile (nearest rank) of ascending {@code sorted}, or 0 when empty. */
  static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
  }

  /** {@code nanos} as an ascending array. */
  static long[] sorted(Collection<Long> nanos) {
    long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(a);
    return a;
  }
}
