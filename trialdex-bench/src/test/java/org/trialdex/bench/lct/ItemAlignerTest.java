package org.trialdex.bench.lct;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialdex.core.eligibility.CriteriaSplitter;
import org.trialdex.core.eligibility.Criterion;

/** Item offsets back to document offsets, across the whitespace the splitter joins. */
class ItemAlignerTest {

  @Test
  void aWrappedItemMapsEachWordToWhereItIsInTheDocument() {
    String doc = "Exclusion Criteria:\n  1. Hemoglobin below 9 g/dL or\n     platelets below\n       100,000/mm3\n  2. HIV\n";
    List<Criterion> items = CriteriaSplitter.split(doc);
    Criterion first = items.getFirst();
    assertEquals("Hemoglobin below 9 g/dL or platelets below 100,000/mm3", first.text());
    ItemAligner.Alignment a = ItemAligner.align(doc, first);
    assertEquals(0, a.misses());
    int platelets = first.text().indexOf("platelets");
    int[] span = a.span(platelets, first.text().length());
    assertEquals("platelets below\n       100,000/mm3", doc.substring(span[0], span[1]));
    int[] hb = a.span(0, "Hemoglobin".length());
    assertEquals("Hemoglobin", doc.substring(hb[0], hb[1]));
    ItemAligner.Alignment second = ItemAligner.align(doc, items.get(1));
    assertEquals("HIV", doc.substring(second.span(0, 3)[0], second.span(0, 3)[1]));
  }

  @Test
  void aCharacterNotInTheDocumentIsCountedAndTheWalkResumes() {
    String doc = "  - Age >= 18 years";
    Criterion made = new Criterion(Criterion.Section.INCLUSION, "Age ≥ 18 years", 4, doc.length(), 0, List.of());
    ItemAligner.Alignment a = ItemAligner.align(doc, made);
    assertEquals(1, a.misses());
    int[] years = a.span(made.text().indexOf("years"), made.text().length());
    assertEquals("years", doc.substring(years[0], years[1]));
  }
}
