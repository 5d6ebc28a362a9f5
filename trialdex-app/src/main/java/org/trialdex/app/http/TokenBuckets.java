package org.trialdex.app.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per API token: {@code burst} requests at once, refilled at {@code perMinute}. In
 * memory, per server: several nodes each allow the rate.
 */
final class TokenBuckets {

  private final double perNano;
  private final int burst;
  private final LongSupplier nanos;
  private final ConcurrentHashMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

  TokenBuckets(int perMinute, int burst, LongSupplier nanos) {
    this.perNano = perMinute / 60e9;
    this.burst = burst;
    this.nanos = nanos;
  }

  /** Takes one request from {@code tokenId}'s bucket: 0 when it may go, else the seconds until it may (at least 1). */
  long take(long tokenId) {
    return buckets.computeIfAbsent(tokenId, id -> new Bucket(burst, nanos.getAsLong())).take();
  }

  private final class Bucket {
    private double available;
    private long at;

    Bucket(double available, long at) {
      this.available = available;
      this.at = at;
    }

    synchronized long take() {
      long now = nanos.getAsLong();
      available = Math.min(burst, available + (now - at) * perNano);
      at = now;
      if (available >= 1) {
        available -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - available) / perNano / 1e9));
    }
  }
}
