package org.trialdex.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.trialdex.core.source.SourceKeys;
import org.trialdex.core.source.RecordIds;

/**
 * The bulk import pipeline: reads every record of the given paths (files, folders, archives, any
 * format {@link SourceFormat} knows), checks each record's NCT id, and hands chunks to a
 * {@link ChunkWriter}, reading the next chunk while the last is written.
 *
 * <p>Bad input never stops an import: a record that cannot be read, has no valid NCT id, or repeats
 * an NCT id already seen in this import is a failure with its file, record and reason, and the rest
 * goes on. Only a failing writer (the store) stops it, after which nothing of the failed chunk is
 * written.
 *
 * <p>Memory stays bounded whatever the input: failures are counted, the first
 * {@link #MAX_FAILURES_KEPT} are kept in {@link ImportReport#failureSample()}, and every one goes to
 * {@link Listener#failed} as it happens (to stream them to a file). What grows with the input is one
 * small entry per imported record id, to find an id that comes twice.
 */
public final class Importer {

  /** Warnings kept in the report; the rest are counted. */
  public static final int MAX_WARNINGS_KEPT = 1000;
  /** Failures kept in the report; the rest are counted (and given to {@link Listener#failed}). */
  public static final int MAX_FAILURES_KEPT = 100;

  private static final Pattern NCT_ID = RecordIds.NCT_ID;
  /** Ids of records without an NCT id: other registries' ids and content ids. */
  private static final Pattern OTHER_ID = RecordIds.OTHER_ID;

  /** Progress as the import goes: for a progress bar. */
  public record Progress(long records, long failed, long bytesDone, long bytesTotal, String currentFile) {}

  /** Receives progress about every chunk, and every failure; called from the import's threads, one at a time. */
  @FunctionalInterface
  public interface Listener {
    void progress(Progress progress);

    /** One record, file or archive that was not imported, as it happens (all of them, in order). */
    default void failed(ReadProblem problem) {}

    Listener NONE = p -> {};
  }

  private final ReadOptions options;
  private final int chunkSize;
  private final ChunkWriter writer;
  private final Listener listener;

