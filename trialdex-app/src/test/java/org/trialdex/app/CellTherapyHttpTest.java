package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.app.http.HttpServer;
import org.trialdex.core.catalog.AggFilters;
import org.trialdex.core.celltherapy.CellTherapy;
import org.trialdex.core.celltherapy.CellTherapyProfile;
import org.trialdex.core.celltherapy.Coded;
import org.trialdex.core.celltherapy.Dose;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.StoreLocation;
import org.trialdex.testing.SharedData;

/**
 * The cell-therapy profile through the HTTP API (issue #11), on a real server on a loopback port
 * over a store imported by the CLI from the MSC set (1,480 real records) and two records we wrote.
 * Facet and filter counts are checked against core's profile called on every stored record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CellTherapyHttpTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Written by hand: autologous bone-marrow MSCs, 1×10^6 cells/kg, intravenous. So: cell type
   * msc, source bone-marrow, donor autologous, route intravenous, one dose of 1e6 cells per kg.
   */
  private static final String MARROW_IV = "NCT09999981";
  /** Written by hand: a drug trial, no cell product. */
  private static final String DRUG = "NCT09999982";

  private static final String OWN = """
      [{"protocolSection": {
        "identificationModule": {"nctId": "NCT09999981", "briefTitle": "Bone Marrow Mesenchymal Stromal Cells in Knee Osteoarthritis"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "conditionsModule": {"conditions": ["Knee Osteoarthritis"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE1"]},
        "armsInterventionsModule": {
          "armGroups": [{"label": "MSC", "type": "EXPERIMENTAL",
            "description": "One intravenous infusion of 1×10^6 cells/kg of autologous bone-marrow MSCs.",
            "interventionNames": ["Biological: Autologous bone marrow MSCs"]}],
          "interventions": [{"type": "BIOLOGICAL", "name": "Autologous bone marrow MSCs",
            "description": "Autologous bone marrow-derived mesenchymal stromal cells, 1×10^6 cells/kg, given intravenously."}]}}},
       {"protocolSection": {
        "identificationModule": {"nctId": "NCT09999982", "briefTitle": "Naproxen in Knee Osteoarthritis"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "conditionsModule": {"conditions": ["Knee Osteoarthritis"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE4"]},
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": "Naproxen",
          "description": "Naproxen 500 mg twice daily by mouth."}]}}}]
      """;

  /** The facets and aggFilters of the profile, each with how core's profile gives its codes. */
  private static final Map<String, Function<CellTherapyProfile, Collection<? extends Coded>>> DIMENSIONS =
      new LinkedHashMap<>();

  static {
    DIMENSIONS.put("cellType", CellTherapyProfile::cellTypeValues);
    DIMENSIONS.put("cellSource", CellTherapyProfile::sourceValues);
    DIMENSIONS.put("cellDonor", CellTherapyProfile::donorValues);
    DIMENSIONS.put("cellRoute", CellTherapyProfile::routeValues);
  }

  private Trialdex trialdex;
  private HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  /** Every stored record's profile, by id, computed by calling core directly. */
  private final Map<String, CellTherapyProfile> profiles = new TreeMap<>();

  @BeforeAll
  void start(@TempDir Path dir) throws IOException {
    Path own = dir.resolve("own.json");
    Files.writeString(own, OWN);
    Path data = dir.resolve("data");
    Cli c = Cli.run("import", "--data", data.toString(), SharedData.mscClassic().toString(), own.toString());
    assertEquals(TrialdexCommand.OK, c.exitCode(), c::toString);
    trialdex = Trialdex.open(new StoreLocation.Sqlite(data), Clock.systemUTC());
    try (Stream<StoredStudy> all = trialdex.records().all()) {
      all.forEach(s -> profiles.put(s.nctId(), CellTherapy.profile(s.study())));
    }
    server = HttpServer.start(trialdex, "127.0.0.1", 0);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (trialdex != null) {
      trialdex.close();
    }
  }

  private JsonNode get(String pathAndQuery, int status) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(status, r.statusCode(), () -> pathAndQuery + ": " + r.body());
    assertFalse(r.body().contains("\tat "), "no stack trace");
    if (status >= 400) {
      // An error of /api/v2 is plain text, of trialdex's own API JSON; either way, its message.
      return MAPPER.createObjectNode().put("message", ErrorBodies.message(r));
    }
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), pathAndQuery);
    return MAPPER.readTree(r.body());
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The ids of a search (every page's worth: the sets here are small). */
  private List<String> ids(String query) throws Exception {
    JsonNode page = get("/api/v2/studies?pageSize=1000&fields=NCTId&" + query, 200);
    return page.path("studies").findValues("nctId").stream().map(JsonNode::asText).toList();
  }

  private long total(String query) throws Exception {
    return get("/api/v2/studies?pageSize=1&countTotal=true&" + query, 200).path("totalCount").asLong();
  }

  @Test
  void theProfileEndpointGivesOurRecordsProfileWithItsEvidence() throws Exception {
    JsonNode p = get("/api/studies/" + MARROW_IV + "/cell-therapy", 200);
    assertEquals(MARROW_IV, p.path("nctId").asText());
    assertTrue(p.path("cellTherapy").asBoolean());
    assertEquals(List.of("msc"), p.path("cellType").findValuesAsText("value"));
    assertEquals(List.of("bone-marrow"), p.path("source").findValuesAsText("value"));
    assertEquals(List.of("autologous"), p.path("donor").findValuesAsText("value"));
    assertEquals(List.of("intravenous"), p.path("route").findValuesAsText("value"));
    assertEquals("Bone marrow", p.path("source").get(0).path("label").asText());
    JsonNode dose = p.path("dose").get(0);
    assertEquals(1e6, dose.path("perKg").asDouble(), 0);
    assertEquals("cells", dose.path("unit").asText());
    // The evidence quotes the record.
    for (JsonNode e : p.path("source").get(0).path("evidence")) {
      assertTrue(e.path("text").asText().toLowerCase().contains("bone"), e::toString);
    }
    // The drug trial: no cell product, empty facts.
    JsonNode drug = get("/api/studies/" + DRUG + "/cell-therapy", 200);
    assertFalse(drug.path("cellTherapy").asBoolean());
    assertEquals(0, drug.path("cellType").size());
    assertEquals(0, drug.path("dose").size());
    // The same as core gives, for a real record of the MSC set with a product.
    String real = profiles.entrySet().stream().filter(e -> e.getKey().startsWith("NCT0") && e.getValue().hasProduct()
        && !e.getValue().doses().isEmpty()).findFirst().orElseThrow().getKey();
    assertEquals(org.trialdex.core.celltherapy.ProfileJson.of(real, profiles.get(real)).toString(),
        get("/api/studies/" + real + "/cell-therapy", 200).toString());
  }

  @Test
  void everyProfileFollowsOurOpenApiDocument() throws Exception {
    var ours = com.atlassian.oai.validator.OpenApiInteractionValidator
        .createForSpecificationUrl("http://127.0.0.1:" + server.port() + "/api/openapi.json").build();
    // Every 10th record with a product, our two, and a 404.
    List<String> ids = new java.util.ArrayList<>(List.of(MARROW_IV, DRUG, "NCT99999999"));
    int n = 0;
    for (Map.Entry<String, CellTherapyProfile> e : profiles.entrySet()) {
      if (e.getValue().hasProduct() && n++ % 10 == 0) {
        ids.add(e.getKey());
      }
    }
    for (String id : ids) {
      String path = "/api/studies/" + id + "/cell-therapy";
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
          .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      var report = ours.validateResponse(path, com.atlassian.oai.validator.model.Request.Method.GET,
          com.atlassian.oai.validator.model.SimpleResponse.Builder.status(r.statusCode())
              .withContentType("application/json").withBody(r.body()).build());
      assertFalse(report.hasErrors(), () -> path + ": " + report + "\n" + r.body());
    }
    assertTrue(ids.size() > 50, ids.size() + " profiles checked");
  }

  @Test
  void anUnknownIdIsAJson404() throws Exception {
    assertEquals("no study NCT99999999", get("/api/studies/NCT99999999/cell-therapy", 404).path("message").asText());
  }

  @Test
  void ourRecordIsFoundByItsFieldsFiltersAndDose() throws Exception {
    assertTrue(ids("filter.advanced=" + q("AREA[CellSource]bone-marrow")).contains(MARROW_IV));
    assertTrue(ids("aggFilters=" + q("cellRoute:intravenous")).contains(MARROW_IV));
    assertTrue(ids("filter.advanced=" + q("AREA[CellDosePerKg]RANGE[5e5, 2e6]")).contains(MARROW_IV));
    assertTrue(ids("filter.advanced=" + q("AREA[CellDosePerKg]RANGE[1x10^6, 1E6]")).contains(MARROW_IV));
    assertFalse(ids("filter.advanced=" + q("AREA[CellDosePerKg]RANGE[2e6, MAX]")).contains(MARROW_IV));
    assertFalse(ids("aggFilters=" + q("cellRoute:intrathecal")).contains(MARROW_IV));
    assertFalse(ids("filter.advanced=" + q("AREA[CellTherapy]true")).contains(DRUG));
    // The v2 study answer is unchanged: a Study, without profile members.
    JsonNode study = get("/api/v2/studies/" + MARROW_IV, 200);
    List<String> members = new java.util.ArrayList<>();
    study.fieldNames().forEachRemaining(members::add);
    assertEquals(java.util.Set.of("protocolSection", "derivedSection", "hasResults"), java.util.Set.copyOf(members));
  }

  @Test
  void hostileInputIsA400NamingTheValue() throws Exception {
    assertEquals("Bad value \"abc\" for CellDosePerKg: not a number of cells; accepted: 1000000, 1e6, 1E6, 1.5x10^6, "
        + "10^6, MIN, MAX", get("/api/v2/studies?filter.advanced=" + q("AREA[CellDosePerKg]RANGE[abc, 1e6]"), 400)
        .path("message").asText());
    assertEquals("Bad RANGE for CellDosePerKg: the lower bound \"2e6\" is above the upper bound \"1e6\"; write the "
        + "smaller first", get("/api/v2/studies?filter.advanced=" + q("AREA[CellDosePerKg]RANGE[2e6, 1e6]"), 400)
        .path("message").asText());
    assertTrue(get("/api/v2/studies?filter.advanced=" + q("AREA[CellDoseTotal]RANGE[1e400, MAX]"), 400)
        .path("message").asText().startsWith("Bad value \"1e400\" for CellDoseTotal: the number is too large"));
    String unknown = get("/api/v2/studies?aggFilters=" + q("cellType:stem"), 400).path("message").asText();
    assertTrue(unknown.startsWith("aggFilters: \"stem\" is not an option of cellType; accepted: msc (Mesenchymal "
        + "stem/stromal cells), hsc (Haematopoietic stem cells), "), unknown);
    assertTrue(get("/api/v2/studies?facets=cellColour", 400).path("message").asText()
        .contains("accepted: status, phase"));
  }

  @Test
  void facetCountsEqualTheProfilesOfEveryStoredRecord() throws Exception {
    JsonNode facets = get("/api/v2/studies?pageSize=1&facets=" + String.join(",", DIMENSIONS.keySet()), 200)
        .path("facets");
    assertEquals(DIMENSIONS.size(), facets.size());
    long mscTrials = profiles.values().stream().filter(p -> p.cellTypeValues().stream()
        .anyMatch(t -> t.code().equals("msc"))).count();
    assertTrue(mscTrials > 500, "the MSC set has " + mscTrials + " MSC trials by the profile");
    for (JsonNode facet : facets) {
      Function<CellTherapyProfile, Collection<? extends Coded>> values = DIMENSIONS.get(facet.path("name").asText());
      Map<String, Long> expected = new TreeMap<>();
      profiles.values().forEach(p -> values.apply(p).forEach(v -> expected.merge(v.code(), 1L, Long::sum)));
      Map<String, Long> counted = new TreeMap<>();
      facet.path("values").forEach(v -> counted.put(v.path("value").asText(), v.path("count").asLong()));
      assertEquals(expected, counted, facet.path("name").asText());
      // Each code's aggFilter selects as many studies as the facet counts.
      AggFilters.Filter filter = AggFilters.named(facet.path("name").asText()).orElseThrow();
      for (String code : filter.codes()) {
        assertEquals(expected.getOrDefault(code, 0L), total("aggFilters=" + q(filter.name() + ":" + code)),
            filter.name() + ":" + code);
      }
    }
  }

  @Test
  void doseRangesSelectWhatTheProfilesDosesSay() throws Exception {
    double[][] ranges = {{5e5, 2e6}, {1e7, Double.POSITIVE_INFINITY}, {0, 1e5}};
    for (double[] r : ranges) {
      long expected = profiles.values().stream().filter(p -> p.doses().stream().anyMatch(d -> d.isCellsPerKg()
          && d.max() >= r[0] && d.min() <= r[1])).count();
      String upper = Double.isInfinite(r[1]) ? "MAX" : Double.toString(r[1]);
      assertEquals(expected, total("filter.advanced=" + q("AREA[CellDosePerKg]RANGE[" + r[0] + ", " + upper + "]")),
          r[0] + ".." + upper);
    }
    long totals = profiles.values().stream().filter(p -> p.doses().stream().anyMatch(d -> d.basis() == Dose.Basis.TOTAL
        && Dose.CELLS.equals(d.unit()) && d.max() >= 1e8 && d.min() <= 1e9)).count();
    assertTrue(totals > 0, "some MSC trial gives 1e8 to 1e9 cells in all");
    assertEquals(totals, total("filter.advanced=" + q("AREA[CellDoseTotal]RANGE[1e8, 1e9]")));
  }
}
