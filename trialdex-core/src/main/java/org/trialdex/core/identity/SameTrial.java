package org.trialdex.core.identity;

import java.util.Objects;
import org.trialdex.core.source.RecordIds;

/**
 * A decision that the record stored as {@code alias} is the trial {@code nctId}, and why. The store
 * records the reason with the link, so that every link can say where it came from.
 *
 * @param alias the id of the record without an NCT id
 * @param nctId the NCT id of the registry record it is the same trial as
 * @param reason why, in words, as the store keeps it
 */
public record SameTrial(String alias, String nctId, String reason) {

  /** The reason of a link by titles. */
  public static final String IDENTICAL_TITLES = "identical brief and official titles";

  /**
   * @throws NullPointerException when any part is null
   * @throws IllegalArgumentException when {@code nctId} is not an NCT id or {@code alias} is one
   */
  public SameTrial {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(nctId, "nctId");
    Objects.requireNonNull(reason, "reason");
    if (!RecordIds.isNctId(nctId)) {
      throw new IllegalArgumentException("'" + nctId + "' is not an NCT id: records are linked to NCT records");
    }
    if (RecordIds.isNctId(alias)) {
      throw new IllegalArgumentException("'" + alias + "' is an NCT id itself; only a record without one"
          + " can be the same trial as an NCT record");
    }
  }

  /** {@code alias} has the same brief and official titles as {@code nctId}. */
  public static SameTrial byTitles(String alias, String nctId) {
    return new SameTrial(alias, nctId, IDENTICAL_TITLES);
  }

  /** The registry record {@code nctId} lists {@code alias} among its identifiers. */
  public static SameTrial byListedId(String alias, String nctId) {
    return new SameTrial(alias, nctId, "the registry record lists " + alias + " among its identifiers");
  }
}
