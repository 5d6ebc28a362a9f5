package org.trialdex.app;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.trialdex.store.testing.TestPostgres;

/** The same command-line contract on PostgreSQL; skips with a message when no server is reachable. */
class PostgresCliTest extends CliContract {

  private static TestPostgres pg;

  @BeforeAll
  static void database() {
    pg = TestPostgres.create();
  }

  @AfterAll
  static void dropDatabase() {
    if (pg != null) {
      pg.close();
    }
  }

  @Override
  List<String> newStoreOptions(Path tempDir) throws Exception {
    pg.reset();
    // The index of a PostgreSQL store defaults to ./trialdex-index; a test keeps its own.
    return List.of("--db", pg.jdbcUrl(), "--index", tempDir.resolve("index").toString());
  }
}
