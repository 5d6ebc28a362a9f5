package org.trialdex.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One import: the command that ran, its sources, when it ran and what it did. Every stored version
 * names the run that wrote it.
 *
 * @param id the run id, increasing with each {@link StudyStore#beginRun}
 * @param command the command as the user gave it, e.g. {@code import ctg-studies.json.zip}
 * @param sources the files or URLs the run read
 * @param startedAt store clock at {@link StudyStore#beginRun}
 * @param finishedAt store clock when the run finished, failed or was found interrupted; empty while
 *     running
 * @param status how the run stands
 * @param counts the counts given to {@link StudyStore#finishRun} or {@link StudyStore#failRun}; while
 *     running (and for an interrupted run) the counts of the chunks stored so far
 * @param reason why a run FAILED or was INTERRUPTED; empty otherwise
 * @param owner the process that runs or ran it; empty for runs recorded before owners were
 */
public record ImportRun(long id, String command, List<String> sources, Instant startedAt,
    Optional<Instant> finishedAt, Status status, RunCounts counts, Optional<String> reason,
    Optional<RunOwner> owner) {

  /** The life of a run. */
  public enum Status {
    /** Its process is running it (or has not been found gone yet). */
    RUNNING,
    /** It ran to its end; some records may have failed (see the counts). */
    FINISHED,
    /** It stopped on an error, such as a full disk, named in the reason. */
    FAILED,
    /**
     * Its process ended without finishing it (killed, crashed, power lost): found so by the next
     * process that opened the store, by the rules of {@link RunOwner}.
     */
    INTERRUPTED
  }

  public ImportRun {
    Objects.requireNonNull(command, "command");
    sources = List.copyOf(sources);
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(owner, "owner");
  }
}
