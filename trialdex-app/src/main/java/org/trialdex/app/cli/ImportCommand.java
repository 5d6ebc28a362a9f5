package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.Imports;
import org.trialdex.ingest.ImportReport;
import org.trialdex.ingest.Importer;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadProblem;
import org.trialdex.ingest.ReadWarning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code trialdex import PATH...}: files, folders and archives in any supported format. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Imports trial records from files, folders and archives (.zip, .tar.gz, .gz).",
        "Formats are detected: ClinicalTrials.gov API v2 JSON (study, array, NDJSON, API page),",
        "legacy ClinicalStudy XML, classic field records.",
        "Every changed record becomes a new version; identical records add none."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every record was imported", "1:the store failed (e.g. a full disk); the import stopped"
        + " and its run is recorded as FAILED; or the search index could not follow (the records are stored)",
        "2:usage error", "3:some records, files or archives failed (the first are listed; --failures FILE"
            + " lists all), including a truncated archive or one over a limit; the others were imported"})
final class ImportCommand implements Callable<Integer> {

  @Mixin StoreOptions storeOptions;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders or archives to import.")
  List<Path> paths;

  @Option(names = "--max-record-size", paramLabel = "SIZE", defaultValue = "32M",
      description = "Largest record accepted, e.g. 500K, 32M (default: ${DEFAULT-VALUE}).")
  String maxRecordSize;

  @Option(names = "--failures", paramLabel = "FILE",
      description = "Write every failure to FILE, one a line (file, record: reason); the terminal lists only"
          + " the first " + SHOWN_FAILURES + ".")
  Path failuresFile;

  @Option(names = "--max-archive-entries", paramLabel = "N", defaultValue = "1000000",
      description = "Most entries read from one archive (default: ${DEFAULT-VALUE}).")
  long maxArchiveEntries;

  @Option(names = "--max-expansion", paramLabel = "RATIO", defaultValue = "100",
      description = "How many times its compressed size a zip or gzip archive may expand to before reading it"
          + " stops, as a zip bomb would (default: ${DEFAULT-VALUE}).")
  long maxExpansion;

  @Option(names = "--url", paramLabel = "URL",
      description = "The address the registry pages being imported were saved from: the trial's registry ids in it"
          + " count as the page's own, and it is kept as the page's URL. A saved page's own canonical link counts first.")
  String pageUrl;

  @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
  boolean noProgress;

  @Option(names = "--warnings", description = "List the warnings on imported records (up to "
      + Importer.MAX_WARNINGS_KEPT + ").")
  boolean listWarnings;

  /** Failures listed on the terminal; the report keeps up to {@link Importer#MAX_FAILURES_KEPT}. */
  static final int SHOWN_FAILURES = 20;

  @Override
  public Integer call() {
    if (maxArchiveEntries <= 0 || maxExpansion <= 0) {
      throw new TrialdexCommand.UsageError((maxArchiveEntries <= 0 ? "--max-archive-entries" : "--max-expansion")
          + " must be a positive number, was " + (maxArchiveEntries <= 0 ? maxArchiveEntries : maxExpansion));
    }
    if (pageUrl != null && !pageUrl.matches("(?i)https?://[^\\s]{1,2040}")) {
      throw new TrialdexCommand.UsageError("--url must be an http or https address without blanks, was \"" + pageUrl + "\"");
    }
    ReadOptions options = new ReadOptions(Sizes.parse(maxRecordSize, "--max-record-size"), maxArchiveEntries, maxExpansion, pageUrl);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (FailureFile failures = FailureFile.open(failuresFile);
        Trialdex trialdex = storeOptions.open()) {
      // Index while importing, on the other core, when this process may write the index.
      boolean indexed = startIndexing(trialdex, err);
      ProgressBar bar = ProgressBar.forTerminal(err, !noProgress);
      Importer.Listener listener = new Importer.Listener() {
        @Override
        public void progress(Importer.Progress progress) {
          bar.update(progress);
        }

        @Override
        public void failed(ReadProblem problem) {
          failures.write(problem);
        }
      };
      Imports.Finished run = trialdex.imports().run(
          "import " + String.join(" ", paths.stream().map(Path::toString).toList()), paths, options, listener);
      bar.finish();
      ImportReport report = run.report();
      print(out, run.runId(), report);
      failures.finish(err);
      indexed = finishIndexing(trialdex, report.created() + report.updated(), out, err) && indexed;
      if (report.aborted().isPresent()) {
        err.println("trialdex: import stopped: " + report.aborted().get());
        err.println("trialdex: import run " + run.runId() + " is recorded as FAILED"
            + run.recordFailure().map(e -> "; recording that failed too (" + e + "), so the next start marks it"
                + " INTERRUPTED").orElse("") + "; the chunks stored before the failure stay stored");
        return TrialdexCommand.FAILED;
      }
      if (!indexed) {
        return TrialdexCommand.FAILED;
      }
      return report.failed() == 0 ? TrialdexCommand.OK : TrialdexCommand.SOME_FAILED;
    }
  }

