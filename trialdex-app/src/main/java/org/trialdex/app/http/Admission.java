package org.trialdex.app.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission control for expensive requests: at most {@link ServerLimits#expensiveAtOnce()} run at
 * once; one more waits up to {@link ServerLimits#queueWait()} for a place and then answers 503 with
 * {@code Retry-After} instead of queueing until everything is slow.
 *
 * <p>Requests arrive on virtual threads, which the JVM does not preempt: a few searches busy with the
 * processor would hold every carrier thread, and {@code /health}, record pages and even Jetty's
 * selector would wait for them. So a guarded handler runs on one of this class's platform threads
 * (as many as there are places) while its request thread waits, and the operating system shares the
 * processor between them and everything else.
 */
final class Admission implements AutoCloseable {

  private final ServerLimits limits;
  private final Semaphore places;
  private final ThreadPoolExecutor workers;

  Admission(ServerLimits limits) {
    this.limits = limits;
    this.places = new Semaphore(limits.expensiveAtOnce(), true);
    AtomicInteger n = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(limits.expensiveAtOnce(), limits.expensiveAtOnce(), 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "trialdex-expensive-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    // Idle workers end, so a server that is never closed (tests' own Javalin) leaves no threads.
    this.workers.allowCoreThreadTimeOut(true);
  }

  /**
   * Answers {@link Busy} and {@link LimitedStats.TooSlow} on {@code app} as 503 with {@code
   * Retry-After} and the usual {@code {"message": ...}}.
   */
  static void errors(Javalin app) {
    app.exception(Busy.class, (e, ctx) -> unavailable(ctx, e.retryAfterSeconds, e.getMessage()));
    app.exception(LimitedStats.TooSlow.class, (e, ctx) -> unavailable(ctx, STATS_RETRY_AFTER_SECONDS, e.getMessage()));
  }

  /** What {@code Retry-After} suggests when the statistics were not ready in time. */
  static final long STATS_RETRY_AFTER_SECONDS = 5;

  private static void unavailable(io.javalin.http.Context ctx, long retryAfterSeconds, String message) {
    ctx.header("Retry-After", Long.toString(retryAfterSeconds));
    ObjectNode body = HttpServer.json().createObjectNode();
    body.put("message", message);
    ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
    Render.json(ctx, body);
  }

  /** {@code handler}, admitted only while there is a place, run on a platform thread. */
  Handler guard(Handler handler) {
    return ctx -> {
      if (!places.tryAcquire(limits.queueWait().toNanos(), TimeUnit.NANOSECONDS)) {
        throw new Busy(limits);
      }
      try {
        Future<?> done = workers.submit(() -> {
          handler.handle(ctx);
          return null;
        });
        try {
          done.get();
        } catch (InterruptedException e) {
          done.cancel(true);
          throw e;
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      } finally {
        places.release();
      }
    };
  }

  /**
   * {@code handler} of a request with a body: the body is read first, on the request's own thread,
   * so a client that sends it slowly does not hold a place; then as {@link #guard}.
   */
  Handler guardAfterBody(Handler handler) {
    Handler guarded = guard(handler);
    return ctx -> {
      ctx.bodyAsBytes(); // kept by the context for the handler
      guarded.handle(ctx);
    };
  }

  /** The limits this admits by. */
  ServerLimits limits() {
    return limits;
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  /** Every place among the expensive requests is taken: answers 503 with {@code Retry-After}. */
  static final class Busy extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final long retryAfterSeconds;

    Busy(ServerLimits limits) {
      super("The server is busy: " + limits.expensiveAtOnce() + " expensive requests (searches, CSV, feeds, "
          + "statistics, landscapes, matching) are running, which is as many as it takes at once, and none "
          + "finished within " + limits.queueWait().toMillis() + " ms; try again in a moment (Retry-After)");
      this.retryAfterSeconds = Math.max(1, (limits.queueWait().toMillis() + 999) / 1000);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // thrown under load, many times a second; the trace says nothing
    }
  }
}
