package org.trialdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.search.query.QueryException;
import org.trialdex.search.query.SearchRequests;

/**
 * The cell-therapy profile as index fields, facets and aggFilters (issue #11), on four records we
 * wrote: each expectation below is read from the fixture's words by hand, not from the profile.
 */
class CellTherapySearchTest {

  /**
   * Autologous bone-marrow MSCs, intravenous, 1×10^6 cells/kg: cell type msc, source bone-marrow,
   * donor autologous, route intravenous, one dose per kg of exactly 1e6.
   */
  static final String MARROW_IV = """
      {"protocolSection": {
        "identificationModule": {"nctId": "TDX-CT01", "briefTitle": "Bone Marrow Mesenchymal Stromal Cells in Knee Osteoarthritis"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "conditionsModule": {"conditions": ["Knee Osteoarthritis"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE1"]},
        "armsInterventionsModule": {
          "armGroups": [{"label": "MSC", "type": "EXPERIMENTAL",
            "description": "One intravenous infusion of 1×10^6 cells/kg of autologous bone-marrow MSCs.",
            "interventionNames": ["Biological: Autologous bone marrow MSCs"]}],
          "interventions": [{"type": "BIOLOGICAL", "name": "Autologous bone marrow MSCs",
            "description": "Autologous bone marrow-derived mesenchymal stromal cells, 1×10^6 cells/kg, given intravenously."}]}}}
      """;

  /**
   * Allogeneic umbilical-cord MSCs from third-party donors, intrathecal, 2 to 5 × 10^6 cells/kg:
   * a per-kg range [2e6, 5e6].
   */
  static final String CORD_INTRATHECAL = """
      {"protocolSection": {
        "identificationModule": {"nctId": "TDX-CT02", "briefTitle": "Umbilical Cord Mesenchymal Stem Cells in Amyotrophic Lateral Sclerosis"},
        "statusModule": {"overallStatus": "COMPLETED"},
        "conditionsModule": {"conditions": ["Amyotrophic Lateral Sclerosis"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"]},
        "armsInterventionsModule": {
          "armGroups": [{"label": "UC-MSC", "type": "EXPERIMENTAL",
            "description": "Intrathecal injection of 2-5×10^6 cells/kg allogeneic umbilical cord MSCs from third-party donors.",
            "interventionNames": ["Biological: Umbilical cord MSCs"]}],
          "interventions": [{"type": "BIOLOGICAL", "name": "Umbilical cord MSCs",
            "description": "Allogeneic umbilical cord-derived mesenchymal stem cells from third-party donors, 2-5×10^6 cells/kg, intrathecal."}]}}}
      """;

  /** Autologous adipose-derived MSCs, a total of 5 × 10^7 cells injected into the knee joint (intra-articular). */
  static final String ADIPOSE_KNEE = """
      {"protocolSection": {
        "identificationModule": {"nctId": "TDX-CT03", "briefTitle": "Adipose-Derived Mesenchymal Stem Cells Injected in the Knee"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "conditionsModule": {"conditions": ["Knee Osteoarthritis"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"]},
        "armsInterventionsModule": {
          "armGroups": [{"label": "AD-MSC", "type": "EXPERIMENTAL",
            "description": "A single intra-articular injection of 5×10^7 autologous adipose-derived MSCs.",
            "interventionNames": ["Biological: Adipose-derived MSCs"]}],
          "interventions": [{"type": "BIOLOGICAL", "name": "Adipose-derived MSCs",
            "description": "Autologous adipose tissue-derived mesenchymal stem cells, 5×10^7 cells, intra-articular injection."}]}}}
      """;

  /** A drug trial: no cell product at all. */
  static final String DRUG = """
      {"protocolSection": {
        "identificationModule": {"nctId": "TDX-CT04", "briefTitle": "Naproxen in Knee Osteoarthritis"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "conditionsModule": {"conditions": ["Knee Osteoarthritis"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE4"]},
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": "Naproxen",
          "description": "Naproxen 500 mg twice daily by mouth."}]}}}
      """;

  @TempDir static Path dir;
  static HandIndex hand;
  static SearchService service;

