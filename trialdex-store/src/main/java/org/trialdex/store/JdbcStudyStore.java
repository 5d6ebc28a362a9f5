package org.trialdex.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.trialdex.core.identity.Candidate;
import org.trialdex.core.identity.SameTrial;
import org.trialdex.core.identity.TitleKeys;
import org.trialdex.core.identity.TrialIdentity;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.DesignModule;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.ProtocolSection;
import org.trialdex.core.model.StatusModule;
import org.trialdex.core.model.Study;
import org.trialdex.core.merge.Authority;
import org.trialdex.core.merge.Conflict;
import org.trialdex.core.merge.FieldOrigin;
import org.trialdex.core.merge.MergedStudy;
import org.trialdex.core.merge.SourceHead;
import org.trialdex.core.merge.SourceHeads;
import org.trialdex.core.merge.SourceRecord;
import org.trialdex.core.merge.StudyMerger;
import org.trialdex.core.source.FieldSpan;
import org.trialdex.core.source.Provenance;
import org.trialdex.core.source.SourceKeys;
import org.trialdex.core.source.RecordIds;
import org.trialdex.core.source.Sha256;

/**
 * The {@link StudyStore} over JDBC, the same SQL for SQLite and PostgreSQL. Plain JDBC rather than
 * JDBI: the hot path is three batched prepared statements and a cursor, which JDBC says directly.
 */
final class JdbcStudyStore implements StudyStore {

  /** Ids per {@code IN (...)} lookup: far below both databases' limits on bound parameters. */
  private static final int LOOKUP_BATCH = 500;
  /** Rows fetched per round trip when streaming from PostgreSQL. */
  private static final int FETCH_SIZE = 200;

  private static final String VERSION_COLUMNS = "v.nct_id, v.version, v.recorded_micros,"
      + " v.source_format, v.source_file, v.source_position, v.import_run_id, v.content_hash,"
      + " v.source_attributes";
  /** A version's content: its JSON, its spans, its hash. */
  private static final String VERSION_CONTENT = ", v.json, v.field_spans, v.content_hash";
  /** The current record's content: the merge when there is one, else the newest version. */
  private static final String CURRENT_CONTENT = ", COALESCE(s.merged_json, v.json),"
      + " CASE WHEN s.merged_json IS NULL THEN v.field_spans END, s.content_hash";
  private static final String CURRENT_JOIN = " FROM study s JOIN study_version v"
      + " ON v.nct_id = s.nct_id AND v.version = s.version";

  private final Database db;
  private final Clock clock;
  private final StudyJson json = StudyJson.standard();
  private final ObjectMapper mapper = json.mapper();
  /** Serializes writes on the one writer connection; readers never take it. */
  private final ReentrantLock writeLock = new ReentrantLock();
  private final StudyMerger merger = new StudyMerger();
  private volatile String storeId;
  private final ApiTokens tokens;
  private final Subscriptions subscriptions;

  JdbcStudyStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    SecureRandom random = new SecureRandom();
    this.tokens = new JdbcApiTokens(this, clock, random, new TokenHash(random));
    this.subscriptions = new JdbcSubscriptions(this, clock, random);
  }

  @Override
  public Subscriptions subscriptions() {
    return subscriptions;
  }

  @Override
  public ApiTokens tokens() {
    return tokens;
  }

  // ---------------------------------------------------------------- runs

  @Override
  public ImportRun beginRun(String command, List<String> sources) {
    Objects.requireNonNull(command, "command");
    List<String> sourceList = List.copyOf(sources);
    Instant now = Micros.truncate(clock.instant());
    RunOwner owner = RunOwner.current(now);
    return inWriteTransaction("starting an import run", c -> {
      long id;
      try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM import_run");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1) + 1;
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_run (id, command,"
          + " sources, started_micros, finished_micros, status, read_count, created_count,"
          + " updated_count, unchanged_count, failed_count, owner_host, owner_pid,"
          + " owner_started_micros, heartbeat_micros) VALUES (?, ?, ?, ?, NULL, ?, 0, 0, 0, 0, 0,"
          + " ?, ?, ?, ?)")) {
        ps.setLong(1, id);
        ps.setString(2, command);
        ps.setString(3, toJson(sourceList));
        ps.setLong(4, Micros.of(now));
        ps.setString(5, ImportRun.Status.RUNNING.name());
        ps.setString(6, owner.host());
        ps.setLong(7, owner.pid());
        if (owner.processStartedAt().isPresent()) {
          ps.setLong(8, Micros.of(owner.processStartedAt().get()));
        } else {
          ps.setNull(8, Types.BIGINT);
        }
        ps.setLong(9, Micros.of(now));
        ps.executeUpdate();
      }
      return new ImportRun(id, command, sourceList, now, Optional.empty(),
          ImportRun.Status.RUNNING, RunCounts.zero(), Optional.empty(), Optional.of(owner));
    });
  }

  @Override
  public void finishRun(long runId, RunCounts counts) {
    endRun(runId, counts, ImportRun.Status.FINISHED, null);
  }

  @Override
  public void failRun(long runId, RunCounts counts, String reason) {
    Objects.requireNonNull(reason, "reason");
    endRun(runId, counts, ImportRun.Status.FAILED, reason);
  }

  private void endRun(long runId, RunCounts counts, ImportRun.Status status, String reason) {
    Objects.requireNonNull(counts, "counts");
    Instant now = Micros.truncate(clock.instant());
    inWriteTransaction((status == ImportRun.Status.FINISHED ? "finishing" : "recording the failure of")
        + " import run " + runId, c -> {
      requireRunning(c, runId);
      try (PreparedStatement ps = c.prepareStatement("UPDATE import_run SET finished_micros = ?,"
          + " status = ?, read_count = ?, created_count = ?, updated_count = ?,"
          + " unchanged_count = ?, failed_count = ?, reason = ?, heartbeat_micros = ? WHERE id = ?")) {
        ps.setLong(1, Micros.of(now));
        ps.setString(2, status.name());
        ps.setLong(3, counts.read());
        ps.setLong(4, counts.created());
        ps.setLong(5, counts.updated());
        ps.setLong(6, counts.unchanged());
        ps.setLong(7, counts.failed());
        ps.setString(8, reason);
        ps.setLong(9, Micros.of(now));
        ps.setLong(10, runId);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void heartbeat(long runId) {
    long now = Micros.of(clock.instant());
    inWriteTransaction("renewing the heartbeat of import run " + runId, c -> {
      requireRunning(c, runId);
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE import_run SET heartbeat_micros = ? WHERE id = ?")) {
        ps.setLong(1, now);
        ps.setLong(2, runId);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Marks INTERRUPTED the RUNNING runs whose process is gone, by the rules of {@link RunOwner}: this
   * host's process ended, or the heartbeat is older than {@link RunOwner#HEARTBEAT_LIMIT}. A run
   * recorded before runs had owners counts from its start. Reads first and writes only when a run
   * is found, so a start with nothing to mark writes nothing.
   *
   * @return the runs marked, as they are now
   */
  List<ImportRun> markInterruptedRuns() {
    Instant now = Micros.truncate(clock.instant());
    List<ImportRun> gone = new ArrayList<>();
    for (ImportRun run : importRuns()) {
      if (run.status() != ImportRun.Status.RUNNING) {
        continue;
      }
      Optional<String> why = run.owner().isPresent()
          ? run.owner().get().goneAt(now)
          : run.startedAt().plus(RunOwner.HEARTBEAT_LIMIT).isBefore(now)
              ? Optional.of("it was started " + run.startedAt() + " by a trialdex that recorded no owner,"
                  + " and has not finished since")
              : Optional.empty();
      if (why.isEmpty()) {
        continue;
      }
      String reason = "interrupted: " + why.get() + "; its counts are those of the chunks it stored";
      boolean marked = inWriteTransaction("marking import run " + run.id() + " interrupted", c -> {
        try (PreparedStatement ps = c.prepareStatement("UPDATE import_run SET status = ?,"
            + " finished_micros = ?, reason = ? WHERE id = ? AND status = ?")) {
          ps.setString(1, ImportRun.Status.INTERRUPTED.name());
          ps.setLong(2, Micros.of(now));
          ps.setString(3, reason);
          ps.setLong(4, run.id());
          ps.setString(5, ImportRun.Status.RUNNING.name());
          // Another node may have marked it, or its owner finished it, since it was read.
          return ps.executeUpdate() == 1;
        }
      });
      if (marked) {
        gone.add(new ImportRun(run.id(), run.command(), run.sources(), run.startedAt(), Optional.of(now),
            ImportRun.Status.INTERRUPTED, run.counts(), Optional.of(reason), run.owner()));
      }
    }
    return gone;
  }

  private static void requireRunning(Connection c, long runId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT status, reason FROM import_run WHERE id = ?")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StoreException("there is no import run " + runId + "; start one with"
              + " beginRun and pass its id");
        }
        String status = rs.getString(1);
        if (ImportRun.Status.FINISHED.name().equals(status)) {
          throw new StoreException("import run " + runId + " has finished; start a new run with"
              + " beginRun");
        }
        if (!ImportRun.Status.RUNNING.name().equals(status)) {
          throw new StoreException("import run " + runId + " has ended (" + status + ": "
              + rs.getString(2) + "); start a new run with beginRun");
        }
      }
    }
  }

  @Override
  public List<ImportRun> importRuns() {
    return read("listing import runs", c -> {
      List<ImportRun> runs = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id, command, sources,"
          + " started_micros, finished_micros, status, read_count, created_count, updated_count,"
          + " unchanged_count, failed_count, reason, owner_host, owner_pid, owner_started_micros,"
          + " heartbeat_micros FROM import_run ORDER BY id DESC");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Optional<Instant> finishedAt = optionalInstant(rs, 5);
          Optional<RunOwner> owner = Optional.empty();
          String host = rs.getString(13);
          if (host != null) {
            long pid = rs.getLong(14);
            Optional<Instant> processStart = optionalInstant(rs, 15);
            owner = Optional.of(new RunOwner(host, pid, processStart,
                optionalInstant(rs, 16).orElse(Micros.toInstant(rs.getLong(4)))));
          }
          runs.add(new ImportRun(rs.getLong(1), rs.getString(2), sourcesOf(rs.getString(3)),
              Micros.toInstant(rs.getLong(4)), finishedAt,
              ImportRun.Status.valueOf(rs.getString(6)),
              new RunCounts(rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                  rs.getLong(11)), Optional.ofNullable(rs.getString(12)), owner));
        }
      }
      return runs;
    });
  }

  private static Optional<Instant> optionalInstant(ResultSet rs, int column) throws SQLException {
    long micros = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Micros.toInstant(micros));
  }

  // ---------------------------------------------------------------- writes

  /** A record ready to store: serialized and hashed before the write transaction starts. */
  private record Prepared(String id, Study study, String json, String hash, Provenance provenance,
      String sourceKey, String attributes, String spans, TitleKeys titles) {}

  /** A version this chunk adds: its content and its number. */
  private record NewVersion(Prepared content, int version) {}

  /** What the store knows of one record while writing a chunk. */
  private static final class RecordState {
    boolean existed;
    int newestVersion;
    SourceHeads heads = SourceHeads.none();
    /** New versions of this chunk, by version number, with their content. */
    final Map<Integer, Prepared> written = new HashMap<>();
    /** Ids linked into this record by this transaction, for the change log. */
    final List<String> linked = new ArrayList<>();
    boolean changed;
  }

  @Override
  public List<PutOutcome> putAll(long runId, List<Incoming> chunk) {
    if (chunk.isEmpty()) {
      return List.of();
    }
    // Serializing and hashing is about half the CPU work of a chunk; it needs no lock and no
    // transaction, and runs on all cores.
    List<Prepared> prepared = chunk.parallelStream().map(this::prepare).toList();
    long recorded = Micros.of(clock.instant());
    return inWriteTransaction("storing a chunk of " + chunk.size() + " records (run " + runId
        + ", first " + prepared.getFirst().id() + ")", c -> {
      requireRunning(c, runId);
      List<Prepared> keyed = linkIncoming(c, prepared, recorded);
      Map<String, RecordState> states = loadStates(c, keyed.stream().map(Prepared::id).distinct().toList());
      List<PutOutcome> outcomes = new ArrayList<>(keyed.size());
      List<NewVersion> newVersions = new ArrayList<>();
      for (Prepared p : keyed) {
        outcomes.add(stageRecord(p, states.get(p.id()), newVersions));
      }
      insertVersions(c, runId, recorded, newVersions);
      linkOthersTo(c, keyed, states, recorded);
      Map<String, RecordState> changed = new LinkedHashMap<>();
      states.forEach((id, state) -> {
        if (state.changed) {
          changed.put(id, state);
        }
      });
      writeSources(c, changed);
      writeCurrent(c, changed, recorded);
      List<ChangeLog.Pending> log = new ArrayList<>();
      changed.forEach((id, state) -> state.linked.forEach(alias -> log.add(ChangeLog.Pending.link(alias, id))));
      for (NewVersion v : newVersions) {
        log.add(ChangeLog.Pending.version(v.content().id(), v.version()));
      }
      ChangeLog.append(c, log, recorded);
      countStored(c, runId, outcomes, recorded);
      return outcomes;
    });
  }

  /**
   * Adds a chunk's outcomes to its run's counts and renews the run's heartbeat, in the chunk's
   * transaction: a run whose process dies keeps the counts of the chunks it stored.
   */
  private static void countStored(Connection c, long runId, List<PutOutcome> outcomes, long now)
      throws SQLException {
    RunCounts chunk = RunCounts.zero().plus(outcomes);
    try (PreparedStatement ps = c.prepareStatement("UPDATE import_run SET heartbeat_micros = ?,"
        + " read_count = read_count + ?, created_count = created_count + ?,"
        + " updated_count = updated_count + ?, unchanged_count = unchanged_count + ? WHERE id = ?")) {
      ps.setLong(1, now);
      ps.setLong(2, chunk.read());
      ps.setLong(3, chunk.created());
      ps.setLong(4, chunk.updated());
      ps.setLong(5, chunk.unchanged());
      ps.setLong(6, runId);
      ps.executeUpdate();
    }
  }

  /**
   * The write path of one record of a chunk: nothing when its content is already the newest version
   * of its own source, else the next version of its record, which becomes that source's head and is
   * added to {@code newVersions} (inserted in one batch with the chunk's others). The record's state
   * is marked changed, so that its heads and current row are written after the chunk's links.
   */
  private static PutOutcome stageRecord(Prepared p, RecordState state, List<NewVersion> newVersions) {
    if (state.heads.holds(p.sourceKey(), p.hash())) {
      return new PutOutcome(p.id(), PutOutcome.Kind.UNCHANGED, state.newestVersion);
    }
    boolean isNew = !state.existed && state.newestVersion == 0;
    int version = ++state.newestVersion;
    state.heads = state.heads.advance(new SourceHead(p.sourceKey(), version, p.hash()));
    state.written.put(version, p);
    state.changed = true;
    newVersions.add(new NewVersion(p, version));
    return new PutOutcome(p.id(), isNew ? PutOutcome.Kind.NEW : PutOutcome.Kind.UPDATED, version);
  }

  private Prepared prepare(Incoming incoming) {
    Study study = incoming.study();
    byte[] bytes = json.writeBytes(study);
    return new Prepared(incoming.id(), study, new String(bytes, StandardCharsets.UTF_8), Sha256.hex(bytes),
        incoming.provenance(), SourceKeys.of(incoming.provenance()),
        incoming.provenance().attributes().isEmpty() ? null : toJson(incoming.provenance().attributes()),
        incoming.spans().isEmpty() ? null : toJson(incoming.spans()), TitleKeys.of(study));
  }

  /**
   * The chunk with each record under the id it is stored as: an alias resolves to its NCT id, and a
   * new record without an NCT id that {@link TrialIdentity#registryRecordOf} finds to be a stored
   * NCT record is linked to it now.
   */
  private List<Prepared> linkIncoming(Connection c, List<Prepared> prepared, long recorded) throws SQLException {
    Map<String, String> aliases = lookupAliases(c, prepared.stream().map(Prepared::id).distinct().toList());
    List<Prepared> keyed = new ArrayList<>(prepared.size());
    for (Prepared p : prepared) {
      String target = aliases.get(p.id());
      // Only a record without an NCT id that is not stored yet can join another: no lookups otherwise.
      if (target == null && !RecordIds.isNctId(p.id()) && !exists(c, p.id())) {
        Optional<SameTrial> same = TrialIdentity.registryRecordOf(p.id(), p.titles(), titleCandidates(c, p.titles()));
        if (same.isPresent()) {
          target = same.get().nctId();
          insertAlias(c, same.get(), recorded);
          aliases.put(p.id(), target);
        }
      }
      keyed.add(target == null ? p : withId(p, target));
    }
    return keyed;
  }

  private static Prepared withId(Prepared p, String id) {
    return new Prepared(id, p.study(), p.json(), p.hash(), p.provenance(), p.sourceKey(), p.attributes(), p.spans(), p.titles());
  }

  /**
   * Links the stored records without an NCT id that {@link TrialIdentity#recordsJoining} finds to be
   * the same trial as one of the chunk's NCT records. Their versions become versions of the NCT record.
   */
  private void linkOthersTo(Connection c, List<Prepared> keyed, Map<String, RecordState> states, long recorded)
      throws SQLException {
    List<Prepared> registry = keyed.stream().filter(p -> RecordIds.isNctId(p.id())).toList();
    if (registry.isEmpty() || !holdsRecordsWithoutNctId(c)) {
      return; // the common case, a registry import into a store of registry records: no lookups
    }
    Set<String> named = new HashSet<>();
    registry.forEach(p -> named.addAll(TrialIdentity.otherIdsListedBy(p.study())));
    Set<String> existing = existingIds(c, List.copyOf(named));
    for (Prepared p : registry) {
      // An earlier record of the chunk may have taken a listed record already: ask again for the hits.
      Set<String> stored = new HashSet<>();
      for (String id : TrialIdentity.otherIdsListedBy(p.study())) {
        if (existing.contains(id) && exists(c, id)) {
          stored.add(id);
        }
      }
      for (SameTrial same : TrialIdentity.recordsJoining(p.study(), p.id(), stored, titleCandidates(c, p.titles()))) {
        link(c, same, states, recorded);
      }
    }
  }

  private static boolean holdsRecordsWithoutNctId(Connection c) throws SQLException {
    // Two range scans of the primary key, not a table scan: NCT ids all sort between 'NCT' and 'NCU'.
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT 1 FROM study WHERE nct_id < 'NCT' OR nct_id >= 'NCU' LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private static Set<String> existingIds(Connection c, List<String> ids) throws SQLException {
    Set<String> found = new HashSet<>();
    forBatches(ids, part -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT nct_id FROM study WHERE nct_id IN (" + marks(part.size()) + ")")) {
        bindAll(ps, part);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.add(rs.getString(1));
          }
        }
      }
    });
    return found;
  }

  /**
   * Moves every version of {@code same.alias()} to {@code same.nctId()} (numbered after its own), its
   * source heads with them, and records the link.
   */
  private void link(Connection c, SameTrial same, Map<String, RecordState> states, long recorded)
      throws SQLException {
    String alias = same.alias();
    String nctId = same.nctId();
    RecordState target = states.computeIfAbsent(nctId, id -> new RecordState());
    List<int[]> moves = new ArrayList<>();
    List<SourceHead> moved = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT version, content_hash, source_key FROM study_version WHERE nct_id = ? ORDER BY version")) {
      ps.setString(1, alias);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int newVersion = ++target.newestVersion;
          moves.add(new int[] {rs.getInt(1), newVersion});
          moved.add(new SourceHead(rs.getString(3), newVersion, rs.getString(2)));
        }
      }
    }
    execute(c, "DELETE FROM study WHERE nct_id = ?", alias);
    execute(c, "DELETE FROM study_source WHERE nct_id = ?", alias);
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE study_version SET nct_id = ?, version = ? WHERE nct_id = ? AND version = ?")) {
      for (int[] m : moves) {
        ps.setString(1, nctId);
        ps.setInt(2, m[1]);
        ps.setString(3, alias);
        ps.setInt(4, m[0]);
        ps.addBatch();
      }
      if (!moves.isEmpty()) {
        ps.executeBatch();
      }
    }
    for (SourceHead head : moved) {
      target.heads = target.heads.adopt(head);
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE study_alias SET nct_id = ? WHERE nct_id = ?")) {
      ps.setString(1, nctId);
      ps.setString(2, alias);
      ps.executeUpdate();
    }
    insertAlias(c, same, recorded);
    target.linked.add(same.alias());
    target.changed = true;
  }

  private static void insertAlias(Connection c, SameTrial same, long recorded) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO study_alias (alias, nct_id, reason, linked_micros) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, same.alias());
      ps.setString(2, same.nctId());
      ps.setString(3, same.reason());
      ps.setLong(4, recorded);
      ps.executeUpdate();
    }
  }

  private static void execute(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      ps.executeUpdate();
    }
  }

  private static boolean exists(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM study WHERE nct_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The stored records with the same brief title key, for {@link TrialIdentity} to choose from. */
  private static List<Candidate> titleCandidates(Connection c, TitleKeys titles) throws SQLException {
    if (titles.brief().isEmpty()) {
      return List.of();
    }
    List<Candidate> candidates = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT nct_id, official_title_key FROM study WHERE brief_title_key = ?")) {
      ps.setString(1, titles.brief().get());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          candidates.add(new Candidate(rs.getString(1),
              new TitleKeys(titles.brief(), Optional.ofNullable(rs.getString(2)))));
        }
      }
    }
    return candidates;
  }

  private static Map<String, String> lookupAliases(Connection c, List<String> ids) throws SQLException {
    Map<String, String> aliases = new HashMap<>();
    forBatches(ids, part -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT alias, nct_id FROM study_alias WHERE alias IN (" + marks(part.size()) + ")")) {
        bindAll(ps, part);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            aliases.put(rs.getString(1), rs.getString(2));
          }
        }
      }
    });
    return aliases;
  }

  /** For every id: whether it exists, its newest version and the heads of its sources. */
  private static Map<String, RecordState> loadStates(Connection c, List<String> ids) throws SQLException {
    Map<String, RecordState> states = new LinkedHashMap<>();
    ids.forEach(id -> states.put(id, new RecordState()));
    forBatches(ids, part -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT nct_id, version FROM study WHERE nct_id IN (" + marks(part.size()) + ")")) {
        bindAll(ps, part);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            RecordState s = states.get(rs.getString(1));
            s.existed = true;
            s.newestVersion = rs.getInt(2);
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT nct_id, source_key, version, content_hash FROM study_source WHERE nct_id IN ("
              + marks(part.size()) + ")")) {
        bindAll(ps, part);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            RecordState s = states.get(rs.getString(1));
            s.heads = s.heads.advance(new SourceHead(rs.getString(2), rs.getInt(3), rs.getString(4)));
          }
        }
      }
    });
    return states;
  }

  @FunctionalInterface
  private interface BatchWork {
    void run(List<String> part) throws SQLException;
  }

  private static void forBatches(List<String> ids, BatchWork work) throws SQLException {
    for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
      work.run(ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH)));
    }
  }

  private static String marks(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }

  private static void bindAll(PreparedStatement ps, List<String> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setString(i + 1, values.get(i));
    }
  }

  private static void insertVersions(Connection c, long runId, long recorded, List<NewVersion> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO study_version (nct_id, version,"
        + " recorded_micros, import_run_id, content_hash, source_format, source_file,"
        + " source_position, json, source_key, source_attributes, field_spans)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (NewVersion row : rows) {
        Prepared p = row.content();
        ps.setString(1, p.id());
        ps.setInt(2, row.version());
        ps.setLong(3, recorded);
        ps.setLong(4, runId);
        ps.setString(5, p.hash());
        ps.setString(6, p.provenance().format());
        ps.setString(7, p.provenance().file());
        ps.setString(8, p.provenance().position());
        ps.setString(9, p.json());
        ps.setString(10, p.sourceKey());
        setNullable(ps, 11, p.attributes());
        setNullable(ps, 12, p.spans());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Replaces the source heads of the changed records with their states'. */
  private static void writeSources(Connection c, Map<String, RecordState> changed) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM study_source WHERE nct_id = ?");
        PreparedStatement insert = c.prepareStatement(
            "INSERT INTO study_source (nct_id, source_key, version, content_hash) VALUES (?, ?, ?, ?)")) {
      int deletes = 0;
      for (var e : changed.entrySet()) {
        if (e.getValue().existed) {
          delete.setString(1, e.getKey());
          delete.addBatch();
          deletes++;
        }
        for (SourceHead head : e.getValue().heads.heads()) {
          insert.setString(1, e.getKey());
          insert.setString(2, head.sourceKey());
          insert.setInt(3, head.version());
          insert.setString(4, head.contentHash());
          insert.addBatch();
        }
      }
      if (deletes > 0) {
        delete.executeBatch();
      }
      if (!changed.isEmpty()) {
        insert.executeBatch();
      }
    }
  }

  /** A current row, ready to write. */
  private record CurrentRow(String id, int version, String hash, Keys keys, String mergedJson, String report,
      int sources, TitleKeys titles) {}

  /**
   * Writes the changed records' current rows: with one source, a pointer to that source's newest
   * version; with several, their merge and its report. Batched: one INSERT for new records, one
   * UPDATE for the others.
   */
  private void writeCurrent(Connection c, Map<String, RecordState> changed, long recorded) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO study (version, content_hash,"
        + " recorded_micros, overall_status, study_type, phases, merged_json, merge_report, source_count,"
        + " brief_title_key, official_title_key, nct_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement update = c.prepareStatement("UPDATE study SET version = ?, content_hash = ?,"
            + " recorded_micros = ?, overall_status = ?, study_type = ?, phases = ?, merged_json = ?,"
            + " merge_report = ?, source_count = ?, brief_title_key = ?, official_title_key = ? WHERE nct_id = ?")) {
      int inserts = 0;
      int updates = 0;
      for (var e : changed.entrySet()) {
        CurrentRow row = currentRow(c, e.getKey(), e.getValue(), recorded);
        PreparedStatement ps = e.getValue().existed ? update : insert;
        ps.setInt(1, row.version());
        ps.setString(2, row.hash());
        ps.setLong(3, recorded);
        setNullable(ps, 4, row.keys().status());
        setNullable(ps, 5, row.keys().studyType());
        setNullable(ps, 6, row.keys().phases());
        setNullable(ps, 7, row.mergedJson());
        setNullable(ps, 8, row.report());
        ps.setInt(9, row.sources());
        setNullable(ps, 10, row.titles().brief().orElse(null));
        setNullable(ps, 11, row.titles().official().orElse(null));
        ps.setString(12, row.id());
        ps.addBatch();
        if (ps == insert) {
          inserts++;
        } else {
          updates++;
        }
      }
      if (inserts > 0) {
        insert.executeBatch();
      }
      if (updates > 0) {
        update.executeBatch();
      }
    }
  }

  private CurrentRow currentRow(Connection c, String id, RecordState state, long recorded) throws SQLException {
    Optional<SourceHead> single = state.heads.only();
    if (single.isPresent()) {
      SourceHead only = single.get();
      Prepared p = state.written.get(only.version());
      Study current = p != null ? p.study() : loadStudy(c, id, only.version());
      TitleKeys titles = p != null ? p.titles() : TitleKeys.of(current);
      return new CurrentRow(id, state.newestVersion, only.contentHash(), Keys.of(current), null, null, 1, titles);
    }
    List<SourceRecord> sources = new ArrayList<>();
    for (SourceHead head : state.heads.heads()) {
      int v = head.version();
      Prepared p = state.written.get(v);
      VersionRow row = p != null ? new VersionRow(p.study(), p.provenance(), Micros.toInstant(recorded))
          : loadVersionRow(c, id, v);
      sources.add(new SourceRecord(head.sourceKey(), row.study(), row.provenance(), Authority.of(row.provenance()),
          v, row.recordedAt()));
    }
    MergedStudy merged = merger.merge(sources);
    byte[] bytes = json.writeBytes(merged.study());
    return new CurrentRow(id, state.newestVersion, Sha256.hex(bytes), Keys.of(merged.study()),
        new String(bytes, StandardCharsets.UTF_8), toJson(new MergeReport(merged.origins(), merged.conflicts())),
        state.heads.size(), TitleKeys.of(merged.study()));
  }

  /** The merge report as stored beside the merged record. */
  record MergeReport(List<FieldOrigin> origins, List<Conflict> conflicts) {}

  private record VersionRow(Study study, Provenance provenance, Instant recordedAt) {}

  private Study loadStudy(Connection c, String id, int version) throws SQLException {
    return loadVersionRow(c, id, version).study();
  }

  private VersionRow loadVersionRow(Connection c, String id, int version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT json, source_format, source_file, source_position,"
        + " source_attributes, recorded_micros FROM study_version WHERE nct_id = ? AND version = ?")) {
      ps.setString(1, id);
      ps.setInt(2, version);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StoreException("version " + version + " of " + id + " is named as a source head but"
              + " is missing from study_version; the store was changed outside trialdex");
        }
        return new VersionRow(json.read(rs.getBytes(1)), provenance(rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5)), Micros.toInstant(rs.getLong(6)));
      }
    }
  }

  /** The columns counts() groups by. */
  private record Keys(String status, String studyType, String phases) {
    static Keys of(Study study) {
      ProtocolSection ps = study.protocolSection();
      StatusModule status = ps == null ? null : ps.statusModule();
      DesignModule design = ps == null ? null : ps.designModule();
      String phases = null;
      if (design != null && design.phases() != null && !design.phases().isEmpty()) {
        // Distinct, in enum order: counts() counts a study once per phase.
        EnumSet<Phase> set = EnumSet.noneOf(Phase.class);
        design.phases().stream().filter(Objects::nonNull).forEach(set::add);
        phases = set.isEmpty() ? null : set.stream().map(Phase::name).collect(Collectors.joining(" "));
      }
      return new Keys(status == null || status.overallStatus() == null ? null : status.overallStatus().name(),
          design == null || design.studyType() == null ? null : design.studyType().name(), phases);
    }
  }

  private static void setNullable(PreparedStatement ps, int index, String value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  // ---------------------------------------------------------------- links

  @Override
  public void link(String alias, String nctId, String reason) {
    Objects.requireNonNull(reason, "reason");
    if (!RecordIds.isNctId(nctId)) {
      throw new IllegalArgumentException("'" + nctId + "' is not an NCT id: records are linked to NCT records");
    }
    if (RecordIds.isNctId(alias)) {
      throw new IllegalArgumentException("'" + alias + "' is an NCT id itself; only records stored under"
          + " another registry id or a content id can be linked to an NCT record");
    }
    long recorded = Micros.of(clock.instant());
    inWriteTransaction("linking " + alias + " to " + nctId, c -> {
      if (!exists(c, alias)) {
        throw new StoreException("there is no record " + alias + " to link"
            + (lookupAliases(c, List.of(alias)).isEmpty() ? "" : "; it is already linked to "
            + lookupAliases(c, List.of(alias)).get(alias)));
      }
      if (!exists(c, nctId)) {
        throw new StoreException("there is no record " + nctId + "; import it before linking " + alias + " to it");
      }
      Map<String, RecordState> states = loadStates(c, List.of(nctId));
      link(c, new SameTrial(alias, nctId, reason), states, recorded);
      writeSources(c, states);
      writeCurrent(c, states, recorded);
      ChangeLog.append(c, List.of(ChangeLog.Pending.link(alias, nctId)), recorded);
      return null;
    });
  }

  @Override
  public Optional<String> resolve(String id) {
    Objects.requireNonNull(id, "id");
    return read("resolving " + id, c -> {
      if (exists(c, id)) {
        return Optional.of(id);
      }
      return Optional.ofNullable(lookupAliases(c, List.of(id)).get(id));
    });
  }

  @Override
  public List<Link> links(String nctId) {
    Objects.requireNonNull(nctId, "nctId");
    return read("listing the links to " + nctId, c -> {
      List<Link> links = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT alias, nct_id, reason, linked_micros FROM study_alias WHERE nct_id = ? ORDER BY linked_micros, alias")) {
        ps.setString(1, nctId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            links.add(new Link(rs.getString(1), rs.getString(2), rs.getString(3), Micros.toInstant(rs.getLong(4))));
          }
        }
      }
      return links;
    });
  }

  @Override
  public List<Link> linksSince(Instant since) {
    Objects.requireNonNull(since, "since");
    long micros = Micros.ceil(since);
    return read("listing links made since " + since, c -> {
      List<Link> links = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT alias, nct_id, reason, linked_micros FROM study_alias"
          + " WHERE linked_micros >= ? ORDER BY linked_micros, alias")) {
        ps.setLong(1, micros);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            links.add(new Link(rs.getString(1), rs.getString(2), rs.getString(3), Micros.toInstant(rs.getLong(4))));
          }
        }
      }
      return links;
    });
  }

  @Override
  public Optional<MergeView> merge(String nctId) {
    Objects.requireNonNull(nctId, "nctId");
    return read("reading how " + nctId + " was merged", c -> {
      String report;
      try (PreparedStatement ps = c.prepareStatement("SELECT merge_report FROM study WHERE nct_id = ?")) {
        ps.setString(1, nctId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<MergeView>empty();
          }
          report = rs.getString(1);
        }
      }
      List<VersionInfo> sources = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + " FROM study_source s"
          + " JOIN study_version v ON v.nct_id = s.nct_id AND v.version = s.version WHERE s.nct_id = ?")) {
        ps.setString(1, nctId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sources.add(versionInfo(rs));
          }
        }
      }
      sources.sort(java.util.Comparator.comparing((VersionInfo v) -> Authority.of(v.provenance()))
          .thenComparing(VersionInfo::version, java.util.Comparator.reverseOrder()));
      if (report == null) {
        return Optional.of(new MergeView(nctId, sources, List.of(), List.of()));
      }
      MergeReport r = fromJson(report, MergeReport.class);
      return Optional.of(new MergeView(nctId, sources, r.origins(), r.conflicts()));
    });
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Optional<StoredStudy> current(String id) {
    return currentOf(id, this::currentRow);
  }

  @Override
  public Optional<byte[]> currentJson(String id) {
    return currentOf(id, this::currentJsonRow);
  }

  /** One row query of the current record, for {@code id} itself or else the record it is an alias of. */
  @FunctionalInterface
  private interface CurrentQuery<T> {
    Optional<T> read(Connection c, String id) throws SQLException;
  }

  private <T> Optional<T> currentOf(String id, CurrentQuery<T> row) {
    Objects.requireNonNull(id, "id");
    return read("reading the current version of " + id, c -> {
      Optional<T> direct = row.read(c, id);
      if (direct.isPresent()) {
        return direct;
      }
      String target = lookupAliases(c, List.of(id)).get(id);
      return target == null ? Optional.<T>empty() : row.read(c, target);
    });
  }

  private Optional<byte[]> currentJsonRow(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(s.merged_json, v.json)" + CURRENT_JOIN
        + " WHERE s.nct_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
      }
    }
  }

  private Optional<StoredStudy> currentRow(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + CURRENT_CONTENT
        + CURRENT_JOIN + " WHERE s.nct_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(storedStudy(rs)) : Optional.<StoredStudy>empty();
      }
    }
  }

  @Override
  public Optional<StoredStudy> version(String nctId, int version) {
    Objects.requireNonNull(nctId, "nctId");
    return read("reading version " + version + " of " + nctId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + VERSION_CONTENT
          + " FROM study_version v WHERE v.nct_id = ? AND v.version = ?")) {
        ps.setString(1, nctId);
        ps.setInt(2, version);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(storedStudy(rs)) : Optional.<StoredStudy>empty();
        }
      }
    });
  }

  @Override
  public List<VersionInfo> versions(String nctId) {
    Objects.requireNonNull(nctId, "nctId");
    return read("listing the versions of " + nctId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS
          + " FROM study_version v WHERE v.nct_id = ? ORDER BY v.version")) {
        ps.setString(1, nctId);
        List<VersionInfo> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            list.add(versionInfo(rs));
          }
        }
        return list;
      }
    });
  }

  @Override
  public Stream<StoredStudy> currentAll() {
    // NCT ids are "NCT" and eight digits, so every collation orders them the same way.
    return stream("streaming every current record",
        "SELECT " + VERSION_COLUMNS + CURRENT_CONTENT + CURRENT_JOIN + " ORDER BY s.nct_id",
        ps -> {});
  }

  @Override
  public Stream<StoredStudy> changedSince(Instant since) {
    Objects.requireNonNull(since, "since");
    long micros = Micros.ceil(since);
    return stream("streaming records changed since " + since,
        "SELECT " + VERSION_COLUMNS + CURRENT_CONTENT + CURRENT_JOIN
            + " WHERE s.recorded_micros >= ? ORDER BY s.nct_id",
        ps -> ps.setLong(1, micros));
  }

  @Override
  public List<StoredStudy> currentOf(java.util.Collection<String> ids) {
    List<String> list = ids.stream().map(id -> Objects.requireNonNull(id, "id")).distinct().toList();
    if (list.isEmpty()) {
      return List.of();
    }
    return read("reading " + list.size() + " current records", c -> {
      List<StoredStudy> found = new ArrayList<>(list.size());
      forBatches(list, part -> {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + CURRENT_CONTENT + CURRENT_JOIN
            + " WHERE s.nct_id IN (" + marks(part.size()) + ")")) {
          bindAll(ps, part);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              found.add(storedStudy(rs));
            }
          }
        }
      });
      return found;
    });
  }

  @Override
  public long logHead() {
    return read("reading the change log's head", ChangeLog::head);
  }

  @Override
  public List<Change> changesAfter(long position, int limit) {
    if (position < 0) {
      throw new IllegalArgumentException("log positions are 0 or more, got " + position);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    return read("reading the change log after position " + position, c -> ChangeLog.after(c, position, limit));
  }

  @Override
  public String storeId() {
    String id = storeId;
    if (id == null) {
      try {
        id = inWriteTransaction("recording the store's identity", ChangeLog::storeId);
      } catch (StoreException e) {
        // Another process wrote it first (PostgreSQL: a unique violation); read theirs.
        id = read("reading the store's identity", ChangeLog::storeId);
      }
      storeId = id;
    }
    return id;
  }

  /**
   * The counts as of a change-log head: every write of a record appends to the log in the same
   * transaction, so counts are recounted only after the head moved (any process's write).
   */
  private record CountsAt(long head, StoreCounts counts) {}

  private volatile CountsAt countsAt;

  @Override
  public StoreCounts counts() {
    return read("counting records", c -> {
      // The head is read before counting: a write committed in between makes the head move again
      // past the one kept here, so the next call counts anew rather than keeping stale counts.
      long head = ChangeLog.head(c);
      CountsAt kept = countsAt;
      if (kept != null && kept.head() == head) {
        return kept.counts();
      }
      StoreCounts counts = count(c);
      countsAt = new CountsAt(head, counts);
      return counts;
    });
  }

  @Override
  public Optional<Instant> newestCurrentRecordedAt() {
    return read("finding the newest current record", c -> {
      // A current record's own time is at or after its version's (a link rewrites it), so the
      // records are walked newest first until no older one can hold a newer version; past a few
      // dozen (many links at once) the versions of every current record are read instead.
      long best = Long.MIN_VALUE;
      int rows = 0;
      boolean stopped = false;
      try (PreparedStatement ps = c.prepareStatement("SELECT s.recorded_micros, v.recorded_micros" + CURRENT_JOIN
          + " ORDER BY s.recorded_micros DESC LIMIT " + NEWEST_WALK);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows++;
          if (rs.getLong(1) <= best) {
            stopped = true;
            break;
          }
          best = Math.max(best, rs.getLong(2));
        }
      }
      if (!stopped && rows == NEWEST_WALK) {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(v.recorded_micros)" + CURRENT_JOIN);
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          best = rs.getLong(1);
        }
      }
      return rows == 0 ? Optional.<Instant>empty() : Optional.of(Micros.toInstant(best));
    });
  }

  /** Current records walked, newest first, before reading the newest version time of all of them. */
  private static final int NEWEST_WALK = 64;

  private static StoreCounts count(Connection c) throws SQLException {
    long studies = single(c, "SELECT COUNT(*) FROM study");
    long versions = single(c, "SELECT COUNT(*) FROM study_version");
    Map<String, Long> byStatus = grouped(c, "overall_status");
    Map<String, Long> byType = grouped(c, "study_type");
    Map<String, Long> byPhase = new TreeMap<>();
    grouped(c, "phases").forEach((phases, n) -> {
      for (String phase : phases.split(" ")) {
        byPhase.merge(phase, n, Long::sum);
      }
    });
    return new StoreCounts(studies, versions, byStatus, byPhase, byType);
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Map<String, Long> grouped(Connection c, String column) throws SQLException {
    Map<String, Long> map = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + column + ", COUNT(*) FROM study GROUP BY " + column);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String key = rs.getString(1);
        map.merge(key == null ? StoreCounts.NONE : key, rs.getLong(2), Long::sum);
      }
    }
    return map;
  }

  private VersionInfo versionInfo(ResultSet rs) throws SQLException {
    return new VersionInfo(rs.getString(1), rs.getInt(2), Micros.toInstant(rs.getLong(3)),
        provenance(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(9)), rs.getLong(7),
        rs.getString(8));
  }

  /** A row of VERSION_COLUMNS followed by VERSION_CONTENT or CURRENT_CONTENT. */
  private StoredStudy storedStudy(ResultSet rs) throws SQLException {
    VersionInfo info = versionInfo(rs);
    // The JSON's UTF-8 bytes as stored (TEXT on both databases): no String of it, which for text
    // beyond Latin-1 is UTF-16, twice the size, for records that may be megabytes.
    Study study = json.read(rs.getBytes(10));
    String spans = rs.getString(11);
    return new StoredStudy(info.nctId(), info.version(), info.recordedAt(), info.provenance(),
        info.importRunId(), rs.getString(12), study,
        spans == null ? List.of() : List.of(fromJson(spans, FieldSpan[].class)));
  }

  @SuppressWarnings("unchecked")
  private Provenance provenance(String format, String file, String position, String attributes) {
    return new Provenance(format, file, position,
        attributes == null ? Map.of() : (Map<String, String>) fromJson(attributes, Map.class));
  }

  // ---------------------------------------------------------------- sync marks

  @Override
  public SyncMark syncMark(String upstream) {
    Objects.requireNonNull(upstream, "upstream");
    return read("reading where the sync from " + upstream + " stands", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT high_water, resume_from, pass_started_micros,"
          + " last_finished_micros FROM sync_state WHERE upstream = ?")) {
        ps.setString(1, upstream);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return SyncMark.none(upstream);
          }
          return new SyncMark(upstream, date(rs.getString(1)), date(rs.getString(2)), Micros.read(rs, 3), Micros.read(rs, 4));
        }
      }
    });
  }

  @Override
  public void saveSyncMark(SyncMark mark) {
    inWriteTransaction("recording where the sync from " + mark.upstream() + " stands", c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_state (upstream, high_water, resume_from,"
          + " pass_started_micros, last_finished_micros) VALUES (?, ?, ?, ?, ?) ON CONFLICT (upstream) DO UPDATE SET"
          + " high_water = excluded.high_water, resume_from = excluded.resume_from,"
          + " pass_started_micros = excluded.pass_started_micros, last_finished_micros = excluded.last_finished_micros")) {
        ps.setString(1, mark.upstream());
        ps.setString(2, mark.highWater().map(java.time.LocalDate::toString).orElse(null));
        ps.setString(3, mark.resumeFrom().map(java.time.LocalDate::toString).orElse(null));
        Micros.bind(ps, 4, mark.passStarted());
        Micros.bind(ps, 5, mark.lastFinished());
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<String> claimSync(String upstream, java.time.Duration lease) {
    Instant now = clock.instant();
    String me = syncHolder();
    return inWriteTransaction("claiming the sync from " + upstream, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO sync_state (upstream) VALUES (?) ON CONFLICT (upstream) DO NOTHING")) {
        ps.setString(1, upstream);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT holder, lease_until_micros FROM sync_state WHERE upstream = ?")) {
        ps.setString(1, upstream);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          String holder = rs.getString(1);
          long until = rs.getLong(2);
          if (holder != null && !holder.equals(me) && until >= Micros.of(now) && holderAlive(holder, now)) {
            String[] parts = holder.split("\\|", -1);
            return Optional.of("process " + parts[1] + " on " + parts[0] + " (its lease runs until "
                + Micros.toInstant(until) + ")");
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE sync_state SET holder = ?, lease_until_micros = ? WHERE upstream = ?")) {
        ps.setString(1, me);
        ps.setLong(2, Micros.of(now.plus(lease)));
        ps.setString(3, upstream);
        ps.executeUpdate();
      }
      return Optional.<String>empty();
    });
  }

  @Override
  public void releaseSync(String upstream) {
    String me = syncHolder();
    inWriteTransaction("releasing the sync from " + upstream, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE sync_state SET holder = NULL, lease_until_micros = NULL"
          + " WHERE upstream = ? AND holder = ?")) {
        ps.setString(1, upstream);
        ps.setString(2, me);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** This process as a sync holder: host, pid and process start, split by '|'. */
  private static String syncHolder() {
    RunOwner self = RunOwner.current(Instant.EPOCH);
    return self.host() + "|" + self.pid() + "|" + self.processStartedAt().map(i -> Long.toString(i.toEpochMilli())).orElse("");
  }

  /** Whether the holder may still be running: judged by this host's process table when it is this host's. */
  private static boolean holderAlive(String holder, Instant now) {
    String[] parts = holder.split("\\|", -1);
    if (parts.length != 3) {
      return true;
    }
    try {
      Optional<Instant> started = parts[2].isEmpty() ? Optional.empty()
          : Optional.of(Instant.ofEpochMilli(Long.parseLong(parts[2])));
      // The lease (checked by the caller) stands in for the heartbeat here.
      return new RunOwner(parts[0], Long.parseLong(parts[1]), started, now).goneAt(now).isEmpty();
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static Optional<java.time.LocalDate> date(String s) {
    return s == null ? Optional.empty() : Optional.of(java.time.LocalDate.parse(s));
  }

  // ---------------------------------------------------------------- plumbing

  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Runs work in one transaction on the writer connection: committed, or rolled back and rethrown. */
  <T> T inWriteTransaction(String what, Work<T> work) {
    writeLock.lock();
    try {
      Connection c = db.writer();
      try {
        c.setAutoCommit(false);
      } catch (SQLException e) {
        throw db.failure(what, e);
      }
      boolean committed = false;
      try {
        takeWriterLock(c);
        T result = work.run(c);
        c.commit();
        committed = true;
        return result;
      } catch (SQLException e) {
        throw db.failure(what, e);
      } finally {
        if (!committed) {
          try {
            c.rollback();
          } catch (SQLException e) {
            // Already rolled back: SQLite ends the transaction itself on SQLITE_FULL and some
            // I/O errors, and the driver then fails this rollback. The database keeps its old state.
          }
        }
        try {
          // Apart from the rollback, so that a failed rollback still leaves the connection in
          // auto-commit; else the next setAutoCommit(false) would be a no-op, begin no
          // transaction, and the next "transaction" would commit statement by statement.
          c.setAutoCommit(true);
        } catch (SQLException e) {
          // The driver records auto-commit before it ends the (already ended) transaction.
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Serializes writers across processes and nodes: the change log's head row stays locked until
   * the transaction ends (PostgreSQL); SQLite's IMMEDIATE transactions already hold the database's
   * write lock. So run ids and version numbers read with MAX + 1 never collide, and log positions
   * are committed in order.
   */
  private static void takeWriterLock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE change_head SET position = position WHERE id = 1")) {
      ps.executeUpdate();
    }
  }

  /** Runs work on a reader connection, which sees committed data only. */
  <T> T read(String what, Work<T> work) {
    Connection c;
    try {
      c = db.borrowReader();
    } catch (SQLException e) {
      throw db.failure(what, e);
    }
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw db.failure(what, e);
    } finally {
      db.release(c);
    }
  }

  private Stream<StoredStudy> stream(String what, String sql, Binder binder) {
    Connection c;
    try {
      c = db.borrowReader();
    } catch (SQLException e) {
      throw db.failure(what, e);
    }
    PreparedStatement ps = null;
    ResultSet rs;
    try {
      ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      ps.setFetchSize(FETCH_SIZE);
      binder.bind(ps);
      rs = ps.executeQuery();
    } catch (SQLException e) {
      closeQuietly(ps);
      db.release(c);
      throw db.failure(what, e);
    }
    PreparedStatement statement = ps;
    Spliterator<StoredStudy> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
        Spliterator.ORDERED | Spliterator.NONNULL) {
      @Override
      public boolean tryAdvance(Consumer<? super StoredStudy> action) {
        try {
          if (!rs.next()) {
            return false;
          }
          action.accept(storedStudy(rs));
          return true;
        } catch (SQLException e) {
          throw db.failure(what, e);
        }
      }
    };
    return StreamSupport.stream(rows, false).onClose(() -> {
      try {
        rs.close();
      } catch (SQLException e) {
        // Closing: the connection is released below either way.
      }
      closeQuietly(statement);
      db.release(c);
    });
  }

  private static void closeQuietly(PreparedStatement ps) {
    if (ps != null) {
      try {
        ps.close();
      } catch (SQLException e) {
        // Closing: nothing left to do with it.
      }
    }
  }

  private String toJson(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private <T> T fromJson(String text, Class<T> type) {
    try {
      return mapper.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored " + type.getSimpleName() + " is not valid JSON ("
          + e.getOriginalMessage() + "); the database was changed outside trialdex", e);
    }
  }

  private List<String> sourcesOf(String text) {
    try {
      return List.of(mapper.readValue(text, String[].class));
    } catch (JsonProcessingException e) {
      throw new StoreException("the sources of an import run are not a JSON array of strings: '"
          + text + "'; the import_run table was changed outside trialdex", e);
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
