package org.trialdex.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.search.SearchException;
import org.trialdex.search.SearchService;
import org.trialdex.search.StudyIndex;
import org.trialdex.store.ChangeFollower;
import org.trialdex.store.StudyStore;

/**
 * The search side of one trialdex process: its view of the index folder and, when this process
 * holds the folder's write lock, the follower that keeps the index in step with the store's
 * change log.
 *
 * <p>Whoever opens the folder first writes it: a server follows the log in the background; a
 * command catches up in its own thread before it searches. Everyone else (a command while a
 * server runs, a second server) reads the writer's commits and never writes, so no command fails
 * for want of the index lock, and records written by any process reach the index through the log.
 */
public final class SearchIndexing implements AutoCloseable {

  /** Changes handed to the index at once: one Lucene commit per batch. */
  static final int BATCH = 2000;
  /** How often a background follower looks for new changes: the main term of the search delay. */
  static final Duration POLL = Duration.ofMillis(200);

  /**
   * Where search stands, for {@code /health} and {@code trialdex stats}.
   *
   * @param role {@code writer} (this process keeps the index), {@code reader} (another process
   *     does) or {@code none} (no index readable yet)
   * @param storePosition the store's change-log head
   * @param indexPosition the last change the index reflects (its newest commit), -1 when unknown
   * @param rebuilding whether the index is being rebuilt from the store
   * @param rebuilt records indexed so far by the rebuild
   * @param toRebuild records the rebuild indexes in all
   * @param lastError why following failed last time, if it did
   */
  public record Status(String role, long storePosition, long indexPosition, boolean rebuilding, long rebuilt,
      long toRebuild, Optional<String> lastError) {
    public Status {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(lastError, "lastError");
    }

    /** Changes committed to the store that searches do not reflect yet; -1 when unknown. */
    public long lag() {
      return indexPosition < 0 ? -1 : Math.max(0, storePosition - indexPosition);
    }
  }

  private final StudyStore store;
  private final Path dir;
  private StudyIndex index;
  private SearchService service;
  private IndexSink sink;
  private ChangeFollower follower;
  private boolean background;
  private final Supplier<Vocabulary> vocabulary;

  SearchIndexing(StudyStore store, Path dir, Supplier<Vocabulary> vocabulary) {
    this.store = store;
    this.dir = dir;
    this.vocabulary = vocabulary;
  }

  private ChangeFollower newFollower() {
    return ChangeFollower.of(store, sink, "search index", BATCH, POLL);
  }

  /** Whether this process writes the index; opens the folder if not done yet. */
  public synchronized boolean writer() {
    openIndex();
    return follower != null;
  }

  private void openIndex() {
    if (index != null) {
      return;
    }
    Optional<StudyIndex> writable = StudyIndex.tryOpen(dir, vocabulary.get());
    if (writable.isPresent()) {
      index = writable.get();
      sink = new IndexSink(index, store);
      follower = newFollower();
      service = new SearchService(index);
      return;
    }
    try {
      index = StudyIndex.openReadOnly(dir, vocabulary.get());
      service = new SearchService(index);
    } catch (SearchException e) {
      throw new SearchUnavailableException("Search is not available yet: " + e.getMessage(), e);
    }
  }

  /**
   * Keeps the index following the store from a background thread (a server). The first step may
   * be a rebuild, during which {@link #service()} says so. Does nothing where another process
   * writes the index.
   */
  public synchronized void followInBackground() {
    try {
      openIndex();
    } catch (SearchUnavailableException e) {
      return; // another process writes the index and has not committed it yet: read it later
    }
    if (follower != null && !background) {
      background = true;
      follower.startInBackground();
    }
  }

  /**
   * Brings the index up to date in the caller's thread (rebuilding it if it is missing or from
   * another store), then keeps following in the background: for an import, which then indexes
   * its chunks on the other core while it reads and stores the next ones. Does nothing where
   * another process writes the index.
   */
  public synchronized void catchUpThenFollow() {
    try {
      openIndex();
    } catch (SearchUnavailableException e) {
      return;
    }
    if (follower != null && !background) {
      follower.catchUp();
      background = true;
      follower.startInBackground();
    }
  }

