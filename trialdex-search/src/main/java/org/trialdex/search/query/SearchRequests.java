package org.trialdex.search.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.catalog.AggFilters;
import org.trialdex.core.geo.Gazetteer;
import org.trialdex.core.geo.Geocode;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.Status;
import org.trialdex.core.model.StudyType;
import org.trialdex.core.source.RecordIds;

/**
 * Reads the ClinicalTrials.gov API v2 {@code GET /studies} parameters, as an HTTP layer or the CLI
 * collects them, into a {@link SearchRequest}. Formats and defaults follow the API's OpenAPI
 * document ({@code ctg-oas-v2.yaml}); differences are marked <i>(trialdex)</i>.
 *
 * <h2>Parameters</h2>
 *
 * <ul>
 *   <li>{@code query.cond}, {@code query.term}, {@code query.intr}, {@code query.titles},
 *       {@code query.outc}, {@code query.spons}, {@code query.lead}, {@code query.id},
 *       {@code query.locn}, {@code query.patient}: Essie queries ({@link EssieParser}); a leaf
 *       outside {@code AREA[...]} searches the parameter's area ({@link SearchRequest.Area}).
 *   <li>{@code filter.advanced}: an Essie query; leaves outside {@code AREA[...]} search
 *       {@value Expr#DEFAULT_FIELD}.
 *   <li>{@code filter.overallStatus}: "comma- or pipe-separated list of statuses", v2 names
 *       ({@code RECRUITING}, {@code NOT_YET_RECRUITING}...), case-insensitive.
 *   <li>{@code filter.ids}: "comma- or pipe-separated list of NCT numbers" ({@code NCT} or
 *       {@code nct} and 8 digits, returned upper case); <i>(trialdex)</i> spaces separate too, and
 *       other registry ids ({@code [A-Za-z0-9][A-Za-z0-9._/:-]{2,63}}, e.g. {@code EUCTR2019-001234-56})
 *       are accepted.
 *   <li>{@code filter.geo}: {@code distance(latitude,longitude,distance)}, distance in {@code mi}
 *       or {@code km}, e.g. {@code distance(39.0035707,-77.1013313,50mi)}. The OpenAPI pattern
 *       makes the unit optional without naming a default; <i>(trialdex)</i> no unit means miles,
 *       as on the ClinicalTrials.gov site.
 *   <li>{@code postFilter.overallStatus}, {@code postFilter.ids}, {@code postFilter.geo},
 *       {@code postFilter.advanced}: "same effect" as the {@code filter.*} ones; giving both
 *       forms of one filter is an error.
 *   <li>{@code filter.phase} <i>(trialdex)</i>: comma- or pipe-separated v2 phase names,
 *       case-insensitive, or the short forms {@code 0} / {@code early1} ({@code EARLY_PHASE1}),
 *       {@code 1} to {@code 4} and {@code phase1} to {@code phase4}, {@code na}: the short forms are
 *       the {@code aggFilters} phase codes.
 *   <li>{@code filter.studyType} <i>(trialdex)</i>: {@code INTERVENTIONAL} / {@code int},
 *       {@code OBSERVATIONAL} / {@code obs}, {@code EXPANDED_ACCESS} / {@code exp}, likewise (the
 *       {@code aggFilters} studyType codes).
 *   <li>{@code aggFilters}: "comma- or pipe-separated list of pairs
 *       {@code filter_id}:{@code space-separated list of option keys}", e.g.
 *       {@code status:not rec,sex:f,healthy:y}. Names and codes (case-insensitive) are core's
 *       {@link org.trialdex.core.catalog.AggFilters} table; an unknown one fails here, naming the
 *       accepted ones.
 *   <li>{@code sort}: "comma- or pipe-separated list"; each item is a field name or
 *       {@code @relevance}, optionally {@code :asc} or {@code :desc}. Defaults as documented: "Date
 *       field - {@code desc}, Numeric field - {@code asc}, {@code @relevance} - {@code desc}"; here a
 *       field whose name ends in {@code Date} counts as a date field (as every v2 date field's
 *       does). <i>(trialdex)</i> more than the API's 2 keys are allowed. Which fields can be sorted
 *       is the search service's check.
 *   <li>{@code pageSize}: "If not specified or set to 0, the default value [10] will be used. It
 *       will be coerced down to 1,000, if greater than that." Negative or non-numbers are errors.
 *   <li>{@code pageToken}: passed through as given.
 *   <li>{@code countTotal}: {@code true} or {@code false} (default).
 *   <li>{@code facets} <i>(trialdex)</i>: {@code all} or a comma- or pipe-separated list of
 *       {@code aggFilters} names to count.
 *   <li>{@code format}, {@code fields}: accepted and ignored here; the HTTP layer reads them.
 *       {@code geoDecay}: its format is checked, then it is ignored (no distance ranking yet).
 * </ul>
 *
 * <p>A value that is empty or blank counts as not given, as HTML forms send empty fields. A list
 * parameter ({@link #LISTS}) may repeat, its values joining into one list; any other parameter
 * may repeat only with the same value. {@code filter.synonyms} and {@code postFilter.synonyms}
 * take {@code area:id} pairs whose ids are trialdex's concept ids (ClinicalTrials.gov's own ids
 * come from a dictionary it does not publish, and are refused saying so). The API's rule "If any query parameter
 * contains only NCT IDs (comma- and/or space-separated), filters are ignored" is applied here: the
 * {@code filter.*} and {@code postFilter.*} parameters (and {@code near}, a geo filter) are read,
 * so a bad value is still an error, then dropped; {@code aggFilters} stays. Such ids are taken in
 * either case ({@code nct02513394}).
 */
