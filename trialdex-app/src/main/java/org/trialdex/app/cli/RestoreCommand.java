package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialdex.app.service.BackupManifest;
import org.trialdex.app.service.Backups;
import org.trialdex.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trialdex restore DIR}: puts a backup made by {@code trialdex backup} in place as the
 * embedded store, after checking it, never over a store in use, never deleting one.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Puts the backup in DIR in place as the embedded store (--data): checks its manifest, size,",
        "SHA-256 and SQLite's integrity check first, and refuses while a process has the target store open.",
        "A target holding a store is replaced only with --force, and then kept aside, renamed with the time.",
        "The restored store gets a new identity; its search index is rebuilt when trialdex next opens it.",
        "For PostgreSQL (--db) use pg_restore."})
final class RestoreCommand implements Callable<Integer> {

  @Mixin StoreOptions storeOptions;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "A backup folder written by trialdex backup.")
  Path dir;

  @Option(names = "--force",
      description = "Replace a target that holds a store or other files; the old folder is kept aside as DIR.before-restore-TIME.")
  boolean force;

  @Override
  public Integer call() {
    if (!(storeOptions.location() instanceof StoreLocation.Sqlite target)) {
      throw new TrialdexCommand.UsageError("restore puts back a backup of the embedded store; for PostgreSQL use its"
          + " own tools: pg_restore --clean --if-exists -d DATABASE trialdex.dump (from pg_dump -Fc), see the README");
    }
    Backups.Restored r = new Backups(Clock.systemUTC(), Version.text()).restore(dir, target, force);
    BackupManifest m = r.manifest();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "restored %,d records (%,d versions) of store %s at change %,d, backed up %s, into %s%n",
        m.studies(), m.versions(), m.storeId(), m.logHead(), m.takenAt(), target.dataDir().toAbsolutePath().normalize());
    r.keptAside().ifPresent(a -> out.println("the store that was there is kept at " + a));
    out.println("the restored store's identity is " + r.storeId() + "; its search index is rebuilt when trialdex"
        + " next opens it (a server answers record pages meanwhile)");
    return TrialdexCommand.OK;
  }
}
