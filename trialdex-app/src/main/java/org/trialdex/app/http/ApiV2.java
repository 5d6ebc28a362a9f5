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

  /** CSV columns when {@code fields} is not given, after ClinicalTrials.gov's CSV download. */
  static final List<String> CSV_DEFAULT = List.of("NCTId", "BriefTitle", "Acronym", "OverallStatus",
      "BriefSummary", "HasResults", "Condition", "InterventionName", "PrimaryOutcomeMeasure",
      "LeadSponsorName", "CollaboratorName", "Sex", "MinimumAge", "MaximumAge", "Phase", "EnrollmentCount",
      "LeadSponsorClass", "StudyType", "OrgStudyId", "StartDate", "PrimaryCompletionDate", "CompletionDate",
      "StudyFirstPostDate", "ResultsFirstPostDate", "LastUpdatePostDate", "LocationFacility");

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
    app.get("/api/v2/stats/fieldValues", admission.guard(api::fieldValues));
    app.get("/api/v2/stats/fieldValues/{field}", admission.guard(api::fieldValues));
    // The live ClinicalTrials.gov API spells it /stats/field/values; the draft document, fieldValues.
    app.get("/api/v2/stats/field/values", admission.guard(api::fieldValues));
    app.get("/api/v2/stats/field/values/{field}", admission.guard(api::fieldValues));
  }

  private void studies(Context ctx) throws java.io.IOException {
    Map<String, List<String>> params = new java.util.LinkedHashMap<>(ctx.queryParamMap());
    boolean explain = explainFlag(params.remove("explain"));
    MarkupFormat markup = MarkupFormat.of(params.remove("markupFormat"));
    String format = format(params, "json", "csv");
    List<StudyFields.Field> fields = fields(params);
    SearchRequest request = SearchRequests.parse(params);
    SearchResult result = HttpServer.search(trialdex, request, searchLimit);
    if (format.equals("csv")) {
      result.nextPageToken().ifPresent(t -> ctx.header("x-next-page-token", t));
      result.totalCount().ifPresent(n -> ctx.header("x-total-count", Long.toString(n)));
      Iterable<JsonNode> rows = () -> result.hits().stream()
          .map(h -> markup.apply(org.trialdex.app.service.SearchResponses.storedTree(h))).iterator();
      Streamed.csv(ctx, out -> csv(fields, rows, request.pageToken().isEmpty(), out));
      return;
    }
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
    List<StudyFields.Field> fields = fields(params);
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
        csv(fields, List.of(tree), true, out);
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
    return e.getMessage();
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

  private void fieldValues(Context ctx) throws InterruptedException {
    Map<String, List<String>> params = ctx.queryParamMap();
    String one = ctx.pathParamMap().get("field");
    only(params, one == null ? Set.of("types", "fields") : Set.of());
    List<StudyFields.Field> wanted = new ArrayList<>();
    if (one != null) {
      StudyFields.Field f = resolve(one);
      if (!f.isEnum()) {
        throw new HttpServer.BadRequest("'" + one + "' is not an enum field; value statistics cover enum fields only");
      }
      Render.json(ctx, limitedStats.snapshot().enumStats(f));
      return;
    }
    for (String t : list(params, "types")) {
      if (!t.equalsIgnoreCase("ENUM")) {
        throw new HttpServer.BadRequest("types: only ENUM is supported, got '" + t + "'");
      }
    }
    List<String> names = list(params, "fields");
    if (names.isEmpty()) {
      StudyFields.model().all().stream().filter(StudyFields.Field::isEnum).forEach(wanted::add);
    } else {
      for (String n : names) {
        StudyFields.Field f = resolve(n);
        if (!f.isEnum()) {
          throw new HttpServer.BadRequest("'" + n + "' is not an enum field; value statistics cover enum fields only");
        }
        wanted.add(f);
      }
    }
    ArrayNode out = HttpServer.json().createArrayNode();
    StoreStats.Snapshot snapshot = limitedStats.snapshot();
    for (StudyFields.Field f : wanted) {
      out.add(snapshot.enumStats(f));
    }
    Render.json(ctx, out);
  }

  private void metadata(Context ctx) {
    only(ctx.queryParamMap(), Set.of("includeIndexedOnly", "includeHistoricOnly"));
    ArrayNode out = HttpServer.json().createArrayNode();
    for (StudyFields.Field f : StudyFields.model().roots()) {
      out.add(node(f));
    }
    Render.json(ctx, out);
  }

  private static ObjectNode node(StudyFields.Field f) {
    ObjectNode n = HttpServer.json().createObjectNode();
    n.put("name", f.name());
    n.put("piece", f.piece() != null ? f.piece() : f.path());
    n.put("sourceType", f.sourceType());
    n.put("type", f.type());
    if (f.isEnum()) {
      n.put("isEnum", true);
    }
    if (!f.isLeaf()) {
      ArrayNode kids = n.putArray("children");
      for (StudyFields.Field c : f.children()) {
        kids.add(node(c));
      }
    }
    return n;
  }

  private void searchAreas(Context ctx) {
    only(ctx.queryParamMap(), Set.of());
    ArrayNode out = HttpServer.json().createArrayNode();
    ObjectNode doc = out.addObject();
    doc.put("name", "Study");
    ArrayNode areas = doc.putArray("areas");
    for (SearchRequest.Area a : SearchRequest.Area.values()) {
      ObjectNode area = areas.addObject();
      area.put("name", a.searchArea());
      area.put("param", a.parameter());
      area.putArray("parts");
    }
    Render.json(ctx, out);
  }

  private void enums(Context ctx) {
    only(ctx.queryParamMap(), Set.of());
    Map<Class<?>, List<String>> pieces = new LinkedHashMap<>();
    for (StudyFields.Field f : StudyFields.model().all()) {
      if (f.isEnum()) {
        pieces.computeIfAbsent(f.enumType(), k -> new ArrayList<>()).add(f.piece() != null ? f.piece() : f.path());
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
        values.addObject().put("value", ((Enum<?>) c).name());
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

  /** The {@code fields} items, comma- or pipe-separated, resolved; empty when not given. */
  static List<StudyFields.Field> fields(Map<String, List<String>> params) {
    List<StudyFields.Field> out = new ArrayList<>();
    for (String item : list(params, "fields")) {
      try {
        out.add(StudyFields.model().resolve(item));
      } catch (IllegalArgumentException e) {
        // ClinicalTrials.gov's words first, then ours (which fields there are).
        throw new HttpServer.BadRequest("Parameter 'fields' contains invalid field name: '" + item + "'; " + e.getMessage());
      }
    }
    return out;
  }

  private static StudyFields.Field resolve(String item) {
    try {
      return StudyFields.model().resolve(item);
    } catch (IllegalArgumentException e) {
      throw new HttpServer.BadRequest(e.getMessage());
    }
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

  private static void only(Map<String, List<String>> params, Set<String> accepted) {
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

  /** Writes {@code studies} as CSV rows to {@code sb}, after a header row when {@code header}. */
  private static void csv(List<StudyFields.Field> fields, Iterable<JsonNode> studies, boolean header, Appendable sb)
      throws java.io.IOException {
    List<StudyFields.Field> columns = fields.isEmpty() ? CSV_DEFAULT.stream().map(ApiV2::resolve).toList() : fields;
    if (header) {
      sb.append(String.join(",", columns.stream()
          .map(c -> Render.csvField(c.piece() != null ? c.piece() : c.path())).toList())).append("\r\n");
    }
    for (JsonNode s : studies) {
      List<String> cells = new ArrayList<>();
      for (StudyFields.Field c : columns) {
        cells.add(Render.csvField(String.join("|", StudyFields.values(s, c.path()))));
      }
      sb.append(String.join(",", cells)).append("\r\n");
    }
  }
}