public final class SearchRequests {

  private static final List<String> ACCEPTED = accepted();
  /**
   * The parameters that hold lists (pipeDelimited in the API document, and our list extensions):
   * given more than once, their values are one list.
   */
  private static final List<String> LISTS = List.of("filter.overallStatus", "filter.ids", "filter.synonyms",
      "filter.phase", "filter.studyType", "postFilter.overallStatus", "postFilter.ids", "postFilter.synonyms",
      "sort", "fields", "facets");
  /** Core's NCT id rule, in any case ({@code nct02513394}), as the API takes ids. */
  private static final Pattern NCT_ID = Pattern.compile(RecordIds.NCT_ID.pattern(), Pattern.CASE_INSENSITIVE);
  private static final Pattern OTHER_ID = RecordIds.OTHER_ID;
  private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
  private static final Pattern GEO = Pattern.compile(
      "distance\\(\\s*" + NUMBER + "\\s*,\\s*" + NUMBER + "\\s*,\\s*(\\d+(?:\\.\\d+)?)\\s*(km|mi)?\\s*\\)");
  private static final Pattern GEO_DECAY = Pattern.compile(
      "func:(gauss|exp|linear),scale:(\\d+(\\.\\d+)?(km|mi)),offset:(\\d+(\\.\\d+)?(km|mi)),decay:(\\d+(\\.\\d+)?)");
  private static final Pattern SORT_ITEM = Pattern.compile(
      "(([a-zA-Z][a-zA-Z0-9\\-. ]*)|(@relevance)|(@distance))(:(asc|desc))?", Pattern.CASE_INSENSITIVE);
  private static final double METERS_PER_MILE = 1609.344;
  /** A query value that is only NCT ids, comma- and/or space-separated, in any case. */
  private static final Pattern ONLY_NCT_IDS = Pattern.compile(
      "\\s*NCT\\d{8}(?:[\\s,]+NCT\\d{8})*[\\s,]*", Pattern.CASE_INSENSITIVE);

  private SearchRequests() {}

