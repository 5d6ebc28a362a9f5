package org.trialdex.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import java.util.HexFormat;
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
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.DesignModule;
import org.trialdex.core.model.IdentificationModule;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.ProtocolSection;
import org.trialdex.core.model.StatusModule;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Provenance;

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
      + " v.source_format, v.source_file, v.source_position, v.import_run_id, v.content_hash";
  private static final String CURRENT_JOIN = " FROM study s JOIN study_version v"
      + " ON v.nct_id = s.nct_id AND v.version = s.version";

  private final Database db;
  private final Clock clock;
  private final StudyJson json = StudyJson.standard();
  private final ObjectMapper mapper = json.mapper();
  /** Serializes writes on the one writer connection; readers never take it. */
  private final ReentrantLock writeLock = new ReentrantLock();

  JdbcStudyStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- runs

  @Override
  public ImportRun beginRun(String command, List<String> sources) {
    Objects.requireNonNull(command, "command");
    List<String> sourceList = List.copyOf(sources);
    Instant now = Micros.truncate(clock.instant());
    return inWriteTransaction("starting an import run", c -> {
      long id;
      try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM import_run");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1) + 1;
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_run (id, command,"
          + " sources, started_micros, finished_micros, status, read_count, created_count,"
          + " updated_count, unchanged_count, failed_count) VALUES (?, ?, ?, ?, NULL, ?, 0, 0, 0,"
          + " 0, 0)")) {
        ps.setLong(1, id);
        ps.setString(2, command);
        ps.setString(3, toJson(sourceList));
        ps.setLong(4, Micros.of(now));
        ps.setString(5, ImportRun.Status.RUNNING.name());
        ps.executeUpdate();
      }
      return new ImportRun(id, command, sourceList, now, Optional.empty(),
          ImportRun.Status.RUNNING, RunCounts.zero());
    });
  }

  @Override
  public void finishRun(long runId, RunCounts counts) {
    Objects.requireNonNull(counts, "counts");
    Instant now = Micros.truncate(clock.instant());
    inWriteTransaction("finishing import run " + runId, c -> {
      requireRunning(c, runId);
      try (PreparedStatement ps = c.prepareStatement("UPDATE import_run SET finished_micros = ?,"
          + " status = ?, read_count = ?, created_count = ?, updated_count = ?,"
          + " unchanged_count = ?, failed_count = ? WHERE id = ?")) {
        ps.setLong(1, Micros.of(now));
        ps.setString(2, ImportRun.Status.FINISHED.name());
        ps.setLong(3, counts.read());
        ps.setLong(4, counts.created());
        ps.setLong(5, counts.updated());
        ps.setLong(6, counts.unchanged());
        ps.setLong(7, counts.failed());
        ps.setLong(8, runId);
        ps.executeUpdate();
      }
      return null;
    });
  }

  private static void requireRunning(Connection c, long runId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT status FROM import_run WHERE id = ?")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StoreException("there is no import run " + runId + "; start one with"
              + " beginRun and pass its id");
        }
        if (!ImportRun.Status.RUNNING.name().equals(rs.getString(1))) {
          throw new StoreException("import run " + runId + " has finished; start a new run with"
              + " beginRun");
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
          + " unchanged_count, failed_count FROM import_run ORDER BY id DESC");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long finished = rs.getLong(5);
          Optional<Instant> finishedAt = rs.wasNull()
              ? Optional.empty() : Optional.of(Micros.toInstant(finished));
          runs.add(new ImportRun(rs.getLong(1), rs.getString(2), sourcesOf(rs.getString(3)),
              Micros.toInstant(rs.getLong(4)), finishedAt,
              ImportRun.Status.valueOf(rs.getString(6)),
              new RunCounts(rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                  rs.getLong(11))));
        }
      }
      return runs;
    });
  }

  // ---------------------------------------------------------------- writes

  /** A record ready to store: serialized and hashed before the write transaction starts. */
  private record Prepared(String nctId, String json, String hash, Provenance provenance,
      String status, String studyType, String phases) {}

  /** The current version of a record as a chunk sees it. */
  private record Head(int version, String hash) {}

  @Override
  public List<PutOutcome> putAll(long runId, List<Incoming> chunk) {
    if (chunk.isEmpty()) {
      return List.of();
    }
    // Ids first, in order, so that a missing one is reported as is before any work is done.
    List<String> ids = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      ids.add(nctIdOf(chunk.get(i), i));
    }
    // Serializing and hashing is about half the CPU work of a chunk; it needs no lock and no
    // transaction, and runs on all cores.
    List<Prepared> prepared = IntStream.range(0, chunk.size()).parallel()
        .mapToObj(i -> prepare(ids.get(i), chunk.get(i)))
        .toList();
    long recorded = Micros.of(clock.instant());
    return inWriteTransaction("storing a chunk of " + chunk.size() + " records (run " + runId
        + ", first " + prepared.getFirst().nctId() + ")", c -> {
      requireRunning(c, runId);
      Map<String, Head> heads = lookupHeads(c, prepared);
      Map<String, Head> before = Map.copyOf(heads);
      List<PutOutcome> outcomes = new ArrayList<>(prepared.size());
      List<Prepared> newVersions = new ArrayList<>();
      List<Integer> newVersionNumbers = new ArrayList<>();
      Map<String, Prepared> finalContent = new LinkedHashMap<>();
      for (Prepared p : prepared) {
        Head head = heads.get(p.nctId());
        if (head != null && head.hash().equals(p.hash())) {
          outcomes.add(new PutOutcome(p.nctId(), PutOutcome.Kind.UNCHANGED, head.version()));
          continue;
        }
        int version = head == null ? 1 : head.version() + 1;
        heads.put(p.nctId(), new Head(version, p.hash()));
        outcomes.add(new PutOutcome(p.nctId(),
            head == null ? PutOutcome.Kind.NEW : PutOutcome.Kind.UPDATED, version));
        newVersions.add(p);
        newVersionNumbers.add(version);
        finalContent.put(p.nctId(), p);
      }
      insertVersions(c, runId, recorded, newVersions, newVersionNumbers);
      writeCurrent(c, recorded, finalContent, heads, before);
      return outcomes;
    });
  }

  private static String nctIdOf(Incoming incoming, int index) {
    return Optional.ofNullable(incoming.study().protocolSection())
        .map(ProtocolSection::identificationModule)
        .map(IdentificationModule::nctId)
        .filter(id -> !id.isBlank())
        .orElseThrow(() -> new IllegalArgumentException("record " + index + " of the chunk ("
            + incoming.provenance() + ") has no protocolSection.identificationModule.nctId;"
            + " reject it before it reaches the store"));
  }

  private Prepared prepare(String nctId, Incoming incoming) {
    Study study = incoming.study();
    byte[] bytes = json.writeBytes(study);
    ProtocolSection ps = study.protocolSection();
    StatusModule status = ps.statusModule();
    DesignModule design = ps.designModule();
    String phases = null;
    if (design != null && design.phases() != null && !design.phases().isEmpty()) {
      // Distinct, in enum order: counts() counts a study once per phase.
      EnumSet<Phase> set = EnumSet.noneOf(Phase.class);
      design.phases().stream().filter(Objects::nonNull).forEach(set::add);
      phases = set.isEmpty() ? null
          : set.stream().map(Phase::name).collect(Collectors.joining(" "));
    }
    return new Prepared(nctId, new String(bytes, StandardCharsets.UTF_8), sha256(bytes),
        incoming.provenance(),
        status == null || status.overallStatus() == null ? null : status.overallStatus().name(),
        design == null || design.studyType() == null ? null : design.studyType().name(),
        phases);
  }

  /** The current version and hash of the chunk's ids: one query per {@value #LOOKUP_BATCH} ids. */
  private static Map<String, Head> lookupHeads(Connection c, List<Prepared> prepared)
      throws SQLException {
    List<String> ids = prepared.stream().map(Prepared::nctId).distinct().toList();
    Map<String, Head> heads = new HashMap<>();
    for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH));
      String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT nct_id, version, content_hash FROM study WHERE nct_id IN (" + marks + ")")) {
        for (int i = 0; i < part.size(); i++) {
          ps.setString(i + 1, part.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            heads.put(rs.getString(1), new Head(rs.getInt(2), rs.getString(3)));
          }
        }
      }
    }
    return heads;
  }

  private static void insertVersions(Connection c, long runId, long recorded,
      List<Prepared> rows, List<Integer> versions) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO study_version (nct_id, version,"
        + " recorded_micros, import_run_id, content_hash, source_format, source_file,"
        + " source_position, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < rows.size(); i++) {
        Prepared p = rows.get(i);
        ps.setString(1, p.nctId());
        ps.setInt(2, versions.get(i));
        ps.setLong(3, recorded);
        ps.setLong(4, runId);
        ps.setString(5, p.hash());
        ps.setString(6, p.provenance().format());
        ps.setString(7, p.provenance().file());
        ps.setString(8, p.provenance().position());
        ps.setString(9, p.json());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Points each changed record's current row at its newest version: INSERT new ids, UPDATE others. */
  private static void writeCurrent(Connection c, long recorded, Map<String, Prepared> content,
      Map<String, Head> heads, Map<String, Head> before) throws SQLException {
    if (content.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO study (version,"
        + " content_hash, recorded_micros, overall_status, study_type, phases, nct_id)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement update = c.prepareStatement("UPDATE study SET version = ?,"
            + " content_hash = ?, recorded_micros = ?, overall_status = ?, study_type = ?,"
            + " phases = ? WHERE nct_id = ?")) {
      int inserts = 0;
      int updates = 0;
      for (Prepared p : content.values()) {
        PreparedStatement ps = before.containsKey(p.nctId()) ? update : insert;
        ps.setInt(1, heads.get(p.nctId()).version());
        ps.setString(2, p.hash());
        ps.setLong(3, recorded);
        setNullable(ps, 4, p.status());
        setNullable(ps, 5, p.studyType());
        setNullable(ps, 6, p.phases());
        ps.setString(7, p.nctId());
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

  private static void setNullable(PreparedStatement ps, int index, String value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Optional<StoredStudy> current(String nctId) {
    Objects.requireNonNull(nctId, "nctId");
    return read("reading the current version of " + nctId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + ", v.json"
          + CURRENT_JOIN + " WHERE s.nct_id = ?")) {
        ps.setString(1, nctId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(storedStudy(rs)) : Optional.<StoredStudy>empty();
        }
      }
    });
  }

  @Override
  public Optional<StoredStudy> version(String nctId, int version) {
    Objects.requireNonNull(nctId, "nctId");
    return read("reading version " + version + " of " + nctId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + ", v.json"
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
        "SELECT " + VERSION_COLUMNS + ", v.json" + CURRENT_JOIN + " ORDER BY s.nct_id",
        ps -> {});
  }

  @Override
  public Stream<StoredStudy> changedSince(Instant since) {
    Objects.requireNonNull(since, "since");
    long micros = Micros.ceil(since);
    return stream("streaming records changed since " + since,
        "SELECT " + VERSION_COLUMNS + ", v.json" + CURRENT_JOIN
            + " WHERE s.recorded_micros >= ? ORDER BY s.nct_id",
        ps -> ps.setLong(1, micros));
  }

  @Override
  public StoreCounts counts() {
    return read("counting records", c -> {
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
    });
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
        new Provenance(rs.getString(4), rs.getString(5), rs.getString(6)), rs.getLong(7),
        rs.getString(8));
  }

  private StoredStudy storedStudy(ResultSet rs) throws SQLException {
    VersionInfo info = versionInfo(rs);
    Study study = json.read(rs.getString(9));
    return new StoredStudy(info.nctId(), info.version(), info.recordedAt(), info.provenance(),
        info.importRunId(), info.contentHash(), study);
  }

  // ---------------------------------------------------------------- plumbing

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Runs work in one transaction on the writer connection: committed, or rolled back and rethrown. */
  private <T> T inWriteTransaction(String what, Work<T> work) {
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
        T result = work.run(c);
        c.commit();
        committed = true;
        return result;
      } catch (SQLException e) {
        throw db.failure(what, e);
      } finally {
        try {
          if (!committed) {
            c.rollback();
          }
          c.setAutoCommit(true);
        } catch (SQLException e) {
          // The transaction is lost with the connection; the database keeps its old state.
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  private <T> T read(String what, Work<T> work) {
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

  private String toJson(List<String> sources) {
    try {
      return mapper.writeValueAsString(sources);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a list of strings as JSON", e);
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

  /** Same as {@code StudyJson.contentHash}, from bytes already written. */
  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
