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
import org.trialdex.search.SearchService;
import org.trialdex.search.query.QueryException;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.search.query.SearchRequests;

/** Builds a {@link SearchPage}: the API's search with facets and a total, and links that change it. */
final class SearchPages {

  private static final int SITES_SHOWN = 3;
  private static final int PAGE_SIZE = SearchRequest.DEFAULT_PAGE_SIZE;
  /** The highest page number the portal links: pages reach {@link SearchService#MAX_SKIP} hits in. */
  static final int MAX_PAGE = SearchService.MAX_SKIP / PAGE_SIZE + 1;
  /** Facet values shown before the rest fold away. */
  private static final int FACET_VALUES_SHOWN = 8;
  /**
   * Facet values listed behind the fold at most: a facet of hundreds of conditions would make the
   * page half a megabyte; the rarer values are a search away (the condition box).
   */
  private static final int FACET_VALUES_FOLDED = 40;
  private static final int SUMMARY_CHARS = 220;
  private static final List<String> FORM_FIELDS = List.of("query.cond", "query.term", "query.intr", "query.locn", "near",
      "nearDistance", "age", SearchFilters.SEX, SearchFilters.OPEN, SearchFilters.DOSE_MIN, SearchFilters.DOSE_MAX,
      SearchFilters.TRUST, "pageToken", "page");
  /** The oldest age the form's age box takes. */
  private static final int MAX_AGE = 120;

  private SearchPages() {}

  static SearchPage build(Trialdex t, Map<String, List<String>> given, Optional<Duration> limit) {
    Map<String, List<String>> params = SearchPages.filled(given);
    Parts.SearchForm form = form(params);
    List<Parts.Link> chips = Chips.of(params);
    Optional<String> clearAll = chips.isEmpty() ? Optional.empty() : Optional.of(Chips.clearAll(params));
    SearchPage.Toggle recruiting = recruitingToggle(params);
    String landscape = Links.landscape(params);
    String csv = Links.searchCsv(params, false);
    String csvShown = Links.searchCsv(params, true);
    Map<String, List<String>> effective;
    int page;
    try {
      page = page(params);
      effective = withAge(params);
    } catch (IllegalArgumentException e) {
      return failed(400, form, e.getMessage(), Links.feed(params), csv, csvShown, landscape, chips, clearAll, recruiting);
    }
    String feed = Links.feed(effective);
    Map<String, List<String>> asked = new LinkedHashMap<>(effective);
    asked.putIfAbsent("facets", List.of("all"));
    asked.putIfAbsent("countTotal", List.of("true"));
    asked.remove("pageSize");
    asked.remove("page");
    SearchRequest request;
    SearchResult result;
    int skip = params.containsKey("pageToken") ? 0 : (page - 1) * PAGE_SIZE;
    try {
      request = SearchRequests.parse(asked);
      Duration d = limit.orElse(UNLIMITED);
      result = request.pageToken().isPresent() ? t.searches().search(request, d) : t.searches().page(request, skip, d);
    } catch (QueryException e) {
      return failed(400, form, e.getMessage(), feed, csv, csvShown, landscape, chips, clearAll, recruiting);
    } catch (SearchException e) {
      // The index failing (its folder, its disk) is the server's trouble, not the request's.
      return failed(e.isIndexFailure() ? 503 : 400, form, e.getMessage(), feed, csv, csvShown, landscape, chips, clearAll,
          recruiting);
    } catch (SearchUnavailableException e) {
      return failed(503, form, e.getMessage(), feed, csv, csvShown, landscape, chips, clearAll, recruiting);
    }
    List<SearchPage.Hit> hits = new ArrayList<>();
    for (Hit h : result.hits()) {
      hits.add(hit(skip + hits.size() + 1, h, first(params, "near")));
    }
    List<SearchPage.FacetGroup> facets = result.facets().stream().map(f -> facet(f, params, request.aggFilters()))
        .filter(f -> !f.values().isEmpty()).toList();
    SearchPage.Pages pages = params.containsKey("pageToken") ? cursorPages(params, result) : pages(params, page, result);
    Optional<SiteMap.Drawn> map = SiteMap.draw(result.hits(), nearbyOthers(t, asked, request, result, skip, limit),
        request.geo(), skip + 1);
    return new SearchPage(200, form, Optional.empty(), result.totalCount(), hits, skip + 1, facets, sorts(params), pages,
        feed, Links.follow(effective), csv, csvShown, landscape, chips, clearAll, recruiting, map);
  }

