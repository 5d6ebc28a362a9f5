package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.Syncs;
import org.trialdex.ingest.ReadProblem;
import org.trialdex.store.RunCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trialdex sync}: the studies an upstream registry changed since the last sync. */
@Command(name = "sync", mixinStandardHelpOptions = true,
    description = {"Imports what an upstream registry (ClinicalTrials.gov by default, or another trialdex server)",
        "changed since the last sync from it: every changed study a new version naming the upstream and the time.",
        "Stopped anywhere (Ctrl-C, kill, a failing upstream), it resumes there on the next run."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the sync ran to its end", "1:the sync stopped (the upstream failed too often or refused,"
        + " the store failed, another sync of this upstream runs); what it stored stays and the next run resumes",
        "2:usage error", "3:the sync ran to its end, some studies could not be read (listed)"})
final class SyncCommand implements Callable<Integer> {

  @Mixin StoreOptions storeOptions;
  @Mixin SyncOptions syncOptions;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Syncs.Options options = syncOptions.options();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Trialdex trialdex = storeOptions.open()) {
      boolean indexed = ImportCommand.startIndexing(trialdex, err);
      var mark = trialdex.syncs().mark(options.upstream());
      err.println("trialdex: syncing from " + options.key() + ": " + mark.resumeFrom()
          .map(d -> "resuming a stopped pass from studies updated on " + d)
          .or(() -> mark.highWater().map(d -> "studies updated on or after " + d))
          .orElse("a first full load (every study)"));
      Syncs.Result result;
      try {
        result = trialdex.syncs().run(options, new Printer(err));
      } catch (Syncs.SyncException e) {
        err.println("trialdex: " + e.getMessage());
        ImportCommand.finishIndexing(trialdex, 1, out, err);
        return TrialdexCommand.FAILED;
      }
      RunCounts c = result.counts();
      out.printf(Locale.ROOT, "Sync run %d from %s: %,d studies in %d pages, %.1f s%n", result.runId(),
          result.upstream(), c.read(), result.pages(), result.elapsed().toMillis() / 1000.0);
      out.printf(Locale.ROOT, "  read       %,10d%n", c.read());
      out.printf(Locale.ROOT, "  new        %,10d%n", c.created());
      out.printf(Locale.ROOT, "  updated    %,10d%n", c.updated());
      out.printf(Locale.ROOT, "  unchanged  %,10d%n", c.unchanged());
      out.printf(Locale.ROOT, "  failed     %,10d%n", c.failed());
      out.printf(Locale.ROOT, "  retried    %,10d requests%n", result.retries());
      out.println("  next sync asks for studies updated on or after "
          + result.highWater().map(LocalDate::toString).orElse("(any date: the upstream gave no dates)"));
      for (ReadProblem p : result.failureSample().subList(0, Math.min(ImportCommand.SHOWN_FAILURES,
          result.failureSample().size()))) {
        out.println("  failed: " + p);
      }
      indexed = ImportCommand.finishIndexing(trialdex, c.created() + c.updated(), out, err) && indexed;
      if (!indexed) {
        return TrialdexCommand.FAILED;
      }
      return c.failed() == 0 ? TrialdexCommand.OK : TrialdexCommand.SOME_FAILED;
    }
  }

  /** Progress lines at most every few seconds, and every retry with its reason and wait. */
  static final class Printer implements Syncs.Listener {
    private static final long EVERY_NANOS = Duration.ofSeconds(5).toNanos();
    private final PrintWriter err;
    private long lastPrinted;

    Printer(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void progress(Syncs.Progress p) {
      long now = System.nanoTime();
      if (lastPrinted != 0 && now - lastPrinted < EVERY_NANOS && p.eta().filter(Duration::isZero).isEmpty()) {
        return;
      }
      lastPrinted = now;
      double seconds = Math.max(0.001, p.elapsed().toMillis() / 1000.0);
      String of = p.total() > 0 ? String.format(Locale.ROOT, " of %,d (%.1f%%)", p.total(), 100.0 * p.records() / p.total()) : "";
      err.printf(Locale.ROOT, "sync: %,d studies%s in %d pages, %.0f studies/s%s%s%n", p.records(), of, p.pages(),
          p.records() / seconds, p.reached().map(d -> ", everything updated before " + d + " stored").orElse(""),
          p.eta().map(e -> ", ETA " + human(e)).orElse(""));
      err.flush();
    }

    @Override
    public void retrying(String why, int attempt, Duration wait) {
      err.printf(Locale.ROOT, "sync: %s; trying again in %s (attempt %d)%n", why, human(wait), attempt + 1);
      err.flush();
    }

    static String human(Duration d) {
      long s = d.toSeconds();
      if (s < 60) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : s + " s";
      }
      if (s < 3600) {
        return (s / 60) + " min " + (s % 60) + " s";
      }
      return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
  }
}
