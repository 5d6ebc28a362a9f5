package org.trialdex.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an import did. {@code read = created + updated + unchanged + failed} for every
 * completed import; an aborted import ({@link #aborted()} present) stopped early and counts only
 * the chunks that were written.
 *
 * @param read records taken from the sources, read or failed
 * @param created records new to the store
 * @param updated records whose content changed: one new version each
 * @param unchanged records identical to their current version: no new version
 * @param failed records, files and archives that could not be imported
 * @param failureSample the first of them, up to {@link Importer#MAX_FAILURES_KEPT}, each with its
 *     file, record and reason ({@link Importer.Listener#failed} is given every one)
 * @param warningCount warnings on imported records
 * @param warnings the first warnings, up to {@link Importer#MAX_WARNINGS_KEPT}
 * @param bytes bytes read from the files on disk
 * @param elapsed wall time
 * @param aborted why the import stopped before the end (the store failed), if it did
 */
public record ImportReport(long read, long created, long updated, long unchanged, long failed,
    List<ReadProblem> failureSample, long warningCount, List<ReadWarning> warnings, long bytes, Duration elapsed,
    Optional<String> aborted) {

  public ImportReport {
    failureSample = List.copyOf(failureSample);
    warnings = List.copyOf(warnings);
    if (failed < failureSample.size()) {
      throw new IllegalArgumentException("failed (" + failed + ") is less than the failures kept (" + failureSample.size() + ")");
    }
  }

  /** Failures counted but not kept in {@link #failureSample()}. */
  public long failuresNotKept() {
    return failed - failureSample.size();
  }

  /** Records per second over the whole import. */
  public double recordsPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : read / s;
  }
}
