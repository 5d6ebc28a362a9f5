package org.trialdex.app.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.trialdex.app.SearchUnavailableException;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.Landscape;
import org.trialdex.app.service.Landscapes;
import org.trialdex.search.SearchException;
import org.trialdex.search.query.QueryException;
import org.trialdex.search.query.SearchRequest;

/** Builds a {@link LandscapePage}: the search's parameters, restricted to cell therapy, as charts. */
final class LandscapePages {

  private LandscapePages() {}

  static LandscapePage build(Trialdex t, Map<String, List<String>> given, Duration limit) {
    Map<String, List<String>> params = SearchPages.filled(given);
    Parts.SearchForm form = SearchPages.form(params);
    String search = Links.search(params);
    Map<String, List<String>> effective;
    try {
      effective = SearchPages.withAge(params);
    } catch (IllegalArgumentException e) {
      return new LandscapePage(form, Optional.of(e.getMessage()), OptionalLong.empty(), List.of(),
          Links.landscapeApi(params, Optional.empty()), search);
    }
    String json = Links.landscapeApi(effective, Optional.empty());
    Landscape landscape;
    try {
      SearchRequest request = Landscapes.request(effective);
      landscape = t.landscapes().of(request, limit);
    } catch (QueryException | SearchException | SearchUnavailableException e) {
      return new LandscapePage(form, Optional.of(e.getMessage()), OptionalLong.empty(), List.of(), json, search);
    }
    List<LandscapePage.ChartView> charts = new ArrayList<>();
    for (Landscape.Chart c : landscape.charts()) {
      charts.add(ChartViews.of(c, Links.landscapeApi(effective, Optional.of(c.id()))));
    }
    return new LandscapePage(form, Optional.empty(), OptionalLong.of(landscape.trials()), charts, json, search);
  }
}
