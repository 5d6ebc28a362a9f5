package org.trialdex.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A process that begins an import run and holds it until it is killed: the child that
 * {@link StudyStoreContract} kills with SIGKILL. Its one argument is a SQLite data folder or a
 * PostgreSQL JDBC URL; it prints {@code running RUN_ID} once the run is begun.
 */
final class RunHolder {

  private RunHolder() {}

  public static void main(String[] args) throws InterruptedException {
    StoreLocation location = args[0].startsWith("jdbc:")
        ? new StoreLocation.Postgres(args[0]) : new StoreLocation.Sqlite(Path.of(args[0]));
    StudyStore store = StudyStores.open(location, Clock.systemUTC());
    ImportRun run = store.beginRun("held until killed", List.of());
    System.out.println("running " + run.id());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