  /**
   * The search service, current with the store: where this process writes the index without a
   * background follower, every change committed so far is applied first (a rebuild, if the index
   * is missing or from another store); with one, searches see what it has applied.
   *
   * @throws SearchUnavailableException while a rebuild runs in the background, or when another
   *     process holds an index it has not written yet
   */
  public SearchService service() {
    ChangeFollower f;
    synchronized (this) {
      openIndex();
      f = follower;
      if (f != null && background) {
        if (!f.status().opened() || sink.rebuilding()) {
          throw new SearchUnavailableException(String.format(Locale.ROOT, "Search is being rebuilt from the store"
              + " (%,d of %,d records so far); record pages and history answer meanwhile, try searching again in a"
              + " minute", sink.rebuildDone(), sink.rebuildTotal()));
        }
        return service;
      }
    }
    if (f != null) {
      f.catchUp();
      return service;
    }
    // Another process writes the index: until its first rebuild commits, the folder holds an empty
    // index or one of another store, and answering from it would be silently wrong.
    String storeId = store.storeId();
    if (index.checkpoint().filter(c -> c.source().equals(storeId)).isEmpty()) {
      throw new SearchUnavailableException("Search is being rebuilt from the store by the trialdex process that holds"
          + " the index at " + dir + "; try again in a minute");
    }
    return service;
  }

  /**
   * Stops following in the background and applies what is left in the caller's thread, so that a
   * command that wrote the store exits with its records searchable, or with the reason they are not.
   *
   * @return whether this process writes the index (false: another process follows the store)
   * @throws RuntimeException what the store or the index threw; the records stay stored, and the
   *     index catches up the next time a trialdex process writes it
   */
  public synchronized boolean finishFollowing() {
    openIndex();
    if (follower == null) {
      return false;
    }
    if (background) {
      follower.close();
      follower = newFollower();
      background = false;
    }
    follower.catchUp();
    return true;
  }

  /**
   * Rebuilds the index from every current record of the store, in the caller's thread.
   *
   * @return the number of records indexed
   * @throws SearchException when another process writes the index (it keeps it current already)
   */
  public synchronized long rebuild() {
    openIndex();
    if (follower == null) {
      throw new SearchException("The search index at " + dir + " is kept by another trialdex process, which follows"
          + " the store and keeps it current; stop that process to rebuild the index here");
    }
    follower.close();
    sink.rebuild();
    long n = sink.rebuildDone();
    follower = newFollower();
    if (background) {
      follower.startInBackground();
    }
    return n;
  }

  /** Records indexed from the change log by this process so far (rebuilds aside). */
  public synchronized long indexedFromLog() {
    return sink == null ? 0 : sink.applied();
  }

  /** Where search stands now. */
  public Status status() {
    long head = store.logHead();
    IndexSink s;
    ChangeFollower f;
    StudyIndex i;
    synchronized (this) {
      try {
        openIndex();
      } catch (SearchUnavailableException e) {
        return new Status("none", head, -1, false, 0, 0, Optional.of(e.getMessage()));
      }
      s = sink;
      f = follower;
      i = index;
    }
    String storeId = store.storeId();
    long position = i.checkpoint().filter(c -> c.source().equals(storeId))
        .map(StudyIndex.Checkpoint::position).orElse(-1L);
    if (f == null) {
      return new Status("reader", head, position, false, 0, 0, Optional.empty());
    }
    return new Status("writer", head, position, s.rebuilding(), s.rebuildDone(), s.rebuildTotal(),
        f.status().lastError());
  }

  @Override
  public synchronized void close() {
    try {
      if (follower != null) {
        follower.close();
      }
    } finally {
      if (index != null) {
        index.close();
      }
    }
  }
}
