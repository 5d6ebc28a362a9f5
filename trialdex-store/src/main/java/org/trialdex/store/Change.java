package org.trialdex.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One committed change in the store's change log: the record whose current form it changed, and
 * its position. Positions start at 1, have no gaps, and grow in commit order across every process
 * writing the store, so a follower that has applied everything up to P only ever needs the
 * changes after P (see {@link StudyStore#changesAfter}).
 *
 * <p>A change says <em>which</em> record changed, not what it now is: followers read the current
 * record when they apply it, so applying a change twice, or a stale change after a newer one, is
 * harmless.
 */
public sealed interface Change {

  /** The position in the log, 1 for the first change. */
  long position();

  /** The record whose current form changed: an NCT id or another record id. */
  String recordId();

  /** When the change was committed (store clock). */
  Instant recordedAt();

  /**
   * A new version of a record: imported, or from another source and merged with the others.
   *
   * @param version the new version's number
   */
  record NewVersion(long position, String recordId, int version, Instant recordedAt) implements Change {
    public NewVersion {
      check(position, recordId, recordedAt);
      if (version < 1) {
        throw new IllegalArgumentException("versions start at 1, got " + version);
      }
    }
  }

  /**
   * A record stored under {@code alias} was linked into {@code recordId}: the alias no longer
   * names a record of its own, and the target's merge now includes it.
   */
  record Linked(long position, String recordId, String alias, Instant recordedAt) implements Change {
    public Linked {
      check(position, recordId, recordedAt);
      Objects.requireNonNull(alias, "alias");
    }
  }

  private static void check(long position, String recordId, Instant recordedAt) {
    if (position < 1) {
      throw new IllegalArgumentException("log positions start at 1, got " + position);
    }
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }
}
