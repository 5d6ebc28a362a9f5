package org.trialdex.core.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.trialdex.core.merge.Sources.ELIGIBILITY;
import static org.trialdex.core.merge.Sources.LOCATIONS;
import static org.trialdex.core.merge.Sources.STATUS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.source.Provenance;

class StudyMergerTest {

  private static final StudyMerger MERGER = new StudyMerger();
  private static final StudyJson JSON = StudyJson.standard();

  private static MergedStudy merge(SourceRecord... sources) {
    return MERGER.merge(List.of(sources));
  }

  private static List<String> conflictPaths(MergedStudy merged) {
    return merged.conflicts().stream().map(Conflict::path).toList();
  }

  private static String value(MergedStudy merged, String path) {
    com.fasterxml.jackson.databind.JsonNode n = JSON.tree(merged.study());
    for (String part : path.split("\\.")) {
      n = n.path(part);
    }
    return n.isValueNode() ? n.asText() : n.toString();
  }

  @Test
  void oneSourceMergesIntoItselfWithEveryUnitFromIt() {
    SourceRecord registry = Sources.registry().asRegistry();
    MergedStudy merged = merge(registry);
    assertEquals(JSON.tree(registry.study()), JSON.tree(merged.study()));
    assertEquals(List.of(), merged.conflicts());
    assertEquals(List.of(
        "protocolSection.identificationModule.nctId",
        "protocolSection.identificationModule.briefTitle",
        "protocolSection.statusModule.statusVerifiedDate",
        "protocolSection.statusModule.overallStatus",
        "protocolSection.statusModule.startDateStruct.date",
        "protocolSection.statusModule.lastUpdateSubmitDate",
        "protocolSection.statusModule.lastUpdatePostDateStruct.date",
        "protocolSection.statusModule.lastUpdatePostDateStruct.type",
        "protocolSection.conditionsModule.conditions",
        "protocolSection.conditionsModule.keywords",
        "protocolSection.designModule.studyType",
        "protocolSection.designModule.phases",
        "protocolSection.designModule.enrollmentInfo.count",
        "protocolSection.designModule.enrollmentInfo.type",
        "protocolSection.eligibilityModule.eligibilityCriteria",
        "protocolSection.eligibilityModule.sex",
        "protocolSection.eligibilityModule.minimumAge",
        "protocolSection.eligibilityModule.maximumAge",
        "protocolSection.eligibilityModule.stdAges",
        LOCATIONS), merged.origins().stream().map(FieldOrigin::path).toList());
    assertEquals(List.of("ctgov-classic-fields v2"),
        merged.origins().stream().map(o -> o.sourceKey() + " v" + o.version()).distinct().toList());
  }

  @Test
  void seedPage004DisagreesWithTheRegistryOnBothAgeLimitsAndTheRegistryWins() {
    // The page shows "13 years to 68 years"; the registry and the criteria text say 15 to 70.
    MergedStudy merged = merge(Sources.page().asPage(), Sources.registry().asRegistry());
    assertEquals(List.of(ELIGIBILITY + "minimumAge", ELIGIBILITY + "maximumAge"), conflictPaths(merged));
    assertEquals("15 Years", value(merged, ELIGIBILITY + "minimumAge"));
    assertEquals("70 Years", value(merged, ELIGIBILITY + "maximumAge"));

    Conflict min = merged.conflict(ELIGIBILITY + "minimumAge").orElseThrow();
    assertEquals(new Claim("ctgov-classic-fields", 2, Sources.REGISTRY_FILE, "15 Years"), min.chosen());
    assertEquals(List.of(new Claim("registry-page:portal-list", 1, Sources.PAGE_FILE, "13 Years")), min.others());
    assertEquals("registry-page:portal-list v1 says \"13 Years\" where ctgov-classic-fields v2 says \"15 Years\";"
        + " kept ctgov-classic-fields v2 because a registry record outranks a page", min.message());
    assertEquals("registry-page:portal-list v1 says \"68 Years\" where ctgov-classic-fields v2 says \"70 Years\";"
        + " kept ctgov-classic-fields v2 because a registry record outranks a page",
        merged.conflict(ELIGIBILITY + "maximumAge").orElseThrow().message());
  }

  @Test
  void aRegistryRecordOutranksANewerPageAndThePageFillsWhatTheRegistryLacks() {
    MergedStudy merged = merge(
        Sources.page().set(STATUS + "lastUpdatePostDateStruct.date", "\"2024-01-05\"")
            .set(STATUS + "overallStatus", "\"COMPLETED\"").asPage(),
        Sources.registry().asRegistry());
    assertEquals("RECRUITING", value(merged, STATUS + "overallStatus"));
    // Only the page has the official title; it fills the gap, and says where it came from.
    assertEquals(new FieldOrigin("protocolSection.identificationModule.officialTitle", "registry-page:portal-list", 1),
        merged.origin("protocolSection.identificationModule.officialTitle").orElseThrow());
    assertEquals(new FieldOrigin(ELIGIBILITY + "minimumAge", "ctgov-classic-fields", 2),
        merged.origin(ELIGIBILITY + "minimumAge").orElseThrow());
    assertEquals(List.of(STATUS + "overallStatus", STATUS + "lastUpdatePostDateStruct.date",
        ELIGIBILITY + "minimumAge", ELIGIBILITY + "maximumAge"), conflictPaths(merged));
  }

