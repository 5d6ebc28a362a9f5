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
 * @param finishedAt store clock at {@link StudyStore#finishRun}; empty while running
 * @param status whether the run has finished
 * @param counts the counts given to {@link StudyStore#finishRun}; zero while running
 */
public record ImportRun(long id, String command, List<String> sources, Instant startedAt,
    Optional<Instant> finishedAt, Status status, RunCounts counts) {

  /** The life of a run. A run left RUNNING after its process ended was interrupted. */
  public enum Status {
    RUNNING,
    FINISHED
  }

  public ImportRun {
    Objects.requireNonNull(command, "command");
    sources = List.copyOf(sources);
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(counts, "counts");
  }
}
