package org.trialdex.app.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trialdex.app.service.Landscape.Chart;
import org.trialdex.app.service.Landscape.Row;
import org.trialdex.app.service.Landscape.Series;
import org.trialdex.core.celltherapy.Coded;
import org.trialdex.core.celltherapy.Donor;
import org.trialdex.core.celltherapy.Route;
import org.trialdex.core.celltherapy.TissueSource;
import org.trialdex.search.FieldValues;
import org.trialdex.search.SearchException;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.search.query.SearchRequests;

/**
 * The landscape of cell-therapy trials (issue #11): counts by start year and phase, tissue source,
 * donor, route, condition group, country and dose per kilogram, for the trials a search matches.
 * Takes the search's own parameters ({@link SearchRequests#parse}), restricted to cell-therapy
 * trials. Every count comes from the index (doc values and filtered counts), none from reading
 * records, so a landscape costs one pass over the matching trials' values.
 */
public final class Landscapes {

  /** The charts, by id, in display order. */
  public static final List<String> CHARTS = List.of("start-year-phase", "source", "donor", "route",
      "condition-group", "country", "dose-per-kg", "dose-total");
  /** Countries shown by name; the rest are one "other" row. */
  static final int TOP_COUNTRIES = 12;
  /** Conditions shown by name when the vocabulary has no MeSH tree to group them. */
  static final int TOP_CONDITIONS = 12;
  /** Search parameters about a page of results: a landscape counts every matching trial. */
  static final Set<String> NOT_TAKEN = Set.of("pageToken", "pageSize", "sort", "countTotal", "facets", "format",
      "fields");
  /** What restricts a landscape to cell-therapy trials (the index field of issue #11). */
  static final String CELL_THERAPY = "AREA[CellTherapy]true";

  static final String START = "StartDate";
  static final String PHASE = "phase";
  static final String COUNTRY = "country";
  static final String CONDITION = "condition";
  static final String SOURCE = "cellSource";
  static final String DONOR = "cellDonor";
  static final String ROUTE = "cellRoute";
  /** The index's cell dose fields (number spans, cells). */
  static final String DOSE_PER_KG = "CellDosePerKg";
  static final String DOSE_TOTAL = "CellDoseTotal";

  private final Searches searches;

  public Landscapes(Searches searches) {
    this.searches = Objects.requireNonNull(searches, "searches");
  }

