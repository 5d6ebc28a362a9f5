package org.trialdex.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trialdex.search.query.SearchRequest.AggFilter;
import org.trialdex.search.query.SearchRequest.Area;
import org.trialdex.search.query.SearchRequest.GeoFilter;
import org.trialdex.search.query.SearchRequest.SortKey;

class SearchRequestsTest {

  /** Parameters given once each, as "name", "value" pairs. */
  private static SearchRequest parse(String... namesAndValues) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      params.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
    }
    return SearchRequests.parse(params);
  }

  private static QueryException fails(String... namesAndValues) {
    return assertThrows(QueryException.class, () -> parse(namesAndValues));
  }

  @Test
  void noParametersIsEveryStudyFirstPageByRelevance() {
    assertEquals(SearchRequest.all(), SearchRequests.parse(Map.of()));
  }

  @Test
  void blankValuesCountAsNotGiven() {
    assertEquals(SearchRequest.all(), parse("query.cond", " ", "pageSize", "", "filter.geo", ""));
  }

  @Test
  void queryParametersAreParsedWithTheirAreaAsDefaultField() {
    SearchRequest request = parse("query.cond", "aGVHD OR \"graft versus host\"", "query.locn",
        "AREA[LocationCity]Boston", "filter.advanced", "AREA[StartDate]2022 aspirin");
    assertEquals(Map.of(
        Area.COND, new Expr.Or(List.of(new Expr.Words("ConditionSearch", "aGVHD"),
            new Expr.Phrase("ConditionSearch", "graft versus host"))),
        Area.LOCN, new Expr.Words("LocationCity", "Boston")), request.queries());
    assertEquals(Optional.of(new Expr.And(List.of(new Expr.Words("StartDate", "2022"),
        new Expr.Words("BasicSearch", "aspirin")))), request.advanced());
  }

  @Test
  void aQueryOfNctIdsAloneIgnoresTheFiltersAndTakesLowerCaseIds() {
    // ctg-oas-v2.yaml: "If any query parameter contains only NCT IDs (comma- and/or space-separated),
    // filters are ignored."
    SearchRequest request = parse("query.term", "nct02513394, NCT00000001", "filter.overallStatus", "RECRUITING",
        "filter.advanced", "AREA[Phase]PHASE1", "filter.ids", "NCT11111111", "filter.geo", "distance(1,1,5mi)");
    assertEquals(Map.of(Area.TERM, new Expr.Or(List.of(new Expr.Words("BasicSearch", "NCT02513394"),
        new Expr.Words("BasicSearch", "NCT00000001")))), request.queries());
    assertEquals(List.of(), request.overallStatus());
    assertEquals(Optional.empty(), request.advanced());
    assertEquals(List.of(), request.ids());
    assertEquals(Optional.empty(), request.geo());
    // Words beside the ids: the filters apply.
    assertEquals(List.of("RECRUITING"),
        parse("query.term", "NCT02513394 aspirin", "filter.overallStatus", "RECRUITING").overallStatus());
    // An ignored filter is still read: a bad value is an error.
    assertEquals("filter.overallStatus", fails("query.id", "NCT02513394", "filter.overallStatus", "DONE").parameter());
  }

  @Test
  void anUnknownParameterSaysSo() {
    assertTrue(fails("query.nonsense", "x").isUnknownParameter());
    assertFalse(fails("pageSize", "-1").isUnknownParameter());
  }

  @Test
  void everyAreaParameterIsAccepted() {
    for (Area area : Area.values()) {
      assertEquals(Map.of(area, new Expr.Words(area.searchArea(), "x")),
          parse(area.parameter(), "x").queries());
    }
  }

  @Test
  void syntaxErrorsNameTheParameterAndPosition() {
    QueryException e = fails("query.intr", "aspirin AND");
    assertEquals("query.intr", e.parameter());
    assertEquals(8, e.position().orElseThrow());
    assertTrue(e.getMessage().startsWith("query.intr: AND has nothing after it"), e.getMessage());
  }

  @Test
  void statusesAreCommaOrPipeSeparatedAnyCase() {
    assertEquals(List.of("NOT_YET_RECRUITING", "RECRUITING", "COMPLETED"),
        parse("filter.overallStatus", "not_yet_recruiting|Recruiting, COMPLETED,RECRUITING").overallStatus());
    assertEquals(List.of("WITHDRAWN"), parse("postFilter.overallStatus", "withdrawn").overallStatus());
  }

  @Test
  void anUnknownStatusListsTheStatuses() {
    QueryException e = fails("filter.overallStatus", "RECRUITING,open");
    assertEquals("filter.overallStatus: \"open\" is not a status; accepted (comma- or pipe-separated, "
        + "any case): ACTIVE_NOT_RECRUITING, COMPLETED, ENROLLING_BY_INVITATION, NOT_YET_RECRUITING, "
        + "RECRUITING, SUSPENDED, TERMINATED, WITHDRAWN, AVAILABLE, NO_LONGER_AVAILABLE, "
        + "TEMPORARILY_NOT_AVAILABLE, APPROVED_FOR_MARKETING, WITHHELD, UNKNOWN", e.getMessage());
  }

  @Test
  void filterAndPostFilterOfOneKindTogetherAreAnError() {
    assertEquals("postFilter.ids: has the same effect as filter.ids; give one of them",
        fails("filter.ids", "NCT04852770", "postFilter.ids", "NCT01728545").getMessage());
  }

  @Test
  void idsAreSplitOnCommasPipesAndSpacesAndNctIsUpperCased() {
    assertEquals(List.of("NCT04852770", "NCT01728545", "EUCTR2019-001234-56", "ISRCTN12345678"),
        parse("filter.ids", "nct04852770|NCT01728545  EUCTR2019-001234-56,ISRCTN12345678,NCT04852770").ids());
  }

  @Test
  void aShortNctNumberIsAnError() {
    assertEquals("filter.ids: \"NCT0485277\" is not an NCT number; accepted: NCT followed by 8 digits,"
        + " e.g. NCT04852770", fails("filter.ids", "NCT0485277").getMessage());
    assertTrue(fails("filter.ids", "a*b").getMessage().startsWith("filter.ids: \"a*b\" is not a study id"));
  }

  @Test
  void geoDistanceIsInMilesOrKilometres() {
    assertEquals(Optional.of(new GeoFilter(39.0035707, -77.1013313, 50 * 1609.344)),
        parse("filter.geo", "distance(39.0035707,-77.1013313,50mi)").geo());
    assertEquals(Optional.of(new GeoFilter(-33.9, 18.4, 12_500)),
        parse("filter.geo", "distance(-33.9, 18.4, 12.5km)").geo());
    // no unit: miles, as on the ClinicalTrials.gov site
    assertEquals(Optional.of(new GeoFilter(0, 0, 1609.344)), parse("filter.geo", "distance(0,0,1)").geo());
  }

  @Test
  void badGeoFiltersSayTheFormat() {
    assertTrue(fails("filter.geo", "distance(39,-77,50m)").getMessage().startsWith(
        "filter.geo: \"distance(39,-77,50m)\" is not a distance filter; accepted: "
            + "distance(latitude,longitude,distance) with the distance in mi or km"));
    assertTrue(fails("filter.geo", "distance(91,0,5km)").getMessage().startsWith(
        "filter.geo: \"distance(91,0,5km)\" is out of range: latitude must be -90 to 90"));
    assertTrue(fails("filter.geo", "distance(9,0,0km)").getMessage().contains("distance above 0"));
  }

  @Test
  void phasesAndStudyTypesTakeV2NamesAndShortForms() {
    assertEquals(List.of("EARLY_PHASE1", "PHASE2", "NA", "PHASE3"),
        parse("filter.phase", "0|phase2,na,3,2,early1").phases());
    assertEquals(List.of("INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"),
        parse("filter.studyType", "int,Observational|EXP").studyTypes());
    assertEquals("filter.phase: \"5\" is not a phase; accepted (comma- or pipe-separated, any case): NA, "
        + "EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4, or 0 / early1, 1, 2, 3, 4, na",
        fails("filter.phase", "5").getMessage());
    String studyType = fails("filter.studyType", "rct").getMessage();
    assertTrue(studyType.startsWith("filter.studyType: \"rct\" is not a study type"), studyType);
    assertTrue(studyType.endsWith(", or int, obs, exp"), studyType);
  }

  @Test
  void aggFiltersFollowTheClinicalTrialsGovTable() {
    assertEquals(List.of(new AggFilter("status", List.of("rec", "act")), new AggFilter("phase", List.of("2", "3")),
        new AggFilter("sex", List.of("f")), new AggFilter("healthy", List.of("y")),
        new AggFilter("results", List.of("with")), new AggFilter("studyType", List.of("int")),
        new AggFilter("ages", List.of("adult", "older")), new AggFilter("docs", List.of("icf"))),
        parse("aggFilters", "status:rec act,phase:2 3,sex:f,healthy:y|results:with,studytype:INT,"
            + "ages: adult  older,docs:icf").aggFilters());
  }

  @Test
  void badAggFiltersNameWhatIsAccepted() {
    assertEquals("aggFilters: \"colour\" is not a filter name; accepted: status, phase, sex, healthy, "
        + "results, studyType, ages, funderType, docs, cellType, cellSource, cellDonor, cellRoute, trust", fails("aggFilters", "colour:red").getMessage());
    assertEquals("aggFilters: \"5\" is not an option of phase; accepted: 0 (EARLY_PHASE1), 1 (PHASE1), "
        + "2 (PHASE2), 3 (PHASE3), 4 (PHASE4), na (NA)", fails("aggFilters", "phase:2 5").getMessage());
    assertTrue(fails("aggFilters", "status").getMessage().startsWith("aggFilters: entry \"status\" has no options"));
    assertTrue(fails("aggFilters", "sex:f,sex:m").getMessage().startsWith("aggFilters: names sex twice"));
  }

  @Test
  void sortDirectionsDefaultAsTheApiDocuments() {
    assertEquals(List.of(new SortKey("LastUpdatePostDate", true), new SortKey("EnrollmentCount", false),
        new SortKey("@relevance", true), new SortKey("StartDate", false), new SortKey("NumArmGroups", true)),
        parse("sort", "LastUpdatePostDate,EnrollmentCount|@relevance,StartDate:asc,NumArmGroups:desc").sort());
  }

  @Test
  void badSortKeysAreErrors() {
    assertTrue(fails("sort", "EnrollmentCount:up").getMessage().startsWith(
        "sort: \"EnrollmentCount:up\" is not a sort key; accepted: a field name or @relevance"));
    assertTrue(fails("sort", "@rank").getMessage().startsWith("sort: \"@rank\" is not a sort key"));
    assertEquals("sort: sorts by StartDate twice; give each field once",
        fails("sort", "StartDate,StartDate:asc").getMessage());
  }

  @Test
  void pageSizeZeroIsTheDefaultAndLargeSizesAreCoercedToAThousand() {
    assertEquals(10, parse("pageSize", "0").pageSize());
    assertEquals(1, parse("pageSize", "1").pageSize());
    assertEquals(1000, parse("pageSize", "1000").pageSize());
    assertEquals(1000, parse("pageSize", "1001").pageSize());
    assertEquals(1000, parse("pageSize", "99999999999999999999").pageSize());
  }

  @Test
  void negativeOrNonNumericPageSizesAreErrors() {
    assertEquals("pageSize: \"-1\" is not a page size; accepted: a whole number, 1 to 1000 (0 means "
        + "the default, 10; larger numbers mean 1000)", fails("pageSize", "-1").getMessage());
    assertTrue(fails("pageSize", "ten").getMessage().startsWith("pageSize: \"ten\" is not a page size"));
  }

  @Test
  void pagingCountingFacetsAndPassThroughParameters() {
    SearchRequest request = parse("pageToken", "NF0g5JGBlPMuwQY", "countTotal", "TRUE", "facets",
        "status,Phase", "format", "csv", "fields", "NCTId|BriefTitle",
        "geoDecay", "func:exp,scale:300mi,offset:0mi,decay:0.5");
    assertEquals(Optional.of("NF0g5JGBlPMuwQY"), request.pageToken());
    assertTrue(request.countTotal());
    assertEquals(List.of("status", "phase"), request.facets());
    assertEquals(List.of("status", "phase", "studyType", "interventionType", "sponsorClass", "country", "sex",
        "ageGroup", "healthy", "results", "condition", "cellType", "cellSource", "cellDonor", "cellRoute", "trust"),
        parse("facets", "all").facets());
    assertTrue(fails("facets", "colour").getMessage().startsWith("facets: \"colour\" is not a facet; accepted: status, phase"));
    assertEquals("countTotal: \"yes\" is not true or false", fails("countTotal", "yes").getMessage());
    assertTrue(fails("geoDecay", "exp").getMessage().startsWith("geoDecay: \"exp\" is not a decay function"));
  }

  @Test
  void unknownParametersSuggestTheNearestAndListTheAccepted() {
    String message = fails("query.condition", "lupus").getMessage();
    assertTrue(message.startsWith("query.condition: unknown parameter; did you mean query.cond? "
        + "accepted: query.cond, query.term, query.intr,"), message);
    assertTrue(message.endsWith("format, fields, geoDecay, near, nearDistance"), message);
    assertTrue(fails("pagesize", "5").getMessage().startsWith("pagesize: unknown parameter; did you mean pageSize?"));
    assertTrue(fails("cond", "x").getMessage().startsWith("cond: unknown parameter; did you mean query.cond?"));
    assertTrue(fails("filter.status", "x").getMessage().startsWith(
        "filter.status: unknown parameter; did you mean filter.overallStatus?"));
    assertTrue(fails("filter.phases", "2").getMessage().startsWith(
        "filter.phases: unknown parameter; did you mean filter.phase?"));
    assertTrue(fails("color", "x").getMessage().startsWith("color: unknown parameter; accepted: "));
  }

  @Test
  void clinicalTrialsGovSynonymIdsAreRejectedWithTheReason() {
    assertTrue(fails("filter.synonyms", "ConditionSearch:1651367").getMessage().startsWith(
        "filter.synonyms: 'ConditionSearch:1651367': 1651367 is a ClinicalTrials.gov synonym id"));
    assertTrue(fails("postFilter.synonyms", "D002289").getMessage().startsWith(
        "postFilter.synonyms: 'D002289' is not area:synonym_id"));
  }

  @Test
  void synonymPairsOfOneAreaAreAlternativesAndOfTwoAreasBothApply() {
    SearchRequest r = SearchRequests.parse(Map.of("filter.synonyms",
        List.of("ConditionSearch:D002289|conditionsearch:D008175,InterventionSearch:D000068579")));
    assertEquals(Optional.of(new Expr.And(List.of(
        new Expr.Or(List.of(new Expr.Synonym("ConditionSearch", "D002289"), new Expr.Synonym("conditionsearch", "D008175"))),
        new Expr.Synonym("InterventionSearch", "D000068579")))), r.advanced());
  }

  @Test
  void aScalarGivenTwiceWithDifferentValuesIsAnError() {
    Map<String, List<String>> params = Map.of("query.cond", List.of("lupus", "sle"));
    QueryException e = assertThrows(QueryException.class, () -> SearchRequests.parse(params));
    assertTrue(e.getMessage().startsWith("query.cond: given 2 times with different values [lupus, sle]; give it once"
        + " (only lists may repeat: filter.overallStatus, filter.ids,"), e.getMessage());
    assertEquals(SearchRequests.parse(Map.of("query.cond", List.of("lupus"))),
        SearchRequests.parse(Map.of("query.cond", List.of("lupus", "lupus"))));
    assertEquals(List.of("COMPLETED", "RECRUITING"), SearchRequests.parse(Map.of("filter.overallStatus",
        List.of("COMPLETED", "RECRUITING"))).overallStatus());
  }

  /** Random names and values: the parser returns a request or throws QueryException. */
  @Test
  void randomParametersEitherParseOrFailWithQueryException() {
    String[] names = {"query.cond", "filter.advanced", "filter.overallStatus", "filter.ids", "filter.geo",
        "filter.phase", "filter.studyType", "aggFilters", "sort", "pageSize", "countTotal", "facets",
        "geoDecay", "query.cnd", "x"};
    String[] pieces = {"a", ",", "|", ":", " ", "(", ")", "\"", "NCT", "0", "1", "9", ".", "-", "km", "mi",
        "distance(", "status", "rec", "phase", "asc", "desc", "@relevance", "AND", "AREA[X]", "Date",
        "RECRUITING", "true", "all", "func:exp", "\u00e9"};
    Random random = new Random(7L);
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (int i = 0; i < 30_000; i++) {
        Map<String, List<String>> params = new HashMap<>();
        for (int p = random.nextInt(3); p >= 0; p--) {
          StringBuilder value = new StringBuilder();
          for (int j = random.nextInt(8); j >= 0; j--) {
            value.append(pieces[random.nextInt(pieces.length)]);
          }
          params.put(names[random.nextInt(names.length)], List.of(value.toString()));
        }
        try {
          assertTrue(SearchRequests.parse(params) != null);
        } catch (QueryException expected) {
          assertTrue(!expected.getMessage().isBlank());
        }
      }
    });
  }
}
