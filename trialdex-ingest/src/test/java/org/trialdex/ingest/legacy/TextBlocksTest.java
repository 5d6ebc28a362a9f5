package org.trialdex.ingest.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextBlocksTest {

  @Test
  void wrappedParagraphsJoinAndBulletsBecomeMarkdownOnConsecutiveLines() {
    String legacy = """

            Inclusion Criteria:

              -  Pre- and postmenopausal women or men with Stage II (Stage IIA limited to max. 1000
                 patients) or Stage III early invasive breast cancer

              -  ECOG performance status 0-1.

            -Patients must either be initiating or have already started adjuvant hormonal treatment. -
          """;
    assertEquals("Inclusion Criteria:\n\n* Pre- and postmenopausal women or men with Stage II (Stage IIA limited "
        + "to max. 1000 patients) or Stage III early invasive breast cancer\n* ECOG performance status 0-1.\n\n"
        + "-Patients must either be initiating or have already started adjuvant hormonal treatment. -",
        TextBlocks.normalize(legacy));
  }

  @Test
  void nestedBulletsIndentTwoSpacesPerLevelAndCarriageReturnsGo() {
    String legacy = "\r\n          -  Measurable disease\r\n\r\n               -  At least 20 mm\r\n\r\n"
        + "                    -  Bone disease\r\n\r\n          1. First\r\n";
    assertEquals("* Measurable disease\n  * At least 20 mm\n    * Bone disease\n1. First", TextBlocks.normalize(legacy));
  }

  @Test
  void blankTextIsNoText() {
    assertEquals(null, TextBlocks.normalize("  \n   \n"));
  }
}
