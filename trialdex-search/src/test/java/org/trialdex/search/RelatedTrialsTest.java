package org.trialdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialdex.search.IndexedSample.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RelatedTrialsTest extends IndexedSampleTest {

  private static List<String> lower(Stream<String> values) {
    return values.map(v -> v.toLowerCase(Locale.ROOT)).toList();
  }

  /** The values a feature kind names in a record, lowercased, read from the JSON. */
  private static List<String> valuesOf(JsonNode r, String kind) {
    JsonNode p = r.path("protocolSection");
    JsonNode derived = r.path("derivedSection");
    return switch (kind) {
      case "condition" -> lower(Stream.concat(texts(p, "conditionsModule", "conditions").stream(),
          texts(derived, "conditionBrowseModule", "meshes", "term").stream()));
      case "condition group" -> lower(texts(derived, "conditionBrowseModule", "ancestors", "term").stream());
      case "intervention" -> lower(Stream.concat(texts(p, "armsInterventionsModule", "interventions", "name").stream(),
          texts(derived, "interventionBrowseModule", "meshes", "term").stream()));
      case "phase" -> lower(texts(p, "designModule", "phases").stream());
      case "study type" -> lower(texts(p, "designModule", "studyType").stream());
      case "allocation" -> lower(texts(p, "designModule", "designInfo", "allocation").stream());
      default -> throw new AssertionError("unexpected feature kind " + kind);
    };
  }

  @Test
  void pallasRelativesShareItsConditionFirstAndEachSharedFeatureIsTrue() {
    List<RelatedTrial> related = sample.service.related("NCT02513394", 10);
    assertEquals(10, related.size());
    // The two breast-cancer records: palbociclib and breast cancer shared, then breast cancer only.
    assertEquals(List.of("TDX-0001", "TDX-0002"), related.subList(0, 2).stream().map(RelatedTrial::id).toList());
    assertTrue(related.get(0).sharedFeatures().containsAll(List.of("condition: Breast Neoplasms",
        "intervention: Palbociclib", "condition: Breast Cancer", "phase: PHASE3")), related.get(0).sharedFeatures().toString());
    assertTrue(related.get(1).sharedFeatures().contains("condition: Breast Neoplasms"));
    JsonNode pallas = sample.records.get("NCT02513394");
    for (RelatedTrial trial : related) {
      assertFalse(trial.sharedFeatures().isEmpty(), trial.id());
      assertFalse(trial.id().equals("NCT02513394"), "a trial is not its own relative");
      JsonNode other = sample.records.get(trial.id());
      for (String feature : trial.sharedFeatures()) {
        String kind = feature.substring(0, feature.indexOf(": "));
        String value = feature.substring(feature.indexOf(": ") + 2).toLowerCase(Locale.ROOT);
        assertTrue(valuesOf(pallas, kind).contains(value), feature + " of PALLAS");
        assertTrue(valuesOf(other, kind).contains(value), feature + " of " + trial.id());
      }
    }
    for (int i = 1; i < related.size(); i++) {
      assertTrue(related.get(i - 1).score() >= related.get(i).score());
    }
  }

  @Test
  void cellTypesAreSharedFeatures() throws Exception {
    String msc = """
        {"protocolSection": {"identificationModule": {"nctId": "%s", "briefTitle": "%s"},
          "conditionsModule": {"conditions": ["%s"]},
          "armsInterventionsModule": {"interventions": [{"type": "BIOLOGICAL", "name": "%s"}]}}}
        """;
    sample.index.upsert("TDX-MSC1", IndexedSample.JSON.read(msc.formatted("TDX-MSC1",
        "Umbilical Cord Mesenchymal Stromal Cells in Knee Osteoarthritis", "Knee Osteoarthritis", "UC-MSC")));
    sample.index.upsert("TDX-MSC2", IndexedSample.JSON.read(msc.formatted("TDX-MSC2",
        "Umbilical Cord Derived Mesenchymal Stem Cells for ARDS", "ARDS", "Umbilical cord MSCs")));
    sample.index.commit();
    try {
      List<RelatedTrial> related = sample.service.related("TDX-MSC1", 3);
      assertEquals("TDX-MSC2", related.getFirst().id());
      assertEquals(List.of("cell type: mesenchymal stromal cells", "cell type: umbilical cord"),
          related.getFirst().sharedFeatures());
    } finally {
      sample.index.delete("TDX-MSC1");
      sample.index.delete("TDX-MSC2");
      sample.index.commit();
    }
  }

  @Test
  void relatedTrialsAskedAgainAreTheSameAsAFreshQueryFinds() {
    for (String id : List.of("NCT02513394", "TDX-0001", "TDX-0002")) {
      List<RelatedTrial> first = sample.service.related(id, 5);
      List<RelatedTrial> again = sample.service.related(id, 5);
      // A new service over the same index keeps nothing yet: it runs the query.
      List<RelatedTrial> fresh = new SearchService(sample.index).related(id, 5);

      assertFalse(first.isEmpty(), id);
      assertEquals(fresh, first, id);
      assertEquals(fresh, again, id);
      assertEquals(fresh.subList(0, 3), sample.service.related(id, 3), id + ": a smaller limit is its own question");
    }
  }

  @Test
  void relatedTrialsFollowTheIndexWhenItChanges() throws Exception {
    String msc = """
        {"protocolSection": {"identificationModule": {"nctId": "%s", "briefTitle": "%s"},
          "conditionsModule": {"conditions": ["%s"]},
          "armsInterventionsModule": {"interventions": [{"type": "BIOLOGICAL", "name": "%s"}]}}}
        """;
    sample.index.upsert("TDX-MSC3", IndexedSample.JSON.read(msc.formatted("TDX-MSC3",
        "Umbilical Cord Mesenchymal Stromal Cells in Knee Osteoarthritis", "Knee Osteoarthritis", "UC-MSC")));
    sample.index.upsert("TDX-MSC4", IndexedSample.JSON.read(msc.formatted("TDX-MSC4",
        "Bone Marrow Cells for Heart Failure", "Heart Failure", "BM cells")));
    sample.index.commit();
    try {
      List<RelatedTrial> before = sample.service.related("TDX-MSC3", 3);
      assertFalse(before.isEmpty());
      assertFalse(before.stream().anyMatch(r -> r.id().equals("TDX-MSC5")));

      // A near twin arrives: the next question sees it first.
      sample.index.upsert("TDX-MSC5", IndexedSample.JSON.read(msc.formatted("TDX-MSC5",
          "Umbilical Cord Mesenchymal Stromal Cells in Knee Osteoarthritis", "Knee Osteoarthritis", "UC-MSC")));
      sample.index.commit();

      List<RelatedTrial> related = sample.service.related("TDX-MSC3", 3);
      assertEquals("TDX-MSC5", related.getFirst().id());
      assertEquals(new SearchService(sample.index).related("TDX-MSC3", 3), related);
    } finally {
      sample.index.delete("TDX-MSC3");
      sample.index.delete("TDX-MSC4");
      sample.index.delete("TDX-MSC5");
      sample.index.commit();
    }
  }

  @Test
  void relatedOfAnUnindexedIdIsRefused() {
    SearchException e = assertThrows(SearchException.class, () -> sample.service.related("NCT00000000", 5));
    assertEquals("No study with id \"NCT00000000\" in the search index; related trials need an indexed record "
        + "(NCT id or record id)", e.getMessage());
  }
}
