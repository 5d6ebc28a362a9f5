package org.trialdex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialdex.store.testing.TestPostgres;

/**
 * The {@link StudyStoreContract} on PostgreSQL, in a database created for this class and dropped
 * after it; skipped with a message when no server answers at 127.0.0.1:5432.
 */
class PostgresStudyStoreTest extends StudyStoreContract {

  static TestPostgres postgres;

  @BeforeAll
  static void createDatabase() {
    postgres = TestPostgres.create();
  }

  @AfterAll
  static void dropDatabase() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  StoreLocation emptyLocation() throws SQLException {
    postgres.reset();
    return new StoreLocation.Postgres(postgres.jdbcUrl());
  }

  @Override
  Connection rawConnection() throws SQLException {
    return postgres.connect();
  }

  @Override
  void failInsertsOf(String nctId) throws SQLException {
    try (Connection c = rawConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE FUNCTION fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$"
          + " BEGIN IF NEW.nct_id = '" + nctId + "' THEN"
          + " RAISE EXCEPTION 'forced failure for %', NEW.nct_id; END IF; RETURN NEW; END $$");
      s.execute("CREATE TRIGGER fail_insert BEFORE INSERT ON study_version"
          + " FOR EACH ROW EXECUTE FUNCTION fail_insert()");
    }
  }

  @Test
  void theJsonColumnIsTextNotJsonb() throws SQLException {
    try (Connection c = rawConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT data_type FROM information_schema.columns"
            + " WHERE table_name = 'study_version' AND column_name = 'json'")) {
      rs.next();
      assertEquals("text", rs.getString(1));
    }
  }
}
