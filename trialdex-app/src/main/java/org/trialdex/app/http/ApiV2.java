package org.trialdex.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialdex.app.Trialdex;
import org.trialdex.core.catalog.FieldCatalog;
import org.trialdex.core.catalog.LegacyValues;
import org.trialdex.core.catalog.Pieces;
import org.trialdex.core.derive.Derivation;
import org.trialdex.core.json.StudyJson;
import org.trialdex.search.Hit;
import org.trialdex.search.SearchResult;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.search.query.SearchRequests;

/**
 * The ClinicalTrials.gov API v2-compatible endpoints under {@code /api/v2}. See
 * {@code docs/http.md} for what each answers and where it differs from ClinicalTrials.gov.
 */
final class ApiV2 {

  /** The version of the v2 API this follows ({@code info.version} of {@code ctg-oas-v2.yaml}). */
  static final String API_VERSION = "2.0.0";

  private final Trialdex trialdex;
  private final StoreStats stats;
  private final LimitedStats limitedStats;
  private final Duration searchLimit;

  private ApiV2(Trialdex trialdex, Duration searchLimit) {
    this.trialdex = trialdex;
    this.searchLimit = searchLimit;
    this.stats = new StoreStats(trialdex.records(), trialdex.reports());
    this.limitedStats = new LimitedStats(stats, searchLimit);
  }

  static void routes(Javalin app, Trialdex trialdex, Admission admission) {
    ApiV2 api = new ApiV2(trialdex, admission.limits().timeLimit());
    app.events(e -> {
      e.serverStarted(api.stats::warmInBackground);
      e.serverStopping(api.stats::stop);
    });
    app.get("/api/v2/studies", admission.guard(api::studies));
    app.get("/api/v2/studies/metadata", api::metadata);
    app.get("/api/v2/studies/search-areas", api::searchAreas);
    app.get("/api/v2/studies/enums", api::enums);
    app.get("/api/v2/studies/{nctId}", admission.light(api::study));
    app.get("/api/v2/version", api::version);
    app.get("/api/v2/stats/size", admission.guard(api::size));
    // The live ClinicalTrials.gov API spells them /stats/field/values and /stats/field/sizes;
    // ctg-oas-v2.yaml (an older draft), /stats/fieldValues and /stats/listSizes, each also with the
    // field in the path. Clients call both spellings, so both answer the same.
    for (String values : List.of("/api/v2/stats/field/values", "/api/v2/stats/fieldValues")) {
      app.get(values, admission.guard(api::fieldValues));
      app.get(values + "/{field}", admission.guard(api::fieldValues));
    }
    for (String sizes : List.of("/api/v2/stats/field/sizes", "/api/v2/stats/listSizes")) {
      app.get(sizes, admission.guard(api::listSizes));
      app.get(sizes + "/{field}", admission.guard(api::listSizes));
    }
  }

  private void studies(Context ctx) throws java.io.IOException {
    Map<String, List<String>> params = new java.util.LinkedHashMap<>(ctx.queryParamMap());
    boolean explain = explainFlag(params.remove("explain"));
    MarkupFormat markup = MarkupFormat.of(params.remove("markupFormat"));
    String format = format(params, "json", "csv");
    if (format.equals("csv")) {
      List<CsvColumns.Column> columns = CsvColumns.select(list(params, "fields"));
      SearchRequest request = SearchRequests.parse(params);
      SearchResult result = HttpServer.search(trialdex, request, searchLimit);
      result.nextPageToken().ifPresent(t -> ctx.header("x-next-page-token", t));
      result.totalCount().ifPresent(n -> ctx.header("x-total-count", Long.toString(n)));
      Iterable<JsonNode> rows = () -> result.hits().stream()
          .map(h -> markup.apply(org.trialdex.app.service.SearchResponses.storedTree(h))).iterator();
      Streamed.csv(ctx, out -> csv(columns, rows, request.pageToken().isEmpty(), out));
      return;
    }
    List<StudyFields.Field> fields = fields(params);
    SearchRequest request = SearchRequests.parse(params);
    SearchResult result = HttpServer.search(trialdex, request, searchLimit);
    JsonNode explanation = explain ? org.trialdex.app.service.SearchResponses.explanation(
        trialdex.searches().explain(request, result)) : null;
    // Each study as the index stores it: whole, or the fields picked from it, never through the model.
    java.util.Optional<java.util.function.UnaryOperator<JsonNode>> view = fields.isEmpty() && markup == MarkupFormat.MARKDOWN
        ? java.util.Optional.empty() : java.util.Optional.of(study -> markup.apply(select(study, fields)));
    Streamed.v2(ctx, result, hit -> org.trialdex.app.service.SearchResponses.asStored(hit, view), explanation);
  }

