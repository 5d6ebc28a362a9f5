package org.trialdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialdex.search.IndexedSample.req;
import static org.trialdex.search.IndexedSample.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trialdex.core.celltherapy.CellTherapy;
import org.trialdex.core.celltherapy.CellTherapyProfile;
import org.trialdex.core.celltherapy.Coded;
import org.trialdex.search.query.SearchRequest;

class SearchServiceFacetsAndPagingTest extends IndexedSampleTest {

  /** Each facet's values, read from the record JSON as the schema's v2 paths say. */
  private static final Map<String, Function<JsonNode, List<String>>> FACET_PATHS = new LinkedHashMap<>();

  static {
    FACET_PATHS.put("status", r -> texts(r, "protocolSection", "statusModule", "overallStatus"));
    FACET_PATHS.put("phase", r -> texts(r, "protocolSection", "designModule", "phases"));
    FACET_PATHS.put("studyType", r -> texts(r, "protocolSection", "designModule", "studyType"));
    FACET_PATHS.put("interventionType", r -> texts(r, "protocolSection", "armsInterventionsModule", "interventions",
        "type"));
    FACET_PATHS.put("sponsorClass", r -> texts(r, "protocolSection", "sponsorCollaboratorsModule", "leadSponsor",
        "class"));
    FACET_PATHS.put("country", r -> texts(r, "protocolSection", "contactsLocationsModule", "locations", "country"));
    // Whom a study is open to: one open to all counts for women and for men too (what sex:f and sex:m select).
    FACET_PATHS.put("sex", r -> texts(r, "protocolSection", "eligibilityModule", "sex").stream()
        .flatMap(x -> x.equals("ALL") ? java.util.stream.Stream.of("ALL", "FEMALE", "MALE") : java.util.stream.Stream.of(x))
        .toList());
    FACET_PATHS.put("ageGroup", r -> texts(r, "protocolSection", "eligibilityModule", "stdAges"));
    FACET_PATHS.put("healthy", r -> texts(r, "protocolSection", "eligibilityModule", "healthyVolunteers"));
    FACET_PATHS.put("results", r -> texts(r, "hasResults"));
    FACET_PATHS.put("condition", r -> texts(r, "derivedSection", "conditionBrowseModule", "meshes", "term"));
    // trialdex's cell-therapy facets: the profile core reads from the record, called directly.
    FACET_PATHS.put("cellType", r -> codes(profile(r).cellTypeValues()));
    FACET_PATHS.put("cellSource", r -> codes(profile(r).sourceValues()));
    FACET_PATHS.put("cellDonor", r -> codes(profile(r).donorValues()));
    FACET_PATHS.put("cellRoute", r -> codes(profile(r).routeValues()));
    // Trust signals as of today (the index is built today), from core directly; "none" without any.
    FACET_PATHS.put("trust", r -> {
      List<String> kinds = trustCodes(r);
      return kinds.isEmpty() ? List.of("none") : kinds;
    });
  }

  private static CellTherapyProfile profile(JsonNode record) {
    return CellTherapy.profile(IndexedSample.JSON.read(record));
  }

  private static List<String> trustCodes(JsonNode record) {
    var study = IndexedSample.JSON.read(record);
    return org.trialdex.core.trust.TrustSignals.of(study, java.time.LocalDate.now(java.time.ZoneOffset.UTC),
        CellTherapy.profile(study).hasProduct()).stream().map(t -> t.kind().code()).distinct().toList();
  }

  private static List<String> codes(java.util.Collection<? extends Coded> values) {
    return values.stream().map(Coded::code).toList();
  }

  private static Map<String, Map<String, Long>> bruteForce(Predicate<JsonNode> matching) {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    FACET_PATHS.forEach((name, path) -> {
      Map<String, Long> values = new TreeMap<>();
      sample.records.values().stream().filter(matching)
          .forEach(r -> new HashSet<>(path.apply(r)).forEach(v -> values.merge(v, 1L, Long::sum)));
      counts.put(name, values);
    });
    return counts;
  }

  private static Map<String, Map<String, Long>> counted(SearchResult result) {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    for (Facet f : result.facets()) {
      counts.put(f.name(), f.values().stream().collect(Collectors.toMap(FacetValue::value, FacetValue::count,
          (a, b) -> a, TreeMap::new)));
    }
    return counts;
  }

  @Test
  void facetCountsEqualBruteForceCountsOverEveryRecord() {
    SearchResult result = sample.service.search(req().facets("all").pageSize(1).countTotal().build());
    assertEquals(103, result.totalCount().orElseThrow());
    Map<String, Map<String, Long>> expected = bruteForce(r -> true);
    assertEquals(expected.keySet(), counted(result).keySet());
    assertEquals(expected, counted(result));
    assertEquals(27, expected.get("status").get("RECRUITING"));
  }

