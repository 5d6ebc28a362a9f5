package org.trialdex.search;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trial similar to another one, and why.
 *
 * @param id its record id
 * @param briefTitle its brief title, if it has one
 * @param score how similar (higher is closer); comparable within one answer only
 * @param sharedFeatures what both trials have, in words: {@code condition: Breast Neoplasms},
 *     {@code intervention: Palbociclib}, {@code phase: PHASE3}, {@code cell type: mesenchymal stromal cells}
 */
public record RelatedTrial(String id, Optional<String> briefTitle, double score, List<String> sharedFeatures) {
  public RelatedTrial {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(briefTitle, "briefTitle");
    sharedFeatures = List.copyOf(sharedFeatures);
  }
}
