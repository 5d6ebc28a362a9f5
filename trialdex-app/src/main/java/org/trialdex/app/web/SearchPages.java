package org.trialdex.app.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.trialdex.app.SearchUnavailableException;
import org.trialdex.app.Trialdex;
import org.trialdex.core.catalog.AggFilters;
import org.trialdex.core.celltherapy.CellType;
import org.trialdex.core.celltherapy.Coded;
import org.trialdex.core.celltherapy.Donor;
import org.trialdex.core.celltherapy.Route;
import org.trialdex.core.celltherapy.TissueSource;
import org.trialdex.core.trust.TrustSignal;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.Study;
import org.trialdex.search.Facet;
import org.trialdex.search.FacetValue;
import org.trialdex.search.Hit;
import org.trialdex.search.SearchException;
import org.trialdex.search.SearchResult;
import org.trialdex.search.query.QueryException;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.search.query.SearchRequests;

/** Builds a {@link SearchPage}: the API's search with facets and a total, and links that change it. */
final class SearchPages {

  private static final int SITES_SHOWN = 3;
  private static final List<String> FORM_FIELDS = List.of("query.cond", "query.term", "query.locn", "near", "nearDistance",
      "age", SearchFilters.DOSE_MIN, SearchFilters.DOSE_MAX, SearchFilters.TRUST, "pageToken");
  /** The oldest age the form's age box takes. */
  private static final int MAX_AGE = 120;

  private SearchPages() {}