  @Test
  void facetCountsFollowTheQueryAndFilters() {
    SearchResult result = sample.service.search(req().agg("phase", "2").agg("status", "rec", "com")
        .facets("status,phase", "country").pageSize(3).countTotal().build());
    Predicate<JsonNode> matching = r -> texts(r, "protocolSection", "designModule", "phases").contains("PHASE2")
        && List.of("RECRUITING", "COMPLETED").contains(texts(r, "protocolSection", "statusModule", "overallStatus")
            .getFirst());
    Map<String, Map<String, Long>> expected = bruteForce(matching);
    Map<String, Map<String, Long>> got = counted(result);
    assertEquals(List.of("status", "phase", "country"), List.copyOf(got.keySet()));
    for (String name : got.keySet()) {
      assertEquals(expected.get(name), got.get(name), name);
    }
    assertEquals(sample.records.values().stream().filter(matching).count(), result.totalCount().orElseThrow());
  }

  @Test
  void facetValuesComeMostFrequentFirst() {
    List<FacetValue> status = sample.service.search(req().facets("status").build()).facets().getFirst().values();
    assertEquals(new FacetValue("RECRUITING", 27), status.getFirst());
    for (int i = 1; i < status.size(); i++) {
      assertTrue(status.get(i - 1).count() >= status.get(i).count());
    }
  }

  @Test
  void unknownFacetIsRefused() {
    SearchException e = assertThrows(SearchException.class,
        () -> sample.service.search(req().facets("colour").build()));
    assertEquals("Unknown facet \"colour\" in facets; accepted: all, status, phase, studyType, interventionType, "
        + "sponsorClass, country, sex, ageGroup, healthy, results, condition, cellType, cellSource, cellDonor, cellRoute, trust",
        e.getMessage());
  }

  private static List<String> walk(IndexedSample.Req request) {
    List<String> ids = new ArrayList<>();
    SearchResult page = sample.service.search(request.pageSize(7).build());
    int pages = 1;
    while (true) {
      assertTrue(page.hits().size() <= 7);
      page.hits().forEach(h -> ids.add(h.id()));
      if (page.nextPageToken().isEmpty()) {
        break;
      }
      assertEquals(7, page.hits().size(), "only the last page is short");
      page = sample.service.search(request.pageToken(page.nextPageToken().get()).build());
      pages++;
    }
    assertEquals((ids.size() + 6) / 7, pages, "no empty last page");
    return ids;
  }

  @Test
  void walkingAllPagesReturnsEveryHitExactlyOnceInEachSortOrder() {
    List<IndexedSample.Req> orders = List.of(
        req(),
        req().sort("StartDate", true),
        req().sort("EnrollmentCount", false).sort("LastUpdatePostDate", true),
        req().sort("MinimumAge", false).sort("@relevance", true),
        req().sort("NCTId", true));
    for (IndexedSample.Req order : orders) {
      List<String> ids = walk(order);
      assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicates in " + order.sort);
      assertEquals(sample.records.keySet(), new HashSet<>(ids), "all of " + order.sort);
    }
  }

  @Test
  void aNumberedPageIsTheCursorsPageOfThatNumberAndGoesOnByCursor() {
    List<java.util.function.Supplier<IndexedSample.Req>> orders = List.of(() -> req(), () -> req().sort("StartDate", true),
        () -> req().cond("cancer"));
    java.time.Duration limit = java.time.Duration.ofSeconds(30);
    for (var order : orders) {
      List<String> walked = walk(order.get());
      assertTrue(walked.size() > 14, walked.size() + " hits");
      for (int skip : new int[] {0, 7, 14, walked.size() - 3, walked.size(), walked.size() + 5}) {
        SearchResult page = sample.service.page(order.get().pageSize(7).build(), skip, limit);
        List<String> expected = walked.subList(Math.min(skip, walked.size()), Math.min(skip + 7, walked.size()));
        assertEquals(expected, page.hits().stream().map(Hit::id).toList(), "skip " + skip);
        assertEquals(skip + 7 < walked.size(), page.nextPageToken().isPresent(), "a next page only when there is one");
        if (page.nextPageToken().isPresent()) {
          // The cursor from a numbered page goes on where it ends.
          SearchResult after = sample.service.search(order.get().pageSize(7).pageToken(page.nextPageToken().get()).build());
          assertEquals(walked.subList(skip + 7, Math.min(skip + 14, walked.size())),
              after.hits().stream().map(Hit::id).toList());
        }
      }
    }
    assertThrows(IllegalArgumentException.class, () -> sample.service.page(req().build(), -1, limit));
    assertThrows(IllegalArgumentException.class, () -> sample.service.page(req().build(), SearchService.MAX_SKIP + 1, limit));
    assertThrows(IllegalArgumentException.class, () -> sample.service.page(req().pageToken("x").build(), 0, limit));
  }

