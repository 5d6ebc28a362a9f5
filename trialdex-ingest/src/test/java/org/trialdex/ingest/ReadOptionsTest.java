package org.trialdex.ingest;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReadOptionsTest {

  @Test
  void theLimitMessageGivesBothSizes() {
    String m = new ReadOptions(1000).tooLarge(123_456);
    assertTrue(m.contains("123,456") && m.contains("1,000"), m);
  }

  @Test
  void aLimitMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new ReadOptions(0));
  }
}
