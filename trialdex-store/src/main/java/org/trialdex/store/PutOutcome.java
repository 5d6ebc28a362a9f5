package org.trialdex.store;

import java.util.Objects;

/**
 * What {@link StudyStore#putAll} did with one incoming record.
 *
 * @param nctId the record's NCT id
 * @param kind whether the record was new, changed or the same as the current version
 * @param version the record's current version number after the put (1, 2, 3...)
 */
public record PutOutcome(String nctId, Kind kind, int version) {

  /** The three fates of an incoming record. */
  public enum Kind {
    /** First version of an NCT id the store did not hold. */
    NEW,
    /** Content differs from the current version: a new version was added. */
    UPDATED,
    /** Content equals the current version: nothing was written. */
    UNCHANGED
  }

  public PutOutcome {
    Objects.requireNonNull(nctId, "nctId");
    Objects.requireNonNull(kind, "kind");
    if (version < 1) {
      throw new IllegalArgumentException("version must be 1 or more, was " + version);
    }
  }
}
