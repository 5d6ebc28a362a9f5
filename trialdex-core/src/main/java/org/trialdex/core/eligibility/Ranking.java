package org.trialdex.core.eligibility;

/**
 * How a candidate trial's place in a patient's ranking is made from its parts (documented in {@code
 * docs/matching.md}): how close the patient's note is to the trial in meaning (sentence-embedding
 * cosine), how well the patient's conditions answer the trial's (concepts), how well the patient's
 * words answer the trial's text (the search score, normalized over the candidates), and the
 * criterion-level eligibility score. The first weights (concepts 0.45, lexical 0.25, eligibility
 * 0.30) were set before any evaluation; the semantic part was added, once, after the ablation in
 * {@code docs/benchmarks.md} showed it the strongest single signal. Like the lexical score, the
 * cosine is scaled over the candidates ({@link #scaled}) so that its weight means what it says: raw
 * cosines of one patient's candidates spread over a tenth of the range the other parts use. Not
 * fitted further.
 */
public final class Ranking {

  /** Weight of the semantic similarity (cosine of the note and the trial, in [0, 1]). */
  public static final double SEMANTIC = 0.35;
  /** Weight of the concept relevance, in [0, 1]. */
  public static final double CONCEPT = 0.25;
  /** Weight of the lexical retrieval score, normalized to [0, 1] over the candidates. */
  public static final double LEXICAL = 0.10;
  /** Weight of the eligibility score, mapped from [-1, 1] to [0, 1]. */
  public static final double ELIGIBILITY = 0.30;

  private Ranking() {}

  /**
   * The ranking score of one candidate.
   *
   * @param semantic the cosine of the patient's and the trial's embeddings scaled over the
   *     candidates ({@link #scaled}), in [0, 1], or NaN when there is no note to embed (a form or FHIR
   *     patient): its weight then goes to the concepts
   * @param relevance the concept relevance, {@link Evaluator#relevance}
   * @param lexical the retrieval score divided by the best candidate's, in [0, 1]
   * @param match the criterion-level judgement
   */
  public static double score(double semantic, double relevance, double lexical, TrialMatch match) {
    double eligibility = ELIGIBILITY * (match.score() + 1) / 2;
    if (Double.isNaN(semantic)) {
      return (CONCEPT + SEMANTIC) * relevance + LEXICAL * lexical + eligibility;
    }
    return SEMANTIC * Math.max(0, semantic) + CONCEPT * relevance + LEXICAL * lexical + eligibility;
  }

  /**
   * Values scaled over the candidates to [0, 1]: the lowest becomes 0, the highest 1 (all 1 when
   * they are equal). NaN (no value) stays NaN and takes no part.
   */
  public static double[] scaled(double[] values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Double.isNaN(values[i]) ? Double.NaN : hi > lo ? (values[i] - lo) / (hi - lo) : 1;
    }
    return out;
  }
}
