package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.Trialdex;
import org.trialdex.app.WebStore;
import org.trialdex.app.http.HttpServer;

/**
 * Trust signals and the cell-therapy filters in the portal and the API (issue #11), over HTTP from a
 * real server on loopback, on five records we wrote. What each record says, read by hand:
 *
 * <ul>
 *   <li>71: autologous bone-marrow MSCs, 1×10^6 cells/kg intravenous, two US sites, no FDA flag
 *       recorded though last updated in 2024: one signal, us-no-fda-flag (a cell product at a US
 *       site without a flag, in a record updated after the flags existed);
 *   <li>72: umbilical-cord MSCs, 2-5×10^6 cells/kg intrathecal, one German site of a university: no signal;
 *   <li>73: a company sponsor with one site in Canada whose summary says "Participants must pay",
 *       followed by a script element: pay and single-site-company, no cells;
 *   <li>74: an ACT (drug flag, phase 2, started 2018-01), primary completion 2019-03, no results:
 *       results-overdue (due 2020-03-31) on any day after 2020-04-30;
 *   <li>75: a drug trial of a university at two US sites: no signal.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustAndCellFiltersPageTest {

  private static final Path PAGES = Path.of("target", "pages");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final String RECORDS = """
      [{"protocolSection": {
        "identificationModule": {"nctId": "NCT09999971", "briefTitle": "Bone Marrow Mesenchymal Stromal Cells in Knee Osteoarthritis"},
        "statusModule": {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": "2024-05-01"}},
        "conditionsModule": {"conditions": ["Knee Osteoarthritis"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE1"]},
        "contactsLocationsModule": {"locations": [{"facility": "Knee Centre", "city": "Miami", "country": "United States"},
          {"facility": "Joint Clinic", "city": "Austin", "country": "United States"}]},
        "armsInterventionsModule": {
          "armGroups": [{"label": "MSC", "type": "EXPERIMENTAL",
            "description": "One intravenous infusion of 1×10^6 cells/kg of autologous bone-marrow MSCs.",
            "interventionNames": ["Biological: Autologous bone marrow MSCs"]}],
          "interventions": [{"type": "BIOLOGICAL", "name": "Autologous bone marrow MSCs",
            "description": "Autologous bone marrow-derived mesenchymal stromal cells, 1×10^6 cells/kg, given intravenously."}]}}},
       {"protocolSection": {
        "identificationModule": {"nctId": "NCT09999972", "briefTitle": "Umbilical Cord Mesenchymal Stem Cells in Amyotrophic Lateral Sclerosis"},
        "statusModule": {"overallStatus": "COMPLETED"},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Some University", "class": "OTHER"}},
        "contactsLocationsModule": {"locations": [{"facility": "Klinikum", "city": "Berlin", "country": "Germany"}]},
        "conditionsModule": {"conditions": ["Amyotrophic Lateral Sclerosis"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"]},
        "armsInterventionsModule": {
          "armGroups": [{"label": "UC-MSC", "type": "EXPERIMENTAL",
            "description": "Intrathecal injection of 2-5×10^6 cells/kg allogeneic umbilical cord MSCs from third-party donors.",
            "interventionNames": ["Biological: Umbilical cord MSCs"]}],
          "interventions": [{"type": "BIOLOGICAL", "name": "Umbilical cord MSCs",
            "description": "Allogeneic umbilical cord-derived mesenchymal stem cells from third-party donors, 2-5×10^6 cells/kg, intrathecal."}]}}},
       {"protocolSection": {
        "identificationModule": {"nctId": "NCT09999973", "briefTitle": "Vitamin Infusions for Fatigue"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Acme Wellness Inc.", "class": "INDUSTRY"}},
        "contactsLocationsModule": {"locations": [{"facility": "Acme Wellness", "city": "Toronto", "country": "Canada"}]},
        "descriptionModule": {"briefSummary": "Participants must pay for each infusion. <script>alert('x')</script>"},
        "conditionsModule": {"conditions": ["Fatigue"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["NA"]},
        "armsInterventionsModule": {"interventions": [{"type": "DIETARY_SUPPLEMENT", "name": "Vitamin C"}]}}},
       {"protocolSection": {
        "identificationModule": {"nctId": "NCT09999974", "briefTitle": "Naproxen in Gout"},
        "statusModule": {"overallStatus": "COMPLETED", "startDateStruct": {"date": "2018-01"},
          "primaryCompletionDateStruct": {"date": "2019-03"}},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Gout University", "class": "OTHER"}},
        "oversightModule": {"isFdaRegulatedDrug": true},
        "conditionsModule": {"conditions": ["Gout"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"]},
        "contactsLocationsModule": {"locations": [{"facility": "A", "city": "Boston", "country": "United States"},
          {"facility": "B", "city": "Denver", "country": "United States"}]},
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": "Naproxen"}]}}},
       {"protocolSection": {
        "identificationModule": {"nctId": "NCT09999975", "briefTitle": "Colchicine in Gout"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Gout University", "class": "OTHER"}},
        "conditionsModule": {"conditions": ["Gout"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE4"]},
        "contactsLocationsModule": {"locations": [{"facility": "A", "city": "Boston", "country": "United States"},
          {"facility": "B", "city": "Denver", "country": "United States"}]},
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": "Colchicine"}]}}}]
      """;

  private Trialdex trialdex;
  private HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    trialdex = WebStore.of(Files.createDirectories(dir.resolve("own")), RECORDS);
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

  private HttpResponse<String> fetch(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A page the search refused: 400, the page saying why. */
  private Document refused(String pathAndQuery, String saveAs) throws Exception {
    return page(pathAndQuery, saveAs, 400);
  }

  private Document page(String pathAndQuery, String saveAs) throws Exception {
    return page(pathAndQuery, saveAs, 200);
  }

  private Document page(String pathAndQuery, String saveAs, int status) throws Exception {
    HttpResponse<String> r = fetch(pathAndQuery);
    assertEquals(status, r.statusCode(), r::body);
    Files.createDirectories(PAGES);
    Files.writeString(PAGES.resolve(saveAs + ".html"), r.body());
    return Jsoup.parse(r.body(), "http://127.0.0.1/");
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Set<String> hits(Document doc) {
    Set<String> ids = new TreeSet<>();
    doc.select("ol.hits > li h3 a").forEach(a -> ids.add(a.attr("href").replace("/study/", "")));
    return ids;
  }

  private static String alert(Document doc) {
    Element a = doc.selectFirst("[role=alert] p");
    assertNotNull(a, () -> "no error shown: " + doc.select("h2").eachText());
    return a.text();
  }

  /** The query of a link, decoded, by parameter. */
  private static Map<String, String> params(String href) {
    Map<String, String> out = new LinkedHashMap<>();
    URI uri = URI.create(href);
    if (uri.getRawQuery() != null) {
      for (String kv : uri.getRawQuery().split("&")) {
        String[] p = kv.split("=", 2);
        out.put(java.net.URLDecoder.decode(p[0], StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  // ---- the API

  private JsonNode json(String pathAndQuery, int status) throws Exception {
    HttpResponse<String> r = fetch(pathAndQuery);
    assertEquals(status, r.statusCode(), r::body);
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), pathAndQuery);
    assertFalse(r.body().contains("\tat "), "no stack trace");
    return MAPPER.readTree(r.body());
  }

  @Test
  void theApiGivesEachSignalWithItsEvidence() throws Exception {
    JsonNode pay = json("/api/studies/NCT09999973/trust-signals", 200);
    assertTrue(pay.isArray());
    assertEquals(List.of("pay", "single-site-company"), pay.findValues("kind").stream().map(JsonNode::asText).toList());
    JsonNode cue = pay.get(0);
    assertEquals("Record states that participants pay", cue.get("label").asText());
    JsonNode quote = cue.get("evidence").get(0);
    assertEquals("protocolSection.descriptionModule.briefSummary", quote.get("field").asText());
    // "Participants must pay" is characters 0..21 of the summary.
    assertEquals("Participants must pay", quote.get("value").asText());
    assertEquals(0, quote.get("start").asInt());
    assertEquals(21, quote.get("end").asInt());
    JsonNode site = pay.get(1);
    assertEquals("Company sponsor, one listed site", site.get("label").asText());
    assertTrue(site.get("statement").asText().contains("Acme Wellness Inc."), site.toString());
    assertTrue(site.get("evidence").findValues("start").stream().allMatch(JsonNode::isNull), site.toString());

    JsonNode us = json("/api/studies/NCT09999971/trust-signals", 200);
    assertEquals(1, us.size());
    assertEquals("us-no-fda-flag", us.get(0).get("kind").asText());
    assertEquals("protocolSection.contactsLocationsModule.locations[0].country",
        us.get(0).get("evidence").get(0).get("field").asText());
    JsonNode overdue = json("/api/studies/NCT09999974/trust-signals", 200);
    assertEquals("results-overdue", overdue.get(0).get("kind").asText());
    assertTrue(overdue.get(0).get("statement").asText().startsWith("Primary completion 2019-03; results due 2020-03-31;"),
        overdue.toString());

    assertEquals(0, json("/api/studies/NCT09999975/trust-signals", 200).size());
    assertEquals(0, json("/api/studies/NCT09999972/trust-signals", 200).size());
    assertTrue(json("/api/studies/NCT00000001/trust-signals", 404).get("message").asText().contains("NCT00000001"));
    assertEquals(404, fetch("/api/studies/" + q("<script>") + "/trust-signals").statusCode());
  }

  // ---- the study page

  @Test
  void theStudyPageListsTheSignalsAfterTheCellTherapyPanel() throws Exception {
    Document doc = page("/study/NCT09999971", "NCT09999971-trust");
    Element trust = doc.selectFirst("section.trust");
    assertNotNull(trust, () -> doc.select("h2").eachText().toString());
    assertEquals("Trust signals", trust.selectFirst("h2#s-trust").text());
    Element cell = doc.selectFirst("section.cell-therapy");
    assertNotNull(cell);
    assertEquals(cell.nextElementSibling(), trust, "right after the Cell therapy panel");
    assertEquals(List.of("us-no-fda-flag"), trust.select("ul.trust-signals > li").eachAttr("data-kind"));
    Element li = trust.selectFirst("ul.trust-signals > li");
    assertTrue(li.text().startsWith("US cell-therapy trial without an FDA-regulated product flag."), li.text());
    List<String> evidence = li.select("ul.trust-evidence > li").eachText();
    assertEquals("Site 1 country: United States", evidence.get(0));
    assertTrue(evidence.contains("FDA-regulated drug: not given in the record"), evidence::toString);
    assertTrue(trust.selectFirst("p.note").text().contains("not a verdict"));
  }

  @Test
  void quotedEvidenceIsEscapedAndNamedInWords() throws Exception {
    Document doc = page("/study/NCT09999973", "NCT09999973-trust");
    Element trust = doc.selectFirst("section.trust");
    assertNotNull(trust);
    // No cell therapy panel: the section follows the overview.
    assertNull(doc.selectFirst("section.cell-therapy"));
    assertEquals(List.of("pay", "single-site-company"), trust.select("ul.trust-signals > li").eachAttr("data-kind"));
    Element pay = trust.selectFirst("li[data-kind=pay]");
    assertEquals("Brief summary:", pay.selectFirst(".ct-field").text());
    assertEquals("Participants must pay", pay.selectFirst("q").text());
    List<String> site = trust.selectFirst("li[data-kind=single-site-company]").select("ul.trust-evidence > li").eachText();
    assertTrue(site.contains("Lead sponsor type: Industry"), site::toString);
    assertTrue(site.contains("Number of listed sites: 1"), site::toString);
    assertTrue(site.contains("Site 1 facility: Acme Wellness"), site::toString);
    // The summary's script element is text on the page, never an element.
    assertTrue(doc.select("script").stream().noneMatch(s -> s.data().contains("alert")), "no injected script");
  }

  @Test
  void aRecordWithoutSignalsHasNoSection() throws Exception {
    Document doc = page("/study/NCT09999975", "NCT09999975-trust");
    assertNull(doc.selectFirst("h2#s-trust"), () -> doc.select("h2").eachText().toString());
    Document cells = page("/study/NCT09999972", "NCT09999972-trust");
    assertNotNull(cells.selectFirst("section.cell-therapy"));
    assertNull(cells.selectFirst("h2#s-trust"));
  }

  // ---- the search page

  @Test
  void facetGroupsAndValuesAreNamedForPeople() throws Exception {
    Document doc = page("/search", "search-facets-named");
    List<String> groups = doc.select("aside.facets h3").eachText();
    assertTrue(groups.containsAll(List.of("Cell type", "Cell source (tissue)", "Cell donor", "Cell delivery route",
        "Trust signals")), groups::toString);
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Element h3 : doc.select("aside.facets h3")) {
      values.put(h3.text(), h3.nextElementSibling().select("li").eachText());
    }
    assertTrue(values.get("Cell type").contains("Mesenchymal stem/stromal cells 2"), values::toString);
    assertTrue(values.get("Cell source (tissue)").containsAll(List.of("Bone marrow 1", "Umbilical cord 1")), values::toString);
    assertTrue(values.get("Cell delivery route").containsAll(List.of("Intravenous 1", "Intrathecal 1")), values::toString);
    assertTrue(values.get("Cell donor").containsAll(List.of("Autologous 1", "Allogeneic 1")), values::toString);
    assertEquals(Set.of("No trust signal 2", "Record states that participants pay 1", "Company sponsor, one listed site 1",
        "US cell-therapy trial without an FDA-regulated product flag 1", "No results posted by the FDAAA due date 1"),
        Set.copyOf(values.get("Trust signals")));
    // A trust facet value links to its aggFilters code.
    Element none = doc.select("aside.facets a").stream().filter(a -> a.text().equals("No trust signal")).findFirst().orElseThrow();
    assertEquals("trust:none", params(none.attr("href")).get("aggFilters"));
    assertEquals(Set.of("NCT09999972", "NCT09999975"), hits(page(none.attr("href"), "search-trust-facet-none")));
  }

  @Test
  void theDoseFilterBecomesARangeKeptInTheUrlAndRemovable() throws Exception {
    Document doc = page("/search?doseMin=1e6&doseMax=" + q("1.5x10^6"), "search-dose");
    assertEquals(Set.of("NCT09999971"), hits(doc));
    assertEquals("1e6", doc.selectFirst("input#q-dose-min").val());
    assertEquals("1.5x10^6", doc.selectFirst("input#q-dose-max").val());
    Element active = doc.selectFirst(".chips li.chip");
    assertNotNull(active, "the dose is shown as an active filter");
    assertEquals("Cell dose per kg: 1e6 to 1.5x10^6 cells ×", active.text());
    Map<String, String> removed = params(active.selectFirst("a").attr("href"));
    assertFalse(removed.containsKey("doseMin") || removed.containsKey("doseMax"), removed::toString);
    assertEquals(5, hits(page(active.selectFirst("a").attr("href"), "search-dose-removed")).size());
    // One bound open: at least 2e6 cells per kg is the cord trial's 2-5e6 only.
    assertEquals(Set.of("NCT09999972"), hits(page("/search?doseMin=2e6", "search-dose-min")));
    assertEquals(Set.of("NCT09999971", "NCT09999972"), hits(page("/search?doseMax=" + q("10^7"), "search-dose-max")));
    // Facet links keep the dose filter.
    Element facetLink = doc.select("aside.facets a").first();
    assertNotNull(facetLink);
    assertEquals("1e6", params(facetLink.attr("href")).get("doseMin"));
    // With the form's other fields: a condition and the dose.
    assertEquals(Set.of("NCT09999972"), hits(page("/search?query.cond=" + q("amyotrophic lateral sclerosis") + "&doseMin=1e6",
        "search-dose-cond")));
  }

  @Test
  void badDosesAreRefusedWithAClearMessage() throws Exception {
    assertEquals("The minimum cell dose per kg (2e6) is above the maximum (1e6); write the smaller number first",
        alert(refused("/search?doseMin=2e6&doseMax=1e6", "search-dose-bad-order")));
    assertEquals("The minimum cell dose per kg 'abc' is not a number of cells; write it as 1000000, 1e6, 1.5x10^6 or 10^6",
        alert(refused("/search?doseMin=abc", "search-dose-abc")));
    assertEquals("The maximum cell dose per kg '-5' is not a number of cells; write it as 1000000, 1e6, 1.5x10^6 or 10^6",
        alert(refused("/search?doseMax=-5", "search-dose-negative")));
    // An attempt to write query syntax into the box is refused, not run.
    String injected = "1e6, MAX] OR AREA[CellType]msc OR AREA[CellDosePerKg]RANGE[0";
    assertTrue(alert(refused("/search?doseMin=" + q(injected), "search-dose-injected")).startsWith(
        "The minimum cell dose per kg '" + injected + "' is not a number of cells"));
    Document script = refused("/search?doseMin=" + q("<script>alert(1)</script>"), "search-dose-script");
    assertTrue(alert(script).contains("'<script>alert(1)</script>' is not a number of cells"), alert(script));
    assertTrue(script.select("script").stream().noneMatch(s -> s.data().contains("alert")), "no injected script");
    assertEquals("<script>alert(1)</script>", script.selectFirst("input#q-dose-min").val());
    // The active filter stays listed with its remove link, so the page is not a dead end.
    assertEquals(1, script.select(".chips li.chip a").size());
    // Beyond what a double holds: the search's own message.
    assertTrue(alert(refused("/search?doseMax=1e400", "search-dose-huge")).contains("too large"));
    // Given twice.
    assertTrue(alert(refused("/search?doseMin=1&doseMin=2", "search-dose-twice")).startsWith("Give one minimum cell dose per kg"));
  }

  @Test
  void theTrustFilterHidesOrShowsTrialsBySignal() throws Exception {
    Document hidden = page("/search?trust=none", "search-trust-none");
    assertEquals(Set.of("NCT09999972", "NCT09999975"), hits(hidden));
    assertEquals("none", hidden.selectFirst("select#q-trust option[selected]").val());
    assertEquals("Hide trials with any trust signal", hidden.selectFirst("select#q-trust option[selected]").text());
    Element active = hidden.selectFirst(".chips li.chip");
    assertEquals("Trust signals: hiding trials with any trust signal ×", active.text());
    assertFalse(params(active.selectFirst("a").attr("href")).containsKey("trust"));
    // The form does not also carry the choice hidden: changing the select changes the filter.
    assertTrue(hidden.select("form.search input[type=hidden]").stream().noneMatch(i -> i.val().contains("trust")));

    assertEquals(Set.of("NCT09999973"), hits(page("/search?trust=pay", "search-trust-pay")));
    assertEquals(Set.of("NCT09999974"), hits(page("/search?trust=RESULTS-OVERDUE", "search-trust-overdue")));
    Document both = page("/search?trust=single-site-company&doseMin=1", "search-trust-and-dose");
    assertEquals(Set.of(), hits(both));
    assertEquals(2, both.select(".chips li.chip").size());
    // With the API's aggFilters: recruiting trials without a signal.
    assertEquals(Set.of("NCT09999975"), hits(page("/search?aggFilters=" + q("status:rec") + "&trust=none", "search-trust-rec")));
    // Choices are worded neutrally: no accusation, each a label of core's kinds.
    List<String> words = hidden.select("select#q-trust option").eachText();
    assertEquals(List.of("Show all trials", "Hide trials with any trust signal", "Only trials with: Record states that participants pay",
        "Only trials with: Company sponsor, one listed site",
        "Only trials with: US cell-therapy trial without an FDA-regulated product flag",
        "Only trials with: No results posted by the FDAAA due date",
        "Only trials with: Recruiting status not verified for over two years"), words);
  }

  @Test
  void badTrustChoicesAreRefusedAndEscaped() throws Exception {
    Document doc = refused("/search?trust=" + q("<script>alert(1)</script>"), "search-trust-script");
    assertEquals("The trust signal choice '<script>alert(1)</script>' is not one of: pay, single-site-company, "
        + "us-no-fda-flag, results-overdue, status-unverified, none", alert(doc));
    assertTrue(doc.select("script").stream().noneMatch(s -> s.data().contains("alert")), "no injected script");
    assertTrue(alert(refused("/search?aggFilters=" + q("trust:scam"), "search-trust-agg-bad")).contains("\"scam\" is not an option of trust"));
  }
}
