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
   * Starts an import run: status RUNNING, started now (store clock), counts zero, owned by this
   * process (host, pid, process start) with a heartbeat of now. Each {@link #putAll} and
   * {@link #heartbeat} renews the heartbeat; a run whose process is gone is marked INTERRUPTED by
   * the next {@link StudyStores#open} (see {@link RunOwner}).
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
   * Ends a run that stopped on an error: status FAILED, finished now, with its counts and the
   * reason (e.g. a full disk), which the run list shows.
   *
   * @throws StoreException when there is no such run, it has already ended, or the database fails
   *     (a full disk may refuse even this; the run is then found INTERRUPTED by the next start)
   */
  void failRun(long runId, RunCounts counts, String reason);

  /**
   * Tells the store that this process still runs the import: renews the run's heartbeat (store
   * clock). Call it at least every {@link RunOwner#HEARTBEAT_INTERVAL} while no chunk is stored.
   *
   * @throws StoreException when there is no such run or it has already ended
   */
  void heartbeat(long runId);

  /**
   * Stores a chunk of records in one transaction and says what happened to each, in order. When
   * the same NCT id appears twice, the second is compared with the first's result.
   *
   * @param runId the run (from {@link #beginRun}) the new versions belong to
   * @throws IllegalArgumentException when a record has no NCT id; nothing is written
   * @throws StoreException when the database fails or the run does not exist; nothing is written
   */
  List<PutOutcome> putAll(long runId, List<Incoming> chunk);

  /**
   * The current record: the newest version of its one source, or the merge of the newest version
   * of each of its sources (see {@link #merge}). An id that has been linked to an NCT record finds
   * that record.
   */
  Optional<StoredStudy> current(String id);

  /**
   * The current record's JSON as stored, the compact v2 JSON in UTF-8 that {@link #current}'s
   * study is read from, without reading it into the model: for answers that send the record as it
   * is. Finds what {@link #current} finds.
   */
  Optional<byte[]> currentJson(String id);

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

  /**
   * Numbers of records and versions, and current records by status, phase and study type. Kept
   * between calls while the change log's head stays put, so asking often (a health check) is cheap.
   */
  StoreCounts counts();

  /**
   * When the newest current record's version was recorded ({@link StoredStudy#recordedAt()} of the
   * current records, at its latest); empty for an empty store. Read through an index, not a scan.
   */
  Optional<Instant> newestCurrentRecordedAt();

  /** Every import run, newest first, with its status (RUNNING, FINISHED, FAILED, INTERRUPTED). */
  List<ImportRun> importRuns();

  /**
   * How the current record was made: the newest version of each source, which source each field
   * came from, and the conflicts between sources. Empty for an unknown id.
   */
  Optional<MergeView> merge(String nctId);

  /**
   * Links a record stored under another registry id or a content id to the NCT record it
   * describes: its versions become versions of the NCT record, which is merged again, and the
   * alias keeps finding it. The store links by itself when a registry record lists the other id
   * among its identifiers, or when brief and official titles are identical; this is for the rest.
   *
   * @throws IllegalArgumentException when {@code nctId} is not an NCT id or {@code alias} is one
   * @throws StoreException when either record does not exist
   */
  void link(String alias, String nctId, String reason);

  /** The id under which {@code id} is stored now: itself, the NCT id it was linked to, or empty. */
  Optional<String> resolve(String id);

  /** The ids linked to an NCT record, oldest link first. */
  List<Link> links(String nctId);

  /** Every link made at or after {@code since}, oldest first: what an index must forget. */
  List<Link> linksSince(Instant since);

  /**
   * The current records among {@code ids} (an alias finds nothing here: use {@link #resolve}),
   * in no particular order; ids without a record are left out. Read in batches, for followers of
   * the change log that apply many changes at once.
   */
  List<StoredStudy> currentOf(java.util.Collection<String> ids);

  // ---------------------------------------------------------------- the change log

  /**
   * The position of the newest committed change, 0 for a store without changes. Every change
   * committed by any process writing this store (an import, a link) has a position at or below it.
   */
  long logHead();

  /**
   * Up to {@code limit} committed changes after {@code position}, oldest first: how derived data
   * (search indexes, parses, alerts) follows the store. Empty when {@code position} is at or past
   * the head.
   *
   * @throws IllegalArgumentException when {@code position} is negative or {@code limit} is not positive
   */
  List<Change> changesAfter(long position, int limit);

  /**
   * This store's identity: a random id made when the store was first opened, the same for every
   * process and node opening it. Derived data records it to tell that it was built from this store.
   */
  String storeId();

  // ---------------------------------------------------------------- syncs from upstream registries

  /** Where the sync from {@code upstream} stands; {@link SyncMark#none} when it never ran. */
  SyncMark syncMark(String upstream);

  /** Keeps where the sync from {@code mark.upstream()} stands (its lease is left as it is). */
  void saveSyncMark(SyncMark mark);

  /**
   * Takes or renews, for this process, the right to sync {@code upstream} for {@code lease}:
   * granted when nobody holds it, this process already does, the holder's lease ran out, or the
   * holder is a process of this host that is gone (killed). Nodes sharing a store thus never sync
   * one upstream at once, and a sync killed on this host can be run again at once.
   *
   * @return empty when this process holds it now; else who holds it, for people
   */
  Optional<String> claimSync(String upstream, java.time.Duration lease);

  /** Gives up the right to sync {@code upstream}, if this process has it. */
  void releaseSync(String upstream);

  // ---------------------------------------------------------------- API tokens

  /** The API tokens that open writes over HTTP, kept in this store (never their secrets). */
  ApiTokens tokens();

  // ---------------------------------------------------------------- alerts

  /** Subscriptions to searches and trials and their alerts (issue #15). */
  Subscriptions subscriptions();

  /** Closes the store's connections, including those of streams still open. */
  @Override
  void close();
}
