package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.ingest.Importer;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.search.Explanation;
import org.trialdex.search.Hit;
import org.trialdex.search.SearchResult;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.search.query.SearchRequests;
import org.trialdex.store.StoreLocation;
import org.trialdex.store.StoredStudy;
import org.trialdex.testing.SharedData;

/**
 * Search by meaning on every record of the shared data (API v2 samples, legacy XML, the MSC set):
 * the must-show cases of the discovery issue, checked against patterns over the records' own
 * conditions and titles, and recall and precision against the hand-labelled query set in {@code
 * recall/condition-queries.json} (labelled from conditions, keywords and titles, without the search
 * code; its README in {@code tools/recall/}). The table is written to {@code
 * target/condition-recall.md}.
 */
class SearchByMeaningTest {

  @TempDir static Path dir;
  private static Trialdex trialdex;
  private static List<Study> all;

  @BeforeAll
  static void importEverySet() {
    Vocabulary vocabulary = Vocabulary.load(SharedData.terms());
    List<Path> sets = List.of(SharedData.v2Sample(), SharedData.pallasV2(), SharedData.legacyArchive(),
        SharedData.mscClassic());
    trialdex = Trialdex.open(new StoreLocation.Sqlite(dir.resolve("data")), dir.resolve("index"), Clock.systemUTC(),
        vocabulary);
    trialdex.imports().run("import", sets, ReadOptions.defaults(), Importer.Listener.NONE);
    try (Stream<StoredStudy> s = trialdex.store().currentAll()) {
      all = s.map(StoredStudy::study).toList();
    }
  }

  @AfterAll
  static void close() {
    if (trialdex != null) {
      trialdex.close();
    }
  }

  private static Set<String> cond(String text) {
    return search(Map.of("query.cond", List.of(text)));
  }

  private static Set<String> search(Map<String, List<String>> given) {
    Map<String, List<String>> params = new LinkedHashMap<>(given);
    params.put("pageSize", List.of("1000"));
    Set<String> ids = new TreeSet<>();
    while (true) {
      SearchResult page = trialdex.searches().search(SearchRequests.parse(params));
      page.hits().stream().map(Hit::id).forEach(ids::add);
      if (page.nextPageToken().isEmpty()) {
        return ids;
      }
      params.put("pageToken", List.of(page.nextPageToken().get()));
    }
  }

  private static List<String> conditionsAndTitles(Study s) {
    List<String> texts = new ArrayList<>();
    var ps = s.protocolSection();
    if (ps.conditionsModule() != null && ps.conditionsModule().conditions() != null) {
      texts.addAll(ps.conditionsModule().conditions());
    }
    if (ps.identificationModule().briefTitle() != null) {
      texts.add(ps.identificationModule().briefTitle());
    }
    if (ps.identificationModule().officialTitle() != null) {
      texts.add(ps.identificationModule().officialTitle());
    }
    return texts;
  }

  private static Set<String> naming(Pattern pattern) {
    Set<String> ids = new TreeSet<>();
    for (Study s : all) {
      if (conditionsAndTitles(s).stream().anyMatch(t -> pattern.matcher(t).find())) {
        ids.add(s.protocolSection().identificationModule().nctId());
      }
    }
    return ids;
  }

  @Test
  void everyNameOfAcuteGvhdFindsTheSameTrialsAndEveryTrialThatNamesIt() {
    Set<String> agvhd = cond("aGVHD");
    for (String form : List.of("acute GvHD", "acute graft-versus-host disease", "GVHD, acute")) {
      assertEquals(agvhd, cond(form), form);
    }
    // Written here, not by the vocabulary: "acute" next to GVHD, GVH disease or graft-versus-host,
    // either order, and the abbreviation.
    Pattern named = Pattern.compile("(?i)\\bacute\\W+(gvhd|gvh\\b|graft\\W+(versus|vs\\.?|v)\\W+host)"
        + "|\\bgvhd\\W*,?\\W*acute\\b|\\bagvhd\\b|\\bgvh\\W+disease\\W*,?\\W*acute");
    Set<String> expected = naming(named);
    assertTrue(expected.size() >= 28, "records naming acute GVHD: " + expected.size());
    Set<String> missed = new TreeSet<>(expected);
    missed.removeAll(agvhd);
    assertEquals(Set.of(), missed, "records naming acute GVHD that aGVHD misses");
  }

