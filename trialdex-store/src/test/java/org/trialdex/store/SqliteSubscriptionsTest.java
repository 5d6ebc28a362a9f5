package org.trialdex.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** The {@link SubscriptionsContract} on SQLite. */
class SqliteSubscriptionsTest extends SubscriptionsContract {

  @TempDir
  Path tempDir;

  @Override
  StoreLocation emptyLocation() {
    return new StoreLocation.Sqlite(tempDir.resolve("data"));
  }

  @Override
  Connection rawConnection() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + ((StoreLocation.Sqlite) location).databaseFile());
  }
}
