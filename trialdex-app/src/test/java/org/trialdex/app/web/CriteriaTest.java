package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CriteriaTest {

  @Test
  void headingsSplitTheBulletsIntoInclusionAndExclusion() {
    Criteria c = Criteria.parse("""
        Inclusion Criteria:

          * Age 18 or older
          * Signed consent,
            in writing

        Exclusion Criteria:

          1. Pregnancy
          2. Active infection
        """);
    assertEquals(List.of(), c.other());
    assertEquals(List.of("Age 18 or older", "Signed consent, in writing"), c.inclusion());
    assertEquals(List.of("Pregnancy", "Active infection"), c.exclusion());
  }

  @Test
  void textWithoutHeadingsIsKeptInOrder() {
    assertEquals(new Criteria(List.of("Adults with lupus", "No prior MSC"), List.of(), List.of()),
        Criteria.parse("Adults with lupus\n- No prior MSC"));
  }

  @Test
  void leadInsAreShownOnceBeforeTheirItems() {
    Criteria c = Criteria.parse("""
        PATIENT CHARACTERISTICS:

        Age:

          -  18 and over

        Hepatic:

          -  Bilirubin no greater than 2.5 mg/mL
          -  SGOT no greater than 5 times upper limit of normal
        """);
    assertEquals(List.of("PATIENT CHARACTERISTICS:", "Age:", "18 and over", "Hepatic:",
        "Bilirubin no greater than 2.5 mg/mL", "SGOT no greater than 5 times upper limit of normal"), c.other());
  }
}
