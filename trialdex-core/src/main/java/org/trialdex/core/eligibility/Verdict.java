package org.trialdex.core.eligibility;

/** What a patient's facts say of one criterion (or one constraint): its statement holds, does not, or cannot be told. */
public enum Verdict {
  /** The criterion's statement holds for the patient (for an exclusion: the exclusion applies). */
  MET,
  /** The statement does not hold. */
  NOT_MET,
  /** The patient's facts do not settle it. */
  UNKNOWN,
  /** The criterion is about someone else ("women of childbearing potential must..." for a man). */
  NOT_APPLICABLE;

  /** The verdict of the negated statement. */
  public Verdict negate() {
    return switch (this) {
      case MET -> NOT_MET;
      case NOT_MET -> MET;
      default -> this;
    };
  }
}
