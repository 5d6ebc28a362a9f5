package org.trialdex.app.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.trialdex.ingest.ChunkWriter;
import org.trialdex.ingest.ImportReport;
import org.trialdex.ingest.Importer;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.store.ImportRun;
import org.trialdex.store.Incoming;
import org.trialdex.store.PutOutcome;
import org.trialdex.store.RunCounts;
import org.trialdex.store.RunOwner;
import org.trialdex.store.StoreException;
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
   * @param report what was read, created, updated, left unchanged and failed, and why; an aborted
   *     report's run is recorded as FAILED with the reason
   * @param recordFailure why the run's end could not be recorded (the store failing again, e.g. a
   *     full disk); the next start then finds the run INTERRUPTED. Empty when it was recorded
   */
  public record Finished(long runId, ImportReport report, Optional<String> recordFailure) {
    public Finished {
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(recordFailure, "recordFailure");
    }
  }

  /**
   * Imports {@code paths} (files, folders, archives) as one import run named {@code command}, and
   * keeps the run's counts with it: FINISHED when the import ran to its end, FAILED with the reason
   * when it stopped (the store failed, e.g. a full disk). While it runs, the run's heartbeat is
   * renewed every {@link RunOwner#HEARTBEAT_INTERVAL}, so that other processes see it is alive.
   *
   * @throws org.trialdex.store.StoreException when the run cannot be started
   */
  public Finished run(String command, List<Path> paths, ReadOptions options, Importer.Listener listener) {
    return run(command, paths.stream().map(Path::toString).toList(), paths, options, listener);
  }

  /**
   * As {@link #run(String, List, ReadOptions, Importer.Listener)}, the run's sources named {@code
   * sources} instead of the paths: for an upload kept in a temporary file, which says nothing to a
   * person reading the run list.
   */
  public Finished run(String command, List<String> sources, List<Path> paths, ReadOptions options,
      Importer.Listener listener) {
    ImportRun run = store.beginRun(command, sources);
    ImportReport report;
    try (Heartbeat beating = new Heartbeat(run.id())) {
      report = importer(run.id(), options, listener).run(paths);
    } catch (RuntimeException | Error e) {
      failQuietly(run.id(), RunCounts.zero(), "the import stopped on an unexpected error: " + e);
      throw e;
    }
    RunCounts counts = new RunCounts(report.read(), report.created(), report.updated(), report.unchanged(),
        report.failed());
    if (report.aborted().isPresent()) {
      return new Finished(run.id(), report, failQuietly(run.id(), counts, report.aborted().get()));
    }
    store.finishRun(run.id(), counts);
    return new Finished(run.id(), report, Optional.empty());
  }

  /** Records the run as FAILED; says why that failed too, if it did (the store is already failing). */
  private Optional<String> failQuietly(long runId, RunCounts counts, String reason) {
    try {
      store.failRun(runId, counts, reason);
      return Optional.empty();
    } catch (StoreException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * Renews the run's heartbeat in the background while the import reads (a long stretch of failing
   * records stores no chunk, and a chunk also renews it). A heartbeat that fails is tried again at
   * the next beat: the import itself reports store failures.
   */
  private final class Heartbeat implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r ->
        Thread.ofPlatform().name("trialdex-import-heartbeat").daemon().unstarted(r));

    Heartbeat(long runId) {
      long every = RunOwner.HEARTBEAT_INTERVAL.toMillis();
      timer.scheduleWithFixedDelay(() -> {
        try {
          store.heartbeat(runId);
        } catch (RuntimeException e) {
          // The next beat tries again; the import reports the store's failures itself.
        }
      }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      timer.shutdown(); // a beat under way ends by itself; none starts after this
    }
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
