package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialdex.app.SearchUnavailableException;
import org.trialdex.app.Trialdex;
import org.trialdex.core.model.Study;
import org.trialdex.search.Facet;
import org.trialdex.search.FacetValue;
import org.trialdex.search.Hit;
import org.trialdex.search.SearchException;
import org.trialdex.search.SearchResult;
import org.trialdex.search.query.QueryException;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.search.query.SearchRequests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialdex search}: the ClinicalTrials.gov API v2 search from the command line, with the
 * same parameters ({@code --cond} is {@code query.cond}, {@code --advanced} is
 * {@code filter.advanced}...) and, with {@code --format json}, the same response shape.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Searches the current records with ClinicalTrials.gov API v2 semantics.",
        "Each option is the API parameter named after it; --format json prints the API's response shape."})
final class SearchCommand implements Callable<Integer> {

  enum Format { table, json }

  @Mixin StoreOptions storeOptions;
  @Spec CommandSpec spec;

  @Option(names = "--cond", description = "query.cond: conditions, by meaning (synonyms and narrower conditions included).") String cond;
  @Option(names = "--term", description = "query.term: any text.") String term;
  @Option(names = "--intr", description = "query.intr: interventions, by meaning (MeSH drugs and procedures).") String intr;
  @Option(names = "--titles", description = "query.titles: titles and acronym.") String titles;
  @Option(names = "--outc", description = "query.outc: outcome measures.") String outc;
  @Option(names = "--spons", description = "query.spons: sponsors and collaborators.") String spons;
  @Option(names = "--lead", description = "query.lead: lead sponsor.") String lead;
  @Option(names = "--id", description = "query.id: NCT id, org study id, secondary ids.") String id;
  @Option(names = "--locn", description = "query.locn: facility, city, state, country.") String locn;
  @Option(names = "--patient", description = "query.patient: what a patient would search.") String patient;
  @Option(names = "--advanced", description = "filter.advanced: Essie syntax, e.g. 'AREA[Phase]PHASE2 AND AREA[StartDate]RANGE[2019-01-01, MAX]'.") String advanced;
  @Option(names = "--status", description = "filter.overallStatus: comma-separated, e.g. RECRUITING,NOT_YET_RECRUITING.") String status;
  @Option(names = "--ids", description = "filter.ids: comma-separated NCT ids.") String ids;
  @Option(names = "--geo", description = "filter.geo: distance(lat,lon,50mi).") String geo;
  @Option(names = "--near", description = "near (our extension): a place as the centre, e.g. 'Boston, MA', 'Paris, France'.") String near;
  @Option(names = "--near-distance", description = "nearDistance (our extension): the radius around --near, e.g. 25mi or 40km (default 50mi).") String nearDistance;
  @Option(names = "--phase", description = "filter.phase: comma-separated, e.g. PHASE2,PHASE3.") String phase;
  @Option(names = "--study-type", description = "filter.studyType: e.g. INTERVENTIONAL.") String studyType;
  @Option(names = "--agg", description = "aggFilters, e.g. 'status:rec,phase:2 3,sex:f'.") String agg;
  @Option(names = "--sort", description = "sort: e.g. LastUpdatePostDate:desc,EnrollmentCount; @distance (nearest site first) with --geo or --near.") String sort;
  @Option(names = "--page-size", description = "pageSize: 1 to 1000 (default 10).") String pageSize;
  @Option(names = "--page-token", description = "pageToken: the token a previous page printed.") String pageToken;
  @Option(names = "--count-total", description = "countTotal: count every hit.") boolean countTotal;
  @Option(names = "--facets", description = "facets: 'all' or a comma list (status, phase, studyType...).") String facets;
  @Option(names = "--explain", description = "Also show how the query was understood (concepts, synonyms) and why each hit matched.")
  boolean explain;
  @Option(names = "--format", defaultValue = "table", description = "table or json (the API's response shape). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    put(params, "query.cond", cond);
    put(params, "query.term", term);
    put(params, "query.intr", intr);
    put(params, "query.titles", titles);
    put(params, "query.outc", outc);
    put(params, "query.spons", spons);
    put(params, "query.lead", lead);
    put(params, "query.id", id);
    put(params, "query.locn", locn);
    put(params, "query.patient", patient);
    put(params, "filter.advanced", advanced);
    put(params, "filter.overallStatus", status);
    put(params, "filter.ids", ids);
    put(params, "filter.geo", geo);
    put(params, "near", near);
    put(params, "nearDistance", nearDistance);
    put(params, "filter.phase", phase);
    put(params, "filter.studyType", studyType);
    put(params, "aggFilters", agg);
    put(params, "sort", sort);
    put(params, "pageSize", pageSize);
    put(params, "pageToken", pageToken);
    put(params, "countTotal", countTotal ? "true" : null);
    put(params, "facets", facets);
    SearchRequest request;
    try {
      request = SearchRequests.parse(params);
    } catch (QueryException e) {
      throw new TrialdexCommand.UsageError(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Trialdex trialdex = storeOptions.open()) {
      SearchResult result;
      try {
        result = trialdex.searches().search(request);
      } catch (SearchException e) {
        if (e.isIndexFailure()) {
          throw new TrialdexCommand.CommandFailure(e.getMessage());
        }
        throw new TrialdexCommand.UsageError(e.getMessage());
      } catch (SearchUnavailableException e) {
        throw new TrialdexCommand.CommandFailure(e.getMessage());
      }
      java.util.Optional<org.trialdex.search.Explanation> explanation = explain
          ? java.util.Optional.of(trialdex.searches().explain(request, result)) : java.util.Optional.empty();
      if (format == Format.json) {
        var root = org.trialdex.app.service.SearchResponses.v2(result, study -> study);
        explanation.ifPresent(e -> root.set("explain", org.trialdex.app.service.SearchResponses.explanation(e)));
        out.println(root.toPrettyString());
      } else {
        table(out, result);
        explanation.ifPresent(e -> {
          out.println();
          org.trialdex.app.service.SearchResponses.explanationText(e).forEach(out::println);
        });
      }
      return TrialdexCommand.OK;
    }
  }

  private static void put(Map<String, List<String>> params, String name, String value) {
    if (value != null) {
      params.put(name, List.of(value));
    }
  }

  /** The API v2 response shape: {@code studies}, {@code nextPageToken}, {@code totalCount}, plus {@code facets}. */
  static String json(SearchResult result) {
    return org.trialdex.app.service.SearchResponses.v2(result, study -> study).toPrettyString();
  }

  private static void table(PrintWriter out, SearchResult result) {
    result.totalCount().ifPresent(n -> out.printf(Locale.ROOT, "%,d studies match%n", n));
    for (Hit hit : result.hits()) {
      Study s = hit.study();
      var ps = s.protocolSection();
      String title = ps == null || ps.identificationModule() == null ? "" : String.valueOf(ps.identificationModule().briefTitle());
      String status = ps == null || ps.statusModule() == null || ps.statusModule().overallStatus() == null ? "" : ps.statusModule().overallStatus().name();
      String phases = ps == null || ps.designModule() == null || ps.designModule().phases() == null ? ""
          : String.join("/", ps.designModule().phases().stream().map(Enum::name).toList());
      String distance = hit.nearest().map(n -> String.format(Locale.ROOT, "  [%.1f km: %s%s]", n.distanceMeters() / 1000,
          n.place(), n.precision().equals("city") ? ", city centre" : "")).orElse("");
      out.printf(Locale.ROOT, "%-12s %-24s %-14s %s%s%n", hit.id(), status, phases, title, distance);
    }
    for (Facet f : result.facets()) {
      out.printf(Locale.ROOT, "%n%s:%n", f.name());
      for (FacetValue v : f.values()) {
        out.printf(Locale.ROOT, "  %-30s %,8d%n", v.value(), v.count());
      }
    }
    result.nextPageToken().ifPresent(t -> out.printf(Locale.ROOT, "%nnext page: --page-token %s%n", t));
  }
}
