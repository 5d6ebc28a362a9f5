package org.trialdex.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.core.derive.Derivation;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.search.query.Expr;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.testing.SharedData;

class StudyIndexTest {

  private static final StudyJson JSON = StudyJson.standard();

  private static Study study(String id, String condition) {
    return JSON.read("""
        {"protocolSection": {"identificationModule": {"nctId": "%s", "briefTitle": "A trial of %s"},
          "conditionsModule": {"conditions": ["%s"]}}}
        """.formatted(id, condition, condition));
  }

  private static Set<String> cond(SearchService service, String words) {
    IndexedSample.Req req = IndexedSample.req().cond(words);
    return service.search(req.build()).hits().stream().map(Hit::id).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void changesBecomeVisibleAtCommit(@TempDir Path dir) {
    try (StudyIndex index = StudyIndex.open(dir)) {
      SearchService service = new SearchService(index);
      index.upsert("NCT00000001", study("NCT00000001", "Asthma"));
      assertEquals(0, index.count());
      assertEquals(Set.of(), cond(service, "asthma"));
      index.commit();
      assertEquals(1, index.count());
      assertEquals(Set.of("NCT00000001"), cond(service, "asthma"));
    }
  }

  @Test
  void upsertReplacesTheRecordWithTheSameId(@TempDir Path dir) {
    try (StudyIndex index = StudyIndex.open(dir)) {
      SearchService service = new SearchService(index);
      index.upsert("TDX-1", study("TDX-1", "Asthma"));
      index.commit();
      index.upsert("TDX-1", study("TDX-1", "Gout"));
      index.commit();
      assertEquals(1, index.count());
      assertEquals(Set.of(), cond(service, "asthma"));
      assertEquals(Set.of("TDX-1"), cond(service, "gout"));
      Hit hit = service.search(SearchRequest.all()).hits().getFirst();
      assertEquals(List.of("Gout"), hit.study().protocolSection().conditionsModule().conditions());
    }
  }

  @Test
  void deleteAndDeleteAllRemoveRecords(@TempDir Path dir) {
    try (StudyIndex index = StudyIndex.open(dir)) {
      index.upsert("A", study("A", "Asthma"));
      index.upsert("B", study("B", "Gout"));
      index.commit();
      index.delete("A");
      index.commit();
      assertEquals(1, index.count());
      index.deleteAll();
      index.commit();
      assertEquals(0, index.count());
    }
  }

  @Test
  void theIndexSurvivesReopening(@TempDir Path dir) {
    try (StudyIndex index = StudyIndex.open(dir)) {
      index.upsert("A", study("A", "Asthma"));
      index.commit();
    }
    try (StudyIndex index = StudyIndex.open(dir)) {
      assertEquals(1, index.count());
      assertEquals(Set.of("A"), cond(new SearchService(index), "asthma"));
    }
  }

  @Test
  void hitsCarryTheStudyAsIndexed(@TempDir Path dir) throws Exception {
    Study pallas = JSON.read(Files.readString(SharedData.pallasV2()));
    try (StudyIndex index = StudyIndex.open(dir)) {
      index.upsert("NCT02513394", pallas);
      index.commit();
      Hit hit = new SearchService(index).search(SearchRequest.all()).hits().getFirst();
      // As given, with what trialdex derives for what it lacks (the derivation is tested in core).
      Derivation.Derived derived = new Derivation(index.vocabulary()).apply(pallas);
      assertEquals(derived.study(), hit.study());
      assertEquals(derived.paths(), hit.derived());
    }
  }

  @Test
  void openingAFileIsRefused(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("index"), "not an index");
    SearchException e = assertThrows(SearchException.class, () -> StudyIndex.open(file));
    assertEquals("Cannot open the search index at " + file + ": it is a file, not a folder; give a folder path "
        + "(it is created when absent)", e.getMessage());
  }

  @Test
  void aSecondWriterOnTheSameFolderIsRefused(@TempDir Path dir) {
    try (StudyIndex index = StudyIndex.open(dir)) {
      SearchException e = assertThrows(SearchException.class, () -> StudyIndex.open(dir));
      assertTrue(e.getMessage().startsWith("The search index at " + dir + " is in use by another process"),
          e.getMessage());
      assertEquals(0, index.count(), "the first writer still works");
    }
  }

  @Test
  void aBlankIdIsRefused(@TempDir Path dir) {
    try (StudyIndex index = StudyIndex.open(dir)) {
      SearchException e = assertThrows(SearchException.class, () -> index.upsert(" ", study("X", "Asthma")));
      assertTrue(e.getMessage().startsWith("A study needs a non-blank record id"), e.getMessage());
    }
  }

