package org.trialdex.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.Trialdex;
import org.trialdex.app.WebStore;
import org.trialdex.core.celltherapy.CellTherapy;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.Study;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.search.Hit;
import org.trialdex.search.SearchException;
import org.trialdex.search.query.QueryException;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.search.query.SearchRequests;
import org.trialdex.store.StoredStudy;

/**
 * {@link Landscapes} over a real index of the page test store (the MSC set, seed pages, sample and
 * PALLAS): every count equals the count made another way, by reading each stored record, reading
 * its cell-therapy profile ({@link CellTherapy#profile}) and its start date, phases, countries and
 * conditions, and tallying in the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LandscapesTest {

  private static final Duration LIMIT = Duration.ofSeconds(60);

  private Trialdex trialdex;
  /** Every current record, by id. */
  private final Map<String, Study> records = new HashMap<>();
  /** The ids of the records that give a cell product, by the profile. */
  private final Set<String> cellTrials = new LinkedHashSet<>();

  @BeforeAll
  void build(@TempDir Path dir) {
    trialdex = WebStore.build(dir);
    try (var all = trialdex.records().all()) {
      all.forEach((StoredStudy s) -> records.put(s.nctId(), s.study()));
    }
    records.forEach((id, study) -> {
      if (CellTherapy.profile(study).hasProduct()) {
        cellTrials.add(id);
      }
    });
    assertTrue(cellTrials.size() > 500, "the MSC set gives hundreds of cell-therapy trials: " + cellTrials.size());
  }

  @AfterAll
  void close() {
    if (trialdex != null) {
      trialdex.close();
    }
  }

  private Landscape landscape(Map<String, List<String>> params) {
    return trialdex.landscapes().of(Landscapes.request(params), LIMIT);
  }

  /** The cell-therapy trials the search of {@code params} finds, by the search itself (not the landscape). */
  private Set<String> found(Map<String, List<String>> params) {
    Set<String> ids = new LinkedHashSet<>();
    Map<String, List<String>> p = new HashMap<>(params);
    p.put("pageSize", List.of("1000"));
    SearchRequest request = SearchRequests.parse(p);
    var result = trialdex.searches().search(request);
    while (true) {
      result.hits().stream().map(Hit::id).filter(cellTrials::contains).forEach(ids::add);
      if (result.nextPageToken().isEmpty()) {
        return ids;
      }
      p.put("pageToken", List.of(result.nextPageToken().get()));
      result = trialdex.searches().search(SearchRequests.parse(p));
    }
  }

  @Test
  void everyCellTherapyTrialIsCountedAndNoOther() {
    assertEquals(cellTrials.size(), landscape(Map.of()).trials());
  }

  @Test
  void startYearByPhaseCountsEachTrialOnceInItsYearAndPhases() {
    Landscape.Chart chart = landscape(Map.of()).chart("start-year-phase").orElseThrow();
    assertEquals(expectedYearPhase(cellTrials), actual(chart));
    long undated = cellTrials.stream().filter(id -> startYear(records.get(id)) == null).count();
    long dated = chart.rows().stream().mapToLong(Landscape.Row::total).sum();
    assertEquals(cellTrials.size() - undated, dated);
    // Years run without gaps from the first to the last, so a year with no trial shows as 0.
    List<Integer> years = chart.rows().stream().map(r -> Integer.parseInt(r.key())).toList();
    for (int i = 1; i < years.size(); i++) {
      assertEquals(years.get(i - 1) + 1, years.get(i));
    }
  }

  @Test
  void aConditionFilterNarrowsEveryChartToTheTrialsTheSearchFinds() {
    Map<String, List<String>> gvhd = Map.of("query.cond", List.of("graft versus host disease"));
    Set<String> ids = found(gvhd);
    assertTrue(ids.size() > 10 && ids.size() < cellTrials.size() / 2, "GvHD cell-therapy trials: " + ids.size());
    Landscape l = landscape(gvhd);
    assertEquals(ids.size(), l.trials());
    assertEquals(expectedYearPhase(ids), actual(l.chart("start-year-phase").orElseThrow()));
    assertEquals(expectedTop(ids, this::countries, Landscapes.TOP_COUNTRIES), rows(l.chart("country").orElseThrow()));
  }

  @Test
  void countriesAreTheTopOnesThenOtherThenNone() {
    Landscape.Chart chart = landscape(Map.of()).chart("country").orElseThrow();
    assertEquals(expectedTop(cellTrials, this::countries, Landscapes.TOP_COUNTRIES), rows(chart));
    assertEquals("Other (", chart.rows().get(Landscapes.TOP_COUNTRIES).label().substring(0, 7));
  }

  @Test
  void conditionGroupsCountTrialsWhoseConditionsFallUnderTheMeshCategory() {
    Vocabulary vocabulary = trialdex.vocabulary();
    Landscape.Chart chart = landscape(Map.of()).chart("condition-group").orElseThrow();
    Map<String, Long> expected = new TreeMap<>();
    org.trialdex.core.derive.Derivation derivation = new org.trialdex.core.derive.Derivation(vocabulary);
    for (String id : cellTrials) {
      Set<String> concepts = new LinkedHashSet<>();
      // The record as the index holds it: with the condition MeSH terms derived where the source lacks them.
      var tree = (com.fasterxml.jackson.databind.node.ObjectNode) org.trialdex.core.json.StudyJson.standard().tree(records.get(id));
      derivation.apply(tree);
      Study s = org.trialdex.core.json.StudyJson.standard().read(tree);
      List<String> conditions = s.protocolSection() == null || s.protocolSection().conditionsModule() == null
          || s.protocolSection().conditionsModule().conditions() == null ? List.of()
          : s.protocolSection().conditionsModule().conditions();
      for (String c : conditions) {
        for (Vocabulary.Match m : vocabulary.find(Vocabulary.Area.CONDITION, c)) {
          concepts.addAll(vocabulary.closure(m.concept().id()));
        }
      }
      if (concepts.isEmpty() && s.derivedSection() != null && s.derivedSection().conditionBrowseModule() != null
          && s.derivedSection().conditionBrowseModule().meshes() != null) {
        // No condition the vocabulary reads: the record's MeSH terms stand for them.
        for (var mesh : s.derivedSection().conditionBrowseModule().meshes()) {
          var concept = mesh.id() != null && mesh.id().matches("D\\d{6,9}") ? vocabulary.concept(mesh.id()).filter(c -> c.mesh())
              : java.util.Optional.<org.trialdex.core.terms.Concept>empty();
          if (concept.isEmpty() && mesh.term() != null) {
            concept = vocabulary.lookup(Vocabulary.Area.CONDITION, mesh.term()).stream().filter(c -> c.mesh()).findFirst();
          }
          concept.ifPresent(c -> concepts.addAll(vocabulary.closure(c.id())));
        }
      }
      for (Landscapes.Group g : Landscapes.GROUPS) {
        if (concepts.contains(g.id())) {
          expected.merge(g.id(), 1L, Long::sum);
        }
      }
    }
    Map<String, Long> actual = new TreeMap<>();
    chart.rows().forEach(r -> actual.put(r.key(), r.total()));
    assertEquals(expected, actual);
    assertTrue(actual.getOrDefault("D007154", 0L) > 50, "immune system diseases (GvHD...): " + actual);
  }

  @Test
  void tissueSourceDonorAndRouteCountTheProfilesCodesThenTheTrialsThatStateNone() {
    Landscape l = landscape(Map.of());
    assertEquals(expectedCoded(cellTrials, p -> codes(p.sourceValues())), coded(l.chart("source").orElseThrow()));
    assertEquals(expectedCoded(cellTrials, p -> codes(p.donorValues())), coded(l.chart("donor").orElseThrow()));
    assertEquals(expectedCoded(cellTrials, p -> codes(p.routeValues())), coded(l.chart("route").orElseThrow()));
    Landscape.Chart source = l.chart("source").orElseThrow();
    assertEquals("Bone marrow", source.rows().stream().filter(r -> r.key().equals("bone-marrow")).findFirst().orElseThrow().label());
    assertEquals("none", source.rows().getLast().key());
  }

  @Test
  void dosesPerKgAndInAllAreCountedInEveryBinTheyReach() {
    Map<String, List<String>> gvhd = Map.of("query.cond", List.of("graft versus host disease"));
    for (Map<String, List<String>> params : List.of(Map.<String, List<String>>of(), gvhd)) {
      Set<String> ids = params.isEmpty() ? cellTrials : found(params);
      Landscape l = landscape(params);
      checkDoses(ids, l.chart("dose-per-kg").orElseThrow(), Landscapes.PER_KG_BINS, org.trialdex.core.celltherapy.Dose.Basis.PER_KG);
      checkDoses(ids, l.chart("dose-total").orElseThrow(), Landscapes.TOTAL_BINS, org.trialdex.core.celltherapy.Dose.Basis.TOTAL);
    }
  }

  private void checkDoses(Set<String> ids, Landscape.Chart chart, List<Landscapes.Bin> bins,
      org.trialdex.core.celltherapy.Dose.Basis basis) {
    Map<String, Long> expected = new TreeMap<>();
    long stated = 0;
    for (String id : ids) {
      List<org.trialdex.core.celltherapy.Dose> doses = CellTherapy.profile(records.get(id)).doses().stream()
          .filter(d -> d.basis() == basis && d.unit().equals(org.trialdex.core.celltherapy.Dose.CELLS)).toList();
      if (!doses.isEmpty()) {
        stated++;
      }
      for (Landscapes.Bin b : bins) {
        // A dose [min, max] reaches the bin [low, high) when it starts below high and ends at or above low.
        if (doses.stream().anyMatch(d -> d.max() >= b.low() && d.min() < b.high())) {
          expected.merge(b.key(), 1L, Long::sum);
        }
      }
    }
    Map<String, Long> actual = new TreeMap<>();
    chart.rows().stream().filter(r -> r.total() > 0).forEach(r -> actual.put(r.key(), r.total()));
    assertEquals(expected, actual, chart.id());
    assertTrue(stated > 0, chart.id() + ": trials with such a dose: " + stated);
    assertTrue(chart.note().startsWith(stated + " of " + ids.size() + " trials state"), chart.note());
  }

  @Test
  void noMatchingTrialGivesEmptyChartsNotBrokenOnes() {
    Landscape l = landscape(Map.of("query.term", List.of("zzqxwv")));
    assertEquals(0, l.trials());
    assertEquals(Landscapes.CHARTS, l.charts().stream().map(Landscape.Chart::id).toList());
    assertTrue(l.charts().stream().allMatch(Landscape.Chart::empty));
  }

  @Test
  void parametersOfAPageOfResultsAndBadQueriesAreRefusedWithTheSearchsMessages() {
    SearchException paged = assertThrows(SearchException.class, () -> Landscapes.request(Map.of("pageToken", List.of("x"))));
    assertTrue(paged.getMessage().startsWith("pageToken: the landscape counts every matching trial"), paged.getMessage());
    assertThrows(SearchException.class, () -> Landscapes.request(Map.of("sort", List.of("StartDate"))));
    QueryException unknown = assertThrows(QueryException.class, () -> Landscapes.request(Map.of("query.condition", List.of("x"))));
    assertTrue(unknown.getMessage().contains("did you mean query.cond"), unknown.getMessage());
    assertThrows(QueryException.class, () -> Landscapes.request(Map.of("filter.advanced", List.of("AREA[Phase](PHASE2"))));
    assertThrows(QueryException.class, () -> Landscapes.request(Map.of("aggFilters", List.of("nonsense:1"))));
    assertThrows(SearchException.class, () -> landscape(Map.of("filter.advanced", List.of("AREA[NoSuchField]x"))));
    // A filter of one's own is kept, and the cell-therapy restriction still holds.
    Landscape phase2 = landscape(Map.of("filter.advanced", List.of("AREA[Phase]PHASE2")));
    long expected = cellTrials.stream().filter(id -> phases(records.get(id)).contains("PHASE2")).count();
    assertEquals(expected, phase2.trials());
  }

  // --- the tally made another way

  private static List<String> codes(Set<? extends org.trialdex.core.celltherapy.Coded> values) {
    return values.stream().map(org.trialdex.core.celltherapy.Coded::code).toList();
  }

  /** code -> trials, and none -> trials stating no code, from each record's profile. */
  private Map<String, Long> expectedCoded(Set<String> ids,
      java.util.function.Function<org.trialdex.core.celltherapy.CellTherapyProfile, List<String>> values) {
    Map<String, Long> out = new TreeMap<>();
    for (String id : ids) {
      List<String> v = values.apply(CellTherapy.profile(records.get(id)));
      if (v.isEmpty()) {
        out.merge("none", 1L, Long::sum);
      }
      new LinkedHashSet<>(v).forEach(x -> out.merge(x, 1L, Long::sum));
    }
    return out;
  }

  private static Map<String, Long> coded(Landscape.Chart chart) {
    Map<String, Long> out = new TreeMap<>();
    chart.rows().forEach(r -> out.put(r.key(), r.total()));
    return out;
  }

  /** year -> phase key -> trials, from the records. */
  private Map<String, Map<String, Long>> expectedYearPhase(Set<String> ids) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    for (String id : ids) {
      Study s = records.get(id);
      String year = startYear(s);
      if (year != null) {
        List<String> phases = phases(s);
        String key = phases.isEmpty() ? "none" : Landscapes.phaseKey(phases);
        out.computeIfAbsent(year, y -> new TreeMap<>()).merge(key, 1L, Long::sum);
      }
    }
    return out;
  }

  private static Map<String, Map<String, Long>> actual(Landscape.Chart chart) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    for (Landscape.Row r : chart.rows()) {
      for (int i = 0; i < chart.series().size(); i++) {
        if (r.counts().get(i) > 0) {
          out.computeIfAbsent(r.key(), y -> new TreeMap<>()).put(chart.series().get(i).key(), r.counts().get(i));
        }
      }
    }
    return out;
  }

  private static String startYear(Study s) {
    var status = s.protocolSection() == null ? null : s.protocolSection().statusModule();
    if (status == null || status.startDateStruct() == null || status.startDateStruct().date() == null) {
      return null;
    }
    String date = status.startDateStruct().date();
    return date.matches("\\d{4}.*") ? date.substring(0, 4) : null;
  }

  private static List<String> phases(Study s) {
    var design = s.protocolSection() == null ? null : s.protocolSection().designModule();
    if (design == null || design.phases() == null) {
      return List.of();
    }
    return design.phases().stream().map(p -> p.name()).toList();
  }

  private List<String> countries(String id) {
    Study s = records.get(id);
    var module = s.protocolSection() == null ? null : s.protocolSection().contactsLocationsModule();
    if (module == null || module.locations() == null) {
      return List.of();
    }
    return module.locations().stream().map(Location::country).filter(c -> c != null && !c.isBlank()).distinct().toList();
  }

  /** label -> count rows of a top-N chart, tallied from the records. */
  private static List<String> expectedTop(Set<String> ids, java.util.function.Function<String, List<String>> values,
      int top) {
    Map<String, Long> counts = new HashMap<>();
    long none = 0;
    for (String id : ids) {
      List<String> v = values.apply(id);
      if (v.isEmpty()) {
        none++;
      }
      v.forEach(x -> counts.merge(x, 1L, Long::sum));
    }
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<String> out = new ArrayList<>();
    Set<String> shown = sorted.stream().limit(top).map(Map.Entry::getKey).collect(Collectors.toSet());
    sorted.stream().limit(top).forEach(e -> out.add(e.getKey() + "=" + e.getValue()));
    if (sorted.size() > top) {
      out.add("other=" + ids.stream().filter(id -> values.apply(id).stream().anyMatch(x -> !shown.contains(x))).count());
    }
    if (none > 0) {
      out.add("none=" + none);
    }
    return out;
  }

  private static List<String> rows(Landscape.Chart chart) {
    return chart.rows().stream().map(r -> (r.key().equals("other") || r.key().equals("none") ? r.key() : r.label())
        + "=" + r.total()).toList();
  }
}
