package org.trialdex.core.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Conversions against values worked out by hand from the units' definitions. */
class UnitsTest {

  @Test
  void multiplicativeUnits() {
    assertEquals(1000, Units.convert(1, "10*9/L", "/uL", Double.NaN).orElseThrow(), 1e-9);
    assertEquals(1.5, Units.convert(1500, "/uL", "10*9/L", Double.NaN).orElseThrow(), 1e-12);
    assertEquals(10, Units.convert(1, "g/dL", "g/L", Double.NaN).orElseThrow(), 1e-12);
    assertEquals(60, Units.convert(1, "mL/s", "mL/min", Double.NaN).orElseThrow(), 1e-9);
  }

  @Test
  void massAndAmountThroughTheMolarMass() {
    // Creatinine, 113.12 g/mol: 1 mg/dL = 10 mg/L = 10/113.12 mmol/L = 88.40 µmol/L.
    assertEquals(88.40, Units.convert(1, "mg/dL", "umol/L", 113.12).orElseThrow(), 0.005);
    assertEquals(1.0, Units.convert(88.40, "umol/L", "mg/dL", 113.12).orElseThrow(), 0.0001);
    // Without a molar mass, mass and amount do not convert.
    assertTrue(Units.convert(1, "mg/dL", "umol/L", Double.NaN).isEmpty());
  }

  @Test
  void specialUnitsAreNotConvertedRatherThanConvertedWrongly() {
    // org.fhir.ucum does not convert UCUM's special units (Celsius is not a multiple of kelvin or
    // Fahrenheit): no answer, never a scaled one.
    assertTrue(Units.convert(37, "Cel", "[degF]", Double.NaN).isEmpty());
    assertTrue(Units.convert(37, "Cel", "K", Double.NaN).isEmpty());
  }

  @Test
  void theSameAnswerEveryTimeAndNoneForUnitsThatDoNotConvert() {
    for (int i = 0; i < 3; i++) {
      assertEquals(176.8, Units.convert(2, "mg/dL", "umol/L", 113.12).orElseThrow(), 0.01);
      assertTrue(Units.convert(1, "mg/dL", "mm[Hg]", Double.NaN).isEmpty());
      assertTrue(Units.convert(1, "not a unit", "mg/dL", Double.NaN).isEmpty());
    }
  }
}
