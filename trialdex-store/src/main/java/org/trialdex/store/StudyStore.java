package org.trialdex.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The system of record: every version of every study, where each came from, and the import runs
 * that wrote them. Open one with {@link StudyStores#open}.
 *
 * <p><b>Versions.</b> A record is identified by its NCT id. Putting a record whose content hash
 * equals its current version's writes nothing; any other content becomes the next version (1, 2,
 * 3...). Each version keeps the exact compact JSON that {@code StudyJson.write} produced, so a
 * version reads back byte for byte as stored.
 *
 * <p><b>Atomicity.</b> {@link #putAll} writes a chunk in one transaction: all of it or none of it.
 * A process killed mid-import leaves every record at its old or its new version.
 *
 * <p><b>Threads.</b> Implementations are thread-safe. Writes ({@link #beginRun},
 * {@link #finishRun}, {@link #putAll}) are serialized on one connection; reads use their own
 * connections and run concurrently with a write, seeing only committed chunks. The intended use
 * is one writer thread (the import) plus any number of readers.
 *
 * <p>Every method throws {@link StoreException} when the database fails.
 */
public interface StudyStore extends AutoCloseable {

  /**
   * Starts an import run: status RUNNING, started now (store clock), counts zero.
   *
   * @param command the command as given, for people reading the run list
   * @param sources the files or URLs the run will read
   */
  ImportRun beginRun(String command, List<String> sources);

  /**
   * Ends a run: status FINISHED, finished now (store clock), with its counts.
   *
   * @throws StoreException when there is no such run or it has already finished
   */
  void finishRun(long runId, RunCounts counts);

  /**
   * Stores a chunk of records in one transaction and says what happened to each, in order. When
   * the same NCT id appears twice, the second is compared with the first's result.
   *
   * @param runId the run (from {@link #beginRun}) the new versions belong to
   * @throws IllegalArgumentException when a record has no NCT id; nothing is written
   * @throws StoreException when the database fails or the run does not exist; nothing is written
   */
  List<PutOutcome> putAll(long runId, List<Incoming> chunk);

  /** The current (newest) version of a record. */
  Optional<StoredStudy> current(String nctId);

  /** One version of a record; versions are numbered 1, 2, 3... */
  Optional<StoredStudy> version(String nctId, int version);

  /** Every version of a record, oldest first, without content; empty for an unknown id. */
  List<VersionInfo> versions(String nctId);

  /**
   * Every current record, ordered by NCT id, read with a database cursor so that memory does not
   * grow with the store. The stream holds a connection: close it (try-with-resources).
   */
  Stream<StoredStudy> currentAll();

  /**
   * The current records whose newest version was recorded at or after {@code since}, ordered by
   * NCT id, streamed like {@link #currentAll()}. Instants are compared to the microsecond.
   */
  Stream<StoredStudy> changedSince(Instant since);

  /** Numbers of records and versions, and current records by status, phase and study type. */
  StoreCounts counts();

  /** Every import run, newest first. */
  List<ImportRun> importRuns();

  /** Closes the store's connections, including those of streams still open. */
  @Override
  void close();
}
