package org.trialdex.app.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialdex.app.Trialdex;
import org.trialdex.store.StoreCounts;

/**
 * The portal's pages as HTML. Each method builds its page record from the wiring and renders the
 * template of the same name into a {@link ChunkedBody}; an HTTP layer routes to them and sends it
 * with {@code text/html; charset=utf-8}.
 *
 * <p>Paths the pages link to: {@code /}, {@code /search?...} (the API's parameters),
 * {@code /study/{nctId}}, {@code /study/{nctId}/history?from=&to=}, {@code /landscape?...}, {@code /feed?...},
 * {@code /api/v2/studies?...&format=csv} and {@code /api/landscape/{chart}.csv?...}.
 *
 * <p>Templates are precompiled into this jar by the build (jte-maven-plugin); rendering needs no
 * compiler and escapes every value for HTML.
 */
public final class WebPages {

  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  private WebPages() {}

  /** The home page: search box, counts by status, common searches. */
  public static ChunkedBody home(Trialdex t) {
    StoreCounts counts = t.reports().counts();
    List<Parts.Count> byStatus = new ArrayList<>();
    counts.byStatus().forEach((status, n) -> byStatus.add(new Parts.Count(Labels.of(status), n,
        status.equals(StoreCounts.NONE) ? Optional.empty()
            : Optional.of(Links.search(Links.params("filter.overallStatus", status))))));
    List<Parts.Link> common = List.of(
        new Parts.Link("Recruiting mesenchymal stem cell trials",
            Links.search(Links.params("query.intr", "mesenchymal stem cells", "filter.overallStatus", "RECRUITING"))),
        new Parts.Link("Graft-versus-host disease", Links.search(Links.params("query.cond", "graft versus host disease"))),
        new Parts.Link("Lupus", Links.search(Links.params("query.cond", "lupus"))),
        new Parts.Link("Knee osteoarthritis", Links.search(Links.params("query.cond", "knee osteoarthritis"))),
        new Parts.Link("Trials with posted results", Links.search(Links.params("aggFilters", "results:with"))));
    return render("home.jte", new HomePage(Parts.SearchForm.empty(), counts.studies(), byStatus, common));
  }

  /**
   * A search results page for the API's search parameters ({@code query.cond}, {@code aggFilters},
   * {@code pageToken}...). A parameter the search cannot take renders the page with its message
   * instead of results.
   */
  public static ChunkedBody search(Trialdex t, Map<String, List<String>> params) {
    return render("search.jte", SearchPages.build(t, params, Optional.empty()));
  }

  /**
   * {@link #search(Trialdex, Map)} with a time limit on the search.
   *
   * @throws org.trialdex.search.SearchTimeoutException when the search ran past {@code limit} and was stopped
   */
  public static ChunkedBody search(Trialdex t, Map<String, List<String>> params, Duration limit) {
    return render("search.jte", SearchPages.build(t, params, Optional.of(limit)));
  }

  /** A page and the HTTP status it goes with. */
  public record Answer(int status, ChunkedBody body) {}

  /**
   * {@link #search(Trialdex, Map, Duration)} with its status: 400 when the search could not take its
   * parameters (the page then says why, with the form to change them), 503 while the index is
   * away (the page says so), else 200.
   */
  public static Answer searchAnswer(Trialdex t, Map<String, List<String>> params, Duration limit) {
    SearchPage page = SearchPages.build(t, params, Optional.of(limit));
    return new Answer(page.status(), render("search.jte", page));
  }

  /**
   * The API's search parameters of a portal search (its form's own filters, age, sex, facet values
   * turned into {@code filter.advanced} and {@code aggFilters}), without what only pages it.
   *
   * @throws IllegalArgumentException naming a portal parameter whose value the page cannot take
   */
  public static Map<String, List<String>> apiParams(Map<String, List<String>> params) {
    Map<String, List<String>> given = SearchPages.filled(params);
    given.remove("page");
    return SearchPages.withAge(given);
  }

  /**
   * An error page: the heading, what went wrong in words, and a search box to go on from there
   * (a 404 for a page or trial that is not here, say).
   */
  public static ChunkedBody error(String heading, String message) {
    return render("error.jte", new ErrorPage(heading, message, Parts.SearchForm.empty()));
  }

  /** What the error page shows. Public because the compiled template reads it. */
  public record ErrorPage(String heading, String message, Parts.SearchForm form) {}

  /**
   * A trial's page: every section its record has, related trials, conflicts and findings.
   *
   * @throws NotFound when the store holds no trial with this id (or alias)
   */
  public static ChunkedBody study(Trialdex t, String id) {
    return render("study.jte", StudyPages.build(t, id));
  }

  /**
   * A trial's page for a request: {@code near} (a place) orders the sites of its "Can I take part?"
   * box by distance, and {@code pageUrl} is the address its printed copy names.
   *
   * @throws NotFound when the store holds no trial with this id (or alias)
   */
  public static ChunkedBody study(Trialdex t, String id, Map<String, List<String>> params, String pageUrl) {
    return render("study.jte", StudyPages.build(t, id, params, Optional.of(pageUrl)));
  }

  /**
   * A trial's versions and the field differences between versions {@code from} and {@code to}
   * (by default the last two).
   *
   * @throws NotFound when the store holds no such trial, or no such version of it
   */
  public static ChunkedBody history(Trialdex t, String id, Optional<Integer> from, Optional<Integer> to) {
    return render("history.jte", HistoryPages.build(t, id, from, to));
  }

  /**
   * The landscape of the cell-therapy trials the search parameters match: charts with tables and CSV
   * links. A parameter it cannot take renders the page with its message instead of charts.
   *
   * @throws org.trialdex.search.SearchTimeoutException when counting ran past {@code limit} and was stopped
   */
  public static ChunkedBody landscape(Trialdex t, Map<String, List<String>> params, Duration limit) {
    return render("landscape.jte", LandscapePages.build(t, params, limit));
  }

  /** {@link #landscape} with its status: 400 when the landscape could not take its parameters. */
  public static Answer landscapeAnswer(Trialdex t, Map<String, List<String>> params, Duration limit) {
    LandscapePage page = LandscapePages.build(t, params, limit);
    return new Answer(page.error().isPresent() ? 400 : 200, render("landscape.jte", page));
  }

  /** The match page with an empty form. */
  public static ChunkedBody match() {
    return render("match.jte", MatchPages.empty());
  }

  /**
   * The match page for a posted form: the patient as read and the ranked trials, or the form again
   * with the reason the patient could not be read.
   */
  public static ChunkedBody match(Trialdex t, Map<String, List<String>> form) {
    return render("match.jte", MatchPages.build(t, form));
  }

  static ChunkedBody render(String template, Object page) {
    ChunkedBody out = new ChunkedBody();
    ENGINE.render(template, page, out);
    return out;
  }
}
