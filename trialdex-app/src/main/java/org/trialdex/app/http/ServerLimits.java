package org.trialdex.app.http;

import java.time.Duration;

/**
 * How much work the server takes on at once, so that a flood of expensive requests is shed instead
 * of queued into collapse ({@code docs/http.md}, "Load").
 *
 * @param timeLimit longest one search or statistics request may run; past it the request answers
 *     503 (zero: every such request is past its limit from the start)
 * @param expensiveAtOnce how many expensive requests (searches, CSV, feeds, statistics, landscapes,
 *     matching) run at once
 * @param queueWait how long an expensive request waits for a free place before it answers 503 with
 *     {@code Retry-After} (zero: it does not wait)
 * @param lightAtOnce how many light requests (a study's JSON or page, its history, related trials,
 *     quality, cell-therapy profile and trust signals) do their work at once; one more waits up to
 *     {@link #LIGHT_WAIT} for a place, then answers 503. Few places keep few threads competing for
 *     the processor, so {@code /health} is answered at once however many clients wait
 * @param requestThreads the most requests in progress at once, each on a platform thread of the
 *     server's pool (waiting for a place, writing to a slow reader, or working); one more waits in
 *     the pool's queue. At least as many as the connections expected at once keeps {@code /health}
 *     from waiting behind them
 */
public record ServerLimits(Duration timeLimit, int expensiveAtOnce, Duration queueWait, int lightAtOnce,
    int requestThreads) {

  /** The default wait for a place among the expensive requests. */
  public static final Duration QUEUE_WAIT = Duration.ofMillis(500);
  /**
   * How long a light request waits for a place before it answers 503: each takes milliseconds, so a
   * wait this long means the server is far behind.
   */
  public static final Duration LIGHT_WAIT = Duration.ofSeconds(5);
  /**
   * The default number of request threads: 500 connections at once (the largest load measured,
   * {@code docs/benchmarks.md}) with room to spare. An idle thread ends after a minute; a busy one
   * costs its stack, committed as it is used (tens of kilobytes for a request).
   */
  public static final int REQUEST_THREADS = 1000;
  /** The fewest request threads: Jetty's acceptor and selectors take some of the pool. */
  static final int MIN_REQUEST_THREADS = 16;

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
    if (lightAtOnce < 1 || lightAtOnce > 1024) {
      throw new IllegalArgumentException("light requests at once must be 1 to 1024, got " + lightAtOnce);
    }
    if (requestThreads < MIN_REQUEST_THREADS || requestThreads > 10_000) {
      throw new IllegalArgumentException("request threads must be " + MIN_REQUEST_THREADS + " to 10000, got "
          + requestThreads);
    }
  }

  /**
   * The defaults: {@link HttpServer#SEARCH_TIME_LIMIT}, two expensive requests per processor (at
   * least two), {@link #QUEUE_WAIT}, one light request per processor (at least two) and
   * {@link #REQUEST_THREADS}.
   */
  public static ServerLimits defaults() {
    return new ServerLimits(HttpServer.SEARCH_TIME_LIMIT, defaultExpensiveAtOnce(), QUEUE_WAIT, defaultLightAtOnce(),
        REQUEST_THREADS);
  }

  /**
   * Two per processor the JVM may use, at least two: an expensive request holds its place while
   * its answer is written, so a slow reader holds one without using the processor.
   */
  public static int defaultExpensiveAtOnce() {
    return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
  }

  /**
   * One per processor the JVM may use, at least two: a light request holds its place only while it
   * computes, so more places than processors only add threads that compete for them, and every
   * thread that waits to run delays {@code /health} as well (docs/benchmarks.md, "Fewer light places").
   */
  public static int defaultLightAtOnce() {
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }

  /** These limits with another time limit. */
  public ServerLimits withTimeLimit(Duration limit) {
    return new ServerLimits(limit, expensiveAtOnce, queueWait, lightAtOnce, requestThreads);
  }

  /** These limits with another number of expensive requests at once. */
  public ServerLimits withExpensiveAtOnce(int n) {
    return new ServerLimits(timeLimit, n, queueWait, lightAtOnce, requestThreads);
  }

  /** These limits with another queue wait. */
  public ServerLimits withQueueWait(Duration wait) {
    return new ServerLimits(timeLimit, expensiveAtOnce, wait, lightAtOnce, requestThreads);
  }

  /** These limits with another number of light requests at once. */
  public ServerLimits withLightAtOnce(int n) {
    return new ServerLimits(timeLimit, expensiveAtOnce, queueWait, n, requestThreads);
  }

  /** These limits with another number of request threads. */
  public ServerLimits withRequestThreads(int n) {
    return new ServerLimits(timeLimit, expensiveAtOnce, queueWait, lightAtOnce, n);
  }
}
