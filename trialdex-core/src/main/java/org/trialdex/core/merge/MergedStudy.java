package org.trialdex.core.merge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.trialdex.core.model.Study;

/**
 * One record made from several sources, with where each unit came from and where sources disagree.
 *
 * @param study the merged record
 * @param origins every merged unit and its source, in the record's member order
 * @param conflicts the units where a lower-ranked source says something else, in the same order
 */
public record MergedStudy(Study study, List<FieldOrigin> origins, List<Conflict> conflicts) {

  /** @throws NullPointerException when any part is null */
  public MergedStudy {
    Objects.requireNonNull(study, "study");
    origins = List.copyOf(origins);
    conflicts = List.copyOf(conflicts);
  }

  /** Where the unit at {@code path} came from, or empty when the merged record has no such unit. */
  public Optional<FieldOrigin> origin(String path) {
    return origins.stream().filter(o -> o.path().equals(path)).findFirst();
  }

  /** The conflict at {@code path}, or empty when the sources agree there. */
  public Optional<Conflict> conflict(String path) {
    return conflicts.stream().filter(c -> c.path().equals(path)).findFirst();
  }
}