  @Test
  void withoutAQueryRelevanceOrderIsIdOrder() {
    List<String> ids = walk(req());
    assertEquals(sample.records.keySet().stream().sorted().toList(), ids);
  }

  @Test
  void pagingARelevanceQueryKeepsItsOrder() {
    IndexedSample.Req query = req().query(SearchRequest.Area.TERM, new org.trialdex.search.query.Expr.Words("BasicSearch", "lung")).countTotal();
    List<String> all = sample.service.search(query.pageSize(1000).build()).hits().stream().map(Hit::id).toList();
    assertTrue(all.size() > 50, "lung records: " + all.size());
    assertEquals(all, walk(req().query(SearchRequest.Area.TERM, new org.trialdex.search.query.Expr.Words("BasicSearch", "lung"))));
  }

  @Test
  void sortByDateDescendingPutsStudiesWithoutTheDateLast() {
    List<Hit> hits = sample.service.search(req().sort("ResultsFirstPostDate", true).build()).hits();
    List<String> dated = hits.stream().filter(h -> h.study().protocolSection().statusModule()
        .resultsFirstPostDateStruct() != null).map(h -> h.study().protocolSection().statusModule()
        .resultsFirstPostDateStruct().date()).toList();
    assertEquals(6, dated.size());
    assertEquals(dated.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dated);
    assertEquals(dated, hits.subList(0, 6).stream().map(h -> h.study().protocolSection().statusModule()
        .resultsFirstPostDateStruct().date()).toList());
  }

  @Test
  void aTamperedTokenIsRefused() {
    String token = sample.service.search(req().pageSize(7).build()).nextPageToken().orElseThrow();
    char last = token.charAt(token.length() - 2);
    String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    SearchException e = assertThrows(SearchException.class,
        () -> sample.service.search(req().pageSize(7).pageToken(tampered).build()));
    assertTrue(e.getMessage().startsWith("Bad pageToken \""), e.getMessage());
    assertTrue(e.getMessage().endsWith("; pass the nextPageToken of the previous page of the same search, unchanged"));
    SearchException garbage = assertThrows(SearchException.class,
        () -> sample.service.search(req().pageToken("not a token!").build()));
    assertTrue(garbage.getMessage().startsWith("Bad pageToken \"not a token!\": it is not base64url"));
  }

  @Test
  void aTokenOfAnotherSearchIsRefused() {
    String token = sample.service.search(req().pageSize(7).build()).nextPageToken().orElseThrow();
    SearchException e = assertThrows(SearchException.class,
        () -> sample.service.search(req().sort("StartDate", true).pageSize(7).pageToken(token).build()));
    assertTrue(e.getMessage().contains(": it belongs to another search (query, filters or sort differ);"),
        e.getMessage());
  }

  @Test
  void unknownSortFieldIsRefused() {
    SearchException e = assertThrows(SearchException.class,
        () -> sample.service.search(req().sort("Colour", false).build()));
    assertTrue(e.getMessage().startsWith("Unknown sort field \"Colour\"; accepted: @relevance, NCTId, StartDate, "),
        e.getMessage());
  }

  @Test
  void aFullLastPageHasNoToken() {
    SearchResult page = sample.service.search(req().pageSize(SearchRequest.MAX_PAGE_SIZE).build());
    assertEquals(103, page.hits().size());
    assertFalse(page.nextPageToken().isPresent());
    SearchResult exact = sample.service.search(req().advanced(new org.trialdex.search.query.Expr.Words(
        "OverallStatus", "recruiting")).pageSize(27).build());
    assertEquals(27, exact.hits().size());
    assertFalse(exact.nextPageToken().isPresent());
  }

  @Test
  void everyFacetTheRequestParserAcceptsIsOneTheServiceCounts() {
    assertEquals(org.trialdex.search.query.SearchRequest.FACETS,
        java.util.Arrays.stream(Facets.Dimension.values()).map(Facets.Dimension::facetName).toList());
    var all = org.trialdex.search.query.SearchRequests.parse(java.util.Map.of("facets", java.util.List.of("all")));
    assertEquals(org.trialdex.search.query.SearchRequest.FACETS.size(), sample.service.search(all).facets().size());
  }
}