  /**
   * Starts following the store into the index; false (said on {@code err}) when the index failed.
   * The import goes on: the store is what matters, and the index follows the store later.
   */
  static boolean startIndexing(Trialdex trialdex, PrintWriter err) {
    try {
      trialdex.indexing().catchUpThenFollow();
      return true;
    } catch (RuntimeException e) {
      err.println("trialdex: the search index cannot follow this import (" + e.getMessage()
          + "); the records are stored and the index catches up the next time trialdex searches or serves");
      return false;
    }
  }

  /** Lets the index catch up with the import ({@code changed} records new or updated); false (said on {@code err}) when the index failed. */
  static boolean finishIndexing(Trialdex trialdex, long changed, PrintWriter out, PrintWriter err) {
    try {
      if (trialdex.indexing().finishFollowing()) {
        out.printf(Locale.ROOT, "  indexed    %,10d%n", trialdex.indexing().indexedFromLog());
      } else if (changed > 0) {
        out.println("  indexed    by the trialdex process that holds the search index (a server?): it follows the"
            + " store and makes these records searchable within seconds");
      }
      return true;
    } catch (RuntimeException e) {
      err.println("trialdex: the records are imported, but the search index did not catch up: " + e.getMessage()
          + "; it catches up the next time trialdex searches or serves");
      return false;
    }
  }

  private void print(PrintWriter out, long runId, ImportReport r) {
    out.printf(Locale.ROOT, "Import run %d: %,d records in %.1f s (%,.0f records/s)%n", runId, r.read(),
        r.elapsed().toMillis() / 1000.0, r.recordsPerSecond());
    out.printf(Locale.ROOT, "  read       %,10d%n", r.read());
    out.printf(Locale.ROOT, "  new        %,10d%n", r.created());
    out.printf(Locale.ROOT, "  updated    %,10d%n", r.updated());
    out.printf(Locale.ROOT, "  unchanged  %,10d%n", r.unchanged());
    out.printf(Locale.ROOT, "  failed     %,10d%n", r.failed());
    if (r.warningCount() > 0) {
      out.printf(Locale.ROOT, "  warnings   %,10d%s%n", r.warningCount(), listWarnings ? "" : "  (--warnings lists them)");
    }
    if (r.failed() > 0) {
      out.println();
      out.println("Failures (file, record: reason):");
      List<ReadProblem> shown = r.failureSample().subList(0, Math.min(SHOWN_FAILURES, r.failureSample().size()));
      for (ReadProblem p : shown) {
        out.println("  " + p);
      }
      if (r.failed() > shown.size()) {
        out.printf(Locale.ROOT, "  ... and %,d more%s%n", r.failed() - shown.size(),
            failuresFile == null ? " (--failures FILE lists them all)" : " (all are in " + failuresFile + ")");
      }
    }
    if (listWarnings && !r.warnings().isEmpty()) {
      out.println();
      out.println("Warnings (file, record, field: message):");
      for (ReadWarning w : r.warnings()) {
        out.println("  " + w);
      }
      if (r.warningCount() > r.warnings().size()) {
        out.printf(Locale.ROOT, "  ... and %,d more%n", r.warningCount() - r.warnings().size());
      }
    }
  }
}
