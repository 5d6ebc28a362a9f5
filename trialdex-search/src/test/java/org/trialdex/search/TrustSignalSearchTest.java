package org.trialdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.search.query.QueryException;
import org.trialdex.search.query.SearchRequests;

/**
 * Trust signals as an index field, a facet and an aggFilter (issue #11), on six records we wrote:
 * one per signal kind and one with none. Each record's expected signal is read from its words and
 * dates by the rules in docs/celltherapy.md, by hand; the dates are far enough in the past that the
 * answer is the same whatever day the index is built.
 */
class TrustSignalSearchTest {

  /** "Participants must pay a treatment fee": a pay cue; no sponsor, sites or status, so nothing else. */
  static final String PAY = """
      {"protocolSection": {
        "identificationModule": {"nctId": "TDX-TS01", "briefTitle": "Stem Cell Treatment for Back Pain"},
        "descriptionModule": {"briefSummary": "Participants must pay a treatment fee of $5,000 before the first visit."},
        "designModule": {"studyType": "OBSERVATIONAL"}}}
      """;

  /** Lead sponsor class INDUSTRY and exactly one site (in Germany: not a US cell trial). */
  static final String SINGLE_SITE = """
      {"protocolSection": {
        "identificationModule": {"nctId": "TDX-TS02", "briefTitle": "A Vitamin D Study"},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Acme Pharma GmbH", "class": "INDUSTRY"}},
        "contactsLocationsModule": {"locations": [{"facility": "Acme Klinik", "city": "Berlin", "country": "Germany"}]},
        "designModule": {"studyType": "OBSERVATIONAL"}}}
      """;

  /**
   * Autologous bone-marrow MSCs given intravenously (a cell product) at two US sites, with no FDA
   * flags recorded though last updated in 2024, after the flags existed: a US cell-therapy trial
   * without an FDA-regulated product flag. Phase 1 is not
   * FDAAA-covered, and no verification date is given, so no other signal.
   */
  static final String US_CELLS = """
      {"protocolSection": {
        "identificationModule": {"nctId": "TDX-TS03", "briefTitle": "Bone Marrow Mesenchymal Stromal Cells in Knee Osteoarthritis"},
        "statusModule": {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": "2024-05-01"}},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE1"]},
        "contactsLocationsModule": {"locations": [{"facility": "A", "city": "Miami", "country": "United States"},
          {"facility": "B", "city": "Austin", "country": "United States"}]},
        "armsInterventionsModule": {
          "armGroups": [{"label": "MSC", "type": "EXPERIMENTAL",
            "description": "One intravenous infusion of 1×10^6 cells/kg of autologous bone-marrow MSCs.",
            "interventionNames": ["Biological: Autologous bone marrow MSCs"]}],
          "interventions": [{"type": "BIOLOGICAL", "name": "Autologous bone marrow MSCs",
            "description": "Autologous bone marrow-derived mesenchymal stromal cells, 1×10^6 cells/kg, given intravenously."}]}}}
      """;

  /**
   * An ACT (drug flag true, phase 2, started 2018-01, after the Final Rule), primary completion
   * 2019-03, results due 2020-03-31, none posted: results overdue on any day after 2020-04-30.
   */
  static final String OVERDUE = """
      {"protocolSection": {
        "identificationModule": {"nctId": "TDX-TS04", "briefTitle": "Naproxen in Gout"},
        "statusModule": {"overallStatus": "COMPLETED", "startDateStruct": {"date": "2018-01"},
          "primaryCompletionDateStruct": {"date": "2019-03"}},
        "oversightModule": {"isFdaRegulatedDrug": true},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"]},
        "contactsLocationsModule": {"locations": [{"facility": "A", "city": "Boston", "country": "United States"},
          {"facility": "B", "city": "Denver", "country": "United States"}]},
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": "Naproxen"}]}}}
      """;

  /** Listed as recruiting, status last verified 2019-05: more than two years ago on any day after 2021-05-31. */
  static final String UNVERIFIED = """
      {"protocolSection": {
        "identificationModule": {"nctId": "TDX-TS05", "briefTitle": "A Registry of Gout"},
        "statusModule": {"overallStatus": "RECRUITING", "statusVerifiedDate": "2019-05"},
        "designModule": {"studyType": "OBSERVATIONAL"}}}
      """;

  /**
   * No signal: university sponsor, two sites, completed with results posted (an ACT, so not overdue),
   * no pay words, no cells.
   */
  static final String NONE = """
      {"protocolSection": {
        "identificationModule": {"nctId": "TDX-TS06", "briefTitle": "Colchicine in Gout"},
        "statusModule": {"overallStatus": "COMPLETED", "startDateStruct": {"date": "2018-01"},
          "primaryCompletionDateStruct": {"date": "2019-03"}},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Some University", "class": "OTHER"}},
        "oversightModule": {"isFdaRegulatedDrug": true},
        "descriptionModule": {"briefSummary": "Participation is free of charge; travel costs are reimbursed."},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE3"]},
        "contactsLocationsModule": {"locations": [{"facility": "A", "city": "Boston", "country": "United States"},
          {"facility": "B", "city": "Denver", "country": "United States"}]},
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": "Colchicine"}]}},
       "hasResults": true}
      """;

