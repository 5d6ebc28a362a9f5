package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.testing.SharedData;

/**
 * The v2 API's errors as ClinicalTrials.gov sends them (issue #14): plain text, 400 for a
 * malformed id and 404 for a well-formed one not stored, NCT ids in either case, the
 * {@code markupFormat} parameter, and the rule that a query of NCT ids alone ignores the filters.
 * A store of PALLAS alone, on a real server on a free loopback port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiErrorsTest {

  private static final String PALLAS = "NCT02513394";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LoopbackApi api;

  @BeforeAll
  void start(@TempDir Path dir) {
    api = LoopbackApi.of(dir, SharedData.pallasV2());
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

  /** An /api/v2 error: the status, text/plain, and the message (exactly {@code message}). */
  private void thenPlainError(String pathAndQuery, int status, String message) throws Exception {
    HttpResponse<String> r = get(pathAndQuery);
    assertEquals(status, r.statusCode(), () -> pathAndQuery + ": " + r.body());
    assertEquals("text/plain;charset=utf-8", r.headers().firstValue("content-type").orElse("").replace(" ", "").toLowerCase(),
        pathAndQuery);
    assertEquals(message, r.body(), pathAndQuery);
  }

  /** An /api/v2 error whose message starts with {@code start}. */
  private void thenPlainErrorStarting(String pathAndQuery, int status, String start) throws Exception {
    HttpResponse<String> r = get(pathAndQuery);
    assertEquals(status, r.statusCode(), () -> pathAndQuery + ": " + r.body());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain"), pathAndQuery);
    assertTrue(r.body().startsWith(start), () -> pathAndQuery + ": " + r.body());
    assertFalse(r.body().contains("\tat "), "no stack trace");
  }

  private static String q(String s) {
    return LoopbackApi.q(s);
  }

  private List<String> ids(String query) throws Exception {
    HttpResponse<String> r = get("/api/v2/studies?" + query);
    assertEquals(200, r.statusCode(), r::body);
    List<String> out = new ArrayList<>();
    MAPPER.readTree(r.body()).path("studies").forEach(s -> out.add(s.at("/protocolSection/identificationModule/nctId").asText()));
    return out;
  }

  // --- ids

  @Test
  void aMalformedIdIsA400NotA404() throws Exception {
    thenPlainError("/api/v2/studies/NCT123", 400,
        "NCT number `NCT123` has incorrect format: expected NCT followed by 8 digits, e.g. NCT02513394 (nct02513394 is taken too)");
    thenPlainErrorStarting("/api/v2/studies/foo", 400, "NCT number `foo` has incorrect format");
    thenPlainErrorStarting("/api/v2/studies/NCT025133940", 400, "NCT number `NCT025133940` has incorrect format");
  }

  @Test
  void aWellFormedIdNotStoredIsA404() throws Exception {
    thenPlainError("/api/v2/studies/NCT99999999", 404, "no study NCT99999999");
  }

  @Test
  void lowerCaseNctIdsAreTakenEverywhereAnIdIs() throws Exception {
    HttpResponse<String> r = get("/api/v2/studies/nct02513394");
    assertEquals(200, r.statusCode(), r::body);
    assertEquals(PALLAS, MAPPER.readTree(r.body()).at("/protocolSection/identificationModule/nctId").asText());
    assertEquals(List.of(PALLAS), ids("query.id=nct02513394"));
    assertEquals(List.of(PALLAS), ids("query.term=nct02513394"));
    assertEquals(List.of(PALLAS), ids("filter.ids=nct02513394"));
    assertEquals(200, get("/study/nct02513394").statusCode());
  }

  // --- parameters

  @Test
  void anUnknownParameterIsNamedAsClinicalTrialsGovNamesIt() throws Exception {
    thenPlainErrorStarting("/api/v2/studies?filter.studyTypo=x", 400, "`filter.studyTypo` is unknown parameter");
    thenPlainErrorStarting("/api/v2/studies/NCT02513394?pageSize=3", 400, "`pageSize` is unknown parameter");
    thenPlainErrorStarting("/api/v2/version?x=1", 400, "`x` is unknown parameter; this endpoint takes none");
  }

  @Test
  void aBadValueNamesTheParameterAndTheValue() throws Exception {
    // The live words for a value that is not one of the parameter's constants, then trialdex's.
    thenPlainErrorStarting("/api/v2/studies?filter.overallStatus=DONE", 400,
        "Invalid value in parameter `filter.overallStatus`: `DONE`; filter.overallStatus: \"DONE\" is not a status");
    // A query's syntax error and an unknown AREA field, in the live parser's words first.
    thenPlainErrorStarting("/api/v2/studies?query.intr=" + q("docetaxel AND ("), 400,
        "Error parsing query in Intervention / treatment: query.intr: the query ends where");
    thenPlainErrorStarting("/api/v2/studies?query.term=" + q("AREA[NoSuchArea]x"), 400,
        "Error parsing query in Other terms: Unknown area name: `NoSuchArea`; Unknown field \"NoSuchArea\"");
    thenPlainErrorStarting("/api/v2/studies?filter.advanced=" + q("AREA[NoSuchArea]x"), 400,
        "Error parsing query in filter.advanced: Unknown area name: `NoSuchArea`;");
    thenPlainErrorStarting("/api/v2/studies?pageSize=-1", 400, "pageSize: \"-1\"");
    thenPlainErrorStarting("/api/v2/studies?fields=StudyDesign", 400,
        "Parameter 'fields' contains invalid field name: 'StudyDesign'; ");
  }

  @Test
  void aRepeatedParameterIsRefusedNamingIt() throws Exception {
    thenPlainErrorStarting("/api/v2/studies?query.cond=a&query.cond=b", 400, "query.cond: given 2 times with different values [a, b]; give it once");
  }

  @Test
  void trialdexsOwnEndpointsKeepTheirJsonErrors() throws Exception {
    HttpResponse<String> r = get("/api/studies/NCT99999999/history");
    assertEquals(404, r.statusCode());
    assertEquals("no study NCT99999999", ErrorBodies.message(r));
    HttpResponse<String> feed = get("/feed?query.nonsense=x");
    assertEquals(400, feed.statusCode());
    assertTrue(ErrorBodies.message(feed).startsWith("query.nonsense: unknown parameter"), feed::body);
  }

  // --- query semantics

  @Test
  void aQueryOfNctIdsAloneIgnoresTheFilters() throws Exception {
    // PALLAS is ACTIVE_NOT_RECRUITING; the status filter would exclude it, but ids alone win.
    assertEquals(List.of(), ids("query.cond=" + q("breast cancer") + "&filter.overallStatus=RECRUITING"));
    assertEquals(List.of(PALLAS), ids("query.id=" + PALLAS + "&filter.overallStatus=RECRUITING"));
    assertEquals(List.of(PALLAS), ids("query.term=" + q("NCT02513394, nct00000000") + "&filter.advanced="
        + q("AREA[Phase]PHASE1")));
    // A bad filter is still an error.
    thenPlainErrorStarting("/api/v2/studies?query.id=" + PALLAS + "&filter.overallStatus=DONE", 400,
        "Invalid value in parameter `filter.overallStatus`: `DONE`");
  }

  // --- markupFormat

  @Test
  void markupFormatTakesMarkdownOrLegacyAndRefusesAnythingElse() throws Exception {
    JsonNode markdown = MAPPER.readTree(get("/api/v2/studies/" + PALLAS).body());
    JsonNode asDefault = MAPPER.readTree(get("/api/v2/studies/" + PALLAS + "?markupFormat=markdown").body());
    assertEquals(markdown, asDefault);
    JsonNode legacy = MAPPER.readTree(get("/api/v2/studies/" + PALLAS + "?markupFormat=legacy").body());
    String criteria = legacy.at("/protocolSection/eligibilityModule/eligibilityCriteria").asText();
    assertTrue(criteria.startsWith("Inclusion Criteria:\n\n  -  Signed informed consent prior to study specific procedures."
        + "\n\n  -  Age ≥18 years"), criteria);
    assertTrue(markdown.at("/protocolSection/eligibilityModule/eligibilityCriteria").asText()
        .startsWith("Inclusion Criteria:\n\n* Signed informed consent"));
    // Only markup fields change.
    assertEquals(markdown.at("/protocolSection/identificationModule"), legacy.at("/protocolSection/identificationModule"));
    thenPlainError("/api/v2/studies/" + PALLAS + "?markupFormat=html", 400,
        "Invalid value in parameter `markupFormat`: `html`; accepted: markdown (the default), legacy");
    thenPlainErrorStarting("/api/v2/studies?markupFormat=plain", 400, "Invalid value in parameter `markupFormat`");
  }

  @Test
  void aSearchAnswersLegacyMarkupToo() throws Exception {
    JsonNode page = MAPPER.readTree(get("/api/v2/studies?query.id=" + PALLAS + "&markupFormat=legacy").body());
    assertTrue(page.at("/studies/0/protocolSection/eligibilityModule/eligibilityCriteria").asText()
        .contains("\n\n  -  Age ≥18 years"), page::toString);
    JsonNode fields = MAPPER.readTree(get("/api/v2/studies?query.id=" + PALLAS
        + "&markupFormat=legacy&fields=EligibilityCriteria").body());
    assertTrue(fields.at("/studies/0/protocolSection/eligibilityModule/eligibilityCriteria").asText()
        .contains("\n\n  -  Age ≥18 years"), fields::toString);
  }

  // --- admission control keeps Retry-After (LoadSheddingHttpTest covers the load); statistics not
  // ready in time are covered by SearchTimeLimitHttpTest.
}