  /**
   * The search the landscape of {@code params} counts: the search parameters as {@code /search}
   * and {@code GET /api/v2/studies} take them, restricted to cell-therapy trials.
   *
   * @throws org.trialdex.search.query.QueryException for a parameter the search does not take
   * @throws SearchException for a paging, sorting or output parameter, which a landscape has no use for
   */
  public static SearchRequest request(Map<String, List<String>> params) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    params.forEach((k, v) -> {
      List<String> given = v.stream().filter(x -> x != null && !x.isBlank()).toList();
      if (!given.isEmpty()) {
        p.put(k, given);
      }
    });
    for (String name : p.keySet()) {
      if (NOT_TAKEN.contains(name)) {
        throw new SearchException(name + ": the landscape counts every matching trial; it takes the search's query "
            + "and filter parameters, not " + String.join(", ", new TreeSet<>(NOT_TAKEN)));
      }
    }
    String key = p.containsKey("postFilter.advanced") ? "postFilter.advanced" : "filter.advanced";
    List<String> advanced = p.get(key);
    if (advanced == null) {
      p.put(key, List.of(CELL_THERAPY));
    } else if (advanced.size() == 1) {
      p.put(key, List.of("(" + advanced.getFirst() + ") AND " + CELL_THERAPY));
    } // else given twice: the parser says so
    return SearchRequests.parse(p);
  }

  /**
   * The landscape of the trials {@code request} matches (its query and filters), stopped past
   * {@code limit}.
   *
   * @throws org.trialdex.search.SearchTimeoutException when counting ran past the limit
   * @throws org.trialdex.app.SearchUnavailableException while the index is rebuilt
   */
  public Landscape of(SearchRequest request, Duration limit) {
    List<FieldValues> rows = searches.fieldValues(request, List.of(START, PHASE, COUNTRY, CONDITION, SOURCE, DONOR, ROUTE),
        limit);
    List<Chart> charts = new ArrayList<>();
    charts.add(startYearByPhase(rows));
    charts.add(coded("source", "Trials by tissue source", "Tissue source", rows, SOURCE, TissueSource.class,
        "Where the cells come from, as the trial's cell-therapy profile reads it; a trial naming several sources counts in each."));
    charts.add(coded("donor", "Trials by donor", "Donor", rows, DONOR, Donor.class,
        "Autologous (the patient's own cells) or allogeneic, with the details a record states (third-party, related, "
            + "HLA-matched...) counted besides its kind; a trial counts in every row it states."));
    charts.add(coded("route", "Trials by route of administration", "Route", rows, ROUTE, Route.class,
        "How the cells are given; a trial giving them by several routes counts in each."));
    charts.add(conditionGroups(request, rows, limit));
    charts.add(countries(rows));
    charts.add(doses("dose-per-kg", "Trials by dose per kilogram", "Cells per kg", DOSE_PER_KG, PER_KG_BINS,
        "a dose in cells per kilogram of body weight", request, rows.size(), limit));
    charts.add(doses("dose-total", "Trials by total dose", "Cells in all", DOSE_TOTAL, TOTAL_BINS,
        "a dose as a number of cells in all (not per kilogram)", request, rows.size(), limit));
    return new Landscape(rows.size(), charts);
  }

  // --- start year by phase

  /** Phases as v2 names, in the order their series stack. */
  private static final List<String> PHASE_ORDER = List.of("EARLY_PHASE1", "PHASE1", "PHASE1+PHASE2", "PHASE2",
      "PHASE2+PHASE3", "PHASE3", "PHASE4", "NA", "");

  static Chart startYearByPhase(List<FieldValues> rows) {
    TreeMap<Integer, Map<String, Long>> byYear = new TreeMap<>();
    Set<String> seen = new LinkedHashSet<>();
    long undated = 0;
    for (FieldValues r : rows) {
      List<String> start = r.of(START);
      if (start.isEmpty()) {
        undated++;
        continue;
      }
      int year = Integer.parseInt(start.getFirst().substring(0, 4));
      String phase = phaseKey(r.of(PHASE));
      seen.add(phase);
      byYear.computeIfAbsent(year, y -> new LinkedHashMap<>()).merge(phase, 1L, Long::sum);
    }
    List<String> keys = new ArrayList<>(seen);
    keys.sort(Comparator.comparingInt(k -> PHASE_ORDER.contains(k) ? PHASE_ORDER.indexOf(k) : PHASE_ORDER.size()));
    List<Series> series = keys.stream().map(k -> new Series(k.isEmpty() ? "none" : k, phaseLabel(k))).toList();
    List<Row> out = new ArrayList<>();
    if (!byYear.isEmpty()) {
      for (int y = byYear.firstKey(); y <= byYear.lastKey(); y++) {
        Map<String, Long> counts = byYear.getOrDefault(y, Map.of());
        out.add(new Row(Integer.toString(y), Integer.toString(y), keys.stream().map(k -> counts.getOrDefault(k, 0L)).toList()));
      }
    }
    return new Chart("start-year-phase", "Trials by start year and phase", "Start year", series, out,
        "Each trial counts once, in the year it started (or plans to start) and its phase or phases;"
            + (undated == 0 ? " every trial states a start date." : " " + undated + " trial" + (undated == 1 ? "" : "s")
            + " without a start date " + (undated == 1 ? "is" : "are") + " left out."));
  }

  /** A trial's phases as one key: {@code PHASE1+PHASE2}, {@code ""} when none is stated. */
  static String phaseKey(List<String> phases) {
    List<String> sorted = new ArrayList<>(phases);
    sorted.sort(Comparator.comparingInt(p -> PHASE_ORDER.contains(p) ? PHASE_ORDER.indexOf(p) : PHASE_ORDER.size()));
    return String.join("+", sorted);
  }

  static String phaseLabel(String key) {
    if (key.isEmpty()) {
      return "Phase not stated";
    }
    List<String> parts = new ArrayList<>();
    for (String p : key.split("\\+")) {
      parts.add(switch (p) {
        case "EARLY_PHASE1" -> "Early phase 1";
        case "NA" -> "Not applicable";
        default -> p.startsWith("PHASE") ? (parts.isEmpty() ? "Phase " : "") + p.substring(5) : p;
      });
    }
    return String.join("/", parts);
  }

  // --- the profile's coded values

  /**
   * One row per code of {@code type} that some trial states, most trials first (ties in the enum's
   * order), then the trials that state none.
   */
  static <E extends Enum<E> & Coded> Chart coded(String id, String title, String category, List<FieldValues> rows,
      String field, Class<E> type, String note) {
    Map<E, Long> counts = new java.util.EnumMap<>(type);
    Map<String, Long> unknown = new TreeMap<>();
    long none = 0;
    for (FieldValues r : rows) {
      List<String> values = r.of(field);
      if (values.isEmpty()) {
        none++;
      }
      for (String v : new LinkedHashSet<>(values)) {
        E e = Coded.parse(type, v);
        if (e == null) {
          unknown.merge(v, 1L, Long::sum);
        } else {
          counts.merge(e, 1L, Long::sum);
        }
      }
    }
    List<Row> out = new ArrayList<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<E, Long>comparingByValue().reversed().thenComparing(e -> e.getKey().ordinal()))
        .forEach(e -> out.add(new Row(e.getKey().code(), e.getKey().label(), List.of(e.getValue()))));
    unknown.forEach((v, n) -> out.add(new Row(v, v, List.of(n))));
    if (none > 0 && out.size() > 0) {
      out.add(new Row("none", "Not stated", List.of(none)));
    }
    return new Chart(id, title, category, List.of(new Series("trials", "Trials")), out,
        note + (none > 0 ? " " + none + " of " + rows.size() + " trials do not say." : ""));
  }

  // --- doses

  /** A dose bin, {@code [low, high)} cells. */
  record Bin(String key, String label, double low, double high) {}

  /** Cells per kilogram, in log-spaced bins. */
  static final List<Bin> PER_KG_BINS = List.of(
      new Bin("lt-1e5", "under 100,000", 0, 1e5),
      new Bin("1e5-5e5", "100,000 to 500,000", 1e5, 5e5),
      new Bin("5e5-1e6", "500,000 to 1 million", 5e5, 1e6),
      new Bin("1e6-2e6", "1 to 2 million", 1e6, 2e6),
      new Bin("2e6-5e6", "2 to 5 million", 2e6, 5e6),
      new Bin("5e6-1e7", "5 to 10 million", 5e6, 1e7),
      new Bin("ge-1e7", "10 million or more", 1e7, Double.POSITIVE_INFINITY));

  /** Cells in all, in log-spaced bins. */
  static final List<Bin> TOTAL_BINS = List.of(
      new Bin("lt-1e7", "under 10 million", 0, 1e7),
      new Bin("1e7-1e8", "10 to 100 million", 1e7, 1e8),
      new Bin("1e8-5e8", "100 to 500 million", 1e8, 5e8),
      new Bin("5e8-1e9", "500 million to 1 billion", 5e8, 1e9),
      new Bin("1e9-1e10", "1 to 10 billion", 1e9, 1e10),
      new Bin("ge-1e10", "10 billion or more", 1e10, Double.POSITIVE_INFINITY));

  Chart doses(String id, String title, String category, String field, List<Bin> bins, String what,
      SearchRequest request, long trials, Duration limit) {
    List<Long> counts = searches.spanCounts(request, field,
        bins.stream().map(b -> new double[] {b.low(), b.high()}).toList(), limit);
    long stated = searches.countWithValue(request, field, limit);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < bins.size(); i++) {
      Bin b = bins.get(i);
      out.add(new Row(b.key(), b.label(), List.of(counts.get(i))));
    }
    if (stated == 0) {
      out.clear();
    }
    return new Chart(id, title, category, List.of(new Series("trials", "Trials")), out,
        stated + " of " + trials + " trials state " + what + ". A trial counts in each bin one of its doses falls in; "
            + "a range counts in every bin it reaches, and a bin's upper bound belongs to the next bin.");
  }

  // --- condition groups

  /** A condition group: a MeSH disease category and a short label. */
  record Group(String id, String label) {}

  /** MeSH's disease categories (C and F03 tree tops) that say what a trial treats. */
  static final List<Group> GROUPS = List.of(
      new Group("D001423", "Bacterial and fungal infections"), new Group("D014777", "Virus diseases"),
      new Group("D009369", "Neoplasms"), new Group("D009140", "Musculoskeletal"), new Group("D004066", "Digestive system"),
      new Group("D009057", "Mouth and teeth"), new Group("D012140", "Respiratory tract"),
      new Group("D010038", "Ear, nose and throat"), new Group("D009422", "Nervous system"), new Group("D005128", "Eye"),
      new Group("D052801", "Male urogenital"), new Group("D005261", "Female urogenital and pregnancy"),
      new Group("D002318", "Cardiovascular"), new Group("D006425", "Blood and lymphatic"),
      new Group("D009358", "Congenital and hereditary"), new Group("D017437", "Skin and connective tissue"),
      new Group("D009750", "Nutritional and metabolic"), new Group("D004700", "Endocrine system"),
      new Group("D007154", "Immune system"), new Group("D014947", "Wounds and injuries"),
      new Group("D001523", "Mental disorders"));

  Chart conditionGroups(SearchRequest request, List<FieldValues> rows, Duration limit) {
    Map<String, Long> counts = searches.conditionConceptCounts(request, GROUPS.stream().map(Group::id).toList(), limit);
    boolean grouped = counts.values().stream().anyMatch(n -> n > 0);
    if (!grouped && !rows.isEmpty()) {
      // No MeSH tree in this vocabulary (the curated list alone): the most frequent conditions instead.
      return topValues("condition-group", "Trials by condition (MeSH term)", "Condition", rows, CONDITION, TOP_CONDITIONS,
          "Conditions as MeSH terms; this server's vocabulary has no MeSH tree to group them. A trial with several "
              + "conditions counts in each; ");
    }
    List<Row> out = new ArrayList<>();
    for (Group g : GROUPS) {
      out.add(new Row(g.id(), g.label(), List.of(counts.getOrDefault(g.id(), 0L))));
    }
    out.sort(Comparator.comparingLong(Row::total).reversed());
    out.removeIf(r -> r.total() == 0);
    return new Chart("condition-group", "Trials by condition group", "Condition group",
        List.of(new Series("trials", "Trials")), out,
        "Groups are MeSH disease categories, found from each trial's conditions and their broader terms; a trial "
            + "whose conditions fall in several groups counts in each.");
  }

  // --- countries

  static Chart countries(List<FieldValues> rows) {
    return topValues("country", "Trials by country", "Country", rows, COUNTRY, TOP_COUNTRIES,
        "A trial with sites in several countries counts in each; ");
  }

  /**
   * The {@code top} most frequent values of {@code field}, then one row for the trials with a value
   * outside them (each counted once) and one for the trials with none.
   */
  static Chart topValues(String id, String title, String category, List<FieldValues> rows, String field, int top,
      String notePrefix) {
    Map<String, Long> counts = new LinkedHashMap<>();
    long none = 0;
    for (FieldValues r : rows) {
      List<String> values = r.of(field);
      if (values.isEmpty()) {
        none++;
      }
      for (String v : new LinkedHashSet<>(values)) {
        counts.merge(v, 1L, Long::sum);
      }
    }
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<Row> out = new ArrayList<>();
    Set<String> shown = new java.util.HashSet<>();
    for (Map.Entry<String, Long> e : sorted.subList(0, Math.min(top, sorted.size()))) {
      out.add(new Row(e.getKey(), e.getKey(), List.of(e.getValue())));
      shown.add(e.getKey());
    }
    int others = sorted.size() - shown.size();
    long otherTrials = rows.stream().filter(r -> r.of(field).stream().anyMatch(v -> !shown.contains(v))).count();
    if (others > 0) {
      out.add(new Row("other", "Other (" + others + " more)", List.of(otherTrials)));
    }
    if (none > 0) {
      out.add(new Row("none", "None stated", List.of(none)));
    }
    return new Chart(id, title, category, List.of(new Series("trials", "Trials")), out,
        notePrefix + "\"Other\" counts once each trial with any " + category.toLowerCase(Locale.ROOT)
            + " beyond the first " + top + ".");
  }
}
