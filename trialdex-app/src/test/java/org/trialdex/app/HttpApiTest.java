package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.app.http.HttpServer;
import org.trialdex.core.derive.Derivation;
import org.trialdex.core.json.StudyJson;
import org.trialdex.store.StoreLocation;
import org.trialdex.store.StoredStudy;
import org.trialdex.testing.SharedData;

/**
 * The HTTP API on a real server on a free loopback port, over a store imported from the 100-study
 * v2 sample and PALLAS the way the CLI imports; every v2 answer is checked against the official
 * OpenAPI document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpApiTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Trialdex trialdex;
  private HttpServer server;
  private V2Document oas;
  private final HttpClient client = HttpClient.newHttpClient();

  /** A response: status, headers, body. */
  record Answer(int status, String contentType, HttpResponse<String> raw) {
    String body() {
      return raw.body();
    }

    JsonNode json() throws IOException {
      return MAPPER.readTree(raw.body());
    }
  }

  @BeforeAll
  void start(@TempDir Path dir) {
    Path data = dir.resolve("data");
    Cli c = Cli.run("import", "--data", data.toString(), SharedData.v2Sample().toString(), SharedData.pallasV2().toString());
    assertEquals(TrialdexCommand.OK, c.exitCode(), c::toString);
    trialdex = Trialdex.open(new StoreLocation.Sqlite(data), Clock.systemUTC());
    server = HttpServer.start(trialdex, "127.0.0.1", 0);
    oas = V2Document.load();
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

  private Answer get(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(r.statusCode(), r.headers().firstValue("content-type").orElse(""), r);
  }

  /** GETs a v2 endpoint and checks the 200 answer against ctg-oas-v2.yaml. */
  private Answer v2(String pathAndQuery) throws IOException, InterruptedException {
    Answer a = get(pathAndQuery);
    assertEquals(200, a.status(), a::body);
    List<ValidationReport.Message> errors = oas.errors(pathAndQuery, a.contentType(), a.body());
    assertTrue(errors.isEmpty(), () -> pathAndQuery + " does not follow ctg-oas-v2.yaml:\n" + errors);
    return a;
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * An error as the path's API answers it: under /api/v2 the message alone as text/plain, as
   * ClinicalTrials.gov answers (ctg-oas-v2.yaml's errorMessage); elsewhere JSON {"message": ...}.
   */
  private void assertError(Answer a, int status, String inMessage) throws IOException {
    assertEquals(status, a.status(), a::body);
    boolean v2 = a.raw().uri().getPath().startsWith("/api/v2");
    String message;
    if (v2) {
      assertTrue(a.contentType().startsWith("text/plain"), a.contentType());
      message = a.body();
    } else {
      assertTrue(a.contentType().startsWith("application/json"), a.contentType());
      message = a.json().path("message").asText();
    }
    assertTrue(message.contains(inMessage), () -> "'" + inMessage + "' not in: " + message);
    assertFalse(a.body().contains("\tat "), "no stack trace");
  }

  @Test
  void largeAnswersAreGzippedForAClientThatAsksAndSayTheSameAsUncompressed() throws Exception {
    // PALLAS with its results is 1.5 MB of JSON: its answer and its page are built in chunks and
    // streamed (ChunkedBody); a client that accepts gzip must still get them compressed.
    for (String path : List.of("/api/v2/studies/NCT02513394", "/study/NCT02513394")) {
      HttpResponse<byte[]> plain = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
          .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      HttpResponse<byte[]> zipped = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
          .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, plain.statusCode(), path);
      assertEquals(200, zipped.statusCode(), path);
      assertEquals(java.util.Optional.of("gzip"), zipped.headers().firstValue("Content-Encoding"), path);
      assertTrue(zipped.body().length * 4 < plain.body().length, path + ": " + zipped.body().length + " of " + plain.body().length);
      byte[] unzipped;
      try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
        unzipped = in.readAllBytes();
      }
      assertTrue(java.util.Arrays.equals(plain.body(), unzipped), path);
    }
    JsonNode source = MAPPER.readTree(SharedData.pallasV2().toFile());
    HttpResponse<byte[]> plain = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "/api/v2/studies/NCT02513394")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(source.at("/protocolSection/identificationModule/briefTitle"),
        MAPPER.readTree(plain.body()).at("/protocolSection/identificationModule/briefTitle"));
    assertEquals(source.at("/resultsSection").size(), MAPPER.readTree(plain.body()).at("/resultsSection").size());
  }

  @Test
  void healthSaysUpWithTheNumberOfStudies() throws Exception {
    JsonNode h = get("/health").json();
    assertEquals("UP", h.get("status").asText());
    assertEquals(101, h.get("studies").asInt());
  }

  @Test
  void searchAnswersPagedStudies() throws Exception {
    JsonNode page = v2("/api/v2/studies?query.cond=" + q("breast cancer") + "&countTotal=true").json();
    assertEquals(1, page.get("totalCount").asInt());
    assertEquals("NCT02513394", page.at("/studies/0/protocolSection/identificationModule/nctId").asText());
    assertFalse(page.has("nextPageToken"));
    JsonNode filtered = v2("/api/v2/studies?filter.advanced=" + q("AREA[Phase]PHASE3")
        + "&filter.overallStatus=" + q("COMPLETED|TERMINATED") + "&sort=LastUpdatePostDate:desc&pageSize=50").json();
    for (JsonNode s : filtered.get("studies")) {
      assertTrue(s.at("/protocolSection/designModule/phases").toString().contains("PHASE3"), s::toString);
    }
  }

  @Test
  void pagingThroughAllPagesGivesEveryStudyOnce() throws Exception {
    Set<String> seen = new HashSet<>();
    String token = null;
    int pages = 0;
    do {
      JsonNode page = v2("/api/v2/studies?pageSize=13&fields=NCTId" + (token == null ? "&countTotal=true" : "&pageToken=" + q(token))).json();
      if (token == null) {
        assertEquals(101, page.get("totalCount").asInt());
      }
      for (JsonNode s : page.get("studies")) {
        assertTrue(seen.add(s.at("/protocolSection/identificationModule/nctId").asText()), "a study came twice");
      }
      token = page.has("nextPageToken") ? page.get("nextPageToken").asText() : null;
      pages++;
    } while (token != null);
    assertEquals(101, seen.size());
    assertEquals(8, pages);
  }

  @Test
  void fieldsSelectPiecesPathsAndModules() throws Exception {
    JsonNode page = v2("/api/v2/studies?filter.ids=NCT02513394&fields=" + q("NCTId,BriefTitle|OverallStatus,"
        + "protocolSection.designModule.phases,ConditionsModule")).json();
    JsonNode s = page.at("/studies/0");
    JsonNode ps = s.get("protocolSection");
    assertEquals(Set.of("identificationModule", "statusModule", "designModule", "conditionsModule"), names(ps));
    assertEquals(Set.of("nctId", "briefTitle"), names(ps.get("identificationModule")));
    assertEquals(Set.of("overallStatus"), names(ps.get("statusModule")));
    assertEquals(Set.of("phases"), names(ps.get("designModule")));
    assertTrue(ps.at("/conditionsModule/conditions").isArray());
    assertEquals(Set.of("protocolSection"), names(s));
    JsonNode lists = v2("/api/v2/studies/NCT02513394?fields=LocationCity,Phase,LeadSponsorName").json();
    assertTrue(lists.at("/protocolSection/contactsLocationsModule/locations/0/city").isTextual(), lists::toString);
    assertEquals(Set.of("city"), names(lists.at("/protocolSection/contactsLocationsModule/locations/0")));
    assertEquals("PHASE3", lists.at("/protocolSection/designModule/phases/0").asText());
    assertError(get("/api/v2/studies?fields=NCTId,NoSuchPiece"), 400, "NoSuchPiece");
  }

  @Test
  void fieldsTakeEveryLivePieceNameAreaAndAtQuery() throws Exception {
    // Singular list pieces as clients send them (the live piece names, /studies/metadata).
    JsonNode one = v2("/api/v2/studies/NCT02513394?fields=Location,PrimaryOutcome,Reference,StdAge").json();
    JsonNode ps = one.get("protocolSection");
    assertEquals(Set.of("contactsLocationsModule", "outcomesModule", "referencesModule", "eligibilityModule"), names(ps));
    assertEquals(Set.of("locations"), names(ps.get("contactsLocationsModule")));
    assertEquals(Set.of("primaryOutcomes"), names(ps.get("outcomesModule")));
    assertEquals("[\"ADULT\",\"OLDER_ADULT\"]", ps.at("/eligibilityModule/stdAges").toString());
    assertTrue(ps.at("/contactsLocationsModule/locations/0/geoPoint/lat").isNumber());
    // Any case, and the alternative names (NCT-ID, the classic Gender).
    JsonNode cases = v2("/api/v2/studies/NCT02513394?fields=nctid,Gender,centralcontactemail,InterventionOtherName").json();
    assertEquals("NCT02513394", cases.at("/protocolSection/identificationModule/nctId").asText());
    assertEquals("ALL", cases.at("/protocolSection/eligibilityModule/sex").asText());
    assertEquals("NCT02513394", v2("/api/v2/studies/NCT02513394?fields=NCT-ID").json()
        .at("/protocolSection/identificationModule/nctId").asText());
    // A search area stands for its pieces: TitleSearch is BriefTitle, OfficialTitle, Acronym.
    JsonNode titles = v2("/api/v2/studies/NCT02513394?fields=TitleSearch").json();
    assertEquals(Set.of("briefTitle", "officialTitle", "acronym"), names(titles.at("/protocolSection/identificationModule")));
    // @query: the fields the query searches (ctg-oas-v2.yaml); here query.titles.
    JsonNode queried = v2("/api/v2/studies?query.titles=PALLAS&fields=" + q("NCTId,@query")).json();
    assertEquals(Set.of("nctId", "briefTitle", "officialTitle", "acronym"),
        names(queried.at("/studies/0/protocolSection/identificationModule")));
    assertError(get("/api/v2/studies?fields=Locations"), 400, "Locations");
  }

  private static Set<String> names(JsonNode object) {
    Set<String> out = new HashSet<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void csvHasOneRowPerStudyAndPagingHeaders() throws Exception {
    Answer first = get("/api/v2/studies?format=csv&pageSize=40&countTotal=true&fields=NCTId,BriefTitle,Phase");
    assertEquals(200, first.status(), first::body);
    assertTrue(first.contentType().startsWith("text/csv"), first.contentType());
    assertEquals("101", first.raw().headers().firstValue("x-total-count").orElseThrow());
    String token = first.raw().headers().firstValue("x-next-page-token").orElseThrow();
    List<String> lines = first.body().lines().toList();
    // Piece names select the download's columns that hold them, headed by their titles (issue #14).
    assertEquals("NCT Number,Study Title,Phases", lines.get(0));
    assertEquals(41, lines.size());
    Set<String> ids = new HashSet<>();
    List<String> all = new ArrayList<>(lines.subList(1, lines.size()));
    while (token != null) {
      Answer next = get("/api/v2/studies?format=csv&pageSize=40&fields=NCTId,BriefTitle,Phase&pageToken=" + q(token));
      next.body().lines().forEach(all::add);
      token = next.raw().headers().firstValue("x-next-page-token").orElse(null);
    }
    for (String line : all) {
      assertTrue(ids.add(line.substring(0, line.indexOf(','))), line);
    }
    assertEquals(101, ids.size());
    Answer one = get("/api/v2/studies/NCT02513394?format=csv");
    List<String> rows = one.body().lines().toList();
    assertTrue(rows.get(0).startsWith("NCT Number,Study Title,Study URL,"), rows.get(0));
    assertTrue(rows.get(1).startsWith("NCT02513394,"), rows.get(1));
  }

  @Test
  void legacyMarkupAndLowerCaseIdsStillFollowTheDocument() throws Exception {
    v2("/api/v2/studies/NCT02513394?markupFormat=legacy");
    v2("/api/v2/studies/nct02513394");
    v2("/api/v2/studies?markupFormat=legacy&pageSize=20");
  }

  @Test
  void facetsAreAddedOnRequest() throws Exception {
    JsonNode page = get("/api/v2/studies?facets=status,phase&pageSize=1").json();
    assertEquals(2, page.get("facets").size(), page::toString);
    assertEquals("status", page.at("/facets/0/name").asText());
  }

  @Test
  void singleStudyIsTheStoredRecord() throws Exception {
    JsonNode s = v2("/api/v2/studies/NCT02513394").json();
    assertEquals("NCT02513394", s.at("/protocolSection/identificationModule/nctId").asText());
    assertTrue(s.has("resultsSection"));
    // format=fhir.json follows the document too (application/fhir+json, StudyFhir)
    assertEquals("ResearchStudy", v2("/api/v2/studies/NCT02513394?format=fhir.json").json().path("resourceType").asText());
    assertError(get("/api/v2/studies/NCT99999999"), 404, "no study NCT99999999");
    assertError(get("/api/v2/studies/NCT99999999?format=fhir.json"), 404, "no study NCT99999999");
    assertError(get("/api/v2/studies/NCT02513394?pageSize=3"), 400, "pageSize");
  }

  /**
   * A study's JSON is read from the stored bytes, not the model: for every record it must be what
   * the model route gives (the current study written as a tree, with what Derivation adds), number
   * forms included, and the header must name the same derived paths. A page of studies as CSV must
   * be the rows each study gives on its own (the index's stored JSON against the store's).
   */
  @Test
  void everyStudyAnswersAsTheModelWritesIt() throws Exception {
    StudyJson json = StudyJson.standard();
    Derivation derivation = new Derivation(trialdex.vocabulary());
    List<StoredStudy> all;
    try (var stream = trialdex.records().all()) {
      all = stream.toList();
    }
    assertEquals(101, all.size());
    for (StoredStudy stored : all) {
      ObjectNode expected = (ObjectNode) json.tree(stored.study());
      List<String> derived = derivation.apply(expected);
      Answer a = get("/api/v2/studies/" + stored.nctId());
      assertEquals(200, a.status(), a::body);
      // Compared as text: derived numbers are doubles in one tree and decimals once read back.
      assertEquals(json.mapper().writeValueAsString(expected), a.body(),
          () -> stored.nctId() + " differs first at " + firstDifference("", expected, readTree(json, a.body())));
      assertEquals(derived.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", derived)),
          a.raw().headers().firstValue("X-Trialdex-Derived"), stored.nctId());
    }

    List<String> order = new ArrayList<>();
    get("/api/v2/studies?pageSize=1000&fields=NCTId").json().get("studies")
        .forEach(s -> order.add(s.at("/protocolSection/identificationModule/nctId").asText()));
    assertEquals(101, order.size());
    StringBuilder expectedCsv = new StringBuilder();
    for (String id : order) {
      String one = get("/api/v2/studies/" + id + "?format=csv").body();
      String header = one.substring(0, one.indexOf('\n') + 1);
      if (expectedCsv.isEmpty()) {
        expectedCsv.append(header);
      }
      expectedCsv.append(one, header.length(), one.length());
    }
    assertEquals(expectedCsv.toString(), get("/api/v2/studies?pageSize=1000&format=csv").body());
  }

  private static JsonNode readTree(StudyJson json, String body) {
    try {
      return json.mapper().readTree(body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The JSON pointer of the first place two trees differ, with both values there. */
  private static String firstDifference(String at, JsonNode a, JsonNode b) {
    if (a.isContainerNode() && b != null && a.getNodeType() == b.getNodeType()) {
      if (a.isObject()) {
        Set<String> names = new java.util.LinkedHashSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
          JsonNode x = a.get(name);
          JsonNode y = b.get(name);
          if (x == null || !x.equals(y)) {
            return x == null ? at + "/" + name + ": missing, then " + y : firstDifference(at + "/" + name, x, y);
          }
        }
      } else {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
          if (i >= a.size() || i >= b.size() || !a.get(i).equals(b.get(i))) {
            return i >= a.size() || i >= b.size() ? at + "/" + i + ": arrays of " + a.size() + " and " + b.size()
                : firstDifference(at + "/" + i, a.get(i), b.get(i));
          }
        }
      }
    }
    return at + ": " + a + " (" + a.getClass().getSimpleName() + ") against " + b + " ("
        + (b == null ? "none" : b.getClass().getSimpleName()) + ")";
  }

  @Test
  void versionSizeAndStats() throws Exception {
    JsonNode version = v2("/api/v2/version").json();
    assertEquals("2.0.0", version.get("apiVersion").asText());
    assertTrue(version.get("dataTimestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"), version::toString);
    JsonNode size = v2("/api/v2/stats/size").json();
    assertEquals(101, size.get("totalStudies").asInt());
    assertEquals("NCT02513394", size.at("/largestStudies/0/id").asText(), "PALLAS, 1.5 MB, is the largest");
    JsonNode values = v2("/api/v2/stats/fieldValues/OverallStatus").json();
    int sum = values.get("missingStudiesCount").asInt();
    for (JsonNode v : values.get("topValues")) {
      sum += v.get("studiesCount").asInt();
    }
    assertEquals(101, sum, "each study has one status or none");
    JsonNode all = v2("/api/v2/stats/fieldValues?types=ENUM").json();
    assertTrue(all.size() > 20, all::toString);
    // Every leaf field has value statistics now (issue #14); an unknown one is 404 as the live API answers.
    assertEquals("STRING", v2("/api/v2/stats/fieldValues/BriefTitle").json().get("type").asText());
    assertError(get("/api/v2/stats/fieldValues/NoSuchPiece"), 404, "Unknown piece name of field path: NoSuchPiece");
    // The live API's spelling of the same endpoint answers the same.
    assertEquals(values, get("/api/v2/stats/field/values/OverallStatus").json());
  }

  @Test
  void metadataNamesEveryNodeByItsLivePieceWithItsLimits() throws Exception {
    JsonNode meta = v2("/api/v2/studies/metadata").json();
    assertEquals("protocolSection", meta.at("/0/name").asText());
    assertEquals("ProtocolSection", meta.at("/0/piece").asText());
    assertEquals("IdentificationModule", meta.at("/0/children/0/piece").asText());
    JsonNode nctId = meta.at("/0/children/0/children/0");
    assertEquals("NCTId", nctId.get("piece").asText());
    // The live metadata: nctId has maxChars 11 and the alternative name NCT-ID.
    assertEquals(11, nctId.get("maxChars").asInt());
    assertEquals("[\"NCT-ID\"]", nctId.get("altPieceNames").toString());
    Map<String, JsonNode> byPath = new java.util.HashMap<>();
    collectNodes(meta, "", byPath);
    // Lists are named in the singular, never by path or plural (the live metadata and the data
    // structure page: Location, PrimaryOutcome, Reference, CentralContact, StdAge).
    assertEquals("Location", byPath.get("protocolSection.contactsLocationsModule.locations").get("piece").asText());
    assertEquals("PrimaryOutcome", byPath.get("protocolSection.outcomesModule.primaryOutcomes").get("piece").asText());
    assertEquals("Reference", byPath.get("protocolSection.referencesModule.references").get("piece").asText());
    assertEquals("CentralContactEMail",
        byPath.get("protocolSection.contactsLocationsModule.centralContacts.email").get("piece").asText());
    assertEquals("StdAge", byPath.get("protocolSection.eligibilityModule.stdAges").get("piece").asText());
    byPath.forEach((path, n) -> assertTrue(n.get("piece").asText().matches("[A-Z][A-Za-z0-9]*"), path + " " + n));
    // Limits of the data model: brief title 300, official title 600, eligibility criteria 20000.
    assertEquals(300, byPath.get("protocolSection.identificationModule.briefTitle").get("maxChars").asInt());
    assertEquals(600, byPath.get("protocolSection.identificationModule.officialTitle").get("maxChars").asInt());
    assertEquals(20000, byPath.get("protocolSection.eligibilityModule.eligibilityCriteria").get("maxChars").asInt());
    assertTrue(byPath.get("protocolSection.statusModule.overallStatus").get("isEnum").asBoolean());
    // Indexed-only and historic-only nodes only when asked for.
    assertFalse(byPath.containsKey("derivedSection.miscInfoModule.modelPredictions"));
    Map<String, JsonNode> all = new java.util.HashMap<>();
    collectNodes(v2("/api/v2/studies/metadata?includeIndexedOnly=true&includeHistoricOnly=true").json(), "", all);
    assertTrue(all.get("derivedSection.miscInfoModule.modelPredictions").get("indexedOnly").asBoolean());
    assertTrue(all.get("resultsSection.participantFlowModule.periods.dropWithdraws.reasons.numUnits")
        .get("historicOnly").asBoolean());
    assertError(get("/api/v2/studies/metadata?includeIndexedOnly=maybe"), 400, "includeIndexedOnly");
  }

  private static void collectNodes(JsonNode nodes, String prefix, Map<String, JsonNode> out) {
    for (JsonNode n : nodes) {
      String path = prefix.isEmpty() ? n.get("name").asText() : prefix + "." + n.get("name").asText();
      out.put(path, n);
      collectNodes(n.path("children"), path, out);
    }
  }

  @Test
  void enumsGiveEachValueItsLegacyValue() throws Exception {
    // ctg-oas-v2.yaml has no /studies/enums (it would read it as /studies/{nctId}); our own
    // /api/openapi.json describes it, and the document test validates the answer against that.
    JsonNode enums = get("/api/v2/studies/enums").json();
    Map<String, JsonNode> byType = new java.util.HashMap<>();
    enums.forEach(e -> byType.put(e.get("type").asText(), e));
    assertTrue(byType.get("Status").get("pieces").toString().contains("OverallStatus"));
    Map<String, String> status = new java.util.HashMap<>();
    byType.get("Status").get("values").forEach(v -> status.put(v.get("value").asText(), v.get("legacyValue").asText()));
    // The classic registry's display values (classic study fields, msc-trials-2022).
    assertEquals("Not yet recruiting", status.get("NOT_YET_RECRUITING"));
    assertEquals("Active, not recruiting", status.get("ACTIVE_NOT_RECRUITING"));
    assertEquals("Unknown status", status.get("UNKNOWN"));
    Map<String, String> phase = new java.util.HashMap<>();
    byType.get("Phase").get("values").forEach(v -> phase.put(v.get("value").asText(), v.get("legacyValue").asText()));
    assertEquals(Map.of("NA", "Not Applicable", "EARLY_PHASE1", "Early Phase 1", "PHASE1", "Phase 1",
        "PHASE2", "Phase 2", "PHASE3", "Phase 3", "PHASE4", "Phase 4"), phase);
    for (JsonNode e : enums) {
      for (JsonNode v : e.get("values")) {
        assertFalse(v.path("legacyValue").asText().isEmpty(), e.get("type") + " " + v);
      }
    }
    // DateType's ESTIMATED is "Anticipated", but "Estimate" for the posting dates.
    JsonNode estimated = null;
    for (JsonNode v : byType.get("DateType").get("values")) {
      estimated = v.get("value").asText().equals("ESTIMATED") ? v : estimated;
    }
    assertEquals("Anticipated", estimated.get("legacyValue").asText());
    assertEquals("Estimate", estimated.at("/exceptions/StudyFirstPostDateType").asText());
  }

  @Test
  void searchAreasGiveEachAreaItsPartsAndWeights() throws Exception {
    JsonNode doc = get("/api/v2/studies/search-areas").json();
    assertEquals("Study", doc.at("/0/name").asText());
    Map<String, JsonNode> areas = new java.util.HashMap<>();
    doc.at("/0/areas").forEach(a -> areas.put(a.get("name").asText(), a));
    JsonNode cond = areas.get("ConditionSearch");
    // The live answer: param "cond", label "Conditions or disease", Condition first at 0.95.
    assertEquals("cond", cond.get("param").asText());
    assertEquals("Conditions or disease", cond.get("uiLabel").asText());
    assertEquals("Condition", cond.at("/parts/0/pieces/0").asText());
    assertEquals(0.95, cond.at("/parts/0/weight").asDouble(), 1e-6);
    assertEquals("BriefTitle", cond.at("/parts/1/pieces/0").asText());
    assertEquals(0.6, cond.at("/parts/1/weight").asDouble(), 1e-6);
    assertEquals("term", areas.get("BasicSearch").get("param").asText());
    for (JsonNode a : doc.at("/0/areas")) {
      assertTrue(a.get("parts").size() > 0, a::toString);
      for (JsonNode p : a.get("parts")) {
        for (String k : List.of("pieces", "type", "isEnum", "isSynonyms", "weight")) {
          assertTrue(p.has(k), a.get("name") + " " + p);
        }
      }
    }
    // ctg-oas-v2.yaml has the SearchDocument schema but no path that answers it: validate the answer
    // against the schema by giving the document that path.
    String yaml = java.nio.file.Files.readString(SharedData.require("data/ctgov-api-v2/ctg-oas-v2.yaml"));
    String path = """
          /studies/search-areas:
            get:
              operationId: "searchAreas"
              responses:
                "200":
                  description: "OK"
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/SearchDocumentList"
        """;
    assertTrue(yaml.contains("\n  /stats/size:\n"));
    OpenApiInteractionValidator withPath = OpenApiInteractionValidator
        .createForInlineApiSpecification(yaml.replace("\n  /stats/size:\n", "\n" + path + "  /stats/size:\n"))
        .withBasePathOverride("/api/v2").build();
    Answer a = get("/api/v2/studies/search-areas");
    ValidationReport report = withPath.validateResponse("/api/v2/studies/search-areas", Request.Method.GET,
        SimpleResponse.Builder.status(a.status()).withContentType("application/json").withBody(a.body()).build());
    assertTrue(report.getMessages().stream().noneMatch(m -> m.getLevel() == ValidationReport.Level.ERROR),
        report.getMessages()::toString);
  }

  @Test
  void explainSaysHowTheQueryWasUnderstoodAndWhyEachHitMatched() throws Exception {
    JsonNode page = get("/api/v2/studies?query.cond=" + q("lung cancer") + "&pageSize=5&explain=true").json();
    JsonNode term = page.path("explain").path("terms").path(0);
    assertEquals("ConditionSearch", term.path("field").asText());
    assertTrue(term.path("byMeaning").asBoolean(), term::toString);
    // MeSH D008175 Lung Neoplasms.
    List<String> ids = new java.util.ArrayList<>();
    term.path("concepts").path(0).forEach(c -> ids.add(c.path("id").asText()));
    assertTrue(ids.contains("D008175"), ids::toString);
    JsonNode hits = page.path("explain").path("hits");
    assertEquals(page.path("studies").size(), hits.size());
    for (JsonNode h : hits) {
      assertTrue(h.path("reasons").size() > 0, h::toString);
    }
    // Without explain the answer is PagedStudies as ClinicalTrials.gov defines it.
    assertFalse(v2("/api/v2/studies?query.cond=" + q("lung cancer") + "&pageSize=5").json().has("explain"));
    assertError(get("/api/v2/studies?query.cond=x&explain=maybe"), 400, "explain");
  }

  @Test
  void aStudyWithoutDerivedFieldsGetsThemAndAHeaderSaysWhich() throws Exception {
    String id = null;
    for (JsonNode r : MAPPER.readTree(SharedData.v2Sample().toFile())) {
      if (r.path("derivedSection").path("conditionBrowseModule").path("meshes").isEmpty()) {
        id = r.path("protocolSection").path("identificationModule").path("nctId").asText();
        break;
      }
    }
    assertTrue(id != null, "a sample record without condition MeSH terms");
    Answer a = v2("/api/v2/studies/" + id);
    String header = a.raw().headers().firstValue("x-trialdex-derived").orElse("");
    assertTrue(header.contains("derivedSection.conditionBrowseModule"), header);
    assertFalse(a.json().path("derivedSection").path("conditionBrowseModule").path("meshes").isEmpty(), a::body);
  }

  @Test
  void aPlaceIsACentreAndItsTrialsComeNearestFirst() throws Exception {
    JsonNode page = get("/api/v2/studies?near=" + q("Guangzhou, China") + "&nearDistance=100km&sort=@distance"
        + "&pageSize=20&explain=true").json();
    assertTrue(page.path("studies").size() > 0, page::toString);
    for (JsonNode h : page.path("explain").path("hits")) {
      String last = h.path("reasons").path(h.path("reasons").size() - 1).asText();
      assertTrue(last.startsWith("nearest site ") && last.contains("km away"), last);
    }
    assertError(get("/api/v2/studies?near=" + q("Qwxzy Nowhere")), 400, "Qwxzy Nowhere");
    assertError(get("/api/v2/studies?near=Boston&filter.geo=" + q("distance(1,1,5mi)")), 400, "not both");
    assertError(get("/api/v2/studies?sort=@distance"), 400, "@distance");
  }

  @Test
  void errorsAreJsonWithTheRightStatus() throws Exception {
    assertError(get("/api/v2/studies?query.nonsense=x"), 400, "query.nonsense");
    assertError(get("/api/v2/studies?filter.advanced=" + q("AREA[Phase](PHASE2")), 400, "filter.advanced");
    assertError(get("/api/v2/studies?filter.advanced=" + q("AREA[NoSuchField]x")), 400, "NoSuchField");
    assertError(get("/api/v2/studies?pageSize=-1"), 400, "pageSize");
    assertError(get("/api/v2/studies?format=xml"), 400, "format");
    assertError(get("/api/v2/nowhere"), 404, "no such path: GET /api/v2/nowhere");
    assertError(get("/api/v2/studies?query.term=" + "a".repeat(HttpServer.MAX_QUERY_LENGTH + 100)), 400, "query string");
  }

  @Test
  void thePortalPagesAreServedAsHtmlAndAnUnknownStudyIsAHtml404() throws Exception {
    for (String path : List.of("/", "/search?query.cond=breast%20cancer", "/study/NCT02513394",
        "/study/NCT02513394/history")) {
      Answer page = get(path);
      assertEquals(200, page.status(), () -> path + " " + page.body());
      assertTrue(page.contentType().startsWith("text/html"), path + " " + page.contentType());
      assertTrue(page.body().contains("<h1"), path);
    }
    Answer missing = get("/study/NCT99999999");
    assertEquals(404, missing.status());
    assertTrue(missing.contentType().startsWith("text/html"), missing.contentType());
    assertTrue(missing.body().contains("NCT99999999"), missing.body());
    assertEquals(400, get("/study/NCT02513394/history?from=one").status());
  }

  @Test
  void ourOwnEndpointsGiveRelatedTrialsHistoryDiffAndQuality() throws Exception {
    Answer related = get("/api/studies/NCT02513394/related?limit=3");
    assertEquals(200, related.status(), related::body);
    assertEquals(3, related.json().size());
    for (var r : related.json()) {
      assertTrue(r.path("sharedFeatures").size() > 0, r::toString);
    }
    Answer history = get("/api/studies/NCT02513394/history");
    assertEquals("ctgov-v2-json", history.json().at("/versions/0/sourceKey").asText(), history::body);
    assertTrue(history.json().at("/versions/0/firstFromSource").asBoolean());
    Answer quality = get("/api/studies/NCT02513394/quality");
    assertEquals(1, quality.json().path("sources").size(), quality::body);
    assertTrue(quality.json().has("conflicts") && quality.json().has("findings"));
    Answer diff = get("/api/studies/NCT02513394/diff?from=1&to=1");
    assertEquals(0, diff.json().path("changes").size(), diff::body);
    assertError(get("/api/studies/NCT02513394/diff?from=1&to=5"), 404, "there is no version 5");
    assertError(get("/api/studies/NCT02513394/related?limit=0"), 400, "limit takes a whole number from 1 to 100");
    assertError(get("/api/studies/NCT99999999/history"), 404, "no study NCT99999999");
  }

  @Test
  void anAtomFeedListsASearchNewestUpdateFirst() throws Exception {
    Answer feed = get("/feed?query.cond=NSCLC&pageSize=20");
    assertEquals(200, feed.status(), feed::body);
    assertTrue(feed.contentType().startsWith("application/atom+xml"), feed.contentType());
    var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    doc.setNamespaceAware(true);
    var xml = doc.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(feed.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    var entries = xml.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
    assertEquals(20, entries.getLength());
    List<String> updated = new java.util.ArrayList<>();
    for (int i = 0; i < entries.getLength(); i++) {
      var entry = (org.w3c.dom.Element) entries.item(i);
      updated.add(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "updated").item(0).getTextContent());
      assertTrue(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id").item(0).getTextContent().contains("/study/NCT"));
    }
    List<String> sorted = new java.util.ArrayList<>(updated);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertEquals(sorted, updated);
    assertError(get("/feed?query.condition=x"), 400, "did you mean query.cond");
  }

  @Test
  void ourOpenApiDocumentParsesAndDescribesTheExtensionAnswers() throws Exception {
    Answer doc = get("/api/openapi.json");
    assertEquals(200, doc.status(), doc::body);
    assertTrue(doc.contentType().startsWith("application/json"), doc.contentType());
    var parsed = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(doc.body(), null, null);
    assertTrue(parsed.getMessages().isEmpty(), () -> "not valid OpenAPI: " + parsed.getMessages());
    var api = parsed.getOpenAPI();
    assertTrue(api.getOpenapi().startsWith("3.0"), api.getOpenapi());
    for (String path : List.of("/health", "/api/v2/studies", "/api/v2/studies/{nctId}", "/api/studies/{id}/related",
        "/api/studies/{id}/history", "/api/studies/{id}/diff", "/api/studies/{id}/quality",
        "/api/studies/{id}/cell-therapy", "/api/studies/{id}/trust-signals", "/feed", "/api/match", "/api/landscape",
        "/api/landscape/{chart}.csv", "/api/int/studies/{nctId}", "/api/int/studies/{nctId}/history",
        "/api/int/studies/{nctId}/history/{version}")) {
      assertTrue(api.getPaths().containsKey(path), path);
    }
    assertTrue(api.getPaths().get("/api/v2/studies").getGet().getParameters().stream().anyMatch(p -> p.getName().equals("facets")));

    OpenApiInteractionValidator ours = OpenApiInteractionValidator
        .createForSpecificationUrl("http://127.0.0.1:" + server.port() + "/api/openapi.json").build();
    for (String pathAndQuery : List.of("/health", "/api/studies/NCT02513394/related?limit=3",
        "/api/studies/NCT02513394/history", "/api/studies/NCT02513394/diff?from=1&to=1",
        "/api/studies/NCT02513394/quality", "/api/studies/NCT02513394/cell-therapy",
        "/api/studies/NCT02513394/trust-signals", "/api/v2/studies?facets=trust&aggFilters=" + q("trust:none") + "&pageSize=2",
        "/api/v2/studies?facets=status,phase&pageSize=2", "/api/v2/studies?facets=cellType,cellRoute&pageSize=2",
        "/api/v2/studies?query.cond=" + q("breast cancer") + "&countTotal=true&format=csv",
        "/api/v2/studies/NCT02513394", "/api/v2/studies/NCT02513394?format=fhir.json",
        "/api/v2/studies/NCT02513394?format=ris", "/api/v2/version", "/api/v2/stats/size", "/api/v2/stats/fieldValues?types=ENUM",
        "/api/v2/stats/field/values", "/api/v2/stats/field/values/EnrollmentCount", "/api/v2/stats/field/sizes",
        "/api/v2/stats/listSizes/Condition",
        "/api/v2/studies/metadata", "/api/v2/studies/enums", "/api/v2/studies/search-areas",
        "/api/int/studies/NCT02513394?history=true", "/api/int/studies/NCT02513394/history",
        "/api/int/studies/NCT02513394/history/0", "/feed?query.cond=NSCLC&pageSize=5", "/api/landscape?query.cond=NSCLC", "/api/landscape/country.csv?query.cond=NSCLC")) {
      Answer a = get(pathAndQuery);
      assertEquals(200, a.status(), a::body);
      URI uri = URI.create("http://x" + pathAndQuery);
      var request = com.atlassian.oai.validator.model.SimpleRequest.Builder.get(uri.getPath());
      if (uri.getRawQuery() != null) {
        for (String kv : uri.getRawQuery().split("&")) {
          String[] p = kv.split("=", 2);
          request.withQueryParam(p[0], java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8));
        }
      }
      ValidationReport report = ours.validate(request.build(),
          SimpleResponse.Builder.status(a.status()).withContentType(a.contentType().replaceAll(";.*", ""))
              .withBody(a.body()).build());
      List<ValidationReport.Message> errors = report.getMessages().stream()
          .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
      assertTrue(errors.isEmpty(), () -> pathAndQuery + " does not follow /api/openapi.json:\n" + errors);
    }
    Answer missing = get("/api/studies/NCT99999999/quality");
    ValidationReport report = ours.validateResponse("/api/studies/NCT99999999/quality", Request.Method.GET,
        SimpleResponse.Builder.status(404).withContentType("application/json").withBody(missing.body()).build());
    assertFalse(report.hasErrors(), report::toString);
  }

  @Test
  void idleConnectionsAreClosedAfterTheIdleTimeout() {
    assertEquals(HttpServer.IDLE_TIMEOUT.toMillis(), server.idleTimeoutMillis());
  }
}
