package org.trialdex.store;

import java.time.Clock;
import java.util.Objects;

/** Opens {@link StudyStore}s: the one door to the store's implementations. */
public final class StudyStores {

  private StudyStores() {}

  /**
   * Opens the store at a location, creating the SQLite folder and file when absent and applying
   * schema migrations that have not yet run.
   *
   * @param location the SQLite data folder or the PostgreSQL JDBC URL
   * @param clock the clock for {@code recordedAt}, {@code startedAt} and {@code finishedAt}
   * @throws StoreException when the folder cannot be created or written, the database cannot be
   *     reached, or the schema cannot be migrated; the message says what to do
   */
  public static StudyStore open(StoreLocation location, Clock clock) {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(clock, "clock");
    Database database = switch (location) {
      case StoreLocation.Sqlite sqlite -> Database.sqlite(sqlite);
      case StoreLocation.Postgres postgres -> Database.postgres(postgres);
    };
    try {
      database.migrate();
      return new JdbcStudyStore(database, clock);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }
}
