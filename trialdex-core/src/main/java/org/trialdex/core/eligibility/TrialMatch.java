package org.trialdex.core.eligibility;

import java.util.List;
import java.util.Objects;

/**
 * One trial judged for one patient: the verdict, a score for ranking, and every criterion's verdict.
 *
 * @param nctId the trial
 * @param verdict eligible, ineligible or possibly eligible
 * @param score higher is a better match (eligibility and relevance together), for ranking
 * @param criteria every criterion's verdict, in the record's order (the record's sex and age limits first)
 * @param deciding the criteria that rule the patient out (empty unless ineligible)
 * @param unknowns the criteria still open, those that matter most first
 */
public record TrialMatch(String nctId, TrialVerdict verdict, double score, List<CriterionVerdict> criteria,
    List<CriterionVerdict> deciding, List<CriterionVerdict> unknowns) {

  /** A trial's verdict for a patient. */
  public enum TrialVerdict {
    /** Every criterion met or not applicable, no exclusion applies. */
    ELIGIBLE,
    /** Nothing rules the patient out, but some criteria are unknown. */
    POSSIBLY_ELIGIBLE,
    /** At least one criterion rules the patient out. */
    INELIGIBLE
  }

  public TrialMatch {
    Objects.requireNonNull(nctId, "nctId");
    Objects.requireNonNull(verdict, "verdict");
    criteria = List.copyOf(criteria);
    deciding = List.copyOf(deciding);
    unknowns = List.copyOf(unknowns);
  }
}
