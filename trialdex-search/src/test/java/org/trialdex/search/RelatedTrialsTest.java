package org.trialdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialdex.search.IndexedSample.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.trialdex.core.model.Study;

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
      // Named by the relative's own brief title, as its record has it.
      assertEquals(other.path("protocolSection").path("identificationModule").path("briefTitle").asText(),
          trial.briefTitle().orElseThrow(), trial.id());
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

  /** One relative as the query requiring any shared feature found it: the query as it was before issue #12. */
  private record Found(String id, float score, List<String> sharedFeatures) {}

  /**
   * The relatives of {@code id} found by requiring any of its features (common design features
   * too), each with the features it shares read from its own stored study.
   */
  private static List<Found> requiringAnyFeature(String id, int limit) throws IOException {
    IndexSearcher searcher = sample.index.acquire();
    try {
      StoredFields stored = searcher.storedFields();
      int target = searcher.search(new TermQuery(new Term(Schema.ID, id)), 1).scoreDocs[0].doc;
      StudyView view = new StudyView(IndexedSample.JSON.read(stored.document(target).getBinaryValue(Schema.STUDY).bytes));
      Map<String, String> features = RelatedFeatures.of(view);
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String key : features.keySet()) {
        any.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Schema.FEATURE, key))),
            RelatedFeatures.weight(key)), Occur.SHOULD);
      }
      BooleanQuery.Builder query = new BooleanQuery.Builder().add(any.build(), Occur.MUST)
          .add(new TermQuery(new Term(Schema.ID, id)), Occur.MUST_NOT);
      sample.service.moreLikeThis(searcher, view)
          .ifPresent(q -> query.add(new BoostQuery(q, SearchService.MORE_LIKE_THIS_WEIGHT), Occur.SHOULD));
      TopDocs top = searcher.search(query.build(), limit);
      List<Found> found = new ArrayList<>();
      for (ScoreDoc hit : top.scoreDocs) {
        Study study = IndexedSample.JSON.read(stored.document(hit.doc).getBinaryValue(Schema.STUDY).bytes);
        Set<String> theirs = RelatedFeatures.of(new StudyView(study)).keySet();
        found.add(new Found(stored.document(hit.doc).get(Schema.ID), hit.score, features.entrySet().stream()
            .filter(e -> theirs.contains(e.getKey())).map(Map.Entry::getValue).toList()));
      }
      return found;
    } finally {
      sample.index.release(searcher);
    }
  }

  @Test
  void leavingCommonDesignFeaturesOutOfWhatIsRequiredFindsTheSameRelativesForEveryRecord() throws IOException {
    // In this sample most records are interventional, of phase 2 or 3 and in the neoplasm groups:
    // features the query only scores now. Every record's five relatives must stay what requiring
    // any feature finds: same trials, order, shared features, and scores (summed in another order).
    for (String id : sample.records.keySet()) {
      List<Found> expected = requiringAnyFeature(id, 5);
      List<RelatedTrial> related = new SearchService(sample.index).related(id, 5);
      assertEquals(expected.stream().map(Found::id).toList(), related.stream().map(RelatedTrial::id).toList(), id);
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i).sharedFeatures(), related.get(i).sharedFeatures(), id + ", relative " + i);
        assertEquals(expected.get(i).score(), related.get(i).score(), 1e-4, id + ", relative " + i);
      }
    }
  }

  @Test
  void relatedOfAnUnindexedIdIsRefused() {
    SearchException e = assertThrows(SearchException.class, () -> sample.service.related("NCT00000000", 5));
    assertEquals("No study with id \"NCT00000000\" in the search index; related trials need an indexed record "
        + "(NCT id or record id)", e.getMessage());
  }
}
