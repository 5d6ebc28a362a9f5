package org.trialdex.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps one piece of derived data (a search index; later eligibility parses, cell-therapy facts,
 * alert delivery) in step with the store by applying its change log in order. The same follower
 * serves a server, which follows in the background, and a command, which catches up in its own
 * thread before it answers.
 *
 * <p>The sink remembers durably how far it got ({@link Sink#open}); the follower only asks the
 * store for the changes after that position and hands them over in batches. Changes name records,
 * not contents (see {@link Change}), so a batch applied twice after a crash does no harm: a sink
 * that crashed between applying and recording its position simply applies it again.
 *
 * <p>Failures of the store or the sink never stop a background follower: the error is kept for
 * {@link #status()}, and the follower tries again after a growing pause (up to 30 s).
 */
public final class ChangeFollower implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ChangeFollower.class.getName());
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final Duration JOIN_WAIT = Duration.ofSeconds(10);

  /** Derived data that follows the change log. Called from one thread at a time. */
  public interface Sink {

    /**
     * Prepares the sink and returns the position it has applied up to, 0 for none. A sink whose
     * data is missing or was derived from another store rebuilds it here from the store's current
     * records, and returns the log head it read before it began.
     */
    long open(StudyStore store);

    /**
     * Applies {@code changes} (all after the last position applied, oldest first). The result and
     * {@code upTo} must be durable together, so that a restart resumes after it, by the time this
     * call or the next {@link #caughtUp} returns: a sink may defer making a backlog's batches
     * durable (and visible) to the end of the catch-up, as the search index does to commit once
     * rather than once per batch.
     */
    void apply(List<Change> changes, long upTo);

    /**
     * Every change up to {@code position} (the log head as read) has been applied by this catch-up;
     * a sink that deferred making batches durable does it now. Called only after a catch-up that
     * applied something.
     */
    default void caughtUp(long position) {}
  }

  /** Where a follower stands. */
  public record Status(boolean opened, long position, Optional<String> lastError) {
    public Status {
      Objects.requireNonNull(lastError, "lastError");
    }
  }

  private final StudyStore store;
  private final Sink sink;
  private final String name;
  private final int batchSize;
  private final Duration pollEvery;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition advanced = lock.newCondition();
  /** Serializes open/apply between the background thread and callers of {@link #catchUp}. */
  private final Object applying = new Object();

  private volatile boolean opened;
  private volatile long position;
  private volatile String lastError;
  private volatile boolean closed;
  private Thread thread;

  private ChangeFollower(StudyStore store, Sink sink, String name, int batchSize, Duration pollEvery) {
    this.store = Objects.requireNonNull(store, "store");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.name = Objects.requireNonNull(name, "name");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    if (pollEvery.isNegative() || pollEvery.isZero()) {
      throw new IllegalArgumentException("pollEvery must be positive, got " + pollEvery);
    }
    this.batchSize = batchSize;
    this.pollEvery = pollEvery;
  }

  /**
   * A follower of {@code store} for {@code sink}, not yet running: call {@link #catchUp} to apply
   * everything now, or {@link #startInBackground} to keep following.
   *
   * @param name names the follower's thread and its log lines, e.g. {@code "search index"}
   * @param batchSize the most changes handed to the sink at once
   * @param pollEvery how often a background follower looks for new changes
   */
  public static ChangeFollower of(StudyStore store, Sink sink, String name, int batchSize, Duration pollEvery) {
    return new ChangeFollower(store, sink, name, batchSize, pollEvery);
  }

  /**
   * Opens the sink if needed and applies every change committed so far, in the caller's thread.
   *
   * @return the position reached: the log head as read when this call began, or later
   * @throws StoreException when the store fails; a sink's own exception as thrown
   */
  public long catchUp() {
    synchronized (applying) {
      if (!opened) {
        advanceTo(sink.open(store));
        opened = true;
      }
      long head = store.logHead();
      long applied = position;
      while (applied < head && !closed) {
        List<Change> batch = store.changesAfter(applied, batchSize);
        if (batch.isEmpty()) {
          break; // the head moved on while nothing new is visible yet; the next call gets it
        }
        applied = batch.getLast().position();
        sink.apply(batch, applied);
      }
      if (applied > position) {
        sink.caughtUp(applied);
        recovered();
        advanceTo(applied); // waiters see the position once it is durable and visible
      }
      return position;
    }
  }

  /**
   * Follows in a daemon thread until {@link #close()}: opens the sink (which may rebuild), then
   * applies new changes as they are committed, looking every {@code pollEvery}.
   *
   * @throws IllegalStateException when already started or closed
   */
  public synchronized ChangeFollower startInBackground() {
    if (thread != null || closed) {
      throw new IllegalStateException("the " + name + " follower is already " + (closed ? "closed" : "running"));
    }
    thread = Thread.ofPlatform().daemon().name("trialdex-follow-" + name.replace(' ', '-')).start(this::run);
    return this;
  }

  private void run() {
    Duration pause = pollEvery;
    while (!closed) {
      try {
        catchUp();
        recovered();
        pause = pollEvery;
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        lastError = e.getMessage() == null ? e.toString() : e.getMessage();
        LOG.log(Level.WARNING, "the " + name + " could not follow the store (retrying in " + pause.toMillis()
            + " ms): " + lastError, e);
        pause = pause.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause.multipliedBy(2);
      }
      sleep(pause);
    }
  }

  private void recovered() {
    if (lastError != null) {
      lastError = null;
      LOG.info(() -> "the " + name + " follows the store again from position " + position);
    }
  }

  private void sleep(Duration pause) {
    lock.lock();
    try {
      if (!closed) {
        advanced.await(pause.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    } finally {
      lock.unlock();
    }
  }

  private void advanceTo(long reached) {
    lock.lock();
    try {
      position = reached;
      advanced.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until this follower has applied everything up to {@code target} (for example the head
   * after an import), or the timeout passes.
   *
   * @return whether the target was reached
   */
  public boolean awaitPosition(long target, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (position < target && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        advanced.awaitNanos(Math.min(left, pollEvery.toNanos()));
      }
      return position >= target;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the sink is open, the position applied, and the last error if the last try failed. */
  public Status status() {
    return new Status(opened, position, Optional.ofNullable(lastError));
  }

  /** Stops a background follower, waiting for the batch in hand to finish. Idempotent. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      closed = true;
      t = thread;
    }
    lock.lock();
    try {
      advanced.signalAll();
    } finally {
      lock.unlock();
    }
    if (t != null && t != Thread.currentThread()) {
      try {
        // A rebuild in hand may take minutes; the owner closes the sink next, which ends it.
        t.join(JOIN_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
