package org.trialdex.core.eligibility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {

  @Test
  void cosinesAreScaledOverTheCandidatesKeepingTheirOrder() {
    // Raw cosines of one patient's candidates crowd into a narrow band; scaled, they span [0, 1].
    double[] scaled = Ranking.scaled(new double[] {0.41, 0.47, 0.44, 0.41});
    assertArrayEquals(new double[] {0, 1, 0.5, 0}, scaled, 1e-9);
  }

  @Test
  void missingValuesStayMissingAndTakeNoPart() {
    double[] scaled = Ranking.scaled(new double[] {Double.NaN, 0.2, 0.6});
    assertTrue(Double.isNaN(scaled[0]));
    assertEquals(0, scaled[1], 1e-9);
    assertEquals(1, scaled[2], 1e-9);
    assertTrue(Double.isNaN(Ranking.scaled(new double[] {Double.NaN})[0]));
    assertEquals(0, Ranking.scaled(new double[0]).length);
  }

  @Test
  void equalValuesAllScaleToOne() {
    assertArrayEquals(new double[] {1, 1}, Ranking.scaled(new double[] {0.3, 0.3}), 1e-9);
  }

  @Test
  void withoutANoteTheSemanticWeightGoesToTheConcepts() {
    TrialMatch eligible = new TrialMatch("NCT00000001", TrialMatch.TrialVerdict.ELIGIBLE, 1, List.of(), List.of(), List.of());
    double withoutNote = Ranking.score(Double.NaN, 1, 0, eligible);
    assertEquals(Ranking.CONCEPT + Ranking.SEMANTIC + Ranking.ELIGIBILITY, withoutNote, 1e-9);
    // The closest candidate in meaning with the same concepts outranks the farthest.
    assertTrue(Ranking.score(1, 0.5, 0.5, eligible) > Ranking.score(0, 0.5, 0.5, eligible));
  }
}