  /**
   * Reads the parameters into a request.
   *
   * @param params parameter name → the values given for it, as an HTTP layer collects a query
   *     string; a name with no values, or only blank ones, counts as not given
   * @throws QueryException for an unknown parameter (naming the accepted ones, and the likely one
   *     for a near miss), a parameter given more than once, or a value the parameter does not
   *     accept (naming the parameter, the value and what is accepted)
   */
  public static SearchRequest parse(Map<String, List<String>> params) {
    Map<String, String> values = singleValues(params);
    Map<SearchRequest.Area, Expr> queries = new EnumMap<>(SearchRequest.Area.class);
    boolean onlyIds = false;
    for (SearchRequest.Area area : SearchRequest.Area.values()) {
      String text = values.get(area.parameter());
      if (text != null) {
        if (ONLY_NCT_IDS.matcher(text).matches()) {
          // A list of ids, any of which matches; nct02513394 is the same study as NCT02513394,
          // whatever the field's analysis.
          text = String.join(" OR ", items(text.toUpperCase(Locale.ROOT), "[\\s,]+"));
          onlyIds = true;
        }
        queries.put(area, EssieParser.parse(text, area.searchArea(), area.parameter()));
      }
    }
    Optional<Expr> advanced = filter(values, "advanced")
        .map(p -> EssieParser.parse(values.get(p), Expr.DEFAULT_FIELD, p));
    Optional<Expr> synonyms = filter(values, "synonyms").map(p -> synonyms(p, values.get(p)));
    if (synonyms.isPresent()) {
      advanced = Optional.of(advanced.<Expr>map(a -> new Expr.And(List.of(a, synonyms.get()))).orElse(synonyms.get()));
    }
    List<String> status = filter(values, "overallStatus").map(p -> statuses(p, values.get(p))).orElse(List.of());
    List<String> ids = filter(values, "ids").map(p -> ids(p, values.get(p))).orElse(List.of());
    Optional<SearchRequest.GeoFilter> geo = filter(values, "geo").map(p -> geo(p, values.get(p)));
    Optional<SearchRequest.GeoFilter> near = optional(values, "near").map(place -> near(place,
        optional(values, "nearDistance")));
    if (near.isPresent() && geo.isPresent()) {
      throw new QueryException("near", "give either near or filter.geo, not both: both set the centre of the search");
    }
    if (near.isEmpty() && values.containsKey("nearDistance")) {
      throw new QueryException("nearDistance", "needs near=<place>, the centre it is a distance from");
    }
    geo = geo.or(() -> near);
    List<String> phases = optional(values, "filter.phase").map(v -> phases(v)).orElse(List.of());
    List<String> types = optional(values, "filter.studyType").map(v -> studyTypes(v)).orElse(List.of());
    if (onlyIds) {
      // The API's rule: "If any query parameter contains only NCT IDs (comma- and/or
      // space-separated), filters are ignored." They were read above, so a bad one is still an error.
      advanced = Optional.empty();
      status = List.of();
      ids = List.of();
      geo = Optional.empty();
      phases = List.of();
      types = List.of();
    }
    List<SearchRequest.AggFilter> aggFilters =
        optional(values, "aggFilters").map(AggFilterParser::parseAggFilters).orElse(List.of());
    List<SearchRequest.SortKey> sort = optional(values, "sort").map(v -> sort(v)).orElse(List.of());
    int pageSize = optional(values, "pageSize").map(v -> pageSize(v)).orElse(SearchRequest.DEFAULT_PAGE_SIZE);
    boolean countTotal = optional(values, "countTotal").map(v -> bool("countTotal", v)).orElse(false);
    List<String> facets = optional(values, "facets").map(AggFilterParser::parseFacets).orElse(List.of());
    optional(values, "geoDecay").ifPresent(SearchRequests::checkGeoDecay);
    return new SearchRequest(queries, advanced, status, ids, geo, phases, types, aggFilters, sort,
        pageSize, optional(values, "pageToken"), countTotal, facets);
  }

  private static List<String> accepted() {
    List<String> a = new ArrayList<>();
    for (SearchRequest.Area area : SearchRequest.Area.values()) {
      a.add(area.parameter());
    }
    a.addAll(List.of("filter.overallStatus", "filter.ids", "filter.geo", "filter.advanced",
        "filter.phase", "filter.studyType", "filter.synonyms", "postFilter.overallStatus", "postFilter.ids",
        "postFilter.geo", "postFilter.advanced", "postFilter.synonyms", "aggFilters", "sort", "pageSize", "pageToken",
        "countTotal", "facets", "format", "fields", "geoDecay", "near", "nearDistance"));
    return List.copyOf(a);
  }

