package org.trialdex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link StudyStoreContract} on SQLite, plus what is SQLite's own: one file, WAL. */
class SqliteStudyStoreTest extends StudyStoreContract {

  @TempDir
  Path tempDir;

  private int stores;

  @Override
  StoreLocation emptyLocation() {
    // A new folder each call: a test may open a second, separate store.
    return new StoreLocation.Sqlite(tempDir.resolve("data-" + ++stores));
  }

  @Override
  Connection rawConnection() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:"
        + ((StoreLocation.Sqlite) location).databaseFile());
  }

  @Override
  void failInsertsOf(String nctId) throws SQLException {
    try (Connection c = rawConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TRIGGER fail_" + nctId + " BEFORE INSERT ON study_version"
          + " WHEN NEW.nct_id = '" + nctId + "'"
          + " BEGIN SELECT RAISE(ABORT, 'forced failure for " + nctId + "'); END");
    }
  }

  @Test
  void theStoreIsOneFileNamedTrialdexDbInTheDataFolderInWalMode() throws SQLException {
    importRun(sample.subList(0, 3));

    assertTrue(Files.isRegularFile(((StoreLocation.Sqlite) location).dataDir().resolve("trialdex.db")));
    try (Connection c = rawConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertEquals("wal", rs.getString(1));
    }
  }

  @Test
  void theJsonColumnIsText() throws SQLException {
    try (Connection c = rawConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT type FROM pragma_table_info('study_version')"
            + " WHERE name = 'json'")) {
      rs.next();
      assertEquals("TEXT", rs.getString(1));
    }
  }

  @Test
  void aSecondStoreOnTheSameFileSeesTheFirstStoresCommittedChunks() {
    importRun(sample.subList(0, 10));

    try (StudyStore other = StudyStores.open(location, clock)) {
      assertEquals(10, other.counts().studies());
      assertEquals(List.of(new PutOutcome(nctId(sample.get(10)), PutOutcome.Kind.NEW, 1)),
          other.putAll(other.beginRun("second", List.of()).id(), incoming(sample.subList(10, 11))));
    }
    assertEquals(11, store.counts().studies());
  }
  @Test
  void aFullDiskIsNamedWithTheDataFolderAndTheRunCanStillBeRecordedAsFailed() throws SQLException {
    importRun(sample.subList(0, 5));
    long pages;
    try (Connection c = rawConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA page_count")) {
      rs.next();
      pages = rs.getLong(1);
    }
    store.close();
    // SQLite's own size limit: a write that needs more pages fails with SQLITE_FULL, as on a full disk.
    StoreLocation.Sqlite sqlite = (StoreLocation.Sqlite) location;
    store = StudyStores.open(Database.sqlite(sqlite, (int) pages + 2), clock);
    ImportRun run = store.beginRun("import", List.of());

    StoreException full = assertThrows(StoreException.class,
        () -> store.putAll(run.id(), incoming(sample.subList(5, 100))));

    assertTrue(full.getMessage().contains("failed: the disk is full: there is no room to write "
        + sqlite.databaseFile().toAbsolutePath() + " in the data folder " + sqlite.dataDir().toAbsolutePath()
        + "; free space on that disk"), full.getMessage());
    assertTrue(full.getMessage().contains("SQLITE_FULL"), full.getMessage());
    store.failRun(run.id(), RunCounts.zero(), full.getMessage());
    assertEquals(ImportRun.Status.FAILED, store.importRuns().getFirst().status());
    assertEquals(5, store.counts().studies(), "the chunk was not written; the earlier ones stay");
  }
}
