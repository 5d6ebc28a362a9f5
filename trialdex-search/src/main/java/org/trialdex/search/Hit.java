package org.trialdex.search;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;

/**
 * One study found.
 *
 * @param id the record id it was indexed under (NCT id, or another record id)
 * @param score its relevance score ({@code NaN} when the search was sorted by fields only)
 * @param study the study as indexed
 * @param nearest the site nearest to the geo filter's point, when the request had a geo filter
 * @param derived the paths of the fields trialdex derived for the record ({@code hasResults}...)
 * @param json the study as the index stores it, the bytes {@code study} was read from: compact v2
 *     JSON in UTF-8, derived fields included, for answers that send the study as it is without
 *     writing it anew (compared by content; not to be changed)
 */
public record Hit(String id, float score, Study study, Optional<NearestSite> nearest, List<String> derived,
    byte[] json) {
  public Hit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(study, "study");
    Objects.requireNonNull(nearest, "nearest");
    Objects.requireNonNull(json, "json");
    derived = List.copyOf(derived);
  }

  /** A hit whose JSON is {@code study} written as compact v2 JSON. */
  public Hit(String id, float score, Study study, Optional<NearestSite> nearest, List<String> derived) {
    this(id, score, study, nearest, derived, StudyJson.standard().writeBytes(study));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hit h && id.equals(h.id) && Float.compare(score, h.score) == 0 && study.equals(h.study)
        && nearest.equals(h.nearest) && derived.equals(h.derived) && Arrays.equals(json, h.json);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, score, study, nearest, derived, Arrays.hashCode(json));
  }

  /** The distance from the geo filter's point to the nearest site, when the request had a geo filter. */
  public OptionalDouble distanceMeters() {
    return nearest.map(n -> OptionalDouble.of(n.distanceMeters())).orElse(OptionalDouble.empty());
  }
}
