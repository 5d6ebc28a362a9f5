package org.trialdex.search;

import java.util.List;
import java.util.Objects;
import org.trialdex.core.model.Study;

/**
 * A trial similar to another one, and why.
 *
 * @param id its record id
 * @param study the study
 * @param score how similar (higher is closer); comparable within one answer only
 * @param sharedFeatures what both trials have, in words: {@code condition: Breast Neoplasms},
 *     {@code intervention: Palbociclib}, {@code phase: PHASE3}, {@code cell type: mesenchymal stromal cells}
 */
public record RelatedTrial(String id, Study study, double score, List<String> sharedFeatures) {
  public RelatedTrial {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(study, "study");
    sharedFeatures = List.copyOf(sharedFeatures);
  }
}
