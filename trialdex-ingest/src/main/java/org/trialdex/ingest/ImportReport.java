package org.trialdex.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an import did. {@code read = created + updated + unchanged + failures.size()} for every
 * completed import; an aborted import ({@link #aborted()} present) stopped early and counts only
 * the chunks that were written.
 *
 * @param read records taken from the sources, read or failed
 * @param created records new to the store
 * @param updated records whose content changed: one new version each
 * @param unchanged records identical to their current version: no new version
 * @param failures every record, file or archive that could not be imported, with the reason
 * @param warningCount warnings on imported records
 * @param warnings the first warnings, up to {@link Importer#MAX_WARNINGS_KEPT}
 * @param bytes bytes read from the files on disk
 * @param elapsed wall time
 * @param aborted why the import stopped before the end (the store failed), if it did
 */
public record ImportReport(long read, long created, long updated, long unchanged, List<ReadProblem> failures,
    long warningCount, List<ReadWarning> warnings, long bytes, Duration elapsed, Optional<String> aborted) {

  public ImportReport {
    failures = List.copyOf(failures);
    warnings = List.copyOf(warnings);
  }

  public long failed() {
    return failures.size();
  }

  /** Records per second over the whole import. */
  public double recordsPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : read / s;
  }
}