  @Test
  void curatedNamesMatchEitherWayIncludingMultiWordOnes(@TempDir Path dir) {
    // The curated list alone (no terminology folder): its groups are the only names known.
    try (StudyIndex index = StudyIndex.open(dir, Vocabulary.curated())) {
      index.upsert("MI", study("MI", "Myocardial Infarction"));
      index.upsert("HA", study("HA", "Heart Attack"));
      index.upsert("N1", study("N1", "NSCLC"));
      index.upsert("N2", study("N2", "Non-Small Cell Lung Cancer"));
      index.upsert("LC", study("LC", "Small Cell Lung Cancer"));
      index.upsert("AS", study("AS", "Asthma"));
      index.commit();
      SearchService service = new SearchService(index);
      assertEquals(Set.of("HA", "MI"), cond(service, "heart attack"));
      assertEquals(Set.of("HA", "MI"), cond(service, "myocardial infarction"));
      assertEquals(Set.of("N1", "N2"), cond(service, "nsclc"));
      assertEquals(Set.of("N1", "N2"), cond(service, "non-small cell lung cancer"));
      assertEquals(Set.of("AS"), cond(service, "asthma"));
      // Meaning belongs to the condition and intervention areas: titles alone are searched as written.
      assertEquals(Set.of("N1"), service.search(IndexedSample.req().query(SearchRequest.Area.TITLES,
          new Expr.Words("TitleSearch", "nsclc")).build()).hits().stream().map(Hit::id).collect(Collectors.toSet()));
    }
  }

  @Test
  void aMatchInTheConditionsRanksAboveOneInATitleOnly(@TempDir Path dir) {
    // ClinicalTrials.gov's ConditionSearch weights: Condition 0.95, BriefTitle 0.6 (search-areas).
    try (StudyIndex index = StudyIndex.open(dir)) {
      index.upsert("TITLE", JSON.read("""
          {"protocolSection": {"identificationModule": {"nctId": "TITLE", "briefTitle": "Breathing Exercises in Asthma"},
            "conditionsModule": {"conditions": ["Healthy"]}}}"""));
      index.upsert("COND", JSON.read("""
          {"protocolSection": {"identificationModule": {"nctId": "COND", "briefTitle": "Breathing Exercises"},
            "conditionsModule": {"conditions": ["Asthma"]}}}"""));
      index.upsert("NONE", study("NONE", "Eczema"));
      index.commit();
      SearchResult result = new SearchService(index).search(IndexedSample.req().cond("asthma").build());
      assertEquals(List.of("COND", "TITLE"), result.hits().stream().map(Hit::id).toList());
      assertTrue(result.hits().get(0).score() > result.hits().get(1).score());
    }
  }

  @Test
  void aRebuildAndAnUnchangedTextReuseTheStoredVectorAChangedTextIsEmbeddedAnew(@TempDir Path dir) {
    assertTrue(StudyIndex.embeddings(), "record embeddings are on by default; this test is about them");
    Study recruiting = JSON.read("""
        {"protocolSection": {"identificationModule": {"nctId": "A", "briefTitle": "A trial of Asthma"},
          "statusModule": {"overallStatus": "RECRUITING"}, "conditionsModule": {"conditions": ["Asthma"]}}}""");
    try (StudyIndex index = StudyIndex.open(dir)) {
      SearchService service = new SearchService(index);
      index.upsert("A", study("A", "Asthma"));
      index.upsert("B", study("B", "Gout"));
      index.commit();
      Map<String, float[]> first = service.vectors(List.of("A", "B"));

      // A rebuild, as the app's index sink does it: nothing in memory, the model is not asked again.
      Embeddings.forgetRemembered();
      long computed = Embeddings.computed();
      index.deleteAll();
      index.upsert("A", study("A", "Asthma"));
      index.upsert("B", study("B", "Gout"));
      index.commit();
      assertEquals(computed, Embeddings.computed(), "the rebuild ran the model");
      Map<String, float[]> rebuilt = service.vectors(List.of("A", "B"));
      assertArrayEquals(first.get("A"), rebuilt.get("A"));
      assertArrayEquals(first.get("B"), rebuilt.get("B"));

      // A new version whose embedded text is the same (only its status changed) keeps its vector;
      // one whose condition changed is embedded anew, once.
      Embeddings.forgetRemembered();
      index.upsert("A", recruiting);
      index.upsert("B", study("B", "Psoriasis"));
      index.commit();
      assertEquals(computed + 1, Embeddings.computed());
      Map<String, float[]> changed = service.vectors(List.of("A", "B"));
      assertArrayEquals(first.get("A"), changed.get("A"));
      assertFalse(Arrays.equals(first.get("B"), changed.get("B")));
      // What the model says of the new text, asked afresh.
      Embeddings.forgetRemembered();
      assertArrayEquals(Embeddings.embed(Embeddings.text(study("B", "Psoriasis"))), changed.get("B"));
    }
  }
}
