package org.trialdex.core.eligibility;

/**
 * How a candidate trial's place in a patient's ranking is made from its parts, fixed once and
 * documented in {@code docs/matching.md}: how well the patient's conditions answer the trial's
 * (concepts), how well the patient's words answer the trial's text (the search score, normalized over
 * the candidates), and the criterion-level eligibility score. The weights were set before any
 * evaluation and are not fitted to a benchmark's topics.
 */
public final class Ranking {

  /** Weight of the concept relevance, in [0, 1]. */
  public static final double CONCEPT = 0.45;
  /** Weight of the lexical (or semantic) retrieval score, normalized to [0, 1] over the candidates. */
  public static final double LEXICAL = 0.25;
  /** Weight of the eligibility score, mapped from [-1, 1] to [0, 1]. */
  public static final double ELIGIBILITY = 0.30;

  private Ranking() {}

  /**
   * The ranking score of one candidate.
   *
   * @param relevance the concept relevance, {@link Evaluator#relevance}
   * @param lexical the retrieval score divided by the best candidate's, in [0, 1]
   * @param match the criterion-level judgement
   */
  public static double score(double relevance, double lexical, TrialMatch match) {
    return CONCEPT * relevance + LEXICAL * lexical + ELIGIBILITY * (match.score() + 1) / 2;
  }
}
