package org.trialdex.core.celltherapy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DoseTextTest {

  private static Dose dose(Dose.Basis basis, double min, double max, String unit, Boolean perInfusion, boolean upTo,
      String written) {
    return new Dose(basis, min, max, unit, perInfusion, upTo, null, new Evidence("f", 0, written.length(), written));
  }

  @Test
  void numbersAreAPowerOfTenWithUpToThreeSignificantDigits() {
    assertEquals("1 × 10⁶", DoseText.number(1e6));
    assertEquals("2.5 × 10⁷", DoseText.number(2.5e7));
    assertEquals("1.5 × 10⁸", DoseText.number(1.5e8));
    assertEquals("1.2 × 10¹²", DoseText.number(1.2e12));
    // 123,456,789 keeps three digits: 1.23 × 10^8.
    assertEquals("1.23 × 10⁸", DoseText.number(123_456_789));
    // 999,600 rounds to 1.00 × 10^6, so the exponent moves up.
    assertEquals("1 × 10⁶", DoseText.number(999_600));
  }

  @Test
  void smallNumbersAreWrittenOut() {
    assertEquals("500", DoseText.number(500));
    assertEquals("2.5", DoseText.number(2.5));
    assertEquals("9990", DoseText.number(9990));
  }

  @Test
  void notAnAmountIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> DoseText.number(0));
    assertThrows(IllegalArgumentException.class, () -> DoseText.number(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> DoseText.number(Double.POSITIVE_INFINITY));
  }

  @Test
  void rangesShareTheirPowerOfTenOrGiveBothEnds() {
    assertEquals("1–3 × 10⁸", DoseText.amount(1e8, 3e8, "1-3x10^8"));
    assertEquals("5 × 10⁵ – 2 × 10⁶", DoseText.amount(5e5, 2e6, "0.5-2 x 10^6"));
    assertEquals("50–100", DoseText.amount(50, 100, "50-100 ug"));
  }

  @Test
  void millionsStayInWordsWhenTheRecordWroteWords() {
    assertEquals("100–300 million", DoseText.amount(1e8, 3e8, "100-300 million"));
    assertEquals("1.5 million", DoseText.amount(1.5e6, 1.5e6, "1.5 Million"));
    assertEquals("2 billion", DoseText.amount(2e9, 2e9, "2 billion"));
    // Without the word, the same range is a power of ten.
    assertEquals("1–3 × 10⁸", DoseText.amount(1e8, 3e8, "1-3×10^8"));
  }

  @Test
  void aDoseSaysItsBasisUnitUpToAndPerInfusion() {
    assertEquals("1 × 10⁶ cells/kg", DoseText.of(dose(Dose.Basis.PER_KG, 1e6, 1e6, Dose.CELLS, null, false, "1×10^6")));
    assertEquals("100–300 million cells",
        DoseText.of(dose(Dose.Basis.TOTAL, 1e8, 3e8, Dose.CELLS, null, false, "100-300 million")));
    assertEquals("up to 2.5 × 10⁷ cells/kg per infusion",
        DoseText.of(dose(Dose.Basis.PER_KG, 2.5e7, 2.5e7, Dose.CELLS, true, true, "up to 2.5x10^7")));
    assertEquals("1.2 × 10¹² particles in total",
        DoseText.of(dose(Dose.Basis.TOTAL, 1.2e12, 1.2e12, Dose.PARTICLES, false, false, "1.2×10^12")));
    assertEquals("100 µg", DoseText.of(dose(Dose.Basis.TOTAL, 100, 100, Dose.MICROGRAMS, null, false, "100 ug")));
  }
}
