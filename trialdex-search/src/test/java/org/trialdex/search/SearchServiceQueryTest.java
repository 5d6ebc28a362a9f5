package org.trialdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialdex.search.IndexedSample.req;
import static org.trialdex.search.IndexedSample.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trialdex.core.normalize.Age;
import org.trialdex.core.normalize.PartialDate;
import org.trialdex.search.query.Expr;
import org.trialdex.search.query.Expr.Bound;
import org.trialdex.search.query.SearchRequest.Area;

class SearchServiceQueryTest extends IndexedSampleTest {

  private static Set<String> found(IndexedSample.Req request) {
    return sample.service.search(request.build()).hits().stream().map(Hit::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> expected(Predicate<JsonNode> test) {
    return sample.records.entrySet().stream().filter(e -> test.test(e.getValue())).map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void indexHoldsEveryRecordOnce() {
    assertEquals(103, sample.index.count());
    assertEquals(103, sample.records.size());
  }

  @Test
  void meshAncestorsFromDerivedSectionMakePallasFindableByBreastDiseases() {
    // PALLAS and TDX-0001 carry Breast Diseases among their MeSH ancestors; TDX-0002 names "Breast
    // Neoplasms" as its condition and has no browse module: Breast Neoplasms is below Breast Diseases.
    assertEquals(Set.of("NCT02513394", "TDX-0001", "TDX-0002"), found(req().cond("Breast Diseases")));
  }

  @Test
  void ancestorPhraseFindsExactlyTheRecordsCarryingThatMeshTerm() {
    Set<String> expected = expected(r -> {
      JsonNode browse = r.path("derivedSection").path("conditionBrowseModule");
      return texts(browse, "ancestors", "term").contains("Neoplasms by Site")
          || texts(browse, "meshes", "term").contains("Neoplasms by Site");
    });
    assertTrue(expected.contains("NCT02513394"));
    assertTrue(expected.size() > 10, "records under Neoplasms by Site: " + expected.size());
    assertEquals(expected, found(req().query(Area.COND, new Expr.Phrase("ConditionSearch", "Neoplasms by Site"))));
  }

  @Test
  void aPhraseMatchesWordsInOrderOnly() {
    // Brute force: "non-small cell lung cancer" (hyphen or not, any case, plurals) in a title field.
    Predicate<JsonNode> inTitle = r -> texts(r.path("protocolSection").path("identificationModule"), "briefTitle")
        .stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ")
            .matches(".*\\bnon small cells? lungs? cancers?\\b.*"))
        || texts(r.path("protocolSection").path("identificationModule"), "officialTitle").stream()
            .anyMatch(t -> t.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ")
                .matches(".*\\bnon small cells? lungs? cancers?\\b.*"));
    Set<String> expected = expected(inTitle);
    assertTrue(expected.size() > 30, "titles naming NSCLC in full: " + expected.size());
    assertEquals(expected, found(req().query(Area.TITLES,
        new Expr.Phrase("TitleSearch", "Non-Small Cell Lung Cancer"))));
    // Reversed, the words are still all there but never in that order.
    assertEquals(Set.of(), found(req().query(Area.TITLES, new Expr.Phrase("TitleSearch", "cancer lung cell small non"))));
  }

  @Test
  void areaOnAKeywordFieldIgnoresCase() {
    Set<String> expected = expected(r -> r.path("protocolSection").path("statusModule").path("overallStatus").asText()
        .equals("RECRUITING"));
    assertEquals(27, expected.size());
    assertEquals(expected, found(req().advanced(new Expr.Words("OverallStatus", "recruiting"))));
    assertEquals(expected, found(req().advanced(new Expr.Words("overallstatus", "RECRUITING"))));
  }

  @Test
  void aLoneNotMeansEverythingExcept() {
    Set<String> expected = expected(r -> !r.path("protocolSection").path("statusModule").path("overallStatus").asText()
        .equals("RECRUITING"));
    assertEquals(76, expected.size());
    assertEquals(expected, found(req().advanced(new Expr.Not(new Expr.Words("OverallStatus", "Recruiting")))));
  }

  @Test
  void andOrCombineAreas() {
    Set<String> expected = expected(r -> {
      JsonNode p = r.path("protocolSection");
      String status = p.path("statusModule").path("overallStatus").asText();
      List<String> phases = texts(p.path("designModule"), "phases");
      return (status.equals("COMPLETED") || status.equals("TERMINATED")) && phases.contains("PHASE3");
    });
    assertEquals(expected, found(req().advanced(new Expr.And(List.of(
        new Expr.Or(List.of(new Expr.Words("OverallStatus", "completed"), new Expr.Words("OverallStatus", "terminated"))),
        new Expr.Words("Phase", "phase3"))))));
  }

  private static Optional<PartialDate> startDate(JsonNode r) {
    return PartialDate.parse(r.path("protocolSection").path("statusModule").path("startDateStruct").path("date")
        .asText(null));
  }

  @Test
  void dateRangeMatchesStudiesWhosePeriodOverlapsIt() {
    LocalDate from = LocalDate.of(2019, 1, 1);
    LocalDate to = LocalDate.of(2020, 12, 31);
    Set<String> expected = expected(r -> startDate(r)
        .filter(d -> !d.latest().isBefore(from) && !d.earliest().isAfter(to)).isPresent());
    assertTrue(expected.size() > 10, "studies started 2019-2020: " + expected.size());
    assertEquals(expected, found(req().advanced(new Expr.Range("StartDate", new Bound.Value("2019-01"),
        new Bound.Value("2020-12")))));
    assertEquals(expected, found(req().advanced(new Expr.Range("StartDate", new Bound.Value("01/2019"),
        new Bound.Value("2020-12-31")))));
  }

  @Test
  void aYearOnlyStartDateMatchesARangeWithinThatYear() {
    // TDX-0002 started "2012": the period 2012-01-01..2012-12-31 overlaps June 2012.
    Set<String> got = found(req().advanced(new Expr.Range("StartDate", new Bound.Value("2012-06-01"),
        new Bound.Value("2012-06-30"))));
    assertTrue(got.contains("TDX-0002"), got.toString());
    assertEquals(expected(r -> startDate(r).filter(d -> !d.latest().isBefore(LocalDate.of(2012, 6, 1))
        && !d.earliest().isAfter(LocalDate.of(2012, 6, 30))).isPresent()), got);
  }

  @Test
  void enrollmentRangeIsInclusive() {
    Set<String> expected = expected(r -> {
      JsonNode count = r.path("protocolSection").path("designModule").path("enrollmentInfo").path("count");
      return count.isNumber() && count.asInt() >= 100 && count.asInt() <= 300;
    });
    assertTrue(expected.contains("TDX-0001"));
    assertEquals(expected, found(req().advanced(new Expr.Range("EnrollmentCount", new Bound.Value("100"),
        new Bound.Value("300")))));
  }

  private static double ageDays(JsonNode r, String field, double noLimit) {
    JsonNode e = r.path("protocolSection").path("eligibilityModule");
    String text = e.path(field).asText("");
    return Age.meansNoLimit(text) ? noLimit : Age.parse(text).map(Age::days).orElse(Double.NaN);
  }

  @Test
  void ageRangesCompareInDaysAndNoLimitIsZeroOrMax() {
    Set<String> youngMinimum = expected(r -> r.path("protocolSection").has("eligibilityModule")
        && Math.round(ageDays(r, "minimumAge", 0)) <= Math.round(17 * 365.25));
    assertEquals(youngMinimum, found(req().advanced(new Expr.Range("MinimumAge", new Bound.Min(),
        new Bound.Value("17 years")))));
    Set<String> oldMaximum = expected(r -> r.path("protocolSection").has("eligibilityModule")
        && ageDays(r, "maximumAge", Integer.MAX_VALUE) >= 75 * 365.25);
    assertTrue(oldMaximum.contains("TDX-0001"), "no maximum age means no upper limit");
    assertEquals(oldMaximum, found(req().advanced(new Expr.Range("MaximumAge", new Bound.Value("900 months"),
        new Bound.Max()))));
  }

  @Test
  void missingFindsRecordsWithoutTheField() {
    Set<String> expected = expected(r -> !r.path("protocolSection").path("statusModule")
        .has("resultsFirstPostDateStruct"));
    assertEquals(sample.records.size() - 6, expected.size());
    assertEquals(expected, found(req().advanced(new Expr.Missing("ResultsFirstPostDate"))));
  }

  @Test
  void geoDistanceFindsExactlyTheStudiesWithASiteWithin50Km() {
    double lat = 41.85003;
    double lon = -87.65005; // Chicago, the first site of the sample's first record
    Map<String, Double> nearest = new java.util.TreeMap<>();
    sample.records.forEach((id, r) -> {
      double best = Double.MAX_VALUE;
      for (JsonNode l : r.path("protocolSection").path("contactsLocationsModule").path("locations")) {
        if (l.has("geoPoint")) {
          best = Math.min(best, haversine(lat, lon, l.path("geoPoint").path("lat").asDouble(),
              l.path("geoPoint").path("lon").asDouble()));
        }
      }
      if (best <= 50_000) {
        nearest.put(id, best);
      }
    });
    assertTrue(nearest.size() >= 3, "studies near Chicago: " + nearest);
    SearchResult result = sample.service.search(req().geo(lat, lon, 50_000).build());
    assertEquals(nearest.keySet(), result.hits().stream().map(Hit::id).collect(Collectors.toCollection(TreeSet::new)));
    for (Hit hit : result.hits()) {
      assertEquals(nearest.get(hit.id()), hit.distanceMeters().orElseThrow(), 1.0, hit.id());
    }
  }

  /** Great-circle distance in meters on Lucene's mean earth radius. */
  private static double haversine(double lat1, double lon1, double lat2, double lon2) {
    double r = 6_371_008.7714;
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * r * Math.asin(Math.sqrt(a));
  }

  @Test
  void aggFiltersUseClinicalTrialsGovCodes() {
    Set<String> expected = expected(r -> {
      JsonNode p = r.path("protocolSection");
      String sex = p.path("eligibilityModule").path("sex").asText();
      List<String> phases = texts(p.path("designModule"), "phases");
      return (sex.equals("FEMALE") || sex.equals("ALL")) && (phases.contains("PHASE3") || phases.contains("EARLY_PHASE1"));
    });
    assertTrue(expected.containsAll(List.of("NCT02513394", "TDX-0001")));
    assertEquals(expected, found(req().agg("sex", "f").agg("phase", "3", "0")));
    Set<String> registries = expected(r -> r.path("protocolSection").path("designModule").path("patientRegistry")
        .asBoolean(false) && r.path("protocolSection").path("designModule").path("studyType").asText()
        .equals("OBSERVATIONAL"));
    assertEquals(Set.of("NCT06823401", "TDX-0002"), registries);
    assertEquals(registries, found(req().agg("studyType", "obs_patreg")));
  }

  @Test
  void idSearchMatchesOrgStudyIdsAsWholeWords() {
    JsonNode pallas = sample.records.get("NCT02513394");
    String orgId = pallas.path("protocolSection").path("identificationModule").path("orgStudyIdInfo").path("id").asText();
    assertEquals(Set.of("NCT02513394"), found(req().query(Area.ID, new Expr.Words("IdSearch", orgId.toLowerCase(Locale.ROOT)))));
    assertEquals(Set.of("NCT02513394"), found(req().query(Area.ID, new Expr.Words("IdSearch", "NCT02513394"))));
  }

  @Test
  void unknownFieldIsRefusedWithTheAcceptedFields() {
    SearchException e = assertThrows(SearchException.class,
        () -> sample.service.search(req().advanced(new Expr.Words("Colour", "blue")).build()));
    assertTrue(e.getMessage().startsWith("Unknown field \"Colour\" in AREA[Colour]; accepted fields: BasicSearch, "
        + "ConditionSearch, "), e.getMessage());
  }

  @Test
  void aRangeValueThatIsNotADateIsRefusedNamingFieldAndValue() {
    SearchException e = assertThrows(SearchException.class, () -> sample.service.search(req()
        .advanced(new Expr.Range("StartDate", new Bound.Value("soon"), new Bound.Max())).build()));
    assertEquals("Bad value \"soon\" for StartDate: not a date; accepted: 2019-01-01, 2019-01, 2019, 01/2019, "
        + "01/15/2019, MIN, MAX", e.getMessage());
    SearchException age = assertThrows(SearchException.class, () -> sample.service.search(req()
        .advanced(new Expr.Range("MinimumAge", new Bound.Value("adult"), new Bound.Max())).build()));
    assertTrue(age.getMessage().startsWith("Bad value \"adult\" for MinimumAge: not an age; accepted: 16 years"),
        age.getMessage());
  }

  @Test
  void rangeOnATextFieldIsRefused() {
    SearchException e = assertThrows(SearchException.class, () -> sample.service.search(req()
        .advanced(new Expr.Range("Condition", new Bound.Value("a"), new Bound.Value("b"))).build()));
    assertTrue(e.getMessage().startsWith("RANGE does not apply to Condition, a text field; RANGE takes dates, numbers "
        + "and ages: StartDate, "), e.getMessage());
  }

  @Test
  void unknownAggFilterCodeIsRefusedWithTheAcceptedCodes() {
    SearchException e = assertThrows(SearchException.class,
        () -> sample.service.search(req().agg("status", "rec", "open").build()));
    assertEquals("Unknown code \"open\" in aggFilter status; accepted codes: rec, not, act, com, enr, sus, ter, wit, "
        + "unk, ava, nla, tna, afm, whe", e.getMessage());
    SearchException name = assertThrows(SearchException.class,
        () -> sample.service.search(req().agg("colour", "red").build()));
    assertEquals("Unknown aggFilter \"colour\"; accepted: status, phase, sex, healthy, results, studyType, ages, funderType, docs, "
        + "cellType, cellSource, cellDonor, cellRoute, trust",
        name.getMessage());
  }

  @Test
  void fieldsListsSearchAreasThenPieces() {
    List<String> fields = sample.service.fields();
    assertEquals(List.of("BasicSearch", "ConditionSearch", "InterventionSearch", "TitleSearch", "OutcomeSearch",
        "SponsorSearch", "LeadSponsorName", "IdSearch", "LocationSearch", "EligibilitySearch", "PatientSearch"),
        fields.subList(0, 11));
    assertTrue(fields.containsAll(List.of("Condition", "Keyword", "InterventionName", "InterventionType", "BriefTitle",
        "OfficialTitle", "Acronym", "OverallStatus", "Phase", "StudyType", "LeadSponsorClass", "LocationCountry",
        "LocationCity", "LocationState", "LocationFacility", "Sex", "HealthyVolunteers", "StdAge", "HasResults", "NCTId",
        "StartDate", "PrimaryCompletionDate", "CompletionDate", "StudyFirstPostDate", "LastUpdatePostDate",
        "ResultsFirstPostDate", "EnrollmentCount", "MinimumAge", "MaximumAge")));
  }

  @Test
  void genderIsAnAliasOfSex() {
    assertEquals(found(req().advanced(new Expr.Words("Sex", "female"))),
        found(req().advanced(new Expr.Words("Gender", "FEMALE"))));
  }
}
