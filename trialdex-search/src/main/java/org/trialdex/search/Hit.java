package org.trialdex.search;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trialdex.core.model.Study;

/**
 * One study found.
 *
 * @param id the record id it was indexed under (NCT id, or another record id)
 * @param score its relevance score ({@code NaN} when the search was sorted by fields only)
 * @param study the study as indexed
 * @param nearest the site nearest to the geo filter's point, when the request had a geo filter
 * @param derived the paths of the fields trialdex derived for the record ({@code hasResults}...)
 */
public record Hit(String id, float score, Study study, Optional<NearestSite> nearest, List<String> derived) {
  public Hit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(study, "study");
    Objects.requireNonNull(nearest, "nearest");
    derived = List.copyOf(derived);
  }

  /** The distance from the geo filter's point to the nearest site, when the request had a geo filter. */
  public OptionalDouble distanceMeters() {
    return nearest.map(n -> OptionalDouble.of(n.distanceMeters())).orElse(OptionalDouble.empty());
  }
}