  @Test
  void aBroaderQueryFindsAtLeastWhatANarrowerOneFinds() {
    Set<String> lung = cond("lung cancer");
    Set<String> nsclc = cond("non-small cell lung cancer");
    assertTrue(nsclc.size() >= 100, "NSCLC: " + nsclc.size());
    assertTrue(lung.containsAll(nsclc), "lung cancer misses NSCLC trials");
    assertTrue(lung.size() > nsclc.size(), "small cell and other lung cancers too");
    for (String[] pair : new String[][] {{"diabetes", "type 2 diabetes"}, {"diabetes", "type 1 diabetes"},
        {"GVHD", "aGVHD"}, {"GVHD", "chronic GVHD"}, {"arthritis", "rheumatoid arthritis"},
        {"heart diseases", "myocardial infarction"}, {"neoplasms", "breast cancer"}, {"stroke", "ischemic stroke"}}) {
      Set<String> broad = cond(pair[0]);
      Set<String> narrow = cond(pair[1]);
      assertFalse(narrow.isEmpty(), pair[1]);
      Set<String> missed = new TreeSet<>(narrow);
      missed.removeAll(broad);
      assertEquals(Set.of(), missed, pair[0] + " misses trials " + pair[1] + " finds");
    }
  }

  @Test
  void aConceptWithMoreWordsIsTheConceptNarrowedByThem() {
    // "metastatic" names no condition: it narrows breast cancer as a word.
    Set<String> breast = cond("breast cancer");
    Set<String> metastatic = cond("metastatic breast cancer");
    assertFalse(metastatic.isEmpty());
    assertTrue(breast.containsAll(metastatic), "metastatic breast cancer outside breast cancer");
    assertTrue(metastatic.size() < breast.size());
    // Who the patient is does not narrow the condition.
    assertEquals(cond("asthma"), cond("asthma in children"));
    assertEquals(cond("lupus"), cond("patients with lupus"));
    Set<String> advanced = cond("advanced non-small cell lung cancer");
    assertFalse(advanced.isEmpty());
    assertTrue(cond("NSCLC").containsAll(advanced));
  }

  @Test
  void layAndMedicalNamesFindTheSameTrials() {
    Set<String> hypertension = cond("hypertension");
    assertTrue(hypertension.size() >= 200, "hypertension: " + hypertension.size());
    assertEquals(hypertension, cond("high blood pressure"));
    assertEquals(cond("myocardial infarction"), cond("heart attack"));
    // Pulmonary hypertension is another disease: it is not what "high blood pressure" means.
    Set<String> pulmonary = naming(Pattern.compile("(?i)^pulmonary (arterial )?hypertension$"));
    Set<String> both = new TreeSet<>(pulmonary);
    both.retainAll(hypertension);
    Set<String> onlyPulmonary = new TreeSet<>(both);
    onlyPulmonary.removeIf(id -> all.stream().filter(s -> s.protocolSection().identificationModule().nctId().equals(id))
        .anyMatch(s -> conditionsAndTitles(s).stream().anyMatch(t -> t.toLowerCase(Locale.ROOT)
            .replaceAll("pulmonary (arterial )?hypertension", "").contains("hypertension"))));
    assertEquals(Set.of(), onlyPulmonary, "pulmonary-hypertension-only trials found by hypertension");
  }

  @Test
  void interventionsMatchByMeaningToo() {
    // Insulin glargine and insulin aspart are insulins (MeSH D061385 Insulins > D000069036...).
    Set<String> insulin = search(Map.of("query.intr", List.of("insulin")));
    Set<String> glargine = search(Map.of("query.intr", List.of("insulin glargine")));
    assertFalse(glargine.isEmpty());
    assertTrue(insulin.containsAll(glargine), "insulin misses insulin glargine trials");
  }

  @Test
  void everyRecordHasAgeGroupsWhateverItsSource() {
    // ages:adult: every record whose ages include any of 18 to 64 (computed here from the written ages).
    long adults = all.stream().filter(SearchByMeaningTest::includesAdults).count();
    Set<String> found = search(Map.of("aggFilters", List.of("ages:adult")));
    assertEquals(adults, found.size());
    assertTrue(found.size() > 7000, "adult trials: " + found.size());
    // "I am 67": the minimum age is at most 67 and the maximum at least 67.
    Set<String> for67 = search(Map.of("filter.advanced",
        List.of("AREA[MinimumAge]RANGE[MIN, 67 years] AND AREA[MaximumAge]RANGE[67 years, MAX]")));
    long expected67 = all.stream().filter(s -> admits(s, 67)).count();
    assertEquals(expected67, for67.size());
  }

  private static double years(String age, double none) {
    if (age == null || age.isBlank() || age.equalsIgnoreCase("N/A")) {
      return none;
    }
    String[] p = age.strip().split("\\s+");
    double n = Double.parseDouble(p[0]);
    String unit = p.length > 1 ? p[1].toLowerCase(Locale.ROOT) : "years";
    return unit.startsWith("year") ? n : unit.startsWith("month") ? n / 12 : unit.startsWith("week") ? n / 52.18
        : unit.startsWith("day") ? n / 365.25 : unit.startsWith("hour") ? n / 8766 : n / 525960;
  }

