package org.trialdex.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the sync from one upstream registry stands, as the store keeps it between runs.
 *
 * <p>Records come from the upstream oldest update first, so a pass that has stored every record up
 * to one whose {@code LastUpdatePostDate} is D has stored every record updated before D: a pass
 * that stops resumes from D and loses nothing, and asking again for records of day D stores no
 * duplicate, since a record identical to its current version adds none.
 *
 * @param upstream the upstream's API base URL, as {@code https://clinicaltrials.gov/api/v2}
 * @param highWater the newest update date of the last pass that ran to its end; the next pass asks
 *     for records updated on or after it. Empty before the first full pass ended
 * @param resumeFrom while a pass runs (or after it stopped): the date before which every record of
 *     the pass is stored. Empty when no pass is under way
 * @param passStarted when the pass under way began
 * @param lastFinished when the last pass ran to its end
 */
public record SyncMark(String upstream, Optional<LocalDate> highWater, Optional<LocalDate> resumeFrom,
    Optional<Instant> passStarted, Optional<Instant> lastFinished) {

  public SyncMark {
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(highWater, "highWater");
    Objects.requireNonNull(resumeFrom, "resumeFrom");
    Objects.requireNonNull(passStarted, "passStarted");
    Objects.requireNonNull(lastFinished, "lastFinished");
  }

  /** An upstream never synced. */
  public static SyncMark none(String upstream) {
    return new SyncMark(upstream, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The date the next request of a pass starts from: the resume point, else the high-water mark. */
  public Optional<LocalDate> startFrom() {
    return resumeFrom.isPresent() ? resumeFrom : highWater;
  }
}
