package org.trialdex.app.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The store's statistics within the search time limit: a request waits at most the limit for them
 * and otherwise answers 503 with {@code Retry-After}. The pass over the store that makes them is
 * not stopped: it goes on, once, on its own thread, and the requests after it share its result
 * (which {@link StoreStats} keeps until the store changes). A limit of zero is past from the start.
 */
final class LimitedStats {

  private final StoreStats stats;
  private final Duration limit;
  private final ExecutorService worker;
  private CompletableFuture<StoreStats.Snapshot> pending;

  LimitedStats(StoreStats stats, Duration limit) {
    this.stats = stats;
    this.limit = limit;
    ThreadPoolExecutor one = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "trialdex-stats");
      t.setDaemon(true);
      return t;
    });
    one.allowCoreThreadTimeOut(true); // no thread is left behind by a server that is never closed
    this.worker = one;
  }

  /** The current statistics, or {@link TooSlow} when they are not ready within the limit. */
  StoreStats.Snapshot snapshot() throws InterruptedException {
    if (limit.isZero()) {
      throw new TooSlow(limit);
    }
    CompletableFuture<StoreStats.Snapshot> mine;
    synchronized (this) {
      if (pending == null || pending.isDone()) {
        pending = CompletableFuture.supplyAsync(stats::snapshot, worker);
      }
      mine = pending;
    }
    try {
      return mine.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new TooSlow(limit);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /** The statistics were not ready within the time limit: answers 503 with {@code Retry-After}. */
  static final class TooSlow extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TooSlow(Duration limit) {
      super("The statistics were not ready within the time limit of " + limit.toMillis() + " ms; they go on "
          + "being computed from every record, so try again in a moment (Retry-After)");
    }
  }
}
