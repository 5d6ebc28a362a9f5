package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.app.http.HttpServer;
import org.trialdex.core.model.Study;

/**
 * Patient matching through every surface a user has: {@code trialdex match} (patient JSON, a note,
 * a FHIR bundle), {@code POST /api/match}, and the portal's match page, over the page test store
 * (the MSC set, the NSCLC sample, the seeds). What a good match is comes from the records, not from
 * the matcher: the trials ranked first for a GVHD patient must name graft-versus-host disease among
 * their conditions or title, those for a lung cancer patient lung cancer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class MatchTest {

  /** Written by the team: a steroid-refractory acute GVHD patient, as a transplant physician would note it. */
  public static final String GVHD_NOTE = """
      A 34-year-old man underwent allogeneic hematopoietic stem cell transplantation for acute myeloid leukemia \
      6 weeks ago. He developed grade III acute graft-versus-host disease of the skin and gut that did not respond \
      to methylprednisolone 2 mg/kg for 7 days. Creatinine 1.0 mg/dL, total bilirubin 1.8 mg/dL. ECOG 2. \
      He has no HIV infection and no hepatitis B.""";
  static final Path GVHD_BUNDLE = Path.of("..", "trialdex-ingest", "src", "test", "resources", "fhir", "msc-gvhd.json");
  private static final Pattern GVHD = Pattern.compile("(?i)graft|gvhd");
  private static final Pattern LUNG = Pattern.compile("(?i)lung|nsclc|non-small");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path dir;
  private Trialdex trialdex;
  private HttpServer server;
  private String data;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  void start(@TempDir Path tmp) {
    dir = tmp;
    trialdex = WebStore.build(tmp);
    data = tmp.resolve("data").toString();
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

  private static String namesAndTitle(Study s) {
    var p = s.protocolSection();
    List<String> parts = new ArrayList<>();
    parts.add(p.identificationModule().briefTitle());
    if (p.conditionsModule() != null && p.conditionsModule().conditions() != null) {
      parts.addAll(p.conditionsModule().conditions());
    }
    return String.join(" | ", parts);
  }

  private void assertTopAbout(JsonNode answer, Pattern topic, int n) {
    JsonNode matches = answer.get("matches");
    assertTrue(matches.size() >= n, answer::toString);
    for (int i = 0; i < n; i++) {
      String id = matches.get(i).get("nctId").asText();
      Study s = trialdex.records().current(id).orElseThrow().study();
      assertTrue(topic.matcher(namesAndTitle(s)).find(), "match " + (i + 1) + " " + id + " is not about " + topic + ": " + namesAndTitle(s));
    }
    // Best first.
    for (int i = 1; i < matches.size(); i++) {
      assertTrue(matches.get(i - 1).get("score").asDouble() >= matches.get(i).get("score").asDouble());
    }
  }

  @Test
  void aNoteOnTheCommandLineRanksGvhdTrialsFirstAndExplainsEachCriterion() throws IOException {
    Cli c = Cli.run("match", "--data", data, "--note", GVHD_NOTE, "--top", "5", "--format", "json");
    assertEquals(TrialdexCommand.OK, c.exitCode(), c::toString);
    JsonNode answer = JSON.readTree(c.out());
    // The first three: the patient's present condition; past AML may follow.
    assertTopAbout(answer, GVHD, 3);
    JsonNode patient = answer.get("patient");
    assertEquals(34.0, patient.get("age").get("years").asDouble());
    assertEquals("male", patient.get("sex").get("value").asText());
    // Every criterion of every match has a verdict and words; checks carry the patient fact behind them.
    boolean sawCreatinine = false;
    JsonNode wide = JSON.readTree(Cli.run("match", "--data", data, "--note", GVHD_NOTE, "--top", "40", "--format", "json").out());
    for (JsonNode m : wide.get("matches")) {
      assertTrue(List.of("ELIGIBLE", "POSSIBLY_ELIGIBLE", "INELIGIBLE").contains(m.get("verdict").asText()));
      for (JsonNode cr : m.get("criteria")) {
        assertTrue(List.of("MET", "NOT_MET", "UNKNOWN", "NOT_APPLICABLE").contains(cr.get("verdict").asText()));
        assertFalse(cr.get("explanation").asText().isBlank(), cr::toString);
        for (JsonNode k : cr.get("checks")) {
          String evidence = k.get("evidence").asText().toLowerCase(Locale.ROOT);
          if (k.path("kind").asText().equals("measurement") && (evidence.contains("creatinine 1.0") || evidence.contains("bilirubin 1.8"))) {
            sawCreatinine = true;
          }
        }
      }
    }
    assertTrue(sawCreatinine, "a creatinine or bilirubin limit judged from the note's values");
    Cli text = Cli.run("match", "--data", data, "--note", GVHD_NOTE, "--top", "3");
    assertEquals(TrialdexCommand.OK, text.exitCode(), text::toString);
    assertTrue(text.out().contains("1. NCT"), text.out());
  }

  @Test
  void aFhirBundleAndOurJsonFormMatchToo() throws IOException {
    Cli fhir = Cli.run("match", "--data", data, "--fhir", GVHD_BUNDLE.toString(), "--top", "3", "--format", "json");
    assertEquals(TrialdexCommand.OK, fhir.exitCode(), fhir::toString);
    assertTopAbout(JSON.readTree(fhir.out()), GVHD, 3);

    Path patient = dir.resolve("nsclc.json");
    Files.writeString(patient, """
        {"age": 63, "sex": "male",
         "conditions": [{"name": "non-small cell lung cancer", "status": "active"}],
         "observations": [{"name": "creatinine", "value": 0.9, "unit": "mg/dL"}],
         "performance": {"scale": "ECOG", "value": 1}}
        """);
    Cli json = Cli.run("match", "--data", data, patient.toString(), "--top", "5", "--format", "json");
    assertEquals(TrialdexCommand.OK, json.exitCode(), json::toString);
    JsonNode answer = JSON.readTree(json.out());
    assertTopAbout(answer, LUNG, 5);
    // ECOG 1 against a performance-status limit: judged, with the form's fact as evidence.
    boolean sawEcog = false;
    JsonNode wide = JSON.readTree(Cli.run("match", "--data", data, patient.toString(), "--top", "30", "--format", "json").out());
    for (JsonNode m : wide.get("matches")) {
      for (JsonNode cr : m.get("criteria")) {
        for (JsonNode k : cr.get("checks")) {
          sawEcog |= k.path("kind").asText().equals("performance") && !k.get("verdict").asText().equals("UNKNOWN")
              && !k.get("evidence").asText().isBlank();
        }
      }
    }
    assertTrue(sawEcog, "a performance-status criterion judged from the form's ECOG 1");
  }

  @Test
  void badPatientsAreUsageErrorsThatSayWhatIsWrong() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"age\": \"old\"}");
    Cli c = Cli.run("match", "--data", data, bad.toString());
    assertEquals(TrialdexCommand.USAGE, c.exitCode(), c::toString);
    assertTrue(c.err().contains("age"), c.err());
    Cli missing = Cli.run("match", "--data", data, dir.resolve("nope.json").toString());
    assertEquals(TrialdexCommand.USAGE, missing.exitCode());
    assertTrue(missing.err().contains("no such file"), missing.err());
    Cli top = Cli.run("match", "--data", data, "--note", GVHD_NOTE, "--top", "0");
    assertEquals(TrialdexCommand.USAGE, top.exitCode());
    Cli two = Cli.run("match", "--data", data, "--note", GVHD_NOTE, "--fhir", GVHD_BUNDLE.toString());
    assertEquals(TrialdexCommand.USAGE, two.exitCode(), "one patient source at a time");
    Cli emptyNote = Cli.run("match", "--data", data, "--note", "  ");
    assertEquals(TrialdexCommand.USAGE, emptyNote.exitCode());
  }

  private HttpResponse<String> post(String path, String type, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theApiTakesANoteABundleOrOurFormAndRefusesBadOnes() throws Exception {
    HttpResponse<String> note = post("/api/match?top=4", "text/plain; charset=utf-8", GVHD_NOTE);
    assertEquals(200, note.statusCode(), note.body());
    assertEquals("no-store", note.headers().firstValue("Cache-Control").orElse(""));
    JsonNode answer = JSON.readTree(note.body());
    assertEquals(4, answer.get("matches").size());
    assertTopAbout(answer, GVHD, 3);

    // The answer follows the published OpenAPI document.
    var validator = com.atlassian.oai.validator.OpenApiInteractionValidator
        .createForSpecificationUrl("http://127.0.0.1:" + server.port() + "/api/openapi.json").build();
    var report = validator.validateResponse("/api/match", com.atlassian.oai.validator.model.Request.Method.POST,
        com.atlassian.oai.validator.model.SimpleResponse.Builder.status(200).withContentType("application/json").withBody(note.body()).build());
    assertTrue(report.getMessages().stream().noneMatch(m -> m.getLevel() == com.atlassian.oai.validator.report.ValidationReport.Level.ERROR),
        report::toString);

    HttpResponse<String> fhir = post("/api/match?top=3", "application/fhir+json", Files.readString(GVHD_BUNDLE));
    assertEquals(200, fhir.statusCode(), fhir.body());
    assertTopAbout(JSON.readTree(fhir.body()), GVHD, 3);

    HttpResponse<String> form = post("/api/match", "application/json",
        "{\"age\": 63, \"sex\": \"male\", \"conditions\": [{\"name\": \"non-small cell lung cancer\"}]}");
    assertEquals(200, form.statusCode(), form.body());
    assertTopAbout(JSON.readTree(form.body()), LUNG, 3);

    HttpResponse<String> typo = post("/api/match", "application/json", "{\"agee\": 63}");
    assertEquals(400, typo.statusCode());
    assertTrue(typo.body().contains("agee"), typo.body());
    HttpResponse<String> empty = post("/api/match", "text/plain", "");
    assertEquals(400, empty.statusCode());
    HttpResponse<String> notBundle = post("/api/match?form=fhir", "application/json", "{\"resourceType\": \"Observation\"}");
    assertEquals(400, notBundle.statusCode(), notBundle.body());
    HttpResponse<String> badTop = post("/api/match?top=5000", "text/plain", GVHD_NOTE);
    assertEquals(400, badTop.statusCode());
    HttpResponse<String> huge = post("/api/match", "text/plain", "x".repeat((int) HttpServer.MAX_BODY_BYTES + 10));
    assertEquals(413, huge.statusCode());
  }

  @Test
  void thePortalMatchesANoteAndLinksToTheTrialWithItsCriteriaMarked() throws Exception {
    HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/match")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, form.statusCode());
    assertEquals(3, Jsoup.parse(form.body()).select("form.patient[method=post]").size());

    String body = "mode=note&note=" + java.net.URLEncoder.encode(GVHD_NOTE, java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> page = post("/match", "application/x-www-form-urlencoded", body);
    assertEquals(200, page.statusCode());
    Document doc = Jsoup.parse(page.body());
    assertFalse(doc.select("ol.matches > li").isEmpty(), page.body());
    assertTrue(doc.select("ul.understood li").eachText().stream().anyMatch(t -> t.startsWith("Age 34")), doc.select("ul.understood").text());
    // Each criterion in plain words with its mark.
    assertFalse(doc.select("ul.verdicts li .mark").isEmpty());
    // The study link carries one mark per criterion of the study page, in the page's order.
    String href = doc.selectFirst("ol.matches > li h3 a").attr("href");
    Matcher m = Pattern.compile("^/study/(NCT\\d{8})#match=([MNUAX]*)$").matcher(href);
    assertTrue(m.matches(), href);
    HttpResponse<String> study = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/study/" + m.group(1))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(m.group(2).length(), Jsoup.parse(study.body()).select("li[data-criterion]").size(), href);

    HttpResponse<String> bad = post("/match", "application/x-www-form-urlencoded", "mode=fhir&fhir=" + "%7Bnot+json");
    assertEquals(200, bad.statusCode());
    assertNotNull(Jsoup.parse(bad.body()).selectFirst("p.error"), bad.body());
  }
}
