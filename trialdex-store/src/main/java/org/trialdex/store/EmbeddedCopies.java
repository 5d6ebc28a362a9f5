package org.trialdex.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Copies of an embedded (SQLite) store: a copy taken while other processes serve and write the
 * store, the checks a copy must pass before it becomes a store again, and the exclusive hold that
 * tells whether any process has a store open. What {@code trialdex backup} and {@code trialdex
 * restore} are made of; files and folders around the copy are the caller's.
 *
 * <p>PostgreSQL has its own tools for this ({@code pg_dump}, {@code pg_restore}); nothing here
 * applies to it.
 */
public final class EmbeddedCopies {

  private static final int SQLITE_BUSY = 5;
  /** Problems quoted from {@code PRAGMA integrity_check} at most. */
  private static final int PROBLEMS_QUOTED = 5;

  private EmbeddedCopies() {}

  /**
   * Copies the store at {@code source} into {@code into} (a new or empty file) as it stands at one
   * moment, while servers, imports and other commands keep reading and writing it (SQLite's
   * {@code VACUUM INTO}, in one read transaction), then checks the copy as {@link #check} does. The
   * store is opened as every command opens it first (migrated when behind, given its identity when
   * it has none), so the copy has both.
   *
   * @param clock the clock the store is opened with
   * @return what the copy holds, read from the copy
   * @throws StoreException when there is no store at {@code source}, it cannot be opened, the copy
   *     cannot be written (a full disk is named as such) or the copy fails its checks
   */
  public static StoreSnapshot copy(StoreLocation.Sqlite source, Path into, Clock clock) {
    Objects.requireNonNull(into, "into");
    requireStore(source);
    Database database = Database.sqlite(source);
    try (StudyStore store = StudyStores.open(database, clock)) {
      store.storeId();
      database.vacuumInto(into);
    }
    return check(into);
  }