  private static final Set<String> ALL = Set.of("TDX-TS01", "TDX-TS02", "TDX-TS03", "TDX-TS04", "TDX-TS05", "TDX-TS06");

  @TempDir static Path dir;
  static HandIndex hand;
  static SearchService service;

  @BeforeAll
  static void build() {
    hand = HandIndex.of(dir.resolve("index"), PAY, SINGLE_SITE, US_CELLS, OVERDUE, UNVERIFIED, NONE);
    service = hand.service;
  }

  @AfterAll
  static void close() {
    hand.close();
  }

  /** The ids found by HTTP-style parameters, parsed as the API, the portal and the CLI parse them. */
  private static Set<String> found(String... params) {
    return hand.found(params);
  }

  private static Set<String> advanced(String expression) {
    return hand.advanced(expression);
  }


  @Test
  void theFieldHoldsEachRecordsKindCodes() {
    assertEquals(Set.of("TDX-TS01"), advanced("AREA[TrustSignal]pay"));
    assertEquals(Set.of("TDX-TS02"), advanced("AREA[TrustSignal]single-site-company"));
    assertEquals(Set.of("TDX-TS03"), advanced("AREA[TrustSignal]us-no-fda-flag"));
    assertEquals(Set.of("TDX-TS04"), advanced("AREA[TrustSignal]results-overdue"));
    assertEquals(Set.of("TDX-TS05"), advanced("AREA[TrustSignal]status-unverified"));
    // Codes match as keywords do: case does not matter.
    assertEquals(Set.of("TDX-TS04"), advanced("AREA[TrustSignal]RESULTS-OVERDUE"));
    // The record without signals has no value: MISSING finds it, and only it.
    assertEquals(Set.of("TDX-TS06"), advanced("AREA[TrustSignal]MISSING"));
    assertEquals(Set.of(), advanced("AREA[TrustSignal]none"));
  }

  @Test
  void notHidesTheRecordsWithASignal() {
    Set<String> rest = new TreeSet<>(ALL);
    rest.remove("TDX-TS04");
    assertEquals(rest, advanced("NOT AREA[TrustSignal]results-overdue"));
    assertEquals(Set.of("TDX-TS03"), advanced("AREA[CellType]msc AND NOT AREA[TrustSignal]results-overdue"));
    assertEquals(Set.of(), advanced("AREA[CellType]msc AND NOT AREA[TrustSignal]us-no-fda-flag"));
  }

  @Test
  void aggFiltersSelectByCodeOrNone() {
    assertEquals(Set.of("TDX-TS06"), found("aggFilters", "trust:none"));
    assertEquals(Set.of("TDX-TS01"), found("aggFilters", "trust:pay"));
    assertEquals(Set.of("TDX-TS01", "TDX-TS04"), found("aggFilters", "trust:pay results-overdue"));
    assertEquals(Set.of("TDX-TS05", "TDX-TS06"), found("aggFilters", "trust:status-unverified none"));
    assertEquals(Set.of("TDX-TS03"), found("aggFilters", "trust:US-NO-FDA-FLAG"));
    // With other filters: recruiting records (TS03, TS05), of which TS05 has the unverified status.
    assertEquals(Set.of("TDX-TS05"), found("aggFilters", "status:rec,trust:status-unverified"));
    assertEquals(Set.of(), found("aggFilters", "status:rec,trust:none"));
  }

  @Test
  void theFacetCountsCodesAndNone() {
    SearchResult r = service.search(SearchRequests.parse(Map.of("facets", List.of("trust"))));
    Map<String, Long> counts = new HashMap<>();
    r.facets().get(0).values().forEach(v -> counts.put(v.value(), v.count()));
    assertEquals("trust", r.facets().get(0).name());
    assertEquals(Map.of("pay", 1L, "single-site-company", 1L, "us-no-fda-flag", 1L, "results-overdue", 1L,
        "status-unverified", 1L, "none", 1L), counts);
    SearchResult recruiting = service.search(SearchRequests.parse(Map.of("facets", List.of("trust"),
        "aggFilters", List.of("status:rec"))));
    assertEquals(List.of(new FacetValue("status-unverified", 1), new FacetValue("us-no-fda-flag", 1)),
        recruiting.facets().get(0).values());
  }

  @Test
  void unknownCodesAreRefusedWithTheAcceptedOnes() {
    QueryException e = assertThrows(QueryException.class, () -> found("aggFilters", "trust:scam"));
    assertTrue(e.getMessage().startsWith("aggFilters: \"scam\" is not an option of trust; accepted: "
        + "pay (Record states that participants pay), single-site-company (Company sponsor, one listed site), "),
        e.getMessage());
    assertTrue(e.getMessage().contains("none (No trust signal)"), e.getMessage());
    SearchException direct = assertThrows(SearchException.class, () -> service.search(IndexedSample.req()
        .agg("trust", "<script>").build()));
    assertEquals("Unknown code \"<script>\" in aggFilter trust; accepted codes: pay, single-site-company, "
        + "us-no-fda-flag, results-overdue, status-unverified, none", direct.getMessage());
  }
}