  @Test
  void aNewerRegistryRecordOutranksAnOlderOneWhateverTheSourceKeys() {
    SourceRecord older = Sources.registry().as("ctgov-v2-json", new Provenance("ctgov-v2-json", "a.json", ""), 7);
    SourceRecord newer = Sources.registry()
        .set(STATUS + "overallStatus", "\"COMPLETED\"")
        .set(STATUS + "lastUpdatePostDateStruct", "{\"date\": \"2012-03-01\", \"type\": \"ACTUAL\"}")
        .asRegistry();
    MergedStudy merged = merge(older, newer);
    assertEquals("COMPLETED", value(merged, STATUS + "overallStatus"));
    Conflict status = merged.conflict(STATUS + "overallStatus").orElseThrow();
    assertEquals("ctgov-v2-json v7 says \"RECRUITING\" where ctgov-classic-fields v2 says \"COMPLETED\";"
        + " kept ctgov-classic-fields v2 because its record is newer (2012-03-01 against 2009-08-20)", status.message());
    assertEquals(List.of(STATUS + "overallStatus", STATUS + "lastUpdatePostDateStruct.date",
        STATUS + "lastUpdatePostDateStruct.type"), conflictPaths(merged));
  }

  @Test
  void recordsOfTheSameDateAreRankedByWhenTheStoreRecordedThem() {
    SourceRecord early = Sources.registry().set(STATUS + "overallStatus", "\"ACTIVE_NOT_RECRUITING\"").asRegistry();
    SourceRecord late = new SourceRecord("ctgov-v2-json", Sources.registry().study(),
        new Provenance("ctgov-v2-json", "b.json", ""), Authority.REGISTRY, 1, Sources.RECORDED.plusSeconds(60));
    MergedStudy merged = merge(early, late);
    assertEquals("RECRUITING", value(merged, STATUS + "overallStatus"));
    assertEquals("ctgov-classic-fields v2 says \"ACTIVE_NOT_RECRUITING\" where ctgov-v2-json v1 says \"RECRUITING\";"
            + " kept ctgov-v2-json v1 because it was recorded later (2024-06-01T00:01:00Z against 2024-06-01T00:00:00Z)",
        merged.conflict(STATUS + "overallStatus").orElseThrow().message());
  }

  @Test
  void presentationIsNeverAConflict() {
    SourceRecord registry = Sources.registry()
        .set(ELIGIBILITY + "eligibilityCriteria",
            "\"Inclusion Criteria:\\n\\n* CD34+ cells \\u2265 2×10^6/kg\\n* age \\\\>= 18 years\\n\\nExclusion Criteria:\\n\\n1. pregnancy\"")
        .set("protocolSection.designModule.enrollmentInfo.count", "20")
        .set("protocolSection.identificationModule.officialTitle", "\"MSC for Primary Sjögren's Syndrome\"")
        .asRegistry();
    SourceRecord page = Sources.page()
        // Bullets, numbering, line breaks, escapes, the multiplication sign and case all differ.
        .set(ELIGIBILITY + "eligibilityCriteria",
            "\"inclusion criteria:\\n  • CD34+ cells >= 2x10^6/kg\\n  • Age >= 18 years\\nExclusion Criteria:\\n  - Pregnancy\"")
        .set(ELIGIBILITY + "minimumAge", "\"180 Months\"")     // 15 years
        .set(ELIGIBILITY + "maximumAge", "\"70 years\"")
        .set(STATUS + "startDateStruct.date", "\"2009-06-01\"") // registry: 2009-06
        .set(STATUS + "statusVerifiedDate", "\"August 2009\"")
        .set("protocolSection.designModule.enrollmentInfo.count", "20.0")
        .set("protocolSection.conditionsModule.conditions", "[\"SJÖGREN'S  SYNDROME\"]")
        .set("protocolSection.conditionsModule.keywords", "[\"pss\", \"MSC\"]")
        // A portal that cannot print accents: Sjögren as Sjogren.
        .set("protocolSection.identificationModule.officialTitle", "\"MSC for Primary Sjogren's Syndrome\"")
        .asPage();
    assertEquals(List.of(), merge(registry, page).conflicts());
  }

  @Test
  void aCriteriaTextThatSaysSomethingElseIsAConflict() {
    MergedStudy merged = merge(Sources.registry().asRegistry(), Sources.page()
        .set(ELIGIBILITY + "eligibilityCriteria", "\"Inclusion Criteria:\\n* man or woman aged from 18 to 70 years old\"")
        .set(ELIGIBILITY + "minimumAge", "\"15 Years\"").set(ELIGIBILITY + "maximumAge", "\"70 Years\"").asPage());
    assertEquals(List.of(ELIGIBILITY + "eligibilityCriteria"), conflictPaths(merged));
  }