  /** Checks names and repetitions; returns name → the one non-blank value. */
  private static Map<String, String> singleValues(Map<String, List<String>> params) {
    Objects.requireNonNull(params, "params");
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> param : new java.util.TreeMap<>(params).entrySet()) {
      String name = param.getKey();
      if (!ACCEPTED.contains(name)) {
        throw unknown(name);
      }
      List<String> given = param.getValue().stream().filter(v -> v != null && !v.isBlank()).distinct().toList();
      if (given.size() > 1 && LISTS.contains(name)) {
        // A list given as repeated parameters (filter.overallStatus=A&filter.overallStatus=B, as
        // many HTTP libraries send a list): one list.
        given = List.of(String.join(",", given));
      }
      if (given.size() > 1) {
        throw new QueryException(name, "given " + given.size() + " times with different values " + given
            + "; give it once (only lists may repeat: " + String.join(", ", LISTS) + ")");
      }
      if (given.size() == 1) {
        values.put(name, given.get(0));
      }
    }
    return values;
  }

  private static final Pattern SYNONYM = Pattern.compile("(?i)(ConditionSearch|InterventionSearch|BasicSearch):(\\S+)");

  /**
   * {@code filter.synonyms}: {@code area:id} pairs, comma- or pipe-separated; the ids are trialdex's
   * concept ids. Pairs of one area: any of them; of several areas: one of each.
   */
  private static Expr synonyms(String parameter, String value) {
    Map<String, List<Expr>> byArea = new LinkedHashMap<>();
    for (String item : items(value, "[,|]")) {
      Matcher m = SYNONYM.matcher(item.strip());
      if (!m.matches()) {
        throw new QueryException(parameter, "'" + item.strip() + "' is not area:synonym_id; write e.g. "
            + "ConditionSearch:D003924 (areas: ConditionSearch, InterventionSearch, BasicSearch)");
      }
      String id = m.group(2);
      if (id.chars().allMatch(Character::isDigit)) {
        throw new QueryException(parameter, "'" + item.strip() + "': " + id + " is a ClinicalTrials.gov synonym id,"
            + " from its own dictionary, which is not published; trialdex's synonym ids are its concept ids"
            + " (MeSH descriptors such as D003924, Disease Ontology ids such as DOID:9352), as explain=true names them");
      }
      String area = m.group(1);
      byArea.computeIfAbsent(area.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(new Expr.Synonym(area, id));
    }
    List<Expr> all = byArea.values().stream().map(any -> any.size() == 1 ? any.get(0) : new Expr.Or(any)).toList();
    return all.size() == 1 ? all.get(0) : new Expr.And(all);
  }

  private static QueryException unknown(String name) {
    String hint = didYouMean(name).map(s -> "did you mean " + s + "? ").orElse("");
    return QueryException.unknownParameter(name, "unknown parameter; " + hint + "accepted: "
        + String.join(", ", ACCEPTED));
  }

  /** The accepted name closest to a near miss: same letters in another case, prefix, or a typo. */
  static Optional<String> didYouMean(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String candidate : ACCEPTED) {
      String c = candidate.toLowerCase(Locale.ROOT);
      int score = Levenshtein.distance(lower, c, 3);
      boolean related = score <= 2 || (lower.length() >= 3 && (c.startsWith(lower)
          || lower.startsWith(c) || c.endsWith("." + lower) || sameGroupSimilarName(lower, c)));
      if (related && score < bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code filter.status} for {@code filter.overallStatus}: same prefix, name contained. */
  private static boolean sameGroupSimilarName(String name, String candidate) {
    int dot = name.indexOf('.');
    int candidateDot = candidate.indexOf('.');
    return dot > 0 && dot == candidateDot && name.regionMatches(0, candidate, 0, dot)
        && name.length() - dot > 3 && candidate.substring(dot + 1).contains(name.substring(dot + 1));
  }

  /** The value of filter.{name} or postFilter.{name}, whichever was given: its parameter name. */
  private static Optional<String> filter(Map<String, String> values, String name) {
    String filter = "filter." + name;
    String post = "postFilter." + name;
    if (values.containsKey(filter) && values.containsKey(post)) {
      throw new QueryException(post, "has the same effect as " + filter + "; give one of them");
    }
    return values.containsKey(filter) ? Optional.of(filter)
        : values.containsKey(post) ? Optional.of(post) : Optional.empty();
  }

  private static Optional<String> optional(Map<String, String> values, String name) {
    return Optional.ofNullable(values.get(name));
  }

  private static List<String> items(String value, String separators) {
    Set<String> items = new LinkedHashSet<>();
    for (String item : value.split(separators)) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return new ArrayList<>(items);
  }

  private static List<String> statuses(String parameter, String value) {
    List<String> out = new ArrayList<>();
    for (String item : items(value, "[,|]")) {
      String name = item.toUpperCase(Locale.ROOT);
      if (Arrays.stream(Status.values()).noneMatch(s -> s.name().equals(name))) {
        throw QueryException.invalidValue(parameter, item, "\"" + item + "\" is not a status; accepted (comma- or "
            + "pipe-separated, any case): " + names(Status.values()));
      }
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  private static List<String> ids(String parameter, String value) {
    List<String> out = new ArrayList<>();
    for (String item : items(value, "[,|\\s]+")) {
      boolean nct = item.regionMatches(true, 0, "NCT", 0, 3);
      if (nct && !NCT_ID.matcher(item).matches()) {
        throw new QueryException(parameter, "\"" + item + "\" is not an NCT number; accepted: NCT "
            + "followed by 8 digits, e.g. NCT04852770");
      }
      if (!nct && !OTHER_ID.matcher(item).matches()) {
        throw new QueryException(parameter, "\"" + item + "\" is not a study id; accepted: NCT "
            + "numbers (NCT04852770) or other registry ids of 3 to 64 letters, digits and . _ / : -");
      }
      String id = nct ? item.toUpperCase(Locale.ROOT) : item;
      if (!out.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  private static SearchRequest.GeoFilter geo(String parameter, String value) {
    Matcher m = GEO.matcher(value.strip());
    String accepted = "; accepted: distance(latitude,longitude,distance) with the distance in mi "
        + "or km, e.g. distance(39.0035707,-77.1013313,50mi)";
    if (!m.matches()) {
      throw new QueryException(parameter, "\"" + value + "\" is not a distance filter" + accepted);
    }
    double latitude = Double.parseDouble(m.group(1));
    double longitude = Double.parseDouble(m.group(2));
    double distance = Double.parseDouble(m.group(3));
    if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180 || distance <= 0) {
      throw new QueryException(parameter, "\"" + value + "\" is out of range: latitude must be -90 "
          + "to 90, longitude -180 to 180, distance above 0" + accepted);
    }
    double meters = "km".equals(m.group(4)) ? distance * 1000 : distance * METERS_PER_MILE;
    return new SearchRequest.GeoFilter(latitude, longitude, meters);
  }

  /**
   * {@code near=Boston, MA} (our extension): the place, resolved by the gazetteer, as the centre of a
   * distance filter of {@code nearDistance} (default 50mi).
   */
  private static SearchRequest.GeoFilter near(String place, Optional<String> distance) {
    if (place.length() > 200) {
      throw new QueryException("near", "is " + place.length() + " characters long; give a place name such as "
          + "'Boston, MA' or 'Paris, France'");
    }
    Geocode centre = Gazetteer.standard().resolve(place).orElseThrow(() -> new QueryException("near", "\"" + place
        + "\" is not a place trialdex knows; give a city ('Boston, MA', 'Paris, France', 'Beijing'), a region or "
        + "a country, or coordinates with filter.geo=distance(lat,lon,50mi)"));
    double meters = METERS_PER_MILE * 50;
    if (distance.isPresent()) {
      Matcher m = DISTANCE.matcher(distance.get().strip());
      if (!m.matches() || Double.parseDouble(m.group(1)) <= 0) {
        throw new QueryException("nearDistance", "\"" + distance.get() + "\" is not a distance; accepted: a number "
            + "above 0 with mi or km, e.g. 25mi or 40km");
      }
      double n = Double.parseDouble(m.group(1));
      meters = "km".equalsIgnoreCase(m.group(2)) ? n * 1000 : n * METERS_PER_MILE;
    }
    return new SearchRequest.GeoFilter(centre.latitude(), centre.longitude(), meters);
  }

  private static final Pattern DISTANCE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(mi|km)", Pattern.CASE_INSENSITIVE);

  private static List<String> phases(String value) {
    return v2Names(value, "filter.phase", "a phase", Phase.values(), "phase", Map.of("EARLY1", "EARLY_PHASE1"));
  }

  private static List<String> studyTypes(String value) {
    return v2Names(value, "filter.studyType", "a study type", StudyType.values(), "studyType", Map.of());
  }

  /**
   * Comma- or pipe-separated v2 names of one enum, any case; or the short forms {@code aggFilters}
   * gives those names ({@code 2} for PHASE2, {@code int} for INTERVENTIONAL), from core's table; or
   * trialdex's aliases.
   */
  private static List<String> v2Names(String value, String parameter, String what, Enum<?>[] constants,
      String filter, Map<String, String> aliases) {
    AggFilters.Filter codes = AggFilters.named(filter).orElseThrow();
    List<String> out = new ArrayList<>();
    for (String item : items(value, "[,|]")) {
      String upper = item.toUpperCase(Locale.ROOT);
      String name = Arrays.stream(constants).map(Enum::name).filter(upper::equals).findFirst()
          .or(() -> codes.option(item).flatMap(AggFilters.Option::facetValue))
          .or(() -> Optional.ofNullable(aliases.get(upper)))
          .orElseThrow(() -> QueryException.invalidValue(parameter, item, "\"" + item + "\" is not " + what + "; accepted "
              + "(comma- or pipe-separated, any case): " + names(constants) + ", or " + shortForms(codes, aliases)));
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  /** {@code 0 / early1, 1, 2, 3, 4, na}: each code that names a value, with the aliases of that value. */
  private static String shortForms(AggFilters.Filter codes, Map<String, String> aliases) {
    List<String> forms = new ArrayList<>();
    for (AggFilters.Option o : codes.options()) {
      o.facetValue().ifPresent(v -> {
        StringBuilder form = new StringBuilder(o.code());
        aliases.forEach((alias, name) -> {
          if (name.equals(v)) {
            form.append(" / ").append(alias.toLowerCase(Locale.ROOT));
          }
        });
        forms.add(form.toString());
      });
    }
    return String.join(", ", forms);
  }

  private static List<SearchRequest.SortKey> sort(String value) {
    List<SearchRequest.SortKey> keys = new ArrayList<>();
    Set<String> fields = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String item : value.split("[,|]")) {
      item = item.strip();
      if (item.isEmpty()) {
        continue;
      }
      Matcher m = SORT_ITEM.matcher(item);
      if (!m.matches()) {
        throw QueryException.invalidValue("sort", item, "\"" + item + "\" is not a sort key; accepted: a field name "
            + "or @relevance, optionally followed by :asc or :desc, e.g. LastUpdatePostDate:desc,"
            + "EnrollmentCount");
      }
      String field = m.group(3) != null ? SearchRequest.SortKey.RELEVANCE
          : m.group(4) != null ? SearchRequest.SortKey.DISTANCE : m.group(1).strip();
      if (!fields.add(field)) {
        throw new QueryException("sort", "sorts by " + field + " twice; give each field once");
      }
      String direction = m.group(6);
      boolean descending = direction == null
          ? field.equals(SearchRequest.SortKey.RELEVANCE) || field.endsWith("Date")
          : direction.equalsIgnoreCase("desc");
      keys.add(new SearchRequest.SortKey(field, descending));
    }
    return keys;
  }

  private static int pageSize(String value) {
    int size;
    try {
      size = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      size = value.strip().matches("\\d+") ? Integer.MAX_VALUE : -1;
    }
    if (size < 0) {
      throw new QueryException("pageSize", "\"" + value + "\" is not a page size; accepted: a whole "
          + "number, 1 to " + SearchRequest.MAX_PAGE_SIZE + " (0 means the default, "
          + SearchRequest.DEFAULT_PAGE_SIZE + "; larger numbers mean " + SearchRequest.MAX_PAGE_SIZE + ")");
    }
    // As the API documents: 0 means the default, more than 1,000 is coerced down to 1,000.
    return size == 0 ? SearchRequest.DEFAULT_PAGE_SIZE : Math.min(size, SearchRequest.MAX_PAGE_SIZE);
  }

  private static boolean bool(String parameter, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new QueryException(parameter, "\"" + value + "\" is not true or false");
    };
  }

  private static void checkGeoDecay(String value) {
    if (!GEO_DECAY.matcher(value.strip()).matches()) {
      throw new QueryException("geoDecay", "\"" + value + "\" is not a decay function; accepted: "
          + "func:(gauss|exp|linear),scale:<distance>,offset:<distance>,decay:<number> with "
          + "distances in km or mi, e.g. func:exp,scale:300mi,offset:0mi,decay:0.5");
    }
  }

  private static String names(Enum<?>[] constants) {
    return String.join(", ", Arrays.stream(constants).map(Enum::name).toList());
  }

  /** Edit distance, bounded: anything above {@code limit} is reported as {@code limit + 1}. */
  private static final class Levenshtein {
    static int distance(String a, String b, int limit) {
      if (Math.abs(a.length() - b.length()) > limit) {
        return limit + 1;
      }
      int[] previous = new int[b.length() + 1];
      int[] current = new int[b.length() + 1];
      for (int j = 0; j <= b.length(); j++) {
        previous[j] = j;
      }
      for (int i = 1; i <= a.length(); i++) {
        current[0] = i;
        for (int j = 1; j <= b.length(); j++) {
          int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
          current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        }
        int[] swap = previous;
        previous = current;
        current = swap;
      }
      return Math.min(previous[b.length()], limit + 1);
    }
  }
}
