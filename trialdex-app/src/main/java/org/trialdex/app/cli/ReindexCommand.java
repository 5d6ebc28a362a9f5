package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialdex.app.Trialdex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trialdex reindex}: rebuilds the search index from the store. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
    description = {"Rebuilds the search index from every current record of the store.",
        "Imports keep the index current by themselves; this is for a new index folder or a changed schema."})
final class ReindexCommand implements Callable<Integer> {

  @Mixin StoreOptions storeOptions;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Trialdex trialdex = storeOptions.open()) {
      long started = System.nanoTime();
      long n = trialdex.reindex();
      out.printf(Locale.ROOT, "indexed %,d records in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
      return TrialdexCommand.OK;
    }
  }
}