  static SearchPage build(Trialdex t, Map<String, List<String>> given, Optional<Duration> limit) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    given.forEach((k, v) -> {
      List<String> values = v.stream().filter(x -> x != null && !x.isBlank()).toList();
      if (!values.isEmpty()) {
        params.put(k, values);
      }
    });
    // The form's "near" comes with its radius even when the place box is empty: drop the radius then.
    if (!params.containsKey("near")) {
      params.remove("nearDistance");
    }
    Parts.SearchForm form = form(params);
    Map<String, List<String>> effective;
    try {
      effective = withAge(params);
    } catch (IllegalArgumentException e) {
      return new SearchPage(form, Optional.of(e.getMessage()), OptionalLong.empty(), List.of(), List.of(), List.of(),
          Optional.empty(), Optional.empty(), Links.feed(params), Links.csv(params), Links.landscape(params), SearchFilters.active(params));
    }
    String feed = Links.feed(effective);
    String csv = Links.csv(effective);
    Map<String, List<String>> asked = new LinkedHashMap<>(effective);
    asked.putIfAbsent("facets", List.of("all"));
    asked.putIfAbsent("countTotal", List.of("true"));
    SearchRequest request;
    SearchResult result;
    try {
      request = SearchRequests.parse(asked);
      result = limit.isPresent() ? t.searches().search(request, limit.get()) : t.searches().search(request);
    } catch (QueryException | SearchException | SearchUnavailableException e) {
      return new SearchPage(form, Optional.of(e.getMessage()), OptionalLong.empty(), List.of(), List.of(), List.of(),
          Optional.empty(), Optional.empty(), feed, csv, Links.landscape(params), SearchFilters.active(params));
    }
    List<SearchPage.Hit> hits = result.hits().stream().map(SearchPages::hit).toList();
    List<SearchPage.FacetGroup> facets = result.facets().stream().map(f -> facet(f, params, request.aggFilters())).filter(f -> !f.values().isEmpty()).toList();
    Optional<String> next = result.nextPageToken().map(token -> {
      Map<String, List<String>> p = new LinkedHashMap<>(params);
      p.put("pageToken", List.of(token));
      return Links.search(p);
    });
    Optional<String> first = Optional.empty();
    if (params.containsKey("pageToken")) {
      Map<String, List<String>> p = new LinkedHashMap<>(params);
      p.remove("pageToken");
      first = Optional.of(Links.search(p));
    }
    return new SearchPage(form, Optional.empty(), result.totalCount(), hits, facets, sorts(params), next, first, feed, csv,
        Links.landscape(params), SearchFilters.active(params));
  }

  /**
   * The form's own filters as the API says them: the dose and trust filters ({@link SearchFilters})
   * and the form's "age of the patient": the minimum age at most, and the maximum age
   * at least, that many years ({@code AREA[MinimumAge]}, {@code AREA[MaximumAge]} ranges), added to
   * any {@code filter.advanced}.
   *
   * @throws IllegalArgumentException when the age is not a whole number of years from 0 to 120
   */
  static Map<String, List<String>> withAge(Map<String, List<String>> params) {
    return SearchFilters.apply(ageOnly(params));
  }

  private static Map<String, List<String>> ageOnly(Map<String, List<String>> params) {
    List<String> given = params.get("age");
    if (given == null) {
      return params;
    }
    String text = given.getFirst().strip();
    int age;
    try {
      age = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      age = -1;
    }
    if (given.size() > 1 || age < 0 || age > MAX_AGE) {
      throw new IllegalArgumentException("The age of the patient must be a whole number of years from 0 to " + MAX_AGE
          + ", got '" + String.join(", ", given) + "'");
    }
    String byAge = "AREA[MinimumAge]RANGE[MIN, " + age + " years] AND AREA[MaximumAge]RANGE[" + age + " years, MAX]";
    Map<String, List<String>> out = new LinkedHashMap<>(params);
    out.remove("age");
    List<String> advanced = params.get("filter.advanced");
    out.put("filter.advanced", List.of(advanced == null ? byAge : "(" + advanced.getFirst() + ") AND " + byAge));
    return out;
  }

  static Parts.SearchForm form(Map<String, List<String>> params) {
    List<Parts.Param> hidden = new ArrayList<>();
    params.forEach((k, values) -> {
      if (k.equals("aggFilters")) {
        // The form's trust choice shows the aggFilters trust entry; carrying it hidden too would keep it when changed.
        values.stream().map(v -> SearchFilters.hiddenAggFilters(params, v)).filter(v -> !v.isEmpty())
            .forEach(v -> hidden.add(new Parts.Param(k, v)));
      } else if (!FORM_FIELDS.contains(k)) {
        values.forEach(v -> hidden.add(new Parts.Param(k, v)));
      }
    });
    String within = first(params, "nearDistance");
    return new Parts.SearchForm(first(params, "query.cond"), first(params, "query.term"), first(params, "query.locn"),
        first(params, "near"), within.isEmpty() ? "50mi" : within, first(params, "age"),
        first(params, SearchFilters.DOSE_MIN), first(params, SearchFilters.DOSE_MAX), SearchFilters.shownTrust(params),
        hidden);
  }

  private static SearchPage.Hit hit(Hit h) {
    Study s = h.study();
    var p = s.protocolSection();
    String status = p == null || p.statusModule() == null || p.statusModule().overallStatus() == null ? ""
        : Labels.of(p.statusModule().overallStatus());
    String phases = p == null || p.designModule() == null || p.designModule().phases() == null ? ""
        : Labels.join(p.designModule().phases());
    List<String> conditions = p == null || p.conditionsModule() == null || p.conditionsModule().conditions() == null
        ? List.of() : p.conditionsModule().conditions();
    List<Location> locations = p == null || p.contactsLocationsModule() == null || p.contactsLocationsModule().locations() == null
        ? List.of() : p.contactsLocationsModule().locations();
    List<String> sites = locations.stream().limit(SITES_SHOWN).map(SearchPages::site).toList();
    Optional<String> distance = h.nearest().map(n -> String.format(Locale.ROOT, "%.0f km (%s%s)", n.distanceMeters() / 1000,
        n.place(), n.precision().equals("city") ? ", city centre" : ""));
    return new SearchPage.Hit(h.id(), Links.study(h.id()), StudyPages.title(s, h.id()), status, phases, conditions, sites,
        Math.max(0, locations.size() - SITES_SHOWN), distance);
  }

  private static String site(Location l) {
    List<String> parts = new ArrayList<>();
    for (String x : new String[] {l.facility(), l.city(), l.country()}) {
      if (x != null && !x.isBlank()) {
        parts.add(x);
      }
    }
    return String.join(", ", parts);
  }

  private static SearchPage.FacetGroup facet(Facet f, Map<String, List<String>> params,
      List<SearchRequest.AggFilter> chosen) {
    // The facet's values link to the aggFilters codes core's table gives them; facets without a
    // filter (country, condition, sponsor class, intervention type) show counts only.
    Optional<AggFilters.Filter> filter = AggFilters.forFacet(f.name());
    String aggName = filter.map(AggFilters.Filter::name).orElse(null);
    // What is chosen already, as the search parsed it (canonical names, lower-case codes).
    Map<String, List<String>> current = new LinkedHashMap<>();
    chosen.forEach(a -> current.put(a.name(), a.options()));
    List<SearchPage.FacetLink> links = new ArrayList<>();
    for (FacetValue v : f.values()) {
      String code = filter.flatMap(x -> x.optionForFacetValue(v.value())).map(AggFilters.Option::code).orElse(null);
      boolean active = code != null && current.getOrDefault(aggName, List.of()).contains(code);
      Optional<String> href = Optional.empty();
      if (code != null && !active) {
        Map<String, List<String>> p = new LinkedHashMap<>(params);
        p.remove("pageToken");
        // The form's trust choice is in current already (as aggFilters): the link carries it there.
        p.remove(SearchFilters.TRUST);
        p.put("aggFilters", List.of(withCode(current, aggName, code)));
        href = Optional.of(Links.search(p));
      }
      links.add(new SearchPage.FacetLink(facetLabel(f.name(), v.value()), v.count(), href, active));
    }
    return new SearchPage.FacetGroup(facetName(f.name()), links);
  }

  private static String facetName(String name) {
    return switch (name) {
      case "status" -> "Recruitment status";
      case "phase" -> "Phase";
      case "studyType" -> "Study type";
      case "interventionType" -> "Intervention type";
      case "sponsorClass" -> "Sponsor type";
      case "country" -> "Country";
      case "sex" -> "Sex";
      case "ageGroup" -> "Age group";
      case "healthy" -> "Healthy volunteers";
      case "results" -> "Results";
      case "condition" -> "Condition";
      case "cellType" -> "Cell type";
      case "cellSource" -> "Cell source (tissue)";
      case "cellDonor" -> "Cell donor";
      case "cellRoute" -> "Cell delivery route";
      case "trust" -> "Trust signals";
      default -> name;
    };
  }

  private static String facetLabel(String facet, String value) {
    Optional<String> coded = switch (facet) {
      case "cellType" -> label(CellType.class, value);
      case "cellSource" -> label(TissueSource.class, value);
      case "cellDonor" -> label(Donor.class, value);
      case "cellRoute" -> label(Route.class, value);
      case "trust" -> value.equals(AggFilters.NO_TRUST_SIGNAL) ? Optional.of("No trust signal")
          : TrustSignal.Kind.ofCode(value).map(TrustSignal.Kind::label);
      default -> null;
    };
    if (coded != null) {
      return coded.orElse(value);
    }
    if (facet.equals("healthy")) {
      return value.equals("true") ? "Accepts healthy volunteers" : "No healthy volunteers";
    }
    if (facet.equals("results")) {
      return value.equals("true") ? "With results" : "Without results";
    }
    return Labels.of(value);
  }

  /** The label of the constant of {@code type} whose code is {@code code}, or empty. */
  private static <E extends Enum<E> & Coded> Optional<String> label(Class<E> type, String code) {
    return Optional.ofNullable(Coded.parse(type, code)).map(Coded::label);
  }

  private static List<Parts.Link> sorts(Map<String, List<String>> params) {
    List<Parts.Link> links = new ArrayList<>();
    String[][] options = {{"Relevance", ""}, {"Last update", "LastUpdatePostDate:desc"},
        {"Start date", "StartDate:desc"}, {"Enrollment", "EnrollmentCount:desc"}};
    for (String[] o : options) {
      Map<String, List<String>> p = new LinkedHashMap<>(params);
      p.remove("pageToken");
      p.remove("sort");
      if (!o[1].isEmpty()) {
        p.put("sort", List.of(o[1]));
      }
      links.add(new Parts.Link(o[0], Links.search(p)));
    }
    return links;
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  /** {@code current} with one more code: the {@code aggFilters} value of a facet link. */
  private static String withCode(Map<String, List<String>> current, String name, String code) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    current.forEach((k, v) -> m.put(k, new ArrayList<>(v)));
    m.computeIfAbsent(name, k -> new ArrayList<>()).add(code);
    List<String> entries = new ArrayList<>();
    m.forEach((k, v) -> entries.add(k + ":" + String.join(" ", v)));
    return String.join(",", entries);
  }
}
