package org.trialdex.app.http;

import java.time.Duration;

/**
 * How much work the server takes on at once, so that a flood of expensive requests is shed instead
 * of queued into collapse ({@code docs/http.md}, "Load").
 *
 * @param timeLimit longest one search or statistics request may run; past it the request answers
 *     503 (zero: every such request is past its limit from the start)
 * @param expensiveAtOnce how many expensive requests (searches, CSV, feeds, statistics, landscapes,
 *     matching) run at once; each runs on its own platform thread, so cheap requests and
 *     {@code /health} keep the processor's attention however busy these are
 * @param queueWait how long an expensive request waits for a free place before it answers 503 with
 *     {@code Retry-After} (zero: it does not wait)
 */
public record ServerLimits(Duration timeLimit, int expensiveAtOnce, Duration queueWait) {

  /** The default wait for a place among the expensive requests. */
  public static final Duration QUEUE_WAIT = Duration.ofMillis(500);

  public ServerLimits {
    if (timeLimit == null || timeLimit.isNegative()) {
      throw new IllegalArgumentException("the time limit must be zero or more, got " + timeLimit);
    }
    if (expensiveAtOnce < 1 || expensiveAtOnce > 1024) {
      throw new IllegalArgumentException("expensive requests at once must be 1 to 1024, got " + expensiveAtOnce);
    }
    if (queueWait == null || queueWait.isNegative() || queueWait.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("the queue wait must be 0 to 60000 ms, got " + queueWait);
    }
  }

  /**
   * The defaults: {@link HttpServer#SEARCH_TIME_LIMIT}, two expensive requests per processor (at
   * least two), and {@link #QUEUE_WAIT}.
   */
  public static ServerLimits defaults() {
    return new ServerLimits(HttpServer.SEARCH_TIME_LIMIT, defaultExpensiveAtOnce(), QUEUE_WAIT);
  }

  /** Two per processor the JVM may use, at least two. */
  public static int defaultExpensiveAtOnce() {
    return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
  }

  /** These limits with another time limit. */
  public ServerLimits withTimeLimit(Duration limit) {
    return new ServerLimits(limit, expensiveAtOnce, queueWait);
  }

  /** These limits with another number of expensive requests at once. */
  public ServerLimits withExpensiveAtOnce(int n) {
    return new ServerLimits(timeLimit, n, queueWait);
  }

  /** These limits with another queue wait. */
  public ServerLimits withQueueWait(Duration wait) {
    return new ServerLimits(timeLimit, expensiveAtOnce, wait);
  }
}
