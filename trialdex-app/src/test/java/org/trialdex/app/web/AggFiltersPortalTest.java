package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialdex.app.Trialdex;
import org.trialdex.app.WebStore;
import org.trialdex.core.catalog.AggFilters;
import org.trialdex.testing.ApiDocument;

/**
 * The portal offers and follows {@code aggFilters} codes as core's table has them: every code the
 * API document names is the link of its facet value and narrows the search to that value, every
 * facet link is a code of the table, and every code of the table is taken.
 */
class AggFiltersPortalTest {

  /** The page-test store, shared with the other classes that only read it. */
  static Trialdex t;

  @BeforeAll
  static void store() {
    t = WebStore.shared();
  }

  private static SearchPage search(String aggFilters) {
    return SearchPages.build(t, aggFilters.isEmpty() ? Map.of() : Map.of("aggFilters", List.of(aggFilters)), Optional.empty());
  }

  private static Optional<SearchPage.FacetLink> linkTo(SearchPage page, String pair) {
    String href = Links.search(Map.of("aggFilters", List.of(pair)));
    return page.facets().stream().flatMap(g -> g.values().stream())
        .filter(v -> v.href().filter(href::equals).isPresent()).findFirst();
  }

  @Test
  void everyCodeTheApiDocumentNamesIsOfferedByItsFacetAndNarrowsTheSearch() {
    SearchPage all = search("");
    for (String pair : ApiDocument.read().aggFilterCodes()) {
      SearchPage.FacetLink link = linkTo(all, pair).orElseThrow(() -> new AssertionError(pair + " is not offered"));
      SearchPage narrowed = search(pair);
      assertEquals(Optional.empty(), narrowed.error(), pair);
      String[] p = pair.split(":");
      AggFilters.Option option = AggFilters.named(p[0]).flatMap(f -> f.option(p[1])).orElseThrow();
      long total = narrowed.total().orElseThrow();
      // A facet's count is what its click returns (sex:f also selects studies open to all, and the
      // FEMALE count counts them: FacetCountsAgreeTest).
      assertEquals(link.count(), total, pair + " (" + option.meaning() + ")");
      assertTrue(narrowed.facets().stream().flatMap(g -> g.values().stream())
          .anyMatch(v -> v.active() && v.label().equals(link.label()) && v.href().equals(Optional.of("/search"))),
          pair + " is not shown selected, with a link that takes it away");
    }
  }

  @Test
  void everyFacetLinkIsACodeOfTheTableAndEveryCodeIsTaken() {
    List<String> wrong = new ArrayList<>();
    int links = 0;
    for (SearchPage.FacetGroup g : search("").facets()) {
      for (SearchPage.FacetLink v : g.values()) {
        if (v.href().isPresent() && v.href().get().contains("aggFilters=")) {
          links++;
          String pair = java.net.URLDecoder.decode(v.href().get().replaceFirst(".*aggFilters=", ""),
              java.nio.charset.StandardCharsets.UTF_8);
          String[] p = pair.split(":");
          if (AggFilters.named(p[0]).flatMap(f -> f.option(p[1])).isEmpty()) {
            wrong.add(g.name() + " links " + pair);
          }
        }
      }
    }
    assertTrue(links >= 20, links + " links");
    for (AggFilters.Filter f : AggFilters.all()) {
      for (String code : f.codes()) {
        search(f.name() + ":" + code).error().ifPresent(e -> wrong.add(f.name() + ":" + code + " refused: " + e));
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void anUnknownCodeIsShownWithTheAcceptedOnes() {
    String error = search("status:wh").error().orElseThrow();
    assertTrue(error.startsWith("aggFilters: \"wh\" is not an option of status; accepted: rec (RECRUITING)"), error);
    assertFalse(search("status:whe").error().isPresent());
  }

  @Test
  void aFacetLinkAddsItsCodeToTheFiltersAsTheSearchReadThem() {
    // Written in capitals, phase:2 is the same filter; the link for phase 1 adds to it.
    SearchPage page = search("PHASE:2");
    assertEquals(Optional.empty(), page.error());
    assertTrue(linkTo(page, "phase:2 1").isPresent(), () -> page.facets().toString());
  }
}
