package org.trialdex.core.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.source.Provenance;

/**
 * Values a page reading placed on weak evidence (provenance attribute {@code lowConfidence}) are never
 * merged over a registry record, and rank after values read by their labels among pages.
 */
class WeakReadingsMergeTest {

  private static final StudyMerger MERGER = new StudyMerger();
  private static final String PHASES = "protocolSection.designModule.phases";
  private static final String TITLE = "protocolSection.identificationModule.briefTitle";
  private static final String MAX_AGE = Sources.ELIGIBILITY + "maximumAge";

  private static Provenance page(String file, String lowConfidence) {
    return new Provenance("registry-page", file, "page 1", Map.of(Provenance.LAYOUT, "generic",
        Provenance.CONFIDENCE, "medium", Provenance.LOW_CONFIDENCE, lowConfidence));
  }

  private static String value(MergedStudy merged, String path) {
    com.fasterxml.jackson.databind.JsonNode n = StudyJson.standard().tree(merged.study());
    for (String part : path.split("\\.")) {
      n = n.path(part);
    }
    return n.isMissingNode() ? null : n.isValueNode() ? n.asText() : n.toString();
  }

  @Test
  void aWeakPageValueNeitherReplacesNorFillsInARegistryRecordAndMakesNoConflict() {
    SourceRecord registry = Sources.registry().remove(MAX_AGE).asRegistry();
    SourceRecord weakPage = Sources.page().set(PHASES, "[\"PHASE3\"]").set(MAX_AGE, "\"68 Years\"")
        .as("registry-page:generic", page("hospital.txt", PHASES + " " + MAX_AGE), 1);
    MergedStudy merged = MERGER.merge(List.of(registry, weakPage));
    assertEquals(value(MERGER.merge(List.of(registry)), PHASES), value(merged, PHASES), "the registry's phases stand");
    assertEquals(null, value(merged, MAX_AGE), "a weak maximum age does not fill the registry's gap");
    assertTrue(merged.conflicts().stream().noneMatch(c -> c.path().equals(PHASES) || c.path().equals(MAX_AGE)),
        merged.conflicts().toString());
  }

  @Test
  void theSameValuesReadByTheirLabelsDoFillInTheRegistrysGaps() {
    SourceRecord registry = Sources.registry().remove(MAX_AGE).asRegistry();
    SourceRecord page = Sources.page().set(MAX_AGE, "\"68 Years\"").as("registry-page:generic", page("hospital.txt", ""), 1);
    assertEquals("68 Years", value(MERGER.merge(List.of(registry, page)), MAX_AGE));
  }

  @Test
  void amongPagesAValueReadByItsLabelWinsOverAWeakOneWhateverTheRanking() {
    // The weak page is newer, so it ranks first; its title still gives way.
    SourceRecord weak = Sources.page().set(TITLE, "\"Back to results\"")
        .set("protocolSection.statusModule.lastUpdatePostDateStruct.date", "\"2020-01-01\"")
        .as("registry-page:portal-a", page("a.txt", TITLE), 1);
    SourceRecord labelled = Sources.page().as("registry-page:portal-b", page("b.txt", ""), 1);
    MergedStudy merged = MERGER.merge(List.of(weak, labelled));
    assertEquals("Allogeneic Mesenchymal Stem Cells Transplantation for Primary Sjögren's Syndrome (pSS)", value(merged, TITLE));
    assertEquals("registry-page:portal-b", merged.origins().stream().filter(o -> o.path().equals(TITLE)).findFirst()
        .orElseThrow().sourceKey());
  }

  @Test
  void aWeakValueIsStillUsedWhenNoSourceHasABetterOne() {
    SourceRecord weak = Sources.page().set(PHASES, "[\"PHASE3\"]").as("registry-page:generic", page("a.txt", PHASES), 1);
    assertEquals("[\"PHASE3\"]", value(MERGER.merge(List.of(weak)), PHASES));
  }
}
