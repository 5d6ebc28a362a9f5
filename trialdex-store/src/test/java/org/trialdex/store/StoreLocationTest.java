package org.trialdex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing a store location, and the errors of opening one that is wrong or out of reach. */
class StoreLocationTest {

  @TempDir
  Path tempDir;

  @Test
  void aJdbcUrlMeansPostgresAFolderMeansSqliteAndNeitherMeansTheDefaultFolder() {
    assertEquals(new StoreLocation.Postgres("jdbc:postgresql://db:5432/trialdex"),
        StoreLocation.parse(null, " jdbc:postgresql://db:5432/trialdex "));
    assertEquals(new StoreLocation.Sqlite(Path.of("/var/lib/trialdex")),
        StoreLocation.parse("/var/lib/trialdex", ""));
    assertEquals(new StoreLocation.Sqlite(Path.of("data")), StoreLocation.parse(null, null));
    assertEquals(Path.of("/srv/x/trialdex.db"),
        new StoreLocation.Sqlite(Path.of("/srv/x")).databaseFile());
  }

  @Test
  void bothAFolderAndAUrlIsAnError() {
    StoreException e = assertThrows(StoreException.class,
        () -> StoreLocation.parse("data", "jdbc:postgresql://db/trialdex?password=secret"));
    assertEquals("both a data folder ('data') and a JDBC URL"
        + " ('jdbc:postgresql://db/trialdex?password=***') were given; give one: the folder for"
        + " SQLite, the URL for PostgreSQL", e.getMessage());
  }

  @Test
  void aUrlOfAnotherDatabaseIsRejectedWithTheExpectedForm() {
    StoreException e = assertThrows(StoreException.class,
        () -> StoreLocation.parse(null, "postgres://localhost/trialdex"));
    assertEquals("not a PostgreSQL JDBC URL: 'postgres://localhost/trialdex'; write it as"
        + " jdbc:postgresql://HOST:PORT/DATABASE?user=USER", e.getMessage());
  }

  @Test
  void aDataFolderThatCannotBeCreatedGivesAStoreExceptionNamingIt() throws Exception {
    Path file = Files.writeString(tempDir.resolve("not-a-folder"), "x");
    Path dataDir = file.resolve("data");

    StoreException e = assertThrows(StoreException.class,
        () -> StudyStores.open(new StoreLocation.Sqlite(dataDir), Clock.systemUTC()));

    assertTrue(e.getMessage().startsWith("cannot create the data folder " + dataDir),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("give a folder you can write to, or create it yourself"),
        e.getMessage());
  }

  @Test
  void anUnreachablePostgresGivesAStoreExceptionSayingWhatToCheck() {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    StoreLocation location = new StoreLocation.Postgres(
        "jdbc:postgresql://127.0.0.1:1/trialdex?user=trialdex&password=hunter2&connectTimeout=2");

    StoreException e = assertThrows(StoreException.class,
        () -> StudyStores.open(location, Clock.systemUTC()));

    assertTrue(e.getMessage().startsWith("cannot open PostgreSQL jdbc:postgresql://127.0.0.1:1/"
        + "trialdex?user=trialdex&password=***&connectTimeout=2: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("check that PostgreSQL runs and listens there, and that"
        + " the URL's host, port, database and user are right"), e.getMessage());
  }
}
