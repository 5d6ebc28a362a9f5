package org.trialdex.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.SearchResponses;
import org.trialdex.app.web.WebPages;
import org.trialdex.search.Hit;
import org.trialdex.search.SearchResult;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.search.query.SearchRequests;

/**
 * {@code GET /search/download.csv?…}: every trial a portal search matches, as CSV, streamed page by
 * page as the search's cursor walks them (never the whole set in memory): ClinicalTrials.gov's
 * download columns ({@link CsvColumns#DOWNLOAD}), or with {@code columns=shown} the columns the
 * results list shows. The portal's own parameters (age, sex, recruiting only, facet values) count
 * as on the page.
 */
final class SearchDownload {

  /** The columns of the results list, by their download titles (written in the download's order). */
  static final List<String> SHOWN = List.of("NCT Number", "Study Title", "Study URL", "Study Status", "Study Results",
      "Conditions", "Phases", "Enrollment", "Start Date", "Primary Completion Date", "Locations");
  /** Trials read per search while streaming. */
  private static final int BATCH = SearchRequest.MAX_PAGE_SIZE;

  private SearchDownload() {}

  static void csv(Context ctx, Trialdex trialdex, Duration searchLimit) throws IOException {
    Map<String, List<String>> given = new LinkedHashMap<>(ctx.queryParamMap());
    List<String> columnsAsked = given.remove("columns");
    boolean shown;
    if (columnsAsked == null || columnsAsked.equals(List.of("all"))) {
      shown = false;
    } else if (columnsAsked.equals(List.of("shown"))) {
      shown = true;
    } else {
      throw new HttpServer.BadRequest("columns takes shown (the results list's columns) or all, once; got " + columnsAsked);
    }
    for (String paging : List.of("pageToken", "pageSize", "format", "fields", "countTotal", "facets")) {
      given.remove(paging);
    }
    Map<String, List<String>> params;
    try {
      params = WebPages.apiParams(given);
    } catch (IllegalArgumentException e) {
      throw new HttpServer.BadRequest(e.getMessage());
    }
    params.put("pageSize", List.of(Integer.toString(BATCH)));
    List<CsvColumns.Column> columns = CsvColumns.select(shown ? SHOWN : List.of());
    SearchRequest first = SearchRequests.parse(params);
    // The first page before any byte is sent: a bad query is still a 400 with its reason.
    SearchResult page = HttpServer.search(trialdex, first, searchLimit);
    ctx.header("Content-Disposition", "attachment; filename=\"trialdex-search.csv\"");
    page.totalCount().ifPresent(n -> ctx.header("x-total-count", Long.toString(n)));
    SearchResult start = page;
    Streamed.csv(ctx, out -> {
      CsvColumns.header(columns, out);
      SearchResult current = start;
      while (true) {
        for (Hit h : current.hits()) {
          JsonNode study = SearchResponses.storedTree(h);
          CsvColumns.row(columns, study, out);
        }
        Optional<String> next = current.nextPageToken();
        if (next.isEmpty()) {
          return;
        }
        Map<String, List<String>> p = new LinkedHashMap<>(params);
        p.put("pageToken", List.of(next.get()));
        current = HttpServer.search(trialdex, SearchRequests.parse(p), searchLimit);
      }
    });
  }
}