  /** Our extension {@code explain=true}: how the query was understood and why each hit matched. */
  static boolean explainFlag(List<String> values) {
    if (values == null) {
      return false;
    }
    if (values.size() != 1 || !(values.getFirst().equals("true") || values.getFirst().equals("false"))) {
      throw new HttpServer.BadRequest("explain takes true or false, once; got " + values);
    }
    return values.getFirst().equals("true");
  }

  /** Names the paths trialdex derived for a study it answers (our extension). */
  static final String DERIVED_HEADER = "X-Trialdex-Derived";

  private void study(Context ctx) throws java.io.IOException {
    Map<String, List<String>> params = ctx.queryParamMap();
    only(params, Set.of("format", "fields", "markupFormat"));
    // ctg-oas-v2.yaml's four formats, then our extension ris (docs/http.md, "Formats of one study").
    String format = format(params, "json", "csv", "json.zip", "fhir.json", "ris");
    List<CsvColumns.Column> columns = format.equals("csv") ? CsvColumns.select(list(params, "fields")) : List.of();
    List<StudyFields.Field> fields = format.equals("csv") ? List.of() : fields(params);
    MarkupFormat markup = MarkupFormat.of(params.get("markupFormat"));
    wholeRecordOnly(format, fields, markup);
    String id = studyId(ctx.pathParam("nctId"));
    byte[] stored = trialdex.records().currentJson(id)
        .orElseThrow(() -> new HttpServer.NotFound("no study " + id));
    // A tree of the record as stored, not through the model: the same tree, for a fraction of the
    // work (a record with results may be megabytes).
    ObjectNode tree = (ObjectNode) StudyJson.standard().mapper().readTree(stored);
    // The fields ClinicalTrials.gov derives, for a record that came without them, as search shows it;
    // a header says which (the body stays a v2 Study).
    List<String> derived = new Derivation(trialdex.vocabulary()).apply(tree);
    if (!derived.isEmpty()) {
      ctx.header(DERIVED_HEADER, String.join(", ", derived));
    }
    markup.apply(tree);
    switch (format) {
      case "csv" -> {
        StringBuilder out = new StringBuilder();
        csv(columns, List.of(tree), true, out);
        Render.csv(ctx, out.toString());
      }
      case "json.zip" -> Render.zippedJson(ctx, id, select(tree, fields));
      case "fhir.json" -> Render.fhir(ctx, org.trialdex.app.service.fhir.ResearchStudies.map(id, tree));
      case "ris" -> Render.ris(ctx, id, org.trialdex.app.service.RisCitations.of(tree));
      default -> Render.json(ctx, select(tree, fields));
    }
  }

  /**
   * {@code fields} and {@code markupFormat=legacy} make no sense for the formats that write a whole
   * record in a shape of their own: FHIR ("fields are not customizable", ctg-oas-v2.yaml; its
   * description is FHIR markdown) and RIS (a fixed set of tags). A 400 names the parameter.
   */
  private static void wholeRecordOnly(String format, List<StudyFields.Field> fields, MarkupFormat markup) {
    boolean whole = format.equals("fhir.json") || format.equals("ris");
    if (whole && !fields.isEmpty()) {
      throw new HttpServer.BadRequest("fields: format=" + format + " writes the whole record in its own shape and"
          + " takes no fields; leave fields out, or use format=json or csv to pick fields");
    }
    if (format.equals("fhir.json") && markup != MarkupFormat.MARKDOWN) {
      throw new HttpServer.BadRequest("markupFormat: format=fhir.json writes the text fields as FHIR markdown;"
          + " leave markupFormat out (or give markdown)");
    }
  }

