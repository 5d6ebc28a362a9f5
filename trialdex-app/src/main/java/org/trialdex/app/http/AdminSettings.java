package org.trialdex.app.http;

import java.util.Objects;
import java.util.Optional;

/**
 * How the admin API ({@code /api/admin/...}) takes writes: each token's rate, the largest body and
 * what a sync runs.
 *
 * @param ratePerMinute requests a token may make per minute on average (token bucket); past it 429
 * @param burst requests a token may make at once before its rate applies
 * @param maxBodyBytes the largest import body; it is streamed to a temporary file, never held in memory
 * @param sync what {@code POST /api/admin/sync} runs; empty: it answers 501
 */
public record AdminSettings(int ratePerMinute, int burst, long maxBodyBytes, Optional<AdminSync> sync) {

  /** Default rate: one request a second on average per token. */
  public static final int RATE_PER_MINUTE = 60;
  /** Default burst: ten requests at once. */
  public static final int BURST = 10;
  /** Default largest body: 256 MiB (the shared NSCLC export is 30 MB). */
  public static final long MAX_BODY_BYTES = 256L * 1024 * 1024;

  public AdminSettings {
    if (ratePerMinute < 1 || ratePerMinute > 60_000) {
      throw new IllegalArgumentException("the admin rate must be 1 to 60000 requests a minute, got " + ratePerMinute);
    }
    if (burst < 1 || burst > 10_000) {
      throw new IllegalArgumentException("the admin burst must be 1 to 10000 requests, got " + burst);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("the largest admin body must be at least one byte, got " + maxBodyBytes);
    }
    Objects.requireNonNull(sync, "sync");
  }

  /** {@link #RATE_PER_MINUTE}, {@link #BURST}, {@link #MAX_BODY_BYTES}, no sync. */
  public static AdminSettings defaults() {
    return new AdminSettings(RATE_PER_MINUTE, BURST, MAX_BODY_BYTES, Optional.empty());
  }

  /** These settings with another rate and burst. */
  public AdminSettings withRate(int perMinute, int burst) {
    return new AdminSettings(perMinute, burst, maxBodyBytes, sync);
  }

  /** These settings with another largest body. */
  public AdminSettings withMaxBodyBytes(long bytes) {
    return new AdminSettings(ratePerMinute, burst, bytes, sync);
  }

  /** These settings with {@code sync} run by {@code POST /api/admin/sync}. */
  public AdminSettings withSync(AdminSync sync) {
    return new AdminSettings(ratePerMinute, burst, maxBodyBytes, Optional.of(sync));
  }
}