  /**
   * @param chunkSize records per chunk, the unit of atomic writes (500 suits SQLite and PostgreSQL)
   * @throws IllegalArgumentException when chunkSize is not positive
   */
  public Importer(ReadOptions options, int chunkSize, ChunkWriter writer, Listener listener) {
    if (chunkSize <= 0) {
      throw new IllegalArgumentException("chunkSize must be positive, was " + chunkSize);
    }
    this.options = Objects.requireNonNull(options, "options");
    this.chunkSize = chunkSize;
    this.writer = Objects.requireNonNull(writer, "writer");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Imports everything the paths hold and reports what happened. */
  public ImportReport run(List<Path> paths) {
    long started = System.nanoTime();
    Failures failures = new Failures(listener);
    List<ReadProblem> missing = new ArrayList<>();
    List<Path> files = Sources.expand(paths, missing);
    missing.forEach(failures::add);
    long bytesTotal = files.stream().mapToLong(Importer::size).sum();
    AtomicLong bytesDone = new AtomicLong();
    try (Sources sources = new Sources(options, bytesDone)) {
      return run(sources, files, failures, bytesDone, bytesTotal, started);
    }
  }

  private ImportReport run(Sources sources, List<Path> files, Failures failures, AtomicLong bytesDone,
      long bytesTotal, long started) {

    BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(2);
    Reading reading = new Reading(sources, files, failures, queue, bytesDone, bytesTotal);
    Thread reader = Thread.ofPlatform().name("trialdex-import-reader").daemon().start(reading);

    long created = 0;
    long updated = 0;
    long unchanged = 0;
    long written = 0;
    Optional<String> aborted = Optional.empty();
    try {
      while (true) {
        Chunk chunk = queue.take();
        if (chunk.isEnd()) {
          break;
        }
        List<ChunkWriter.Outcome> outcomes;
        try {
          outcomes = writer.write(chunk.records());
        } catch (RuntimeException e) {
          aborted = Optional.of("writing a chunk of " + chunk.records().size() + " records (from "
              + chunk.records().get(0).provenance() + ") failed, so it was not written and the import stopped: "
              + ReadProblem.reasonOf(e));
          reading.stop();
          break;
        }
        if (outcomes.size() != chunk.records().size()) {
          throw new IllegalStateException("writer returned " + outcomes.size() + " outcomes for " + chunk.records().size() + " records");
        }
        for (ChunkWriter.Outcome o : outcomes) {
          switch (o) {
            case NEW -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
          }
        }
        written += outcomes.size();
      }
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reading.stop();
      aborted = Optional.of("interrupted");
    }
    if (reading.error != null && aborted.isEmpty()) {
      aborted = Optional.of("reading failed unexpectedly: " + reading.error);
    }
    long failed = failures.count();
    long read = aborted.isPresent() ? written + failed : reading.accepted + failed;
    return new ImportReport(read, created, updated, unchanged, failed, failures.sample(), reading.warningCount,
        reading.warnings, bytesDone.get(), Duration.ofNanos(System.nanoTime() - started), aborted);
  }

  private static long size(Path p) {
    try {
      return java.nio.file.Files.size(p);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  private record Where(String file, String position) {
    @Override
    public String toString() {
      return file + " (" + position + ")";
    }
  }

  private record Chunk(List<ReadResult.Read> records) {
    static final Chunk END = new Chunk(List.of());

    boolean isEnd() {
      return this == END;
    }
  }

  /** The reading side: pulls records, checks ids, fills chunks. Runs on its own thread. */
  private final class Reading implements Runnable {
    private final Sources sources;
    private final List<Path> files;
    private final Failures failures;
    private final BlockingQueue<Chunk> queue;
    private final AtomicLong bytesDone;
    private final long bytesTotal;
    /** Where each record id was first taken, per source; the file name is shared, not copied, per record. */
    private final Map<String, Where> seen = new HashMap<>();
    private final List<ReadWarning> warnings = new ArrayList<>();
    private volatile boolean stopped;
    private volatile String error;
    private long accepted;
    private long warningCount;

    Reading(Sources sources, List<Path> files, Failures failures, BlockingQueue<Chunk> queue,
        AtomicLong bytesDone, long bytesTotal) {
      this.sources = sources;
      this.files = files;
      this.failures = failures;
      this.queue = queue;
      this.bytesDone = bytesDone;
      this.bytesTotal = bytesTotal;
    }

    void stop() {
      stopped = true;
      queue.clear();
    }

    @Override
    public void run() {
      List<ReadResult.Read> chunk = new ArrayList<>(chunkSize);
      try {
        var it = sources.records(files);
        while (!stopped && it.hasNext()) {
          ReadResult r;
          try {
            r = it.next();
          } catch (RuntimeException e) {
            // A reader broke its contract (it should return Failed): keep the reason, stop reading.
            fail(new ReadProblem(sources.currentFile(), "", "reading stopped unexpectedly: " + ReadProblem.reasonOf(e)));
            break;
          }
          switch (r) {
            case ReadResult.Failed f -> fail(f.problem());
            case ReadResult.Read read -> {
              if (admit(read)) {
                chunk.add(read);
                if (chunk.size() >= chunkSize) {
                  put(new Chunk(List.copyOf(chunk)));
                  chunk.clear();
                  report();
                }
              }
            }
          }
        }
        if (!chunk.isEmpty() && !stopped) {
          put(new Chunk(List.copyOf(chunk)));
        }
        report();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException | Error e) {
        error = ReadProblem.reasonOf(e);
      } finally {
        try {
          queue.put(Chunk.END);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private void put(Chunk chunk) throws InterruptedException {
      while (!stopped && !queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
        // the writer is busy; wait
      }
    }

    private boolean admit(ReadResult.Read read) {
      String nct = read.recordId();
      String file = read.provenance().file();
      String position = read.provenance().position();
      if (nct.isEmpty()) {
        fail(new ReadProblem(file, position, "the record has no NCT id (protocolSection.identificationModule.nctId)"
            + " and no other registry id; it was not imported"));
        return false;
      }
      if (!read.nctId().isEmpty() && !NCT_ID.matcher(nct).matches()) {
        fail(new ReadProblem(file, position, "invalid NCT id '" + nct + "': expected NCT followed by 8 digits; the record was not imported"));
        return false;
      }
      if (read.nctId().isEmpty() && !OTHER_ID.matcher(nct).matches()) {
        fail(new ReadProblem(file, position, "invalid record id '" + nct + "': expected 3 to 64 letters, digits and"
            + " - _ . / : with no spaces; the record was not imported"));
        return false;
      }
      // The same trial from two sources (a registry record and a page) is two views to merge; the
      // same trial twice from one source is a mistake in the batch.
      String source = SourceKeys.of(read.provenance());
      Where first = seen.putIfAbsent(nct + " " + source, new Where(file, position));
      if (first != null) {
        fail(new ReadProblem(file, nct + " (" + position + ")", nct + " appears twice in this import from the same"
            + " source (" + source + "); the first, at " + first + ", was taken and this one was not imported"));
        return false;
      }
      accepted++;
      warningCount += read.warnings().size();
      for (ReadWarning w : read.warnings()) {
        if (warnings.size() < MAX_WARNINGS_KEPT) {
          warnings.add(w);
        }
      }
      return true;
    }

    private void fail(ReadProblem problem) {
      failures.add(problem);
    }

    private void report() {
      long failed = failures.count();
      listener.progress(new Progress(accepted + failed, failed, bytesDone.get(), bytesTotal, sources.currentFile()));
    }
  }

  /** Every failure counted and given to the listener; the first {@link #MAX_FAILURES_KEPT} kept. */
  private static final class Failures {
    private final Listener listener;
    private final List<ReadProblem> sample = new ArrayList<>();
    private long count;

    Failures(Listener listener) {
      this.listener = listener;
    }

    synchronized void add(ReadProblem problem) {
      count++;
      if (sample.size() < MAX_FAILURES_KEPT) {
        sample.add(problem);
      }
      listener.failed(problem);
    }

    synchronized long count() {
      return count;
    }

    synchronized List<ReadProblem> sample() {
      return List.copyOf(sample);
    }
  }
}
