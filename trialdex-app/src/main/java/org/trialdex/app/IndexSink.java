package org.trialdex.app;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trialdex.core.model.Study;
import org.trialdex.search.StudyIndex;
import org.trialdex.store.Change;
import org.trialdex.store.ChangeFollower;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.StudyStore;

/**
 * The search index as a follower of the store's change log: each batch of changes re-indexes the
 * records it names from their current form (once per record, on every core); the end of a
 * catch-up commits with the position reached, so a restart resumes there. An index that is new, from another store, or
 * ahead of this store's log is rebuilt from the store's current records first.
 */
final class IndexSink implements ChangeFollower.Sink {

  private static final Logger LOG = LoggerFactory.getLogger("trialdex.index");

  /** Records per indexing batch during a rebuild. */
  private static final int REBUILD_BATCH = 1000;
  /** Most changes applied before a commit while a backlog is worked off. */
  private static final int COMMIT_EVERY = 50_000;

  private final StudyIndex index;
  private final StudyStore store;
  private volatile boolean rebuilding;
  private volatile long rebuildDone;
  private volatile long rebuildTotal;
  private volatile long applied;
  private long pendingUpTo;
  private long pendingChanges;
  private String storeId;

  IndexSink(StudyIndex index, StudyStore store) {
    this.index = index;
    this.store = store;
  }

  @Override
  public long open(StudyStore followed) {
    storeId = store.storeId();
    long head = store.logHead();
    Optional<StudyIndex.Checkpoint> checkpoint = index.checkpoint();
    if (checkpoint.isPresent() && checkpoint.get().source().equals(storeId) && checkpoint.get().position() <= head) {
      LOG.debug("the search index follows the store from change {} (the store is at {})", checkpoint.get().position(), head);
      return checkpoint.get().position();
    }
    if (head > 0) { // a new store needs no announcement: there is nothing to rebuild
      LOG.info("rebuilding the search index from the store: {}", checkpoint.isEmpty() ? "it is new or was never completed"
          : !checkpoint.get().source().equals(storeId) ? "it was built from another store" : "it is ahead of this store's log");
    }
    return rebuild();
  }

  /**
   * Rebuilds the index from every current record. The log head is read first: changes committed
   * while the rebuild scans are applied again afterwards, which is harmless. Until the final
   * commit, searches see the index as it was (Lucene commits atomically).
   *
   * @return the log position the rebuilt index reflects
   */
  long rebuild() {
    storeId = store.storeId();
    long head = store.logHead();
    rebuildTotal = store.counts().studies();
    rebuildDone = 0;
    rebuilding = true;
    try {
      index.deleteAll();
      Map<String, Study> batch = new LinkedHashMap<>();
      try (Stream<StoredStudy> all = store.currentAll()) {
        for (var it = all.iterator(); it.hasNext(); ) {
          StoredStudy s = it.next();
          batch.put(s.nctId(), s.study());
          if (batch.size() == REBUILD_BATCH) {
            index.upsertAll(batch);
            rebuildDone += batch.size();
            batch.clear();
          }
        }
      }
      index.upsertAll(batch);
      rebuildDone += batch.size();
      index.commit(new StudyIndex.Checkpoint(storeId, head));
      pendingChanges = 0; // whatever was applied but not committed is in the rebuild
      if (head > 0) {
        LOG.info("rebuilt the search index: {} records, at change {}", rebuildDone, head);
      }
      return head;
    } finally {
      rebuilding = false;
    }
  }

  @Override
  public void apply(List<Change> changes, long upTo) {
    Set<String> ids = new LinkedHashSet<>();
    Set<String> aliases = new LinkedHashSet<>();
    for (Change change : changes) {
      ids.add(change.recordId());
      if (change instanceof Change.Linked linked) {
        aliases.add(linked.alias());
      }
    }
    Map<String, Study> current = new LinkedHashMap<>();
    // The store is read at apply time: a record changed twice in the batch is indexed once, as it is now.
    for (StoredStudy s : store.currentOf(ids)) {
      current.put(s.nctId(), s.study());
    }
    index.upsertAll(current);
    for (String id : ids) {
      if (!current.containsKey(id)) {
        index.delete(id); // linked into another record since: it has no record of its own any more
      }
    }
    aliases.forEach(index::delete);
    applied += current.size();
    pendingUpTo = upTo;
    pendingChanges += changes.size();
    // A backlog (an import, a node that was down) commits at the end of its catch-up: one segment
    // flush and one fsync instead of one per batch; only a very long backlog commits on the way.
    if (pendingChanges >= COMMIT_EVERY) {
      commitPending();
    }
  }

  @Override
  public void caughtUp(long position) {
    commitPending();
  }

  private void commitPending() {
    if (pendingChanges > 0) {
      index.commit(new StudyIndex.Checkpoint(storeId, pendingUpTo));
      pendingChanges = 0;
    }
  }

  boolean rebuilding() {
    return rebuilding;
  }

  long rebuildDone() {
    return rebuildDone;
  }

  long rebuildTotal() {
    return rebuildTotal;
  }

  /** Records (re)indexed from the change log by this sink since it was made, rebuilds aside. */
  long applied() {
    return applied;
  }
}