  @BeforeAll
  static void build() {
    hand = HandIndex.of(dir.resolve("index"), MARROW_IV, CORD_INTRATHECAL, ADIPOSE_KNEE, DRUG);
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


  private static String advancedError(String expression) {
    return assertThrows(SearchException.class, () -> advanced(expression)).getMessage();
  }

  @Test
  void keywordFieldsHoldTheProfilesCodes() {
    assertEquals(Set.of("TDX-CT01"), advanced("AREA[CellSource]bone-marrow"));
    assertEquals(Set.of("TDX-CT02"), advanced("AREA[CellSource]umbilical-cord"));
    assertEquals(Set.of("TDX-CT03"), advanced("AREA[CellSource]adipose"));
    assertEquals(Set.of("TDX-CT01", "TDX-CT02", "TDX-CT03"), advanced("AREA[CellType]msc"));
    assertEquals(Set.of("TDX-CT01", "TDX-CT02", "TDX-CT03"), advanced("AREA[CellTherapy]true"));
    assertEquals(Set.of("TDX-CT04"), advanced("AREA[CellTherapy]false"));
    assertEquals(Set.of("TDX-CT01"), advanced("AREA[CellRoute]intravenous"));
    assertEquals(Set.of("TDX-CT02"), advanced("AREA[CellRoute]intrathecal"));
    assertEquals(Set.of("TDX-CT03"), advanced("AREA[CellRoute]intra-articular"));
    // Donor kinds and details both: the cord MSCs are allogeneic, from third-party donors.
    assertEquals(Set.of("TDX-CT02"), advanced("AREA[CellDonor]allogeneic"));
    assertEquals(Set.of("TDX-CT02"), advanced("AREA[CellDonor]third-party"));
    assertEquals(Set.of("TDX-CT01", "TDX-CT03"), advanced("AREA[CellDonor]autologous"));
    // The drug trial has no cell type: MISSING finds it.
    assertEquals(Set.of("TDX-CT04"), advanced("AREA[CellType]MISSING"));
    assertEquals(Set.of(), advanced("AREA[CellType]car-t"));
  }

  @Test
  void dosePerKgRangesMatchTheDosesTheyIntersect() {
    // CT01 is 1e6 per kg; CT02 is 2e6..5e6 per kg; CT03 gives a total, no per-kg dose.
    assertEquals(Set.of("TDX-CT01"), advanced("AREA[CellDosePerKg]RANGE[5e5, 1.5e6]"));
    assertEquals(Set.of("TDX-CT01", "TDX-CT02"), advanced("AREA[CellDosePerKg]RANGE[5e5, 2e6]"));
    assertEquals(Set.of("TDX-CT02"), advanced("AREA[CellDosePerKg]RANGE[2e6, MAX]"));
    assertEquals(Set.of("TDX-CT02"), advanced("AREA[CellDosePerKg]RANGE[3E6, 4x10^6]"));
    assertEquals(Set.of("TDX-CT02"), advanced("AREA[CellDosePerKg]RANGE[5000000, 1e10]"));
    assertEquals(Set.of("TDX-CT01"), advanced("AREA[CellDosePerKg]RANGE[MIN, 1000000]"));
    assertEquals(Set.of("TDX-CT01"), advanced("AREA[CellDosePerKg]1x10^6"));
    assertEquals(Set.of("TDX-CT01"), advanced("AREA[CellDosePerKg]RANGE[10^6, 1 × 10^6]"));
    assertEquals(Set.of(), advanced("AREA[CellDosePerKg]RANGE[5.01e6, MAX]"));
    assertEquals(Set.of("TDX-CT01", "TDX-CT02"), advanced("AREA[CellDosePerKg]RANGE[MIN, MAX]"));
    assertEquals(Set.of("TDX-CT03", "TDX-CT04"), advanced("AREA[CellDosePerKg]MISSING"));
    // Totals apart: CT03's 5e7 cells.
    assertEquals(Set.of("TDX-CT03"), advanced("AREA[CellDoseTotal]RANGE[1e7, 1e8]"));
    assertEquals(Set.of(), advanced("AREA[CellDoseTotal]RANGE[1e5, 2e6]"));
  }

  @Test
  void aggFiltersSelectByTheProfilesCodes() {
    assertEquals(Set.of("TDX-CT01"), found("aggFilters", "cellRoute:intravenous"));
    assertEquals(Set.of("TDX-CT01", "TDX-CT02"), found("aggFilters", "cellRoute:intravenous intrathecal"));
    assertEquals(Set.of("TDX-CT01"), found("aggFilters", "cellSource:bone-marrow,cellType:msc"));
    assertEquals(Set.of("TDX-CT02"), found("aggFilters", "cellDonor:THIRD-PARTY"));
    assertEquals(Set.of(), found("aggFilters", "cellType:car-t"));
    // With ClinicalTrials.gov's own filters.
    assertEquals(Set.of("TDX-CT03"), found("aggFilters", "cellType:msc,status:rec,phase:2"));
  }

  @Test
  void facetsCountTheProfilesCodes() {
    SearchResult r = service.search(SearchRequests.parse(Map.of("facets", List.of("cellType,cellSource,cellDonor,cellRoute"))));
    Map<String, Map<String, Long>> counts = new HashMap<>();
    r.facets().forEach(f -> counts.put(f.name(), f.values().stream()
        .collect(Collectors.toMap(FacetValue::value, FacetValue::count))));
    assertEquals(Map.of("msc", 3L), counts.get("cellType"));
    assertEquals(Map.of("bone-marrow", 1L, "umbilical-cord", 1L, "adipose", 1L), counts.get("cellSource"));
    assertEquals(Map.of("autologous", 2L, "allogeneic", 1L, "third-party", 1L), counts.get("cellDonor"));
    assertEquals(Map.of("intravenous", 1L, "intrathecal", 1L, "intra-articular", 1L), counts.get("cellRoute"));
    // Narrowed by a filter, counted over the matches only.
    SearchResult knee = service.search(SearchRequests.parse(Map.of("facets", List.of("cellRoute"),
        "filter.advanced", List.of("AREA[CellDonor]autologous"))));
    assertEquals(List.of(new FacetValue("intra-articular", 1), new FacetValue("intravenous", 1)),
        knee.facets().get(0).values());
  }

  @Test
  void productNamesAreText() {
    assertTrue(advanced("AREA[CellProduct]MISSING").contains("TDX-CT04"));
  }

  @Test
  void badBoundsAndCodesAreRefusedNamingTheValue() {
    assertEquals("Bad value \"abc\" for CellDosePerKg: not a number of cells; accepted: 1000000, 1e6, 1E6, "
        + "1.5x10^6, 10^6, MIN, MAX", advancedError("AREA[CellDosePerKg]RANGE[abc, 1e6]"));
    assertEquals("Bad RANGE for CellDosePerKg: the lower bound \"2e6\" is above the upper bound \"1e6\"; "
        + "write the smaller first", advancedError("AREA[CellDosePerKg]RANGE[2e6, 1e6]"));
    assertTrue(assertThrows(QueryException.class, () -> advanced("AREA[CellDoseTotal]RANGE[1e6, MIN]")).getMessage()
        .startsWith("filter.advanced: RANGE[1e6, MIN] has MAX as lower or MIN as upper bound"));
    assertEquals("Bad value \"1e400\" for CellDosePerKg: the number is too large to compare; write a number of "
        + "cells such as 1e6 or 2.5x10^9", advancedError("AREA[CellDosePerKg]RANGE[1e6, 1e400]"));
    assertEquals("Bad value \"1x10^999999\" for CellDosePerKg: the number is too large to compare; write a number of "
        + "cells such as 1e6 or 2.5x10^9", advancedError("AREA[CellDosePerKg]RANGE[1, 1x10^999999]"));
    assertTrue(advancedError("AREA[CellDosePerKg]RANGE[-1, 1e6]").startsWith("Bad value \"-1\" for CellDosePerKg: not a number"));
    assertTrue(advancedError("AREA[CellDosePerKg]RANGE[NaN, 1e6]").startsWith("Bad value \"NaN\""));
    assertTrue(advancedError("AREA[CellDosePerKg]RANGE[Infinity, MAX]").startsWith("Bad value \"Infinity\""));
    assertTrue(advancedError("AREA[CellType]RANGE[1, 2]").startsWith("RANGE does not apply to CellType, a keyword "
        + "field; RANGE takes dates, numbers and ages: "), advancedError("AREA[CellType]RANGE[1, 2]"));
    assertTrue(advancedError("AREA[CellType]RANGE[1, 2]").endsWith("CellDosePerKg, CellDoseTotal"));
    // The parser refuses unknown codes with the accepted list, as for ClinicalTrials.gov's filters.
    QueryException unknown = assertThrows(QueryException.class, () -> found("aggFilters", "cellSource:marrow"));
    assertTrue(unknown.getMessage().startsWith("aggFilters: \"marrow\" is not an option of cellSource; accepted: "
        + "bone-marrow (Bone marrow), umbilical-cord (Umbilical cord), "), unknown.getMessage());
    // A request built without the parser is checked by the service against the same table.
    SearchException direct = assertThrows(SearchException.class, () -> service.search(IndexedSample.req()
        .agg("cellRoute", "iv").build()));
    assertEquals("Unknown code \"iv\" in aggFilter cellRoute; accepted codes: intravenous, intra-arterial, intrathecal, "
        + "intramuscular, intra-articular, intradiscal, transendocardial, subconjunctival, topical, local-injection, other",
        direct.getMessage());
    // Not sortable: the dose fields are not sort keys.
    assertThrows(SearchException.class, () -> found("sort", "CellDosePerKg"));
  }
}