  @Test
  void datesOfDifferentPrecisionConflictWhenTheyDoNotAgree() {
    MergedStudy merged = merge(Sources.registry().asRegistry(),
        Sources.page().set(STATUS + "startDateStruct.date", "\"2009-07-01\"").set(ELIGIBILITY + "minimumAge", "\"15 Years\"")
            .set(ELIGIBILITY + "maximumAge", "\"70 Years\"").asPage());
    assertEquals(List.of(STATUS + "startDateStruct.date"), conflictPaths(merged));
  }

  @Test
  void aPageThatShowsSomeLocationsWithFewerDetailsIsNotInConflict() {
    // The page shows one of two locations and no zip code; see Sources.
    MergedStudy merged = merge(Sources.registry().asRegistry(), Sources.page().asPage());
    assertEquals(List.of(), merged.conflict(LOCATIONS).stream().toList());
    assertEquals(new FieldOrigin(LOCATIONS, "ctgov-classic-fields", 2), merged.origin(LOCATIONS).orElseThrow());
  }

  @Test
  void aLocationThePageShowsInAnotherCityOrWithAnotherStatusIsAConflict() {
    MergedStudy merged = merge(Sources.registry().asRegistry(), Sources.page().set(LOCATIONS, """
        [{"facility": "The Affiliated Drum Tower Hospital of Nanjing University Medical School",
          "status": "COMPLETED", "city": "Nanjing", "country": "China"},
         {"facility": "Jiangsu Province Hospital", "city": "Suzhou", "country": "China"}]
        """).asPage());
    Conflict locations = merged.conflict(LOCATIONS).orElseThrow();
    assertEquals("registry-page:portal-list v1 says locations[\"The Affiliated Drum Tower Hospital of Nanjing University"
        + " Medical School, Nanjing, China\"].status \"COMPLETED\" where ctgov-classic-fields v2 says \"RECRUITING\";"
        + " registry-page:portal-list v1 shows locations \"Jiangsu Province Hospital, Suzhou, China\", which"
        + " ctgov-classic-fields v2 does not have; kept ctgov-classic-fields v2 because a registry record outranks a page",
        locations.message());
    assertEquals("RECRUITING", locations.chosen().value());
    assertEquals("COMPLETED; Jiangsu Province Hospital, Suzhou, China", locations.others().get(0).value());
  }

  @Test
  void theInputOrderDoesNotMatter() {
    List<SourceRecord> sources = new ArrayList<>(List.of(
        Sources.registry().asRegistry(),
        Sources.registry().set(STATUS + "overallStatus", "\"COMPLETED\"")
            .as("ctgov-v2-json", new Provenance("ctgov-v2-json", "a.json", ""), 3),
        Sources.page().asPage(),
        Sources.page().set(ELIGIBILITY + "minimumAge", "\"14 Years\"")
            .as("registry-page:other-portal", Sources.PAGE_FILE, 1)));
    MergedStudy first = MERGER.merge(sources);
    Random random = new Random(4);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(sources, random);
      MergedStudy again = MERGER.merge(sources);
      assertEquals(JSON.write(first.study()), JSON.write(again.study()));
      assertEquals(first.origins(), again.origins());
      assertEquals(first.conflicts(), again.conflicts());
    }
    // Registry records of the same date recorded at the same time: the source key decides.
    assertEquals("RECRUITING", value(first, STATUS + "overallStatus"));
    assertEquals("ctgov-v2-json v3 says \"COMPLETED\" where ctgov-classic-fields v2 says \"RECRUITING\";"
            + " kept ctgov-classic-fields v2 because the sources tie, and source keys decide",
        first.conflict(STATUS + "overallStatus").orElseThrow().message());
    assertEquals(List.of(
            new Claim("registry-page:other-portal", 1, Sources.PAGE_FILE, "14 Years"),
            new Claim("registry-page:portal-list", 1, Sources.PAGE_FILE, "13 Years")),
        first.conflict(ELIGIBILITY + "minimumAge").orElseThrow().others());
  }

  @Test
  void nothingToMergeOrTheSameRecordTwiceIsRefused() {
    assertEquals("nothing to merge: pass at least one source record of the trial",
        assertThrows(IllegalArgumentException.class, () -> MERGER.merge(List.of())).getMessage());
    SourceRecord r = Sources.registry().asRegistry();
    assertEquals("source record ctgov-classic-fields v2 is passed twice; pass the latest version of each source once",
        assertThrows(IllegalArgumentException.class, () -> MERGER.merge(List.of(r, r))).getMessage());
  }

  @Test
  void theAuthorityOfASourceFollowsItsFormat() {
    assertEquals(Authority.PAGE, Authority.of(Sources.PAGE_FILE));
    assertEquals(Authority.PAGE, Authority.of(new Provenance("registry-page:portal-list", "p.txt", "")));
    assertEquals(Authority.REGISTRY, Authority.of(new Provenance("ctgov-v2-json", "s.json", "")));
    assertEquals(Authority.REGISTRY, Authority.of(Sources.REGISTRY_FILE));
  }
}
