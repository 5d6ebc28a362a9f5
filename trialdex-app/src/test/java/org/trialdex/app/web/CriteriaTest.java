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

  @Test
  void aLeadInTheSplitterTookForAHeadingStaysAndHoldsTheItemsIndentedUnderIt() {
    // Seed 000's inclusion criteria as its page lists them (issue #15).
    Criteria c = Criteria.parse("""
        Inclusion Criteria:

        * Informed consent.
        * Patients are required to meet the following inclusion criteria:
          * Any patient with acute GVHD.
          * Patients with genetic defects are not eligible.

        Exclusion Criteria:

        * Pregnancy.
        """);
    assertEquals(List.of("Informed consent.", "Patients are required to meet the following inclusion criteria:",
        "Any patient with acute GVHD.", "Patients with genetic defects are not eligible."), Criteria.texts(c.inclusion()));
    // The lead-in is not a criterion: the criteria keep the splitter's numbers.
    assertEquals(List.of(0, -1, 1, 2), c.inclusion().stream().map(Criteria.Item::index).toList());
    List<Criteria.Node> tree = Criteria.nest(c.inclusion());
    assertEquals(2, tree.size());
    assertEquals(List.of("Any patient with acute GVHD.", "Patients with genetic defects are not eligible."),
        tree.get(1).children().stream().map(n -> n.item().text()).toList());
    assertEquals(List.of("Pregnancy."), Criteria.texts(c.exclusion()));
  }

  @Test
  void contextLeadInsNestTheirItems() {
    Criteria c = Criteria.parse("""
        PATIENT CHARACTERISTICS:

        Age:

          -  18 and over
        """);
    List<Criteria.Node> tree = Criteria.nest(c.other());
    assertEquals(1, tree.size());
    assertEquals("PATIENT CHARACTERISTICS:", tree.get(0).item().text());
    assertEquals("Age:", tree.get(0).children().get(0).item().text());
    assertEquals("18 and over", tree.get(0).children().get(0).children().get(0).item().text());
  }

  @Test
  void nestingNeverLosesAnItem() {
    java.util.Random random = new java.util.Random(15);
    for (int round = 0; round < 200; round++) {
      List<Criteria.Item> items = new java.util.ArrayList<>();
      for (int i = 0; i < 12; i++) {
        items.add(new Criteria.Item("item " + i, random.nextBoolean() ? -1 : i, random.nextInt(4)));
      }
      List<String> flat = new java.util.ArrayList<>();
      flatten(Criteria.nest(items), flat);
      assertEquals(Criteria.texts(items), flat);
    }
  }

  private static void flatten(List<Criteria.Node> nodes, List<String> out) {
    for (Criteria.Node n : nodes) {
      out.add(n.item().text());
      flatten(n.children(), out);
    }
  }
}
