package org.trialdex.core.celltherapy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CellNumbersTest {

  @Test
  void everyAcceptedFormReadsExactly() {
    assertEquals(new BigDecimal("1000000"), CellNumbers.parse("1000000").orElseThrow());
    assertEquals(0, new BigDecimal("1500000").compareTo(CellNumbers.parse("1.5e6").orElseThrow()));
    assertEquals(0, new BigDecimal("1000000").compareTo(CellNumbers.parse(" 1E6 ").orElseThrow()));
    assertEquals(0, new BigDecimal("1500000").compareTo(CellNumbers.parse("1.5 × 10^6").orElseThrow()));
    assertEquals(0, new BigDecimal("2000000").compareTo(CellNumbers.parse("2*10^6").orElseThrow()));
    assertEquals(0, new BigDecimal("1000000").compareTo(CellNumbers.parse("10^6").orElseThrow()));
  }

  @Test
  void otherTextIsNotANumberAndHugePowersReadAsBeyondAnyDouble() {
    for (String bad : new String[] {"", "abc", "-5", "1e", "1,000", "NaN", "1e6)", "AREA[Phase]x"}) {
      assertEquals(Optional.empty(), CellNumbers.parse(bad), bad);
    }
    assertTrue(Double.isInfinite(CellNumbers.parse("1e400").orElseThrow().doubleValue()));
    assertTrue(Double.isInfinite(CellNumbers.parse("1x10^999999").orElseThrow().doubleValue()));
    assertEquals(0.0, CellNumbers.parse("10^-999999").orElseThrow().doubleValue());
  }
}