  private static boolean includesAdults(Study s) {
    var e = s.protocolSection().eligibilityModule();
    if (e == null) {
      return false;
    }
    double min = years(e.minimumAge(), 0);
    double max = years(e.maximumAge(), Double.POSITIVE_INFINITY);
    return min <= max && min < 65 && max >= 18;
  }

  private static boolean admits(Study s, double age) {
    var e = s.protocolSection().eligibilityModule();
    return e != null && years(e.minimumAge(), 0) <= age && years(e.maximumAge(), Double.POSITIVE_INFINITY) >= age;
  }

  @Test
  void explainSaysWhichConceptAndWhichFieldMatched() {
    SearchRequest request = SearchRequests.parse(Map.of("query.cond", List.of("aGVHD"), "pageSize", List.of("20")));
    SearchResult result = trialdex.searches().search(request);
    Explanation e = trialdex.searches().explain(request, result);
    Explanation.Term term = e.terms().getFirst();
    assertTrue(term.byMeaning());
    Explanation.ConceptInfo concept = term.concepts().getFirst().getFirst();
    assertEquals("acute graft versus host disease", concept.name());
    assertTrue(concept.mesh().getFirst().startsWith("D006086"), concept.mesh().toString());
    assertEquals(result.hits().size(), e.hits().size());
    for (Explanation.HitReasons h : e.hits()) {
      assertFalse(h.reasons().isEmpty(), h.id() + " has no reason");
      assertTrue(h.reasons().stream().allMatch(r -> r.contains("names")), h.reasons().toString());
    }
  }

  private static List<org.trialdex.core.model.Location> sites(Study s) {
    var c = s.protocolSection().contactsLocationsModule();
    return c == null || c.locations() == null ? List.of() : c.locations();
  }

  private static String id(Study s) {
    return s.protocolSection().identificationModule().nctId();
  }

  @Test
  void aBeijingSearchFindsEveryRecordWithASiteInBeijing() {
    // From the records' own city fields, not from coordinates.
    Set<String> inBeijing = new TreeSet<>();
    for (Study s : all) {
      if (sites(s).stream().anyMatch(l -> l.city() != null && l.city().strip().equalsIgnoreCase("Beijing"))) {
        inBeijing.add(id(s));
      }
    }
    assertTrue(inBeijing.size() >= 50, "records with a site in Beijing: " + inBeijing.size());
    Set<String> found = search(Map.of("filter.geo", List.of("distance(39.9042,116.4074,50km)")));
    Set<String> missed = new TreeSet<>(inBeijing);
    missed.removeAll(found);
    assertEquals(Set.of(), missed, "records with a Beijing site that a 50 km search misses");
    assertEquals(found, search(Map.of("near", List.of("Beijing"), "nearDistance", List.of("50km"))));
    // Every hit says which of its sites is nearest and how far: within the 50 km.
    SearchResult page = trialdex.searches().search(SearchRequests.parse(Map.of("near", List.of("Beijing, China"),
        "nearDistance", List.of("50km"), "pageSize", List.of("1000"))));
    for (Hit h : page.hits()) {
      var nearest = h.nearest().orElseThrow(() -> new AssertionError(h.id() + " has no nearest site"));
      assertTrue(nearest.distanceMeters() <= 50_000 + 1, h.id() + ": " + nearest);
      assertTrue(sites(h.study()).stream().anyMatch(l -> nearest.city().equals(l.city())), h.id() + ": " + nearest);
    }
  }

  @Test
  void ninetyEightPercentOfRecordsWithASiteAreOnTheMap() {
    long withCity = all.stream().filter(s -> sites(s).stream().anyMatch(l -> l.city() != null && !l.city().isBlank()
        && l.country() != null && !l.country().isBlank())).count();
    // Half the earth's circumference from a point reaches every point.
    Set<String> onMap = search(Map.of("filter.geo", List.of("distance(0,0,20040km)")));
    assertTrue(onMap.size() >= 0.98 * withCity, onMap.size() + " of " + withCity + " on the map");
    assertTrue(onMap.size() > 20 * 88, "only records with source coordinates: " + onMap.size());
  }

