package org.trialdex.store;

import java.util.List;

/**
 * The tally of an import run.
 *
 * @param read records read from the sources
 * @param created records stored as a first version ({@link PutOutcome.Kind#NEW})
 * @param updated records stored as a new version ({@link PutOutcome.Kind#UPDATED})
 * @param unchanged records equal to their current version ({@link PutOutcome.Kind#UNCHANGED})
 * @param failed records that could not be read or were rejected before the store
 */
public record RunCounts(long read, long created, long updated, long unchanged, long failed) {

  private static final RunCounts ZERO = new RunCounts(0, 0, 0, 0, 0);

  public RunCounts {
    if (read < 0 || created < 0 || updated < 0 || unchanged < 0 || failed < 0) {
      throw new IllegalArgumentException("counts cannot be negative: read=" + read + " created="
          + created + " updated=" + updated + " unchanged=" + unchanged + " failed=" + failed);
    }
  }

  /** All zero: the counts of a run that has not finished. */
  public static RunCounts zero() {
    return ZERO;
  }

  /** These counts plus the outcomes of one {@link StudyStore#putAll} (each outcome also counts as read). */
  public RunCounts plus(List<PutOutcome> outcomes) {
    long n = 0;
    long u = 0;
    long s = 0;
    for (PutOutcome o : outcomes) {
      switch (o.kind()) {
        case NEW -> n++;
        case UPDATED -> u++;
        case UNCHANGED -> s++;
      }
    }
    return new RunCounts(read + outcomes.size(), created + n, updated + u, unchanged + s, failed);
  }

  /** These counts plus records that failed before reaching the store (each also counts as read). */
  public RunCounts plusFailed(long count) {
    return new RunCounts(read + count, created, updated, unchanged, failed + count);
  }
}
