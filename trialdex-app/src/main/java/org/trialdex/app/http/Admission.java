package org.trialdex.app.http;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admission control: at most {@link ServerLimits#expensiveAtOnce()} expensive requests run at once;
 * one more waits up to {@link ServerLimits#queueWait()} for a place and then answers 503 with
 * {@code Retry-After} instead of queueing until everything is slow. Light requests (a study's JSON
 * or page and its reports) have places of their own, {@link ServerLimits#lightAtOnce()}, and wait up
 * to {@link ServerLimits#LIGHT_WAIT}; a light place covers the work, not the writing of the answer
 * (which Javalin does after the handler), so a slow reader does not hold one. {@code /health}, the
 * style sheet and the OpenAPI document take no place.
 *
 * <p>Requests run on the platform threads of the server's pool ({@link HttpServer#create}), which
 * the operating system preempts: however busy the admitted requests keep the processor, a cheap
 * request and {@code /health} get their share of it at once. (On virtual threads, which the JVM
 * does not preempt, a few busy requests held every carrier thread and Jetty's selector with them,
 * and {@code /health} waited seconds.)
 */
final class Admission {

  private final ServerLimits limits;
  private final Semaphore places;
  private final Semaphore lightPlaces;

  Admission(ServerLimits limits) {
    this.limits = limits;
    this.places = new Semaphore(limits.expensiveAtOnce(), true);
    this.lightPlaces = new Semaphore(limits.lightAtOnce(), true);
  }

  /**
   * Answers {@link Busy} and {@link LimitedStats.TooSlow} on {@code app} as 503 with {@code
   * Retry-After} and the message in the path's usual error format ({@link HttpServer#error}:
   * plain text under {@code /api/v2}, else {@code {"message": ...}}).
   */
  static void errors(Javalin app) {
    app.exception(Busy.class, (e, ctx) -> unavailable(ctx, e.retryAfterSeconds, e.getMessage()));
    app.exception(LimitedStats.TooSlow.class, (e, ctx) -> unavailable(ctx, STATS_RETRY_AFTER_SECONDS, e.getMessage()));
  }

  /** What {@code Retry-After} suggests when the statistics were not ready in time. */
  static final long STATS_RETRY_AFTER_SECONDS = 5;

  private static void unavailable(io.javalin.http.Context ctx, long retryAfterSeconds, String message) {
    ctx.header("Retry-After", Long.toString(retryAfterSeconds));
    HttpServer.error(ctx, HttpStatus.SERVICE_UNAVAILABLE, message);
  }

  /** {@code handler}, admitted only while there is a place. */
  Handler guard(Handler handler) {
    return ctx -> {
      if (!places.tryAcquire(limits.queueWait().toNanos(), TimeUnit.NANOSECONDS)) {
        throw Busy.expensive(limits);
      }
      try {
        handler.handle(ctx);
      } finally {
        places.release();
      }
    };
  }

  /** {@code handler} of a light request, run while it holds one of the light places. */
  Handler light(Handler handler) {
    return ctx -> {
      if (!lightPlaces.tryAcquire(ServerLimits.LIGHT_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
        throw Busy.light(limits);
      }
      try {
        handler.handle(ctx);
      } finally {
        lightPlaces.release();
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

  /** Every place of a kind is taken and none came free in time: answers 503 with {@code Retry-After}. */
  static final class Busy extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final long retryAfterSeconds;

    private Busy(String message, java.time.Duration waited) {
      super(message);
      this.retryAfterSeconds = Math.max(1, (waited.toMillis() + 999) / 1000);
    }

    static Busy expensive(ServerLimits limits) {
      return new Busy("The server is busy: " + limits.expensiveAtOnce() + " expensive requests (searches, CSV, "
          + "feeds, statistics, landscapes, matching) are running, which is as many as it takes at once, and none "
          + "finished within " + limits.queueWait().toMillis() + " ms; try again in a moment (Retry-After)",
          limits.queueWait());
    }

    static Busy light(ServerLimits limits) {
      return new Busy("The server is busy: " + limits.lightAtOnce() + " study pages and records are being made, "
          + "which is as many as it makes at once, and no place came free within "
          + ServerLimits.LIGHT_WAIT.toMillis() + " ms; try again in a moment (Retry-After)", ServerLimits.LIGHT_WAIT);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // thrown under load, many times a second; the trace says nothing
    }
  }
}
