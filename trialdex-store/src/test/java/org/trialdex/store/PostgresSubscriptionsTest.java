package org.trialdex.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.trialdex.store.testing.TestPostgres;

/** The {@link SubscriptionsContract} on PostgreSQL, in a database made for this class and dropped after it. */
class PostgresSubscriptionsTest extends SubscriptionsContract {

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
}
