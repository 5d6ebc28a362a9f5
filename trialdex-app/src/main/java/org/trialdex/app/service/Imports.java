package org.trialdex.app.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.trialdex.ingest.ChunkWriter;
import org.trialdex.ingest.ImportReport;
import org.trialdex.ingest.Importer;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.store.ImportRun;
import org.trialdex.store.Incoming;
import org.trialdex.store.PutOutcome;
import org.trialdex.store.RunCounts;
import org.trialdex.store.StudyStore;

/**
 * Imports into the store: an import run from the paths to its counts, kept with the run. The
 * records are written in atomic chunks of {@link #CHUNK_SIZE}; a killed import leaves each record at
 * its old or its new version. The search index is not this service's concern: it follows the
 * store's change log.
 */
public final class Imports {

  /** Records per atomic chunk: large enough to amortise a transaction, small enough to stay responsive. */
  public static final int CHUNK_SIZE = 500;

  private final StudyStore store;

  /** Imports into {@code store}. */
  public Imports(StudyStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * What an import run did.
   *
   * @param runId the import run, as {@code trialdex stats} lists it
   * @param report what was read, created, updated, left unchanged and failed, and why
   */
  public record Finished(long runId, ImportReport report) {
    public Finished {
      Objects.requireNonNull(report, "report");
    }
  }

  /**
   * Imports {@code paths} (files, folders, archives) as one import run named {@code command}, and
   * keeps the run's counts with it.
   *
   * @throws org.trialdex.store.StoreException when the store fails; the records of chunks written so far stay
   */
  public Finished run(String command, List<Path> paths, ReadOptions options, Importer.Listener listener) {
    ImportRun run = store.beginRun(command, paths.stream().map(Path::toString).toList());
    ImportReport report = importer(run.id(), options, listener).run(paths);
    store.finishRun(run.id(),
        new RunCounts(report.read(), report.created(), report.updated(), report.unchanged(), report.failed()));
    return new Finished(run.id(), report);
  }

  /** An importer writing into the store under import run {@code runId}, which the caller began and finishes. */
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
}
