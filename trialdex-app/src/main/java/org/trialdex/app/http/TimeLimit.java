package org.trialdex.app.http;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A time limit on one piece of a request's work (a search): the work runs on its own virtual
 * thread and the request answers 503 when it has not finished in time. The work is not
 * interrupted (Lucene does not stop on interrupts, and interrupting a thread that reads a file
 * channel closes the channel); it finishes in the background and its result is dropped.
 */
public final class TimeLimit {

  private TimeLimit() {}

  /** The work took longer than the limit: answers 503. */
  public static final class Exceeded extends RuntimeException {
    public Exceeded(String message) {
      super(message);
    }
  }

  /**
   * {@code work}'s result, or {@link Exceeded} when it has not finished within {@code limit}; an
   * exception the work throws is rethrown as it is (a runtime exception) or wrapped.
   */
  public static <T> T call(Duration limit, String what, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread.ofVirtual().name("time-limited " + what).start(task);
    return await(task, limit, what);
  }

  private static <T> T await(Future<T> task, Duration limit, String what) {
    try {
      return task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new Exceeded("the " + what + " took longer than " + limit.toMillis() + " ms; narrow it down or try again");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the " + what, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
