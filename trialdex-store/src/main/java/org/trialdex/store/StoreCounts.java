package org.trialdex.store;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the store holds. The three maps count current records by their v2 enum names, sorted by
 * key; {@value #NONE} counts records where the field is absent (or, for phases, empty).
 *
 * @param studies records (distinct NCT ids)
 * @param versions versions of all records
 * @param byStatus current records by {@code statusModule.overallStatus}
 * @param byPhase current records by {@code designModule.phases}: a study in PHASE1 and PHASE2
 *     counts once under each
 * @param byStudyType current records by {@code designModule.studyType}
 */
public record StoreCounts(long studies, long versions, Map<String, Long> byStatus,
    Map<String, Long> byPhase, Map<String, Long> byStudyType) {

  /** The key for an absent field. */
  public static final String NONE = "NONE";

  public StoreCounts {
    byStatus = sorted(byStatus);
    byPhase = sorted(byPhase);
    byStudyType = sorted(byStudyType);
  }

  private static Map<String, Long> sorted(Map<String, Long> map) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }
}
