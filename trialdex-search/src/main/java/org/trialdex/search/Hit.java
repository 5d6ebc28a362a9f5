package org.trialdex.search;

import java.util.Objects;
import java.util.OptionalDouble;
import org.trialdex.core.model.Study;

/**
 * One study found.
 *
 * @param id the record id it was indexed under (NCT id, or another record id)
 * @param score its relevance score ({@code NaN} when the search was sorted by fields only)
 * @param study the study as indexed
 * @param distanceMeters the distance from the geo filter's point to the nearest site, when the
 *     request had a geo filter
 */
public record Hit(String id, float score, Study study, OptionalDouble distanceMeters) {
  public Hit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(study, "study");
    Objects.requireNonNull(distanceMeters, "distanceMeters");
  }
}
