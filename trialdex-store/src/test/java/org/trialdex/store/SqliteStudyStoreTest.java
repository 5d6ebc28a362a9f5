package org.trialdex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
