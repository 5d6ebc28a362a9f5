package org.trialdex.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.trialdex.ingest.ChunkWriter;
import org.trialdex.ingest.Importer;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.search.SearchService;
import org.trialdex.store.Incoming;
import org.trialdex.store.PutOutcome;
import org.trialdex.store.StoreLocation;
import org.trialdex.store.StudyStore;
import org.trialdex.store.StudyStores;

/**
 * The wiring: opens the store, then the search index derived from it, and builds the services on
 * them. The one place where trialdex's parts meet; commands and the HTTP server get what they
 * need from here, and tests build the same wiring on a temporary store.
 *
 * <p>The index is derived and follows the store's change log (see {@link SearchIndexing}): a
 * server follows it in the background, a command catches up before it searches, and an index
 * that is missing or from another store is rebuilt from the store, so deleting the index folder
 * loses nothing and a killed import leaves nothing unsearchable.
 */
public final class Trialdex implements AutoCloseable {

  /** Records per atomic chunk: large enough to amortise a transaction, small enough to stay responsive. */
  public static final int CHUNK_SIZE = 500;

  private final StudyStore store;
  private final Clock clock;
  private final SearchIndexing indexing;

  private Trialdex(StudyStore store, Clock clock, Path indexDir) {
    this.store = store;
    this.clock = clock;
    this.indexing = new SearchIndexing(store, indexDir);
  }

  /**
   * Opens the store at {@code location}, creating and migrating it when needed. The search index
   * lives in {@code index/} beside an embedded store, or in {@code ./trialdex-index} for
   * PostgreSQL; see {@link #open(StoreLocation, Path, Clock)} to choose.
   *
   * @throws org.trialdex.store.StoreException when the store cannot be opened; the message says why
   */
  public static Trialdex open(StoreLocation location, Clock clock) {
    return open(location, defaultIndexDir(location), clock);
  }

  /** Opens the store at {@code location} with its search index in {@code indexDir}. */
  public static Trialdex open(StoreLocation location, Path indexDir, Clock clock) {
    return new Trialdex(StudyStores.open(location, clock), clock, Objects.requireNonNull(indexDir, "indexDir"));
  }

  /** Where the index of a store lives unless told otherwise. */
  public static Path defaultIndexDir(StoreLocation location) {
    return switch (location) {
      case StoreLocation.Sqlite sqlite -> sqlite.dataDir().resolve("index");
      case StoreLocation.Postgres postgres -> Path.of("trialdex-index");
    };
  }

  public StudyStore store() {
    return store;
  }

  public Clock clock() {
    return clock;
  }

  /** The search side: the index, whether this process writes it, and how far it follows the store. */
  public SearchIndexing indexing() {
    return indexing;
  }

  /**
   * The search service, current with the store (see {@link SearchIndexing#service()}).
   *
   * @throws SearchUnavailableException while the index is rebuilt in the background
   */
  public SearchService search() {
    return indexing.service();
  }

  /** Rebuilds the index from every current record of the store; returns how many were indexed. */
  public long reindex() {
    return indexing.rebuild();
  }

  /** An importer writing into this store under import run {@code runId}. */
  public Importer importer(long runId, ReadOptions options, Importer.Listener listener) {
    return new Importer(options, CHUNK_SIZE, chunkWriter(runId), listener);
  }

  private ChunkWriter chunkWriter(long runId) {
    return chunk -> {
      List<Incoming> incoming = new ArrayList<>(chunk.size());
      for (ReadResult.Read r : chunk) {
        incoming.add(new Incoming(r.recordId(), r.study(), r.provenance(), r.spans()));
      }
      List<PutOutcome> outcomes = store.putAll(runId, incoming);
      List<ChunkWriter.Outcome> mapped = new ArrayList<>(outcomes.size());
      for (PutOutcome o : outcomes) {
        mapped.add(switch (o.kind()) {
          case NEW -> ChunkWriter.Outcome.NEW;
          case UPDATED -> ChunkWriter.Outcome.UPDATED;
          case UNCHANGED -> ChunkWriter.Outcome.UNCHANGED;
        });
      }
      return mapped;
    };
  }

  @Override
  public void close() {
    try {
      indexing.close();
    } finally {
      store.close();
    }
  }
}
