package org.trialdex.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.trialdex.core.derive.Derivation;
import org.trialdex.core.json.StudyJson;
import org.trialdex.search.query.Expr;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.testing.SharedData;

/**
 * The test index: the 100 real v2 records (NSCLC), PALLAS, and two small breast-cancer records we
 * wrote, indexed into a temporary folder; with the records as JSON for brute-force expectations.
 */
final class IndexedSample implements AutoCloseable {

  static final StudyJson JSON = StudyJson.standard();

  /** A breast-cancer trial of palbociclib: PALLAS's closest relative. */
  static final String BREAST_PALBOCICLIB = """
      {"protocolSection": {
        "identificationModule": {"nctId": "TDX-0001", "briefTitle": "Palbociclib After Surgery in Early Breast Cancer"},
        "statusModule": {"overallStatus": "RECRUITING", "startDateStruct": {"date": "2021-03"}},
        "conditionsModule": {"conditions": ["Breast Cancer"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE3"], "enrollmentInfo": {"count": 300}},
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": "Palbociclib"}]},
        "eligibilityModule": {"sex": "FEMALE", "minimumAge": "18 Years", "stdAges": ["ADULT", "OLDER_ADULT"]}},
       "derivedSection": {"conditionBrowseModule": {"meshes": [{"id": "D001943", "term": "Breast Neoplasms"}],
         "ancestors": [{"id": "D009371", "term": "Neoplasms by Site"}, {"id": "D001941", "term": "Breast Diseases"}]}},
       "hasResults": false}
      """;

  /** A breast-cancer trial of another drug, no phase: shares the condition only. */
  static final String BREAST_LETROZOLE = """
      {"protocolSection": {
        "identificationModule": {"nctId": "TDX-0002", "briefTitle": "Letrozole Adherence in Women With Breast Cancer"},
        "statusModule": {"overallStatus": "COMPLETED", "startDateStruct": {"date": "2012"}},
        "conditionsModule": {"conditions": ["Breast Neoplasms"]},
        "designModule": {"studyType": "OBSERVATIONAL", "patientRegistry": true},
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": "Letrozole"}]},
        "eligibilityModule": {"sex": "ALL", "healthyVolunteers": false, "stdAges": ["ADULT"]}},
       "hasResults": false}
      """;

  final Path dir;
  final StudyIndex index;
  final SearchService service;
  /**
   * Every indexed record as JSON, by id, in indexing order: as the index holds it, with the fields
   * trialdex derives for records that lack them (core's Derivation, tested on its own).
   */
  final Map<String, JsonNode> records = new LinkedHashMap<>();

  IndexedSample() throws IOException {
    List<JsonNode> all = new ArrayList<>();
    // The shared files first: when they are absent the test skips before a folder is made.
    JsonNode sample = JSON.mapper().readTree(SharedData.v2Sample().toFile());
    sample.forEach(all::add);
    all.add(JSON.mapper().readTree(SharedData.pallasV2().toFile()));
    dir = Files.createTempDirectory("trialdex-search-test");
    all.add(JSON.mapper().readTree(BREAST_PALBOCICLIB));
    all.add(JSON.mapper().readTree(BREAST_LETROZOLE));
    index = StudyIndex.open(dir);
    Derivation derivation = new Derivation(index.vocabulary());
    for (JsonNode record : all) {
      String id = record.path("protocolSection").path("identificationModule").path("nctId").asText();
      index.upsert(id, JSON.read(record));
      ObjectNode derived = record.deepCopy();
      derivation.apply(derived);
      records.put(id, derived);
    }
    index.commit();
    service = new SearchService(index);
  }

  @Override
  public void close() throws IOException {
    index.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Texts at a path below each element of an array node (or the node itself when not an array). */
  static List<String> texts(JsonNode node, String... path) {
    List<JsonNode> current = List.of(node);
    for (String step : path) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode n : current) {
        JsonNode child = n.path(step);
        if (child.isArray()) {
          child.forEach(next::add);
        } else if (!child.isMissingNode() && !child.isNull()) {
          next.add(child);
        }
      }
      current = next;
    }
    return current.stream().map(JsonNode::asText).toList();
  }

  static List<JsonNode> elements(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  /** A request builder for tests: every field at its default. */
  static Req req() {
    return new Req();
  }

  static final class Req {
    final Map<SearchRequest.Area, Expr> queries = new LinkedHashMap<>();
    Optional<Expr> advanced = Optional.empty();
    List<String> overallStatus = List.of();
    Optional<SearchRequest.GeoFilter> geo = Optional.empty();
    List<SearchRequest.AggFilter> aggFilters = new ArrayList<>();
    List<SearchRequest.SortKey> sort = new ArrayList<>();
    int pageSize = 1000;
    Optional<String> pageToken = Optional.empty();
    boolean countTotal;
    List<String> facets = List.of();

    Req query(SearchRequest.Area area, Expr expr) {
      queries.put(area, expr);
      return this;
    }

    Req cond(String words) {
      return query(SearchRequest.Area.COND, new Expr.Words("ConditionSearch", words));
    }

    Req advanced(Expr expr) {
      advanced = Optional.of(expr);
      return this;
    }

    Req geo(double lat, double lon, double meters) {
      geo = Optional.of(new SearchRequest.GeoFilter(lat, lon, meters));
      return this;
    }

    Req agg(String name, String... options) {
      aggFilters.add(new SearchRequest.AggFilter(name, List.of(options)));
      return this;
    }

    Req sort(String field, boolean descending) {
      sort.add(new SearchRequest.SortKey(field, descending));
      return this;
    }

    Req pageSize(int size) {
      pageSize = size;
      return this;
    }

    Req pageToken(String token) {
      pageToken = Optional.of(token);
      return this;
    }

    Req countTotal() {
      countTotal = true;
      return this;
    }

    Req facets(String... names) {
      facets = List.of(names);
      return this;
    }

    SearchRequest build() {
      return new SearchRequest(queries, advanced, overallStatus, List.of(), geo, List.of(), List.of(), aggFilters,
          sort, pageSize, pageToken, countTotal, facets);
    }
  }
}
