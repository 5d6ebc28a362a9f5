package org.trialdex.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;

/**
 * One database behind a store: how to open its connections, the one writer connection, a small
 * pool of reader connections, and the schema migrations. Knows the differences between SQLite
 * and PostgreSQL so that {@link JdbcStudyStore} does not.
 */
final class Database implements AutoCloseable {

  /** Idle reader connections kept for reuse; more may be open while streams run. */
  private static final int MAX_IDLE_READERS = 4;

  private interface Opener {
    Connection open(boolean writer) throws SQLException;
  }

  private final StoreLocation location;
  private final Opener opener;
  private final ArrayDeque<Connection> idleReaders = new ArrayDeque<>();
  private final Set<Connection> busyReaders = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Connection writer;
  private boolean closed;

  private Database(StoreLocation location, Opener opener) {
    this.location = location;
    this.opener = opener;
    try {
      this.writer = opener.open(true);
    } catch (SQLException e) {
      throw new StoreException("cannot open " + location + ": " + e.getMessage() + "; "
          + hint(e), e);
    }
  }

  static Database sqlite(StoreLocation.Sqlite location) {
    return sqlite(location, 0);
  }

  /**
   * SQLite, each connection limited to {@code maxPageCount} pages of the database file when that is
   * positive ({@code PRAGMA max_page_count}): SQLite then fails a write that needs more with
   * SQLITE_FULL, exactly as on a full disk. For the tests of a full disk.
   */
  static Database sqlite(StoreLocation.Sqlite location, int maxPageCount) {
    Path dir = location.dataDir().toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create the data folder " + dir + " (" + e + "); give a"
          + " folder you can write to, or create it yourself", e);
    }
    if (!Files.isWritable(dir)) {
      throw new StoreException("the data folder " + dir + " is not writable; give a folder you"
          + " can write to, or change its permissions");
    }
    String url = "jdbc:sqlite:" + location.databaseFile().toAbsolutePath();
    return new Database(location, writer -> {
      SQLiteConfig config = new SQLiteConfig();
      // WAL: readers never block the writer and a commit is one append to the log. With
      // synchronous=NORMAL a commit survives a killed process (the log is in the OS cache, and
      // SQLite replays or drops whole transactions), and the database is never corrupt after a
      // power loss; only the last commits before a power loss may roll back. FULL would add an
      // fsync per chunk for that last case, which re-running the import repairs anyway.
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.enforceForeignKeys(true);
      config.setBusyTimeout(30_000);
      config.setCacheSize(-20_000); // 20 MB per connection
      if (maxPageCount > 0) {
        config.setMaxPageCount(maxPageCount);
      }
      // The writer takes the write lock when its transaction begins, so that a second writer
      // process waits (busy timeout) instead of failing on a lock upgrade.
      config.setTransactionMode(writer
          ? SQLiteConfig.TransactionMode.IMMEDIATE
          : SQLiteConfig.TransactionMode.DEFERRED);
      return config.createConnection(url);
    });
  }

  static Database postgres(StoreLocation.Postgres location) {
    String url = location.jdbcUrl();
    if (!url.contains("reWriteBatchedInserts")) {
      // Turns a batch of INSERTs into multi-row INSERTs: one round trip per few hundred rows.
      url += (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
    String finalUrl = url;
    return new Database(location, writer -> DriverManager.getConnection(finalUrl));
  }

  StoreLocation location() {
    return location;
  }

  boolean isPostgres() {
    return location instanceof StoreLocation.Postgres;
  }

  /**
   * The version of the newest migration in {@code db/migration}; a test checks that they agree.
   * A schema at this version is not migrated again.
   */
  static final String SCHEMA_VERSION = "7";

  /**
   * Applies the migrations in {@code db/migration} that have not run yet. When the schema is
   * already at {@link #SCHEMA_VERSION} this is one query; Flyway (which scans its plugins and the
   * class path, and validates every applied migration) runs only when there is something to do.
   */
  void migrate() {
    if (schemaIsCurrent()) {
      return;
    }
    try {
      Flyway.configure(Database.class.getClassLoader())
          .dataSource(new OpenerDataSource())
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate the schema of " + location + ": " + e.getMessage()
          + "; if the database belongs to something else, give trialdex its own database", e);
    }
  }

  /**
   * Whether Flyway's history says the last migration applied is {@link #SCHEMA_VERSION} and it
   * succeeded. A missing history (a new database) or any error reads as not current.
   */
  boolean schemaIsCurrent() {
    try (var ps = writer.prepareStatement("SELECT version, success FROM flyway_schema_history"
        + " WHERE installed_rank = (SELECT MAX(installed_rank) FROM flyway_schema_history)");
        var rs = ps.executeQuery()) {
      return rs.next() && SCHEMA_VERSION.equals(rs.getString(1)) && rs.getBoolean(2);
    } catch (SQLException e) {
      return false; // no history table yet: Flyway creates it
    }
  }

  /**
   * Writes a consistent copy of this SQLite database into {@code file} (absent or empty), while other
   * connections and processes go on reading and writing. {@code VACUUM INTO} reads the whole database
   * in one read transaction, which in WAL mode blocks no writer and sees exactly the transactions
   * committed when it began; the online backup API (sqlite-jdbc's {@code backup to}) copies a few pages
   * per step and starts again whenever another connection writes between steps, so under a steady
   * import it may never finish (see docs/design.md, "Backup and restore").
   *
   * @throws StoreException when the copy cannot be written (a full disk is named as such)
   */
  void vacuumInto(Path file) {
    Path target = file.toAbsolutePath();
    // A connection of its own in auto-commit mode: VACUUM cannot run inside a transaction, and the
    // readers of the pool hold one open.
    try (Connection c = opener.open(false); var ps = c.prepareStatement("VACUUM INTO ?")) {
      ps.setString(1, target.toString());
      ps.execute();
    } catch (SQLException e) {
      if (isDiskFull(e)) {
        throw new StoreException("copying " + location + " into " + target + " failed: the disk holding " + target
            + " is full; free space there, or give a folder on a disk with room (" + e.getMessage() + ")", e);
      }
      throw new StoreException("copying " + location + " into " + target + " failed: " + e.getMessage()
          + "; check that the folder can be written and has room", e);
    }
  }

  /** The one writer connection; the caller serializes its use (one transaction at a time). */
  Connection writer() {
    checkOpen();
    return writer;
  }

  /** A reader connection (auto-commit off, so PostgreSQL can use a cursor); give it back with {@link #release}. */
  Connection borrowReader() throws SQLException {
    synchronized (this) {
      checkOpen();
      Connection idle = idleReaders.pollFirst();
      if (idle != null) {
        busyReaders.add(idle);
        return idle;
      }
    }
    // Opened outside the lock: a PostgreSQL connect is a network round trip.
    Connection c = opener.open(false);
    c.setAutoCommit(false);
    c.setReadOnly(isPostgres());
    synchronized (this) {
      if (closed) {
        closeQuietly(c);
        checkOpen();
      }
      busyReaders.add(c);
      return c;
    }
  }

  /** Ends the reader's transaction and keeps it for reuse, or closes it. */
  synchronized void release(Connection c) {
    if (!busyReaders.remove(c)) {
      return; // closed with the database already
    }
    try {
      c.rollback();
      if (!closed && idleReaders.size() < MAX_IDLE_READERS) {
        idleReaders.addFirst(c);
        return;
      }
    } catch (SQLException e) {
      // A broken connection is not reused.
    }
    closeQuietly(c);
  }

  StoreException failure(String what, SQLException e) {
    if (isDiskFull(e)) {
      return new StoreException(what + " in " + location + " failed: " + diskFull() + " ("
          + e.getMessage() + ")", e);
    }
    return new StoreException(what + " in " + location + " failed: " + e.getMessage() + "; "
        + hint(e), e);
  }

  /**
   * Whether a database error says it is out of space: SQLite's SQLITE_FULL (the disk, or the
   * database's size limit) and PostgreSQL's disk_full (53100) and out-of-space I/O errors.
   */
  static boolean isDiskFull(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      String state = t instanceof SQLException s && s.getSQLState() != null ? s.getSQLState() : "";
      if (message.contains("SQLITE_FULL") || state.equals("53100")
          || message.contains("No space left on device")) {
        return true;
      }
    }
    return false;
  }

  /** What a full disk means here and what to do. */
  private String diskFull() {
    return switch (location) {
      case StoreLocation.Sqlite sqlite -> "the disk is full: there is no room to write "
          + sqlite.databaseFile().toAbsolutePath() + " in the data folder "
          + sqlite.dataDir().toAbsolutePath() + "; free space on that disk (or move the data folder"
          + " to one with room) and run it again";
      case StoreLocation.Postgres postgres -> "the PostgreSQL server's disk is full (database "
          + postgres.redacted() + "); free space on the server's data disk and run it again";
    };
  }

  private String hint(SQLException e) {
    String message = String.valueOf(e.getMessage());
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (message.contains("SQLITE_BUSY")) {
      return "another process holds the database; wait for it to finish and try again";
    }
    if (message.contains("SQLITE_READONLY") || message.contains("SQLITE_CANTOPEN")
        || message.contains("SQLITE_PERM")) {
      return "make the data folder and its trialdex.db files readable and writable";
    }
    if (message.contains("SQLITE_IOERR")) {
      return "check the disk holding the data folder (free space, errors)";
    }
    if (state.startsWith("08")) {
      return "check that PostgreSQL runs and listens there, and that the URL's host, port,"
          + " database and user are right";
    }
    if (state.startsWith("28")) {
      return "check the user and password in the JDBC URL";
    }
    if (state.equals("3D000")) {
      return "create the database first (createdb) or fix its name in the URL";
    }
    return "see the cause; if it persists, report it with this message";
  }

  private void checkOpen() {
    if (closed) {
      throw new StoreException("the store at " + location + " is closed; open it again with"
          + " StudyStores.open");
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    idleReaders.forEach(Database::closeQuietly);
    idleReaders.clear();
    busyReaders.forEach(Database::closeQuietly);
    busyReaders.clear();
    closeQuietly(writer);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // Closing: nothing left to do with it.
    }
  }

  /** Hands Flyway connections opened like the store's own. */
  private final class OpenerDataSource implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return opener.open(true);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getLogger("org.trialdex.store");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