  /**
   * The id of {@code /api/v2/studies/{nctId}} as it is stored: an NCT number in either case
   * ({@code nct02513394}, as the document's pattern {@code ^(NCT|nct)\d{8}$} allows) upper-cased.
   * A malformed one answers 400, as ClinicalTrials.gov does, not 404; a record trialdex keeps under
   * another registry's id (not an NCT number) answers under that id, our extension.
   */
  private String studyId(String given) {
    if (NCT_ID.matcher(given).matches()) {
      return given.toUpperCase(Locale.ROOT);
    }
    boolean looksNct = given.regionMatches(true, 0, "NCT", 0, 3);
    if (!looksNct && org.trialdex.core.source.RecordIds.isOtherId(given) && trialdex.records().currentJson(given).isPresent()) {
      return given;
    }
    throw new HttpServer.BadRequest("NCT number `" + given + "` has incorrect format: expected NCT followed by 8 digits,"
        + " e.g. NCT02513394 (nct02513394 is taken too)");
  }

  private static final java.util.regex.Pattern NCT_ID = java.util.regex.Pattern.compile("(?i)NCT\\d{8}");

  /**
   * A search parameter's error as the v2 API words it: an unknown name as ClinicalTrials.gov says it
   * ({@code `filter.studyType` is unknown parameter}), followed by trialdex's hint; a bad value
   * as trialdex says it, naming the parameter, the value and what is accepted.
   */
  static String message(org.trialdex.search.query.QueryException e) {
    String prefix = e.parameter() + ": unknown parameter";
    if (e.isUnknownParameter() && e.getMessage().startsWith(prefix)) {
      return unknownParameter(e.parameter()) + e.getMessage().substring(prefix.length());
    }
    if (e.invalidValue().isPresent()) {
      // The live words for a value that is not one of the parameter's constants (clients match them:
      // cyanheads/clinicaltrialsgov-mcp-server reads "Invalid value in parameter `x`: `y`").
      return "Invalid value in parameter `" + e.parameter() + "`: `" + e.invalidValue().get() + "`; " + e.getMessage();
    }
    if (e.position().isPresent()) {
      return parsingQueryIn(e.parameter()) + e.getMessage();
    }
    return e.getMessage();
  }

  /**
   * A query's field error as the v2 API words it: an {@code AREA[...]} that names no field as the
   * live parser says it ({@code Error parsing query in Other terms: Unknown area name: `X`}), then
   * trialdex's message, which lists the fields.
   */
  static String message(org.trialdex.search.SearchException e) {
    if (e.unknownArea().isPresent() && e.parameter().isPresent()) {
      return parsingQueryIn(e.parameter().get()) + "Unknown area name: `" + e.unknownArea().get() + "`; " + e.getMessage();
    }
    return e.getMessage();
  }

  /**
   * The live parser's prefix for an error in a query: "Error parsing query in " and the portal's
   * label of the parameter's area ("Other terms" for query.term, as cyanheads/clinicaltrialsgov-mcp-server#34
   * quotes it), or the parameter's name where the portal has no label for it (filter.advanced).
   */
  private static String parsingQueryIn(String parameter) {
    for (SearchRequest.Area a : SearchRequest.Area.values()) {
      if (a.parameter().equals(parameter) && UI_LABELS.containsKey(a.searchArea())) {
        return "Error parsing query in " + UI_LABELS.get(a.searchArea()) + ": ";
      }
    }
    return "Error parsing query in " + parameter + ": ";
  }

  /** ClinicalTrials.gov's words for a parameter it does not take. */
  static String unknownParameter(String name) {
    return "`" + name + "` is unknown parameter";
  }

  private void version(Context ctx) {
    only(ctx.queryParamMap(), Set.of());
    ObjectNode body = HttpServer.json().createObjectNode();
    body.put("apiVersion", API_VERSION);
    trialdex.reports().newestRecordedAt().ifPresent(t -> body.put("dataTimestamp",
        t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace("Z", "")));
    Render.json(ctx, body);
  }

  private void size(Context ctx) throws InterruptedException {
    only(ctx.queryParamMap(), Set.of());
    Render.json(ctx, limitedStats.snapshot().gzipStats());
  }