  /**
   * Opens the copy in {@code file} and checks it: SQLite's {@code PRAGMA integrity_check} passes,
   * it is a trialdex store of a schema this trialdex knows, and it has an identity. Switches the
   * copy to a rollback journal, so that it stays one file and opening it leaves nothing beside it;
   * a store opened by trialdex turns WAL on again.
   *
   * @return what the copy holds
   * @throws StoreException when the file is missing, damaged, not a trialdex store, or of a newer
   *     schema; the message quotes the first problems found
   */
  public static StoreSnapshot check(Path file) {
    Path abs = file.toAbsolutePath();
    if (!Files.isRegularFile(abs)) {
      throw new StoreException("there is no database file at " + abs);
    }
    try (Connection c = openExisting(abs, false); Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=DELETE");
      List<String> problems = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("PRAGMA integrity_check(" + PROBLEMS_QUOTED + ")")) {
        while (rs.next()) {
          problems.add(rs.getString(1));
        }
      }
      if (!problems.equals(List.of("ok"))) {
        throw new StoreException(abs + " is damaged: SQLite's integrity check found " + String.join("; ", problems));
      }
      String schema = schemaVersion(c, abs);
      String storeId = ChangeLog.readStoreId(c);
      if (storeId == null) {
        throw new StoreException(abs + " is a trialdex store without an identity; it was not made by trialdex backup");
      }
      return new StoreSnapshot(storeId, ChangeLog.head(c), schema, count(c, "study"), count(c, "study_version"));
    } catch (SQLException e) {
      throw new StoreException("cannot read " + abs + " as a trialdex store: " + e.getMessage()
          + "; the file is damaged, truncated or not a trialdex database", e);
    }
  }

  /**
   * Gives the store in {@code file} (a restored copy, not open anywhere) a new identity, and notes
   * {@code restoredFrom} beside it. A restored store is a new history from its backup's position
   * on: an index that followed the original store, possibly past that position, must be rebuilt
   * rather than followed, and a new identity makes every index of the old one rebuild.
   *
   * @return the new identity
   * @throws StoreException when the file cannot be written
   */
  public static String renewIdentity(Path file, String restoredFrom) {
    Path abs = file.toAbsolutePath();
    try (Connection c = openExisting(abs, false)) {
      c.setAutoCommit(false);
      String id = ChangeLog.renewStoreId(c, restoredFrom);
      c.commit();
      return id;
    } catch (SQLException e) {
      throw new StoreException("cannot give the restored store " + abs + " its new identity: " + e.getMessage(), e);
    }
  }

  /**
   * Holds the store at {@code location} so that no other process can open it, as long as the hold
   * is open; proves that none has it open now. Every trialdex process that opened a store (a server,
   * an import, any command) keeps a shared lock on its database file until it closes it; the hold
   * takes the exclusive lock, which SQLite grants only when there is no such process.
   *
   * @return the hold; holding nothing when there is no database file at the location
   * @throws StoreException when another process has the store open; the message says to stop it
   */
  public static Hold holdExclusively(StoreLocation.Sqlite location) {
    Path db = location.databaseFile().toAbsolutePath();
    if (!Files.exists(db)) {
      return new Hold(null);
    }
    Connection c = null;
    try {
      c = openExisting(db, true);
      try (Statement s = c.createStatement()) {
        // The first read takes the lock: in WAL mode the whole file's exclusive lock, in rollback
        // mode a shared one, which BEGIN EXCLUSIVE makes exclusive. Exclusive locking mode keeps it.
        s.executeQuery("SELECT COUNT(*) FROM sqlite_master").close();
        s.execute("BEGIN EXCLUSIVE");
        s.execute("COMMIT");
      }
      return new Hold(c);
    } catch (SQLException e) {
      closeQuietly(c);
      if (e.getErrorCode() == SQLITE_BUSY || String.valueOf(e.getMessage()).contains("SQLITE_BUSY")) {
        throw new StoreException("the store at " + location.dataDir().toAbsolutePath() + " is open in another"
            + " process (a trialdex serve, an import or another command); stop it, then try again", e);
      }
      throw new StoreException("cannot open " + db + " to check that no process uses it: " + e.getMessage(), e);
    }
  }

  /** An exclusive hold on an embedded store's database file; closing it lets other processes in. */
  public static final class Hold implements AutoCloseable {
    private final Connection connection;

    private Hold(Connection connection) {
      this.connection = connection;
    }

    @Override
    public void close() {
      closeQuietly(connection);
    }
  }

  private static void requireStore(StoreLocation.Sqlite source) {
    if (!Files.isRegularFile(source.databaseFile())) {
      throw new StoreException("there is no embedded store at " + source.dataDir().toAbsolutePath() + " (no "
          + source.databaseFile().getFileName() + " there); give the data folder of the store with --data");
    }
  }

  /** A connection to an existing file (never created), in exclusive locking mode when asked. */
  private static Connection openExisting(Path file, boolean exclusive) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.resetOpenMode(SQLiteOpenMode.CREATE);
    config.setBusyTimeout(exclusive ? 2_000 : 30_000);
    if (exclusive) {
      config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
    }
    return config.createConnection("jdbc:sqlite:" + file);
  }

  private static String schemaVersion(Connection c, Path file) throws SQLException {
    String version;
    try (PreparedStatement ps = c.prepareStatement("SELECT version, success FROM flyway_schema_history"
        + " WHERE installed_rank = (SELECT MAX(installed_rank) FROM flyway_schema_history)");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next() || !rs.getBoolean(2)) {
        throw new StoreException(file + " holds no completed trialdex schema; it is not a trialdex store");
      }
      version = rs.getString(1);
    } catch (SQLException e) {
      throw new StoreException(file + " is not a trialdex store (" + e.getMessage() + ")", e);
    }
    if (Integer.parseInt(version) > Integer.parseInt(Database.SCHEMA_VERSION)) {
      throw new StoreException(file + " has schema version " + version + ", newer than this trialdex knows ("
          + Database.SCHEMA_VERSION + "); use the trialdex that made it, or a newer one");
    }
    return version;
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      // Closing: nothing left to do with it.
    }
  }
}
