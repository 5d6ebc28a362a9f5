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
 * {@code trialdex backup DIR}: a consistent copy of the embedded store, taken while servers and
 * imports go on writing it, with a manifest. PostgreSQL is backed up with its own tools.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = {"Copies the embedded store into DIR as it stands at one moment, while servers and imports keep",
        "working: DIR/trialdex.db and DIR/manifest.json (store id, change-log position, schema version, counts,",
        "time, trialdex version). The search index is not copied: it is rebuilt from the store after a restore.",
        "For PostgreSQL (--db) use pg_dump."})
final class BackupCommand implements Callable<Integer> {

  @Mixin StoreOptions storeOptions;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The backup folder: new or empty, unless --force.")
  Path dir;

  @Option(names = "--force", description = "Write into DIR though it holds files (a backup there is replaced, other files stay).")
  boolean force;

  @Override
  public Integer call() {
    if (!(storeOptions.location() instanceof StoreLocation.Sqlite source)) {
      throw new TrialdexCommand.UsageError("backup copies the embedded store; for PostgreSQL use its own tools:"
          + " pg_dump -Fc -f trialdex.dump DATABASE (and pg_restore to restore it), see the README");
    }
    long started = System.nanoTime();
    BackupManifest m = new Backups(Clock.systemUTC(), Version.text()).backup(source, dir, force);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "backed up %,d records (%,d versions) of store %s at change %,d into %s in %.1f s%n",
        m.studies(), m.versions(), m.storeId(), m.logHead(), dir.toAbsolutePath().normalize(),
        (System.nanoTime() - started) / 1e9);
    out.println("the search index is not in the backup: after a restore it is rebuilt from the store");
    return TrialdexCommand.OK;
  }
}