  /**
   * For a search near a place, the other matching trials (up to {@link SiteMap#MAX_TRIALS} in all),
   * whose sites the map shows beside the page's: a person looking near home sees every site around,
   * not only this page's. Empty for other searches, whose sites may be anywhere.
   */
  private static List<Hit> nearbyOthers(Trialdex t, Map<String, List<String>> asked, SearchRequest request,
      SearchResult result, int skip, Optional<Duration> limit) {
    long total = result.totalCount().orElse(0);
    if (request.geo().isEmpty() || total <= result.hits().size()) {
      return List.of();
    }
    Map<String, List<String>> p = new LinkedHashMap<>(asked);
    p.remove("facets");
    p.remove("countTotal");
    p.remove("pageToken");
    p.put("pageSize", List.of(Integer.toString((int) Math.min(total, SiteMap.MAX_TRIALS))));
    java.util.Set<String> shown = new java.util.HashSet<>();
    result.hits().forEach(h -> shown.add(h.id()));
    return t.searches().page(SearchRequests.parse(p), 0, limit.orElse(UNLIMITED)).hits().stream()
        .filter(h -> !shown.contains(h.id())).toList();
  }

  /**
   * The parameters a form sent, without its empty boxes, and without the radius when the place
   * box is empty (the form sends "near" with its radius even then).
   */
  static Map<String, List<String>> filled(Map<String, List<String>> given) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    given.forEach((k, v) -> {
      List<String> values = v.stream().filter(x -> x != null && !x.isBlank()).toList();
      if (!values.isEmpty()) {
        params.put(k, values);
      }
    });
    if (!params.containsKey("near")) {
      params.remove("nearDistance");
    }
    return params;
  }

  /** A time limit no search reaches: for callers that set none. */
  private static final Duration UNLIMITED = Duration.ofDays(1);

  private static SearchPage failed(int status, Parts.SearchForm form, String message, String feed, String csv, String csvShown,
      String landscape, List<Parts.Link> chips, Optional<String> clearAll, SearchPage.Toggle recruiting) {
    return new SearchPage(status, form, Optional.of(message), OptionalLong.empty(), List.of(), 1, List.of(), List.of(),
        SearchPage.Pages.none(), feed, Links.follow(Links.params()), csv, csvShown, landscape, chips, clearAll, recruiting, Optional.empty());
  }

  /** The page number asked for: {@code page=N}, 1 to {@link #MAX_PAGE}, 1 when absent. */
  private static int page(Map<String, List<String>> params) {
    List<String> v = params.get("page");
    if (v == null) {
      return 1;
    }
    try {
      int n = Integer.parseInt(v.getFirst().strip());
      if (v.size() == 1 && n >= 1 && n <= MAX_PAGE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException("The page number must be a whole number from 1 to " + MAX_PAGE + ", got '"
        + String.join(", ", v) + "'; to go further, narrow the search or download it as CSV");
  }

  /** Previous, next and the numbers around this page, with the first and last pages. */
  private static SearchPage.Pages pages(Map<String, List<String>> params, int page, SearchResult result) {
    long total = result.totalCount().orElse(0);
    int last = (int) Math.min(MAX_PAGE, Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
    if (last <= 1 && page == 1) {
      return SearchPage.Pages.none();
    }
    Optional<String> previous = page > 1 ? Optional.of(pageLink(params, page - 1)) : Optional.empty();
    Optional<String> next = page < last && result.nextPageToken().isPresent() ? Optional.of(pageLink(params, page + 1))
        : Optional.empty();
    List<SearchPage.PageLink> numbers = new ArrayList<>();
    int from = Math.max(1, page - 2);
    int to = Math.min(last, page + 2);
    if (from > 1) {
      numbers.add(new SearchPage.PageLink(1, Optional.of(pageLink(params, 1)), false));
      if (from > 2) {
        numbers.add(new SearchPage.PageLink(0, Optional.empty(), false));
      }
    }
    for (int n = from; n <= to; n++) {
      numbers.add(new SearchPage.PageLink(n, n == page ? Optional.empty() : Optional.of(pageLink(params, n)), n == page));
    }
    if (to < last) {
      if (to < last - 1) {
        numbers.add(new SearchPage.PageLink(0, Optional.empty(), false));
      }
      numbers.add(new SearchPage.PageLink(last, Optional.of(pageLink(params, last)), false));
    }
    return new SearchPage.Pages(previous, next, numbers);
  }

  /** An address that pages by the API's cursor ({@code pageToken}, from older links): next, and back to the first. */
  private static SearchPage.Pages cursorPages(Map<String, List<String>> params, SearchResult result) {
    Optional<String> next = result.nextPageToken().map(token -> {
      Map<String, List<String>> p = new LinkedHashMap<>(params);
      p.put("pageToken", List.of(token));
      return Links.search(p);
    });
    return new SearchPage.Pages(Optional.of(pageLink(params, 1)), next, List.of());
  }

  private static String pageLink(Map<String, List<String>> params, int n) {
    Map<String, List<String>> p = new LinkedHashMap<>(params);
    p.remove("pageToken");
    p.remove("page");
    if (n > 1) {
      p.put("page", List.of(Integer.toString(n)));
    }
    return Links.search(p);
  }

  private static SearchPage.Toggle recruitingToggle(Map<String, List<String>> params) {
    Map<String, List<String>> p = new LinkedHashMap<>(params);
    p.remove("pageToken");
    p.remove("page");
    boolean on = p.remove(SearchFilters.OPEN) != null;
    if (!on) {
      p.put(SearchFilters.OPEN, List.of("on"));
    }
    return new SearchPage.Toggle(on, Links.search(p));
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
    // What the form does not show, it carries hidden; the page shows each as a chip to remove.
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
    return new Parts.SearchForm(first(params, "query.cond"), first(params, "query.term"), first(params, "query.intr"),
        first(params, "query.locn"), first(params, "near"), within.isEmpty() ? "50mi" : within, first(params, "age"),
        first(params, SearchFilters.SEX).toLowerCase(Locale.ROOT), !first(params, SearchFilters.OPEN).isEmpty(),
        first(params, SearchFilters.DOSE_MIN), first(params, SearchFilters.DOSE_MAX), SearchFilters.shownTrust(params),
        hidden);
  }

  /** One trial of the list; its link carries the place searched near, so its page lists the sites nearest it. */
  private static SearchPage.Hit hit(int number, Hit h, String near) {
    Study s = h.study();
    var p = s.protocolSection();
    var status = p == null || p.statusModule() == null ? null : p.statusModule();
    String overall = status == null || status.overallStatus() == null ? "" : Labels.of(status.overallStatus());
    boolean open = status != null && status.overallStatus() != null
        && List.of("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "AVAILABLE")
            .contains(status.overallStatus().name());
    String phases = p == null || p.designModule() == null || p.designModule().phases() == null ? ""
        : Labels.join(p.designModule().phases());
    List<String> conditions = p == null || p.conditionsModule() == null || p.conditionsModule().conditions() == null
        ? List.of() : p.conditionsModule().conditions();
    List<Location> locations = p == null || p.contactsLocationsModule() == null || p.contactsLocationsModule().locations() == null
        ? List.of() : p.contactsLocationsModule().locations();
    List<String> sites = locations.stream().limit(SITES_SHOWN).map(SearchPages::site).toList();
    Optional<String> distance = h.nearest().map(n -> String.format(Locale.ROOT, "%.0f km (%s%s)", n.distanceMeters() / 1000,
        n.place(), n.precision().equals("city") ? ", city centre" : ""));
    String enrollment = "";
    if (p != null && p.designModule() != null && p.designModule().enrollmentInfo() != null
        && p.designModule().enrollmentInfo().count() != null) {
      var e = p.designModule().enrollmentInfo();
      enrollment = e.count() + " participants" + (e.type() != null && e.type().name().equals("ESTIMATED") ? " (planned)" : "");
    }
    List<String> dates = new ArrayList<>();
    if (status != null && status.startDateStruct() != null && status.startDateStruct().date() != null) {
      dates.add("Start " + when(String.valueOf(status.startDateStruct().date())));
    }
    if (status != null && status.primaryCompletionDateStruct() != null && status.primaryCompletionDateStruct().date() != null) {
      dates.add("primary completion " + when(String.valueOf(status.primaryCompletionDateStruct().date())));
    }
    boolean results = s.hasResults() != null ? s.hasResults() : s.resultsSection() != null;
    String href = near.isEmpty() ? Links.study(h.id()) : Links.withQuery(Links.study(h.id()), Links.params("near", near));
    return new SearchPage.Hit(number, h.id(), href, StudyPages.title(s, h.id()), overall, open, phases,
        conditions, enrollment, String.join(", ", dates), results, summary(s), sites,
        Math.max(0, locations.size() - SITES_SHOWN), distance);
  }

  /** "2019-03" as "Mar 2019", "2019-03-15" as "15 Mar 2019"; anything else as it is. */
  static String when(String date) {
    String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})-(\\d{2})(?:-(\\d{2}))?").matcher(date);
    if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 12) {
      return date;
    }
    String month = months[Integer.parseInt(m.group(2)) - 1] + " " + m.group(1);
    return m.group(3) == null ? month : Integer.parseInt(m.group(3)) + " " + month;
  }

  /** The brief summary's first sentence, cut at a word near {@link #SUMMARY_CHARS} characters. */
  static String summary(Study s) {
    var p = s.protocolSection();
    String text = p == null || p.descriptionModule() == null || p.descriptionModule().briefSummary() == null ? ""
        : p.descriptionModule().briefSummary().replaceAll("\\s+", " ").strip();
    int end = text.indexOf(". ");
    if (end > 40) {
      text = text.substring(0, end + 1);
    }
    if (text.length() > SUMMARY_CHARS) {
      int cut = text.lastIndexOf(' ', SUMMARY_CHARS);
      text = text.substring(0, cut > SUMMARY_CHARS / 2 ? cut : SUMMARY_CHARS) + "…";
    }
    return text;
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
    // A value links to the search with it added, or, when chosen, without it: values of one facet
    // combine with OR, facets with AND. Facets with aggFilters codes (core's table) say so there;
    // country, condition, sponsor type and intervention type by the portal's own parameters.
    Optional<AggFilters.Filter> filter = AggFilters.forFacet(f.name());
    Optional<SearchFilters.Dimension> dimension = SearchFilters.Dimension.ofFacet(f.name());
    String aggName = filter.map(AggFilters.Filter::name).orElse(null);
    // What is chosen already, as the search parsed it (canonical names, lower-case codes).
    Map<String, List<String>> current = new LinkedHashMap<>();
    chosen.forEach(a -> current.put(a.name(), a.options()));
    // The links write aggFilters as the search read them (the form's trust choice among them).
    String aggFilters = AggFilterCodes.format(current);
    List<SearchPage.FacetLink> links = new ArrayList<>();
    for (FacetValue v : f.values()) {
      Map<String, List<String>> p = new LinkedHashMap<>(params);
      p.remove("pageToken");
      p.remove("page");
      boolean active;
      if (filter.isPresent()) {
        String code = filter.get().optionForFacetValue(v.value()).map(AggFilters.Option::code).orElse(null);
        if (code == null) {
          links.add(new SearchPage.FacetLink(facetLabel(f.name(), v.value()), v.count(), Optional.empty(), false));
          continue;
        }
        active = current.getOrDefault(aggName, List.of()).contains(code);
        p.remove(SearchFilters.TRUST);
        String changed = active ? AggFilterCodes.without(aggFilters, aggName, code) : AggFilterCodes.with(aggFilters, aggName, code);
        if (changed.isEmpty()) {
          p.remove("aggFilters");
        } else {
          p.put("aggFilters", List.of(changed));
        }
      } else if (dimension.isPresent()) {
        List<String> values = new ArrayList<>(params.getOrDefault(f.name(), List.of()));
        active = values.contains(v.value());
        if (active) {
          values.remove(v.value());
        } else {
          values.add(v.value());
        }
        if (values.isEmpty()) {
          p.remove(f.name());
        } else {
          p.put(f.name(), values);
        }
      } else {
        links.add(new SearchPage.FacetLink(facetLabel(f.name(), v.value()), v.count(), Optional.empty(), false));
        continue;
      }
      links.add(new SearchPage.FacetLink(facetLabel(f.name(), v.value()), v.count(), Optional.of(Links.search(p)), active));
    }
    // Chosen values always show; the rest fold beyond the first few.
    List<SearchPage.FacetLink> shown = new ArrayList<>();
    List<SearchPage.FacetLink> folded = new ArrayList<>();
    int unlisted = 0;
    for (SearchPage.FacetLink l : links) {
      if (shown.size() < FACET_VALUES_SHOWN || l.active()) {
        shown.add(l);
      } else if (folded.size() < FACET_VALUES_FOLDED) {
        folded.add(l);
      } else {
        unlisted++;
      }
    }
    return new SearchPage.FacetGroup(facetName(f.name()), shown, folded, unlisted);
  }

  static String facetName(String name) {
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

  static String facetLabel(String facet, String value) {
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
    if (facet.equals("sponsorClass")) {
      return switch (value) {
        case "NIH" -> "NIH";
        case "FED" -> "US federal agency";
        case "OTHER_GOV" -> "Other government";
        case "INDIV" -> "Individual";
        case "NETWORK" -> "Network";
        case "INDUSTRY" -> "Industry";
        case "OTHER" -> "Other (e.g. university, hospital)";
        default -> Labels.of(value);
      };
    }
    return Labels.of(value);
  }

  /** The label of the constant of {@code type} whose code is {@code code}, or empty. */
  private static <E extends Enum<E> & Coded> Optional<String> label(Class<E> type, String code) {
    return Optional.ofNullable(Coded.parse(type, code)).map(Coded::label);
  }

  private static List<SearchPage.Sort> sorts(Map<String, List<String>> params) {
    List<SearchPage.Sort> links = new ArrayList<>();
    List<String[]> options = new ArrayList<>(List.of(new String[] {"Relevance", ""},
        new String[] {"Last update", "LastUpdatePostDate:desc"}, new String[] {"Start date", "StartDate:desc"},
        new String[] {"Enrollment", "EnrollmentCount:desc"}));
    if (params.containsKey("near")) {
      options.add(1, new String[] {"Distance", SearchRequest.SortKey.DISTANCE});
    }
    String now = first(params, "sort");
    for (String[] o : options) {
      Map<String, List<String>> p = new LinkedHashMap<>(params);
      p.remove("pageToken");
      p.remove("page");
      p.remove("sort");
      if (!o[1].isEmpty()) {
        p.put("sort", List.of(o[1]));
      }
      links.add(new SearchPage.Sort(o[0], Links.search(p), now.equalsIgnoreCase(o[1])));
    }
    if (links.stream().noneMatch(SearchPage.Sort::current)) {
      // A sort the page does not offer (from a link): shown as it is, current.
      links.add(new SearchPage.Sort(now, Links.search(params), true));
    }
    return links;
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

}
