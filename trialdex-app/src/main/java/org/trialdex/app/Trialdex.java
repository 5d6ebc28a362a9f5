package org.trialdex.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.trialdex.ingest.ChunkWriter;
import org.trialdex.ingest.Importer;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.store.Incoming;
import org.trialdex.store.PutOutcome;
import org.trialdex.store.StoreLocation;
import org.trialdex.store.StudyStore;
import org.trialdex.store.StudyStores;

/**
 * The wiring: opens the store and builds the services on it. The one place where trialdex's parts
 * meet; commands (and, later, the HTTP server) get what they need from here, and tests build the
 * same wiring on a temporary store.
 */
public final class Trialdex implements AutoCloseable {

  /** Records per atomic chunk: large enough to amortise a transaction, small enough to stay responsive. */
  public static final int CHUNK_SIZE = 500;

  private final StudyStore store;
  private final Clock clock;

  private Trialdex(StudyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Opens the store at {@code location}, creating and migrating it when needed.
   *
   * @throws org.trialdex.store.StoreException when the store cannot be opened; the message says why
   */
  public static Trialdex open(StoreLocation location, Clock clock) {
    return new Trialdex(StudyStores.open(location, clock), clock);
  }

  public StudyStore store() {
    return store;
  }

  public Clock clock() {
    return clock;
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
    store.close();
  }
}
