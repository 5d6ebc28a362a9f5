package org.trialdex.core.eligibility;

import java.util.List;
import java.util.Objects;

/**
 * A criterion with the constraints read from it. A criterion without constraints is free text:
 * evaluated as unknown unless the patient's record settles it.
 *
 * @param criterion the item
 * @param constraints what was read from it, in text order
 * @param appliesTo whom the item is about; others get NOT_APPLICABLE ("women of childbearing potential must...")
 * @param anyOf true when any one constraint settles the item (exclusion lists, "X or Y"); false when all must hold
 */
public record ParsedCriterion(Criterion criterion, List<Constraint> constraints, AppliesTo appliesTo, boolean anyOf) {

  /** Whom a criterion is about. */
  public enum AppliesTo {
    EVERYONE,
    FEMALE,
    MALE,
    /** Women who could become pregnant: not men, not women past menopause or sterilized. */
    FEMALE_OF_CHILDBEARING_POTENTIAL,
    /** Men and women who could conceive or father a child. */
    OF_REPRODUCTIVE_POTENTIAL
  }

  public ParsedCriterion {
    Objects.requireNonNull(criterion, "criterion");
    Objects.requireNonNull(appliesTo, "appliesTo");
    constraints = List.copyOf(constraints);
  }

  /** True when nothing computable was read. */
  public boolean freeText() {
    return constraints.isEmpty();
  }
}