  /**
   * {@code FieldValuesStats} of leaf fields: one field's object when the path names it, else a list
   * of the fields {@code fields=} names (every leaf field when not given) whose type {@code types=}
   * takes (every type when not given).
   */
  private void fieldValues(Context ctx) throws InterruptedException {
    Map<String, List<String>> params = ctx.queryParamMap();
    String one = ctx.pathParamMap().get("field");
    only(params, one == null ? Set.of("types", "fields") : Set.of());
    if (one != null) {
      StudyFields.Field f = statsField(one);
      leafType(one, f);
      Render.json(ctx, limitedStats.snapshot().valueStats(f));
      return;
    }
    Set<FieldStats.Type> types = java.util.EnumSet.noneOf(FieldStats.Type.class);
    for (String t : list(params, "types")) {
      try {
        types.add(FieldStats.Type.valueOf(t.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new HttpServer.BadRequest("Invalid value in parameter `types`: `" + t
            + "`; accepted: ENUM, STRING, DATE, INTEGER, NUMBER, BOOLEAN");
      }
    }
    List<StudyFields.Field> wanted = new ArrayList<>();
    List<String> names = list(params, "fields");
    if (names.isEmpty()) {
      StudyFields.model().all().stream().filter(f -> FieldStats.Type.of(f).isPresent()).forEach(wanted::add);
    } else {
      for (String n : names) {
        StudyFields.Field f = statsField(n);
        leafType(n, f);
        wanted.add(f);
      }
    }
    ArrayNode out = HttpServer.json().createArrayNode();
    StoreStats.Snapshot snapshot = limitedStats.snapshot();
    for (StudyFields.Field f : wanted) {
      if (types.isEmpty() || types.contains(FieldStats.Type.of(f).orElseThrow())) {
        out.add(snapshot.valueStats(f));
      }
    }
    Render.json(ctx, out);
  }

  /** {@code ListSizes} of list fields: one field's object when the path names it, else a list. */
  private void listSizes(Context ctx) throws InterruptedException {
    Map<String, List<String>> params = ctx.queryParamMap();
    String one = ctx.pathParamMap().get("field");
    only(params, one == null ? Set.of("fields") : Set.of());
    if (one != null) {
      StudyFields.Field f = listField(one);
      Render.json(ctx, limitedStats.snapshot().listSizes(f));
      return;
    }
    List<StudyFields.Field> wanted = new ArrayList<>();
    List<String> names = list(params, "fields");
    if (names.isEmpty()) {
      StudyFields.model().all().stream().filter(StudyFields.Field::list).forEach(wanted::add);
    } else {
      names.forEach(n -> wanted.add(listField(n)));
    }
    ArrayNode out = HttpServer.json().createArrayNode();
    StoreStats.Snapshot snapshot = limitedStats.snapshot();
    wanted.forEach(f -> out.add(snapshot.listSizes(f)));
    Render.json(ctx, out);
  }

  /**
   * The field a statistics request names. An unknown one answers 404 with ClinicalTrials.gov's
   * words, "Unknown piece name of field path: X", which its clients match (issue #14).
   */
  private static StudyFields.Field statsField(String name) {
    try {
      return StudyFields.model().resolve(name);
    } catch (IllegalArgumentException e) {
      throw new HttpServer.NotFound("Unknown piece name of field path: " + name);
    }
  }

  private static FieldStats.Type leafType(String name, StudyFields.Field f) {
    return FieldStats.Type.of(f).orElseThrow(() -> new HttpServer.BadRequest("'" + name + "' (" + f.path()
        + ") is a structure, not a leaf field: value statistics cover leaf fields; name one of its members"
        + " (GET /api/v2/studies/metadata lists them)"));
  }

  private static StudyFields.Field listField(String name) {
    StudyFields.Field f = statsField(name);
    if (!f.list()) {
      throw new HttpServer.BadRequest("'" + name + "' (" + f.path() + ") is not a list field: list sizes cover"
          + " list fields (type ending in [] in GET /api/v2/studies/metadata)");
    }
    return f;
  }

  private void metadata(Context ctx) {
    Map<String, List<String>> params = ctx.queryParamMap();
    only(params, Set.of("includeIndexedOnly", "includeHistoricOnly"));
    boolean indexed = booleanParam(params, "includeIndexedOnly");
    boolean historic = booleanParam(params, "includeHistoricOnly");
    ArrayNode out = HttpServer.json().createArrayNode();
    for (StudyFields.Field f : StudyFields.model().roots()) {
      node(f, indexed, historic).ifPresent(out::add);
    }
    Render.json(ctx, out);
  }

  /** A FieldNode of ctg-oas-v2.yaml; empty when the node is indexed- or historic-only and not asked for. */
  private static java.util.Optional<ObjectNode> node(StudyFields.Field f, boolean indexed, boolean historic) {
    FieldCatalog.Node c = f.node();
    if (c.visibility() == FieldCatalog.Visibility.INDEXED_ONLY && !indexed
        || c.visibility() == FieldCatalog.Visibility.HISTORIC_ONLY && !historic) {
      return java.util.Optional.empty();
    }
    ObjectNode n = HttpServer.json().createObjectNode();
    n.put("name", f.name());
    n.put("piece", f.piece());
    n.put("sourceType", f.sourceType());
    c.maxChars().ifPresent(m -> n.put("maxChars", m));
    n.put("type", f.type());
    if (f.isEnum()) {
      n.put("isEnum", true);
    }
    if (c.synonyms()) {
      n.put("synonyms", true);
    }
    if (c.nested()) {
      n.put("nested", true);
    }
    if (c.visibility() == FieldCatalog.Visibility.INDEXED_ONLY) {
      n.put("indexedOnly", true);
    }
    if (c.visibility() == FieldCatalog.Visibility.HISTORIC_ONLY) {
      n.put("historicOnly", true);
    }
    if (!c.altPieceNames().isEmpty()) {
      ArrayNode alts = n.putArray("altPieceNames");
      c.altPieceNames().forEach(alts::add);
    }
    if (!f.isLeaf()) {
      ArrayNode kids = n.putArray("children");
      for (StudyFields.Field child : f.children()) {
        node(child, indexed, historic).ifPresent(kids::add);
      }
    }
    return java.util.Optional.of(n);
  }

  /** {@code true} or {@code false}, once; absent is false. */
  private static boolean booleanParam(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null) {
      return false;
    }
    if (values.size() != 1 || !(values.getFirst().equalsIgnoreCase("true") || values.getFirst().equalsIgnoreCase("false"))) {
      throw new HttpServer.BadRequest(name + " takes true or false, once; got " + values);
    }
    return values.getFirst().equalsIgnoreCase("true");
  }

  /** The portal's labels of the areas a query parameter searches, as the live search-areas answer gives them. */
  private static final Map<String, String> UI_LABELS = Map.of("BasicSearch", "Other terms",
      "ConditionSearch", "Conditions or disease", "InterventionSearch", "Intervention / treatment",
      "OutcomeSearch", "Outcome measure", "TitleSearch", "Title / acronym", "LocationSearch", "Location terms",
      "IdSearch", "Study IDs", "SponsorSearch", "Sponsor / collaborator");

  private void searchAreas(Context ctx) {
    only(ctx.queryParamMap(), Set.of());
    ArrayNode out = HttpServer.json().createArrayNode();
    ObjectNode doc = out.addObject();
    doc.put("name", "Study");
    ArrayNode areas = doc.putArray("areas");
    for (String name : Pieces.searchAreas().keySet()) {
      ObjectNode area = areas.addObject();
      area.put("name", name);
      if (UI_LABELS.containsKey(name)) {
        area.put("uiLabel", UI_LABELS.get(name));
      }
      for (SearchRequest.Area a : SearchRequest.Area.values()) {
        if (a.searchArea().equals(name)) {
          // The live answer names the parameter without its "query." prefix: "cond", "term".
          area.put("param", a.parameter().substring("query.".length()));
        }
      }
      Map<String, Float> weights = Pieces.areaWeights(name);
      List<StudyFields.Field> parts = new ArrayList<>(StudyFields.model().area(name));
      // Heaviest first, as the live answer orders them; an area trialdex does not weight by part weighs each 1.
      parts.sort(java.util.Comparator.comparing((StudyFields.Field f) -> -weights.getOrDefault(f.piece(), 1f)));
      ArrayNode partsOut = area.putArray("parts");
      for (StudyFields.Field f : parts) {
        ObjectNode part = partsOut.addObject();
        part.putArray("pieces").add(f.piece());
        part.put("type", f.type().replace("[]", ""));
        part.put("isEnum", f.isEnum());
        // Trialdex matches synonyms (MeSH entry terms) in the areas it searches by meaning: the weighted ones.
        part.put("isSynonyms", !weights.isEmpty());
        part.put("weight", weights.getOrDefault(f.piece(), 1f));
      }
    }
    Render.json(ctx, out);
  }

  private void enums(Context ctx) {
    only(ctx.queryParamMap(), Set.of());
    Map<Class<?>, List<String>> pieces = new LinkedHashMap<>();
    for (StudyFields.Field f : StudyFields.model().all()) {
      if (f.isEnum()) {
        pieces.computeIfAbsent(f.enumType(), k -> new ArrayList<>()).add(f.piece());
      }
    }
    ArrayNode out = HttpServer.json().createArrayNode();
    pieces.forEach((type, ps) -> {
      ObjectNode e = out.addObject();
      e.put("type", type.getSimpleName());
      ArrayNode p = e.putArray("pieces");
      ps.forEach(p::add);
      ArrayNode values = e.putArray("values");
      for (Object c : type.getEnumConstants()) {
        Enum<?> constant = (Enum<?>) c;
        ObjectNode v = values.addObject().put("value", constant.name());
        LegacyValues.of(constant).ifPresent(l -> v.put("legacyValue", l));
        Map<String, String> exceptions = new java.util.TreeMap<>(LegacyValues.exceptions(constant));
        exceptions.keySet().retainAll(ps);
        if (!exceptions.isEmpty()) {
          ObjectNode x = v.putObject("exceptions");
          exceptions.forEach(x::put);
        }
      }
    });
    Render.json(ctx, out);
  }

  // --- parameters

  static String format(Map<String, List<String>> params, String... accepted) {
    List<String> values = params.getOrDefault("format", List.of());
    if (values.size() > 1) {
      throw new HttpServer.BadRequest("format: give it once");
    }
    String f = values.isEmpty() || values.get(0).isBlank() ? accepted[0] : values.get(0).strip().toLowerCase(Locale.ROOT);
    if (!List.of(accepted).contains(f)) {
      throw new HttpServer.BadRequest("format: '" + values.get(0) + "' is not one of " + String.join(", ", accepted));
    }
    return f;
  }

  /**
   * The {@code fields} items, comma- or pipe-separated, resolved; empty when not given. An item is a
   * path, a piece name, a search area (its pieces) or {@code @query}: the fields the request's
   * {@code query.*} parameters search (ctg-oas-v2.yaml: "expands to all fields queried by search").
   */
  static List<StudyFields.Field> fields(Map<String, List<String>> params) {
    java.util.LinkedHashSet<StudyFields.Field> out = new java.util.LinkedHashSet<>();
    for (String item : list(params, "fields")) {
      if (item.equalsIgnoreCase("@query")) {
        for (SearchRequest.Area a : SearchRequest.Area.values()) {
          if (params.containsKey(a.parameter())) {
            out.addAll(StudyFields.model().area(a.searchArea()));
          }
        }
        continue;
      }
      try {
        out.add(StudyFields.model().resolve(item));
      } catch (IllegalArgumentException e) {
        List<StudyFields.Field> area = StudyFields.model().area(item);
        if (area.isEmpty()) {
          // ClinicalTrials.gov's words first, then ours (which fields there are).
          throw new HttpServer.BadRequest("Parameter 'fields' contains invalid field name: '" + item + "'; " + e.getMessage());
        }
        out.addAll(area);
      }
    }
    return List.copyOf(out);
  }

  private static List<String> list(Map<String, List<String>> params, String name) {
    List<String> out = new ArrayList<>();
    for (String v : params.getOrDefault(name, List.of())) {
      for (String item : v.split("[,|]")) {
        if (!item.isBlank()) {
          out.add(item.strip());
        }
      }
    }
    return out;
  }

  static void only(Map<String, List<String>> params, Set<String> accepted) {
    for (String name : params.keySet()) {
      if (!accepted.contains(name)) {
        throw new HttpServer.BadRequest(unknownParameter(name)
            + (accepted.isEmpty() ? "; this endpoint takes none" : "; accepted: " + String.join(", ", new java.util.TreeSet<>(accepted))));
      }
    }
  }

  private static JsonNode select(JsonNode study, List<StudyFields.Field> fields) {
    return fields.isEmpty() ? study : StudyFields.select(study, fields.stream().map(StudyFields.Field::path).toList());
  }

  /** Writes {@code studies} as CSV rows to {@code out}, after a header row when {@code header}. */
  private static void csv(List<CsvColumns.Column> columns, Iterable<JsonNode> studies, boolean header, Appendable out)
      throws java.io.IOException {
    if (header) {
      CsvColumns.header(columns, out);
    }
    for (JsonNode s : studies) {
      CsvColumns.row(columns, s, out);
    }
  }
}
