package org.trialdex.app.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.trialdex.core.eligibility.ParsedCriteriaCodec;
import org.trialdex.core.eligibility.ParsedCriterion;

/**
 * The parses of criteria texts kept on disk beside the search index (issue #10: "parses are derived
 * data: recomputed from the stored record, cached beside the index"), so that a new process (a
 * {@code trialdex match} run, a restarted server) reads them instead of parsing every candidate again.
 * One SQLite file, {@link #fileFor(Path) index-criteria.sqlite} beside the index folder, a row per
 * criteria text: its SHA-256, the {@link org.trialdex.core.eligibility.CriterionParser#fingerprint()
 * parser's fingerprint} and the {@link ParsedCriteriaCodec encoded parses}. A row of another
 * fingerprint is a miss, and such rows are deleted when the file is first used.
 *
 * <p>Only a cache: it never fails a match. A file it cannot open or create, a corrupt file (moved
 * aside and made anew), a lock it cannot get or a row that does not decode is logged once and read
 * as a miss. Writes go behind, on one daemon thread in batched transactions, through a bounded queue
 * that drops what it cannot hold; {@link #close()} writes what is queued. Several processes may share
 * the file (WAL, a busy timeout).
 */
public final class CriteriaCache implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("trialdex.match");
  /** Parses queued for writing at most; more are dropped (they are only a cache). */
  static final int QUEUE = 10_000;
  /** Rows written in one transaction at most. */
  private static final int BATCH = 500;
  /** Digests asked in one statement at most (SQLite's limit on parameters is far higher). */
  private static final int IN_LIMIT = 500;
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;

  /**
   * What the cache did since it was opened.
   *
   * @param hits parses read from the file
   * @param misses texts asked for that the file did not hold (or held under another fingerprint, or could not decode)
   * @param written parses written to the file
   * @param dropped parses not written: the queue was full, or the file could not be written
   * @param warnings warnings logged: an unusable or corrupt file, and the first row that did not decode and
   *     the first failed write (later ones are only counted as misses and drops)
   */
  public record Stats(long hits, long misses, long written, long dropped, long warnings) {}

  private record Row(String digest, String fingerprint, List<ParsedCriterion> parses) {}

  private final Path file;
  private final int busyTimeoutMillis;
  private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(QUEUE);
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong warnings = new AtomicLong();
  /** Parses queued or being written; {@link #flush} waits for zero. */
  private final AtomicLong pending = new AtomicLong();
  private boolean opened;
  private boolean usable;
  private boolean recovered;
  private boolean decodeWarned;
  private boolean writeWarned;
  private volatile boolean closed;
  private Connection reader;
  private Connection writer;
  private Thread writerThread;

  private CriteriaCache(Path file, int busyTimeoutMillis) {
    this.file = file;
    this.busyTimeoutMillis = busyTimeoutMillis;
  }

  /** The cache file of the index in {@code indexDir}: {@code data/index} has {@code data/index-criteria.sqlite}. */
  public static Path fileFor(Path indexDir) {
    Path abs = indexDir.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + "-criteria.sqlite");
  }

  /** A cache in {@code file}, opened (and created) when first used; never throws for a bad file. */
  public static CriteriaCache open(Path file) {
    return new CriteriaCache(Objects.requireNonNull(file, "file").toAbsolutePath(), 10_000);
  }

  /** Like {@link #open(Path)}, waiting at most {@code busyTimeoutMillis} for another process's lock (tests). */
  static CriteriaCache open(Path file, int busyTimeoutMillis) {
    return new CriteriaCache(Objects.requireNonNull(file, "file").toAbsolutePath(), busyTimeoutMillis);
  }

  /** A cache that holds nothing: every lookup misses, every write is dropped (no file). */
  public static CriteriaCache none() {
    CriteriaCache c = new CriteriaCache(null, 0);
    c.opened = true;
    return c;
  }

  /** The file, or empty for {@link #none()}. */
  public java.util.Optional<Path> file() {
    return java.util.Optional.ofNullable(file);
  }

  /** What the cache did so far. */
  public Stats stats() {
    return new Stats(hits.get(), misses.get(), written.get(), dropped.get(), warnings.get());
  }

  /**
   * The parses held for these digests under {@code fingerprint}, in one lookup; digests it does not
   * hold are absent from the answer. Never throws for a bad file or row: those are misses.
   */
  public Map<String, List<ParsedCriterion>> getAll(Collection<String> digests, String fingerprint) {
    List<String> wanted = List.copyOf(new LinkedHashSet<>(digests));
    Map<String, List<ParsedCriterion>> found = new HashMap<>();
    if (wanted.isEmpty()) {
      return found;
    }
    synchronized (this) {
      if (ensureOpen(fingerprint)) {
        try {
          for (int from = 0; from < wanted.size(); from += IN_LIMIT) {
            read(wanted.subList(from, Math.min(wanted.size(), from + IN_LIMIT)), fingerprint, found);
          }
        } catch (SQLException e) {
          failed("cannot read parses from " + file, e);
        }
      }
    }
    hits.addAndGet(found.size());
    misses.addAndGet(wanted.size() - found.size());
    return found;
  }

  private void read(List<String> digests, String fingerprint, Map<String, List<ParsedCriterion>> found) throws SQLException {
    String sql = "SELECT digest, data FROM parses WHERE fingerprint = ? AND digest IN (" + "?,".repeat(digests.size() - 1) + "?)";
    try (PreparedStatement ps = reader.prepareStatement(sql)) {
      ps.setString(1, fingerprint);
      for (int i = 0; i < digests.size(); i++) {
        ps.setString(i + 2, digests.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String digest = rs.getString(1);
          try {
            found.put(digest, ParsedCriteriaCodec.decode(rs.getBytes(2)));
          } catch (ParsedCriteriaCodec.DecodeException e) {
            // Parsed again and written over by the caller; one warning per process, not per row.
            if (!decodeWarned) {
              decodeWarned = true;
              warnings.incrementAndGet();
              LOG.warn("a cached parse in {} does not decode ({}); it is parsed again and replaced", file, e.getMessage());
            }
          }
        }
      }
    }
  }

  /**
   * Queues {@code parses} of the text with {@code digest} for writing behind; returns at once. When the
   * queue is full the parses are dropped: the text is parsed again next time.
   */
  public void put(String digest, String fingerprint, List<ParsedCriterion> parses) {
    Row row = new Row(Objects.requireNonNull(digest, "digest"), Objects.requireNonNull(fingerprint, "fingerprint"), List.copyOf(parses));
    synchronized (this) {
      if (closed || !ensureOpen(fingerprint)) {
        dropped.incrementAndGet();
        return;
      }
      if (writerThread == null) {
        writerThread = new Thread(this::writeBehind, "trialdex-criteria-cache");
        writerThread.setDaemon(true);
        writerThread.start();
      }
    }
    pending.incrementAndGet();
    if (!queue.offer(row)) {
      pending.decrementAndGet();
      dropped.incrementAndGet();
    }
  }

  /** Waits, at most {@code timeout}, until every queued parse is written (or dropped); true when none remain. */
  public boolean flush(java.time.Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (pending) {
      while (pending.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(pending, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  /** Writes what is queued (waiting up to 30 s), then closes the file. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    flush(java.time.Duration.ofSeconds(30));
    Thread t;
    synchronized (this) {
      closed = true;
      t = writerThread;
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      closeConnections();
      usable = false;
    }
  }

  private void writeBehind() {
    List<Row> batch = new ArrayList<>(BATCH);
    while (!closed) {
      try {
        Row first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
      } catch (InterruptedException e) {
        if (closed) {
          break;
        }
        continue;
      }
      write(batch);
      done(batch.size());
      batch.clear();
    }
    // Closed with rows left (the flush timed out): they are dropped.
    int left = queue.size();
    queue.clear();
    dropped.addAndGet(left);
    done(left);
  }

  private void done(int n) {
    synchronized (pending) {
      pending.addAndGet(-n);
      pending.notifyAll();
    }
  }

  private void write(List<Row> batch) {
    // Encoded here, off the matching thread.
    List<byte[]> data = batch.stream().map(r -> ParsedCriteriaCodec.encode(r.parses())).toList();
    Connection c;
    synchronized (this) {
      c = usable ? writer : null;
    }
    if (c == null) {
      dropped.addAndGet(batch.size());
      return;
    }
    try {
      synchronized (c) {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO parses (digest, fingerprint, data) VALUES (?, ?, ?)")) {
          for (int i = 0; i < batch.size(); i++) {
            ps.setString(1, batch.get(i).digest());
            ps.setString(2, batch.get(i).fingerprint());
            ps.setBytes(3, data.get(i));
            ps.addBatch();
          }
          ps.executeBatch();
          c.commit();
          written.addAndGet(batch.size());
        } catch (SQLException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      dropped.addAndGet(batch.size());
      if (!writeWarned) {
        writeWarned = true;
        warnings.incrementAndGet();
        LOG.warn("cannot write parses to {} ({}); they are parsed again next time", file, e.getMessage());
      }
      if (corrupt(e)) {
        synchronized (this) {
          failed("the parse cache " + file + " is corrupt", e);
        }
      }
    }
  }

  /** Opens the file the first time; false when there is no usable file. Holds this object's lock. */
  private boolean ensureOpen(String fingerprint) {
    if (!opened && !closed) {
      opened = true;
      usable = connect(fingerprint);
    }
    return usable;
  }

  private boolean connect(String fingerprint) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(busyTimeoutMillis);
    try {
      while (true) {
        try {
          openAndPrune(fingerprint);
          return true;
        } catch (SQLException e) {
          // Another process opening a new file at the same moment (its switch to WAL holds the lock for
          // an instant, before any busy timeout applies): try again until the busy timeout is over.
          if (!busy(e) || System.nanoTime() > deadline) {
            throw e;
          }
          closeConnections();
          Thread.sleep(20);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeConnections();
      return false;
    } catch (SQLException | IOException e) {
      closeConnections();
      Exception problem = e;
      if (e instanceof SQLException s && corrupt(s) && moveAside()) {
        try {
          openAndPrune(fingerprint);
          return true;
        } catch (SQLException | IOException again) {
          closeConnections();
          problem = again;
        }
      }
      warnings.incrementAndGet();
      LOG.warn("the parse cache {} cannot be used ({}); criteria are parsed in this process only", file, problem.toString());
      return false;
    }
  }

  private static boolean busy(SQLException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED") || m.contains("database is locked");
  }

  private void openAndPrune(String fingerprint) throws SQLException, IOException {
    Files.createDirectories(file.getParent());
    writer = connection();
    boolean exists;
    try (Statement s = writer.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'parses'")) {
      exists = rs.next() && rs.getInt(1) == 1;
    }
    if (!exists) {
      try (Statement s = writer.createStatement()) {
        s.executeUpdate("CREATE TABLE IF NOT EXISTS parses (digest TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, data BLOB NOT NULL)");
      }
    } else {
      // Parses of another parser or vocabulary can never be served again. Only tidying: while another
      // process holds the write lock they stay (as misses), and reading goes on.
      try (PreparedStatement ps = writer.prepareStatement("DELETE FROM parses WHERE fingerprint <> ?")) {
        ps.setString(1, fingerprint);
        ps.executeUpdate();
      } catch (SQLException e) {
        if (corrupt(e)) {
          throw e;
        }
        LOG.debug("parses of other fingerprints left in {} for now: {}", file, e.getMessage());
      }
    }
    reader = connection();
  }

  private Connection connection() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    // As the store (Database.sqlite): WAL so that a server and a CLI share the file, a busy timeout
    // so that one waits for the other's write instead of failing.
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(busyTimeoutMillis);
    return config.createConnection("jdbc:sqlite:" + file);
  }

  /** A corrupt file is moved aside (kept, for a look) so that a new one can be made; true when it was. */
  private boolean moveAside() {
    if (recovered) {
      return false;
    }
    recovered = true;
    Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
    try {
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
      warnings.incrementAndGet();
      LOG.warn("the parse cache {} was corrupt; moved to {} and made anew", file, aside.getFileName());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A read or write failed: logged; a corrupt file is moved aside and made anew, else the cache stops here. */
  private void failed(String what, SQLException e) {
    warnings.incrementAndGet();
    LOG.warn("{} ({}); criteria are parsed instead", what, e.getMessage());
    if (corrupt(e)) {
      closeConnections();
      usable = false;
      if (moveAside()) {
        opened = false; // made anew on the next use
      }
    }
  }

  private static boolean corrupt(SQLException e) {
    int code = e.getErrorCode() & 0xff;
    return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
  }

  private void closeConnections() {
    for (Connection c : new Connection[] {reader, writer}) {
      if (c != null) {
        try {
          synchronized (c) {
            c.close();
          }
        } catch (SQLException ignored) {
          // Closing a connection to a file that is only a cache: nothing to keep.
        }
      }
    }
    reader = null;
    writer = null;
  }
}
