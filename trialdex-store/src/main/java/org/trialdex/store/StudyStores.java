package org.trialdex.store;

import java.time.Clock;
import java.util.Objects;

/** Opens {@link StudyStore}s: the one door to the store's implementations. */
public final class StudyStores {

  private StudyStores() {}

  /**
   * Opens the store at a location, creating the SQLite folder and file when absent and applying
   * schema migrations that have not yet run (one query when there are none). Import runs left
   * RUNNING by a process that is gone are marked INTERRUPTED (see {@link RunOwner}).
   *
   * @param location the SQLite data folder or the PostgreSQL JDBC URL
   * @param clock the clock for {@code recordedAt}, {@code startedAt} and {@code finishedAt}
   * @throws StoreException when the folder cannot be created or written, the database cannot be
   *     reached, or the schema cannot be migrated; the message says what to do
   */
  public static StudyStore open(StoreLocation location, Clock clock) {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(clock, "clock");
    return open(switch (location) {
      case StoreLocation.Sqlite sqlite -> Database.sqlite(sqlite);
      case StoreLocation.Postgres postgres -> Database.postgres(postgres);
    }, clock);
  }

  /** Opens the store in {@code database}: migrated when needed, interrupted runs marked. */
  static StudyStore open(Database database, Clock clock) {
    try {
      database.migrate();
      JdbcStudyStore store = new JdbcStudyStore(database, clock);
      markInterrupted(store);
      return store;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * Marks the runs of gone processes INTERRUPTED. A store that cannot be written now (a full disk)
   * still opens for reading: the runs stay RUNNING until a later start can mark them.
   */
  private static void markInterrupted(JdbcStudyStore store) {
    try {
      store.markInterruptedRuns();
    } catch (StoreException e) {
      System.getLogger(StudyStores.class.getName()).log(System.Logger.Level.WARNING,
          "cannot mark interrupted import runs now: " + e.getMessage());
    }
  }
}
