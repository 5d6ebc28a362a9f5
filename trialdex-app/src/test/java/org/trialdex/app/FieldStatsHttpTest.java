package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.testing.SharedData;

/**
 * Field statistics for every type (issue #14): {@code /stats/field/values} for ENUM, STRING, DATE,
 * INTEGER, NUMBER and BOOLEAN fields, {@code types=}, {@code /stats/field/sizes}, the older
 * spellings, and an unknown field as the live API answers it. The expected figures are counted
 * here another way, by reading the imported JSON files with Jackson; every answer is checked
 * against {@code ctg-oas-v2.yaml}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldStatsHttpTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LoopbackApi api;
  private V2Document oas;
  private final List<JsonNode> studies = new ArrayList<>();

  @BeforeAll
  void start(@TempDir Path dir) throws IOException {
    api = LoopbackApi.sample(dir);
    oas = V2Document.load();
    MAPPER.readTree(SharedData.v2Sample().toFile()).forEach(studies::add);
    studies.add(MAPPER.readTree(SharedData.pallasV2().toFile()));
    assertEquals(101, studies.size());
  }

  @AfterAll
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return api.get(pathAndQuery);
  }

  /** A 200 answer checked against the document at {@code documentPath}, as JSON. */
  private JsonNode stats(String pathAndQuery, String documentPath) throws Exception {
    HttpResponse<String> r = get(pathAndQuery);
    oas.assertFollows(r, documentPath);
    return MAPPER.readTree(r.body());
  }

  /** One field's values statistics, asked the live API's way and checked as the document's one-field path. */
  private JsonNode valuesOf(String field) throws Exception {
    JsonNode list = stats("/api/v2/stats/field/values?fields=" + field, "/api/v2/stats/fieldValues");
    assertEquals(1, list.size(), list::toString);
    JsonNode one = stats("/api/v2/stats/fieldValues/" + field, "/api/v2/stats/fieldValues/" + field);
    assertEquals(list.get(0), one, "the older spelling with the field in the path answers the same");
    return one;
  }

  /** The values of {@code path} (dotted members, lists flattened) in one study's JSON file. */
  private static List<JsonNode> values(JsonNode node, String[] parts, int i) {
    List<JsonNode> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(e -> out.addAll(values(e, parts, i)));
    } else if (i == parts.length) {
      out.add(node);
    } else {
      out.addAll(values(node.get(parts[i]), parts, i + 1));
    }
    return out;
  }

  private List<List<JsonNode>> perStudy(String path) {
    List<List<JsonNode>> out = new ArrayList<>();
    studies.forEach(s -> out.add(values(s, path.split("\\."), 0)));
    return out;
  }

  private static long missing(List<List<JsonNode>> perStudy) {
    return perStudy.stream().filter(List::isEmpty).count();
  }

  @Test
  void aStringFieldCountsStudiesPerValue() throws Exception {
    List<List<JsonNode>> conditions = perStudy("protocolSection.conditionsModule.conditions");
    Map<String, Integer> expected = new TreeMap<>();
    String longest = "";
    for (List<JsonNode> vs : conditions) {
      Set<String> distinct = new LinkedHashSet<>();
      vs.forEach(v -> distinct.add(v.asText()));
      distinct.forEach(v -> expected.merge(v, 1, Integer::sum));
      for (String v : distinct) {
        longest = v.length() > longest.length() ? v : longest;
      }
    }
    JsonNode s = valuesOf("Condition");
    assertEquals("STRING", s.get("type").asText());
    assertEquals("Condition", s.get("piece").asText());
    assertEquals("protocolSection.conditionsModule.conditions", s.get("field").asText());
    assertEquals(missing(conditions), s.get("missingStudiesCount").asLong());
    assertEquals(expected.size(), s.get("uniqueValuesCount").asInt());
    Map<String, Integer> top = new TreeMap<>();
    int previous = Integer.MAX_VALUE;
    for (JsonNode v : s.get("topValues")) {
      top.put(v.get("value").asText(), v.get("studiesCount").asInt());
      assertTrue(v.get("studiesCount").asInt() <= previous, "most studies first");
      previous = v.get("studiesCount").asInt();
    }
    assertEquals(expected, top, "fewer than 250 values: all of them are listed");
    assertEquals(longest.length(), s.at("/longest/length").asInt());
    assertEquals(longest, s.at("/longest/value").asText());
  }

  @Test
  void aDateFieldHasItsRangeAndFormats() throws Exception {
    List<List<JsonNode>> start = perStudy("protocolSection.statusModule.startDateStruct.date");
    TreeSet<String> dates = new TreeSet<>();
    Set<String> formats = new TreeSet<>();
    start.forEach(vs -> vs.forEach(v -> {
      dates.add(v.asText());
      formats.add(v.asText().length() == 7 ? "yyyy-MM" : v.asText().length() == 10 ? "yyyy-MM-dd" : "other");
    }));
    JsonNode s = valuesOf("StartDate");
    assertEquals("DATE", s.get("type").asText());
    assertEquals(missing(start), s.get("missingStudiesCount").asLong());
    // By hand from the files: the earliest start is 2007-09, the latest 2025-08-01.
    assertEquals("2007-09", dates.first());
    assertEquals(dates.first(), s.get("min").asText());
    assertEquals(dates.last(), s.get("max").asText());
    List<String> answered = new ArrayList<>();
    s.get("formats").forEach(f -> answered.add(f.asText()));
    assertEquals(List.copyOf(formats), answered);
  }

  @Test
  void anIntegerFieldHasItsMinimumMaximumAndAverage() throws Exception {
    List<List<JsonNode>> counts = perStudy("protocolSection.designModule.enrollmentInfo.count");
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long sum = 0;
    int n = 0;
    for (List<JsonNode> vs : counts) {
      for (JsonNode v : vs) {
        min = Math.min(min, v.asLong());
        max = Math.max(max, v.asLong());
        sum += v.asLong();
        n++;
      }
    }
    JsonNode s = valuesOf("EnrollmentCount");
    assertEquals("INTEGER", s.get("type").asText());
    // By hand from the files: two studies have no count; PALLAS's 5796 is the largest.
    assertEquals(2, missing(counts));
    assertEquals(2, s.get("missingStudiesCount").asInt());
    assertEquals(min, s.get("min").asLong());
    assertEquals(5796, s.get("max").asLong());
    assertEquals(max, s.get("max").asLong());
    assertEquals((double) sum / n, s.get("avg").asDouble(), 1e-9);
  }

  @Test
  void aBooleanFieldCountsTrueAndFalseStudies() throws Exception {
    List<List<JsonNode>> healthy = perStudy("protocolSection.eligibilityModule.healthyVolunteers");
    long yes = healthy.stream().filter(vs -> vs.stream().anyMatch(JsonNode::asBoolean)).count();
    long no = healthy.stream().filter(vs -> vs.stream().anyMatch(v -> !v.asBoolean())).count();
    JsonNode s = valuesOf("HealthyVolunteers");
    assertEquals("BOOLEAN", s.get("type").asText());
    // By hand from the files: 3 true, 93 false, 5 without the member.
    assertEquals(3, yes);
    assertEquals(yes, s.get("trueCount").asLong());
    assertEquals(no, s.get("falseCount").asLong());
    assertEquals(missing(healthy), s.get("missingStudiesCount").asLong());
  }

  @Test
  void anEnumFieldKeepsItsShape() throws Exception {
    List<List<JsonNode>> status = perStudy("protocolSection.statusModule.overallStatus");
    Map<String, Integer> expected = new HashMap<>();
    status.forEach(vs -> vs.forEach(v -> expected.merge(v.asText(), 1, Integer::sum)));
    JsonNode s = valuesOf("OverallStatus");
    assertEquals("ENUM", s.get("type").asText());
    Map<String, Integer> top = new HashMap<>();
    s.get("topValues").forEach(v -> top.put(v.get("value").asText(), v.get("studiesCount").asInt()));
    assertEquals(expected, top);
    assertFalse(s.has("longest"), "EnumStats has no longest value");
  }

  @Test
  void listSizesCountStudiesPerSize() throws Exception {
    Map<Integer, Integer> expected = new TreeMap<>();
    for (JsonNode s : studies) {
      JsonNode locations = s.at("/protocolSection/contactsLocationsModule/locations");
      if (locations.isArray()) {
        expected.merge(locations.size(), 1, Integer::sum);
      }
    }
    String path = "protocolSection.contactsLocationsModule.locations";
    JsonNode list = stats("/api/v2/stats/field/sizes?fields=" + path, "/api/v2/stats/listSizes");
    assertEquals(1, list.size());
    JsonNode sizes = list.get(0);
    assertEquals(path, sizes.get("field").asText());
    Map<Integer, Integer> answered = new TreeMap<>();
    sizes.get("topSizes").forEach(t -> answered.put(t.get("size").asInt(), t.get("studiesCount").asInt()));
    assertEquals(expected, answered);
    assertEquals(expected.size(), sizes.get("uniqueSizesCount").asInt());
    assertEquals(((TreeMap<Integer, Integer>) expected).firstKey(), sizes.get("minSize").asInt());
    // PALLAS has 437 locations, the most.
    assertEquals(437, sizes.get("maxSize").asInt());
    // The older spellings, with the field in the path or not, answer the same.
    assertEquals(sizes, stats("/api/v2/stats/listSizes/" + path, "/api/v2/stats/listSizes/" + path));
    assertEquals(list, stats("/api/v2/stats/listSizes?fields=" + path, "/api/v2/stats/listSizes"));
    assertEquals(sizes, stats("/api/v2/stats/field/sizes/" + path, "/api/v2/stats/listSizes/" + path));
    JsonNode all = stats("/api/v2/stats/field/sizes", "/api/v2/stats/listSizes");
    assertTrue(all.size() > 50, "every list field");
  }

  @Test
  void typesSelectsTheFieldsOfThoseTypes() throws Exception {
    JsonNode booleans = stats("/api/v2/stats/field/values?types=BOOLEAN", "/api/v2/stats/fieldValues");
    assertTrue(booleans.size() > 5, booleans::toString);
    Set<String> pieces = new TreeSet<>();
    booleans.forEach(b -> {
      assertEquals("BOOLEAN", b.get("type").asText());
      pieces.add(b.get("piece").asText());
    });
    assertTrue(pieces.contains("HealthyVolunteers"), pieces::toString);
    JsonNode numbers = stats("/api/v2/stats/field/values?types=" + URLEncoder.encode("INTEGER|NUMBER|DATE",
        StandardCharsets.UTF_8), "/api/v2/stats/fieldValues");
    Set<String> types = new TreeSet<>();
    numbers.forEach(n -> types.add(n.get("type").asText()));
    assertEquals(Set.of("DATE", "INTEGER", "NUMBER"), types);
    // Every type at once, the document's older spelling too.
    JsonNode all = stats("/api/v2/stats/fieldValues", "/api/v2/stats/fieldValues");
    Set<String> every = new TreeSet<>();
    all.forEach(n -> every.add(n.get("type").asText()));
    assertEquals(Set.of("ENUM", "STRING", "DATE", "INTEGER", "NUMBER", "BOOLEAN"), every);
    // fields and types together: the named fields of those types.
    JsonNode both = stats("/api/v2/stats/field/values?fields=OverallStatus,EnrollmentCount&types=ENUM", "/api/v2/stats/fieldValues");
    assertEquals(1, both.size());
    assertEquals("OverallStatus", both.at("/0/piece").asText());
  }

  @Test
  void anUnknownFieldIsA404InTheLiveApisWords() throws Exception {
    // The live API answers 404 "Unknown piece name of field path: X" (clinicaltrialsgov-mcp-server
    // reads that body to name the bad field).
    for (String path : List.of("/api/v2/stats/field/values?fields=Phase,NoSuchPiece", "/api/v2/stats/fieldValues/NoSuchPiece",
        "/api/v2/stats/field/values/NoSuchPiece", "/api/v2/stats/field/sizes?fields=NoSuchPiece", "/api/v2/stats/listSizes/NoSuchPiece")) {
      HttpResponse<String> r = get(path);
      assertEquals(404, r.statusCode(), () -> path + ": " + r.body());
      assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain"), path);
      assertEquals("Unknown piece name of field path: NoSuchPiece", r.body(), path);
    }
  }

  @Test
  void badTypesAndFieldsOfTheWrongKindAre400s() throws Exception {
    HttpResponse<String> type = get("/api/v2/stats/field/values?types=TEXT");
    assertEquals(400, type.statusCode());
    assertEquals("Invalid value in parameter `types`: `TEXT`; accepted: ENUM, STRING, DATE, INTEGER, NUMBER, BOOLEAN", type.body());
    HttpResponse<String> struct = get("/api/v2/stats/field/values?fields=ConditionsModule");
    assertEquals(400, struct.statusCode());
    assertTrue(struct.body().startsWith("'ConditionsModule' (protocolSection.conditionsModule) is a structure, not a leaf field"),
        struct.body());
    HttpResponse<String> notList = get("/api/v2/stats/field/sizes?fields=BriefTitle");
    assertEquals(400, notList.statusCode());
    assertTrue(notList.body().startsWith("'BriefTitle' (protocolSection.identificationModule.briefTitle) is not a list field"),
        notList.body());
    assertEquals(400, get("/api/v2/stats/field/sizes?types=ENUM").statusCode(), "sizes take no types");
  }
}
