package org.trialdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.trialdex.core.catalog.AggFilters;
import org.trialdex.core.catalog.AggFilters.Selection;
import org.trialdex.core.catalog.Pieces;
import org.trialdex.core.celltherapy.CellTherapy;
import org.trialdex.core.celltherapy.CellTherapyProfile;
import org.trialdex.core.celltherapy.Coded;
import org.trialdex.search.query.QueryException;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.search.query.SearchRequests;
import org.trialdex.testing.ApiDocument;

/**
 * Every {@code aggFilters} code walked through the parser and the service on real records: the
 * codes the API document names (read from it, not from our table) and every code of core's table,
 * each compared with a brute-force count over the records' JSON.
 */
class AggFiltersWalkTest extends IndexedSampleTest {

  /** The hits of {@code aggFilters=<value>}, parsed as the HTTP API, portal and CLI parse it. */
  private static Set<String> found(String value) {
    SearchRequest request = SearchRequests.parse(Map.of("aggFilters", List.of(value), "pageSize", List.of("1000")));
    return sample.service.search(request).hits().stream().map(Hit::id).collect(TreeSet::new, Set::add, Set::addAll);
  }

  /** The records the selection picks, read from their JSON at the pieces' v2 paths. */
  private static Set<String> bruteForce(Selection selection) {
    Set<String> ids = new TreeSet<>();
    sample.records.forEach((id, record) -> {
      if (holds(selection, record)) {
        ids.add(id);
      }
    });
    return ids;
  }

  private static boolean holds(Selection s, JsonNode record) {
    return switch (s) {
      // trialdex's own filters name profile fields, not pieces: the profile, read from the record.
      case Selection.Is is when Pieces.named(is.piece()).isEmpty() -> profileCodes(record, is.piece()).contains(is.value());
      case Selection.Is is -> IndexedSample.texts(record, Pieces.named(is.piece()).orElseThrow().path()
          .replace("[]", "").split("\\.")).stream().anyMatch(v -> v.equalsIgnoreCase(is.value()));
      case Selection.AnyOf any -> any.parts().stream().anyMatch(p -> holds(p, record));
      case Selection.AllOf all -> all.parts().stream().allMatch(p -> holds(p, record));
      case Selection.Not not -> !holds(not.part(), record);
    };
  }

  /** The codes of the record's cell-therapy profile a field holds, computed by core directly. */
  private static Set<String> profileCodes(JsonNode record, String field) {
    var study = IndexedSample.JSON.read(record);
    CellTherapyProfile p = CellTherapy.profile(study);
    if (field.equals("TrustSignal")) {
      // Trust signals as of today (the index is built today), from core directly.
      return org.trialdex.core.trust.TrustSignals.of(study, java.time.LocalDate.now(java.time.ZoneOffset.UTC),
          p.hasProduct()).stream().map(t -> t.kind().code()).collect(java.util.stream.Collectors.toSet());
    }
    Set<? extends Coded> values = switch (field) {
      case "CellType" -> p.cellTypeValues();
      case "CellSource" -> p.sourceValues();
      case "CellDonor" -> p.donorValues();
      case "CellRoute" -> p.routeValues();
      default -> throw new AssertionError("aggFilters names " + field + ", neither a piece nor a profile field");
    };
    return values.stream().map(Coded::code).collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void everyCodeTheApiDocumentNamesIsAcceptedAndSelectsWhatItsJsonSays() {
    List<String> documented = ApiDocument.read().aggFilterCodes();
    assertFalse(documented.isEmpty());
    for (String pair : documented) {
      String[] p = pair.split(":");
      AggFilters.Option option = AggFilters.named(p[0]).flatMap(f -> f.option(p[1])).orElseThrow(() ->
          new AssertionError(pair + " is documented and not in core's table"));
      Set<String> expected = bruteForce(option.selects());
      assertFalse(expected.isEmpty(), pair + " selects no sample record; the walk would prove nothing");
      assertEquals(expected, found(pair), pair);
    }
    // The document's own examples, whole.
    assertEquals(found("results:with").stream().filter(found("status:com")::contains).toList(),
        List.copyOf(found("results:with,status:com")));
  }

  @Test
  void everyCodeOfTheTableIsAcceptedAndSelectsWhatItsJsonSays() {
    List<String> wrong = new ArrayList<>();
    int selecting = 0;
    for (AggFilters.Filter f : AggFilters.all()) {
      for (AggFilters.Option o : f.options()) {
        String pair = f.name() + ":" + o.code();
        Set<String> expected = bruteForce(o.selects());
        selecting += expected.isEmpty() ? 0 : 1;
        Set<String> got = found(pair.toUpperCase(Locale.ROOT));
        if (!expected.equals(got)) {
          wrong.add(pair + ": expected " + expected.size() + " " + expected + ", found " + got.size());
        }
      }
    }
    assertEquals(List.of(), wrong);
    assertTrue(selecting >= 25, "only " + selecting + " codes select a sample record");
  }

  @Test
  void theDisagreementsOfIssue8AreSettled() {
    // WITHHELD is "whe" everywhere; "wh" fails in the parser, naming what is accepted.
    QueryException wh = assertThrows(QueryException.class, () -> found("status:wh"));
    assertTrue(wh.getMessage().startsWith("aggFilters: \"wh\" is not an option of status; accepted: rec (RECRUITING), "),
        wh.getMessage());
    assertTrue(wh.getMessage().endsWith(", whe (WITHHELD)"), wh.getMessage());
    assertEquals(bruteForce(new Selection.Is("OverallStatus", "WITHHELD")), found("status:whe"));
    // docs:* and studyType:exp_* pass the parser and are applied by the service.
    // PALLAS has one large document, protocol and analysis plan, no consent form.
    assertTrue(found("docs:prot").contains("NCT02513394"));
    assertTrue(found("docs:sap icf").contains("NCT02513394"));
    assertFalse(found("docs:icf").contains("NCT02513394"));
    assertEquals(bruteForce(new Selection.Is("ExpAccTypeIndividual", "true")), found("studyType:exp_indiv"));
  }

  @Test
  void aRequestBuiltWithoutTheParserIsCheckedByTheServiceAgainstTheSameTable() {
    SearchException e = assertThrows(SearchException.class, () -> sample.service.search(IndexedSample.req()
        .agg("status", "wh").build()));
    assertEquals("Unknown code \"wh\" in aggFilter status; accepted codes: rec, not, act, com, enr, sus, ter, wit, "
        + "unk, ava, nla, tna, afm, whe", e.getMessage());
  }

  @Test
  void everyValueAFilterFacetCountsHasACodeThatSelectsAsManyStudies() {
    List<String> withoutCode = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (AggFilters.Filter f : AggFilters.all()) {
      if (f.facet().isEmpty()) {
        continue;
      }
      assertTrue(SearchRequest.FACETS.contains(f.facet().get()), f.facet().get());
      SearchRequest request = SearchRequests.parse(Map.of("facets", List.of(f.facet().get())));
      for (FacetValue v : sample.service.search(request).facets().get(0).values()) {
        var option = f.optionForFacetValue(v.value());
        if (option.isEmpty()) {
          withoutCode.add(f.name() + "=" + v.value());
        } else if (option.get().selects() instanceof Selection.Is
            && found(f.name() + ":" + option.get().code()).size() != v.count()) {
          wrong.add(f.name() + ":" + option.get().code() + " vs facet count " + v.count());
        }
      }
    }
    // Only "does not accept healthy volunteers" has no code on ClinicalTrials.gov either.
    assertEquals(List.of("healthy=false"), withoutCode);
    assertEquals(List.of(), wrong);
  }
}
