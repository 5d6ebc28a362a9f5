package org.trialdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialdex.search.IndexedSample.req;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trialdex.core.catalog.AggFilters;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.search.query.SearchRequest.Area;

/**
 * A facet's count is what a click on it returns: for every facet value that links to an
 * {@code aggFilters} code, on several searches, the count shown equals the total of the same search
 * with that code added (the portal's facet links, and the API's {@code facets=} beside
 * {@code aggFilters=}). The totals are the service's own answers to the clicked searches, the
 * counts its facet counting: two computations that must agree.
 */
class FacetCountsAgreeTest extends IndexedSampleTest {

  private static final List<IndexedSample.Req> SEARCHES = List.of(req(), req().cond("lung cancer"),
      req().query(Area.TERM, new org.trialdex.search.query.Expr.Words("BasicSearch", "breast")),
      req().query(Area.LOCN, new org.trialdex.search.query.Expr.Words("LocationSearch", "Boston")),
      req().agg("status", "rec", "com"));

  @Test
  void everyLinkedFacetValueCountsWhatItsClickReturns() {
    List<String> disagreements = new ArrayList<>();
    int checked = 0;
    for (IndexedSample.Req search : SEARCHES) {
      SearchResult shown = sample.service.search(search.facets(SearchRequest.FACETS.toArray(String[]::new)).build());
      for (Facet f : shown.facets()) {
        Optional<AggFilters.Filter> filter = AggFilters.forFacet(f.name());
        if (filter.isEmpty()) {
          continue;
        }
        for (FacetValue v : f.values()) {
          Optional<AggFilters.Option> option = filter.get().optionForFacetValue(v.value());
          if (option.isEmpty() || search.aggFilters.stream().anyMatch(a -> a.name().equals(filter.get().name()))) {
            continue; // not linked, or the search filters this dimension already (its link adds a code)
          }
          IndexedSample.Req clicked = copy(search).agg(filter.get().name(), option.get().code()).countTotal();
          long total = sample.service.search(clicked.build()).totalCount().orElseThrow();
          checked++;
          if (total != v.count()) {
            disagreements.add(describe(search) + " " + f.name() + "=" + v.value() + ": shows " + v.count()
                + ", the click (aggFilters " + filter.get().name() + ":" + option.get().code() + ") returns " + total);
          }
        }
      }
    }
    assertTrue(checked > 40, "facet values checked: " + checked);
    assertEquals(List.of(), disagreements);
  }

  private static IndexedSample.Req copy(IndexedSample.Req r) {
    IndexedSample.Req c = req();
    c.queries.putAll(r.queries);
    c.aggFilters.addAll(r.aggFilters);
    return c;
  }

  private static String describe(IndexedSample.Req r) {
    return r.queries + " " + r.aggFilters;
  }
}
