package org.trialdex.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An id that now names another record: a registry page first stored under another registry id or
 * a content id, linked to the NCT record it describes. Its versions became versions of the NCT
 * record, and the alias still finds it.
 *
 * @param alias the id the record was stored under
 * @param nctId the record it is linked to
 * @param reason why: which id or titles link them, or who linked them by hand
 * @param linkedAt when (store clock)
 */
public record Link(String alias, String nctId, String reason, Instant linkedAt) {
  public Link {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(nctId, "nctId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(linkedAt, "linkedAt");
  }
}
