package org.trialdex.core.celltherapy;

import java.util.List;

/**
 * How often the product is given: the number of administrations when the record states it, and
 * the phrases that give the timing ("weekly for 4 weeks", "a second course after 14 days if no
 * response").
 *
 * @param administrations number of administrations per patient, or null when not stated or when
 *     arms differ
 * @param phrases the schedule as the record words it, each with its evidence
 */
public record Schedule(Integer administrations, List<Fact<String>> phrases) {

  /** Nothing stated. */
  public static final Schedule UNKNOWN = new Schedule(null, List.of());

  public Schedule {
    phrases = List.copyOf(phrases);
    if (administrations != null && administrations < 1) {
      throw new IllegalArgumentException("administrations " + administrations);
    }
  }

  /** True when the record says nothing about the schedule. */
  public boolean isUnknown() {
    return administrations == null && phrases.isEmpty();
  }
}
