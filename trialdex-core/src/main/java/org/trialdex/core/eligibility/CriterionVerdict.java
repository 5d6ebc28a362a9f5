package org.trialdex.core.eligibility;

import java.util.List;
import java.util.Objects;

/**
 * The verdict on one criterion, with the reasons: one {@link Check} per constraint read from it.
 *
 * @param criterion the criterion as parsed
 * @param verdict the verdict on the criterion's statement
 * @param checks each constraint's verdict, the patient fact behind it and the words that explain it
 * @param weight how much the criterion matters when it is unknown (a diagnosis more than a lab)
 */
public record CriterionVerdict(ParsedCriterion criterion, Verdict verdict, List<Check> checks, double weight) {

  /**
   * One constraint judged.
   *
   * @param constraint the constraint
   * @param verdict its verdict
   * @param evidence the patient fact used ("note: creatinine 1.1 mg/dL"), or "" when none
   * @param explanation the judgement in plain words ("creatinine 1.1 mg/dL is within ≤ 1.5 mg/dL")
   * @param assumed true when met by assumption (consent, compliance), not by a fact
   */
  public record Check(Constraint constraint, Verdict verdict, String evidence, String explanation, boolean assumed) {
    public Check {
      Objects.requireNonNull(verdict, "verdict");
      evidence = evidence == null ? "" : evidence;
      explanation = explanation == null ? "" : explanation;
    }
  }

  public CriterionVerdict {
    Objects.requireNonNull(criterion, "criterion");
    Objects.requireNonNull(verdict, "verdict");
    checks = List.copyOf(checks);
  }

  /** The criterion's section. */
  public Criterion.Section section() {
    return criterion.criterion().section();
  }

  /** True when this criterion, as judged, rules the patient out. */
  public boolean excludes() {
    return switch (section()) {
      case INCLUSION -> verdict == Verdict.NOT_MET;
      case EXCLUSION -> verdict == Verdict.MET && checks.stream().noneMatch(Check::assumed);
      case UNSPECIFIED -> verdict == Verdict.NOT_MET;
    };
  }

  /** True when this criterion, as judged, lets the patient in. */
  public boolean admits() {
    return switch (section()) {
      case INCLUSION, UNSPECIFIED -> verdict == Verdict.MET || verdict == Verdict.NOT_APPLICABLE;
      case EXCLUSION -> verdict == Verdict.NOT_MET || verdict == Verdict.NOT_APPLICABLE;
    };
  }

  /** A one-line summary of the reasons. */
  public String explanation() {
    if (checks.isEmpty()) {
      return verdict == Verdict.NOT_APPLICABLE ? "does not apply to this patient" : "not read as a computable criterion; the patient's record does not settle it";
    }
    return String.join("; ", checks.stream().map(Check::explanation).filter(s -> !s.isEmpty()).toList());
  }
}