  @Test
  void sortByDistanceGivesTheNearestSitesFirstAcrossPages() {
    Map<String, List<String>> params = new LinkedHashMap<>(Map.of("near", List.of("Boston, MA"),
        "nearDistance", List.of("300km"), "sort", List.of("@distance"), "pageSize", List.of("7")));
    List<Double> distances = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    for (int page = 0; page < 4; page++) {
      SearchResult result = trialdex.searches().search(SearchRequests.parse(params));
      for (Hit h : result.hits()) {
        distances.add(h.nearest().orElseThrow().distanceMeters());
        assertTrue(ids.add(h.id()), "seen twice: " + h.id());
      }
      if (result.nextPageToken().isEmpty()) {
        break;
      }
      params.put("pageToken", List.of(result.nextPageToken().get()));
    }
    assertTrue(distances.size() >= 20, "hits: " + distances.size());
    for (int i = 1; i < distances.size(); i++) {
      assertTrue(distances.get(i) >= distances.get(i - 1) - 1, "not nearest first: " + distances);
    }
  }

  /** One labelled query and what the search found. */
  private record Scored(String group, String query, int relevant, int found, int hit, List<String> missed,
      List<String> extra) {
    double recall() {
      return relevant == 0 ? 1 : (double) hit / relevant;
    }

    double precision() {
      return found == 0 ? 1 : (double) hit / found;
    }
  }

  @Test
  void recallAndPrecisionOnTheLabelledQueries() throws IOException {
    JsonNode fixture;
    try (InputStream in = SearchByMeaningTest.class.getResourceAsStream("/recall/condition-queries.json")) {
      assertTrue(in != null, "the labelled query set is in src/test/resources/recall");
      fixture = StudyJson.standard().mapper().readTree(in);
    }
    Set<String> corpus = new TreeSet<>();
    all.forEach(s -> corpus.add(s.protocolSection().identificationModule().nctId()));
    List<Scored> scored = new ArrayList<>();
    for (JsonNode q : fixture.path("queries")) {
      Set<String> relevant = new TreeSet<>();
      q.path("relevant").forEach(id -> relevant.add(id.asText()));
      assertTrue(corpus.containsAll(relevant), q.path("query").asText() + " labels records outside the corpus");
      Set<String> found = cond(q.path("query").asText());
      Set<String> hit = new TreeSet<>(found);
      hit.retainAll(relevant);
      List<String> missed = relevant.stream().filter(id -> !found.contains(id)).toList();
      List<String> extra = found.stream().filter(id -> !relevant.contains(id)).toList();
      scored.add(new Scored(q.path("group").asText(), q.path("query").asText(), relevant.size(), found.size(),
          hit.size(), missed, extra));
    }
    assertTrue(scored.size() >= 40, "queries: " + scored.size());
    long relevantAll = scored.stream().mapToLong(Scored::relevant).sum();
    long hitAll = scored.stream().mapToLong(Scored::hit).sum();
    long foundAll = scored.stream().mapToLong(Scored::found).sum();
    double recall = (double) hitAll / relevantAll;
    double precision = (double) hitAll / foundAll;
    StringBuilder table = new StringBuilder("| group | query | relevant | found | recall | precision |\n"
        + "|---|---|---:|---:|---:|---:|\n");
    for (Scored s : scored) {
      table.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f%% | %.1f%% |%n", s.group(), s.query(),
          s.relevant(), s.found(), 100 * s.recall(), 100 * s.precision()));
    }
    table.append(String.format(Locale.ROOT, "| all | %d queries (micro) | %d | %d | %.1f%% | %.1f%% |%n",
        scored.size(), relevantAll, foundAll, 100 * recall, 100 * precision));
    table.append(String.format(Locale.ROOT, "| all | mean of queries (macro) | | | %.1f%% | %.1f%% |%n",
        100 * scored.stream().mapToDouble(Scored::recall).average().orElse(0),
        100 * scored.stream().mapToDouble(Scored::precision).average().orElse(0)));
    StringBuilder misses = new StringBuilder();
    for (Scored s : scored) {
      if (!s.missed().isEmpty() || !s.extra().isEmpty()) {
        misses.append(s.query()).append(": missed ").append(s.missed().stream().limit(15).toList())
            .append(", not labelled ").append(s.extra().stream().limit(15).toList()).append('\n');
      }
    }
    Path out = Path.of("target", "condition-recall.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table + "\n" + misses);
    System.out.println(table);
    assertTrue(recall >= RECALL_FLOOR, String.format(Locale.ROOT, "recall %.3f%n%s", recall, table));
    assertTrue(precision >= PRECISION_FLOOR, String.format(Locale.ROOT, "precision %.3f%n%s", precision, table));
  }

  /** Floors a little under the measured figures (docs/benchmarks.md), so a regression fails here. */
  private static final double RECALL_FLOOR = 0.92;
  private static final double PRECISION_FLOOR = 0.95;
}
