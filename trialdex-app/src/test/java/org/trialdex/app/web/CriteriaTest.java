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
    assertEquals(List.of("Age 18 or older", "Signed consent, in writing"), Criteria.texts(c.inclusion()));
    assertEquals(List.of("Pregnancy", "Active infection"), Criteria.texts(c.exclusion()));
    // Criteria are numbered in the splitter's order across sections, as a match numbers them.
    assertEquals(List.of(0, 1, 2, 3), java.util.stream.Stream.concat(c.inclusion().stream(), c.exclusion().stream())
        .map(Criteria.Item::index).toList());
  }

  @Test
  void textWithoutHeadingsIsKeptInOrder() {
    assertEquals(new Criteria(List.of(new Criteria.Item("Adults with lupus", 0), new Criteria.Item("No prior MSC", 1)), List.of(), List.of()),
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
        "Bilirubin no greater than 2.5 mg/mL", "SGOT no greater than 5 times upper limit of normal"), Criteria.texts(c.other()));
    assertEquals(List.of(-1, -1, 0, -1, 1, 2), c.other().stream().map(Criteria.Item::index).toList());
  }
}
