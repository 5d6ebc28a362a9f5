package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialdex.app.LoopbackApi.q;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.LoopbackApi;
import org.trialdex.testing.SharedData;

/**
 * The search page as a person steers it (issue #15), over HTTP against the 1,480-trial MSC set:
 * chips that each take one filter away, multi-select within a facet, facets the API has no code for,
 * recruiting only, the patient's sex, numbered pages, a CSV of every match, the map, and errors as
 * pages. Expected totals come from the v2 API asked another way ({@code filter.advanced}, cursor
 * pages, its own counts), not from the page's code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalSearchHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private LoopbackApi api;

  @BeforeAll
  void start(@TempDir Path dir) {
    api = LoopbackApi.of(dir, SharedData.mscClassic());
  }

  @AfterAll
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void eachChipTakesAwayOneFilterAndClearAllTakesThemAll() throws Exception {
    String url = "/search?query.cond=" + q("graft versus host disease") + "&aggFilters=" + q("phase:2 3")
        + "&open=on&sex=female&country=China";
    Document page = page(url, 200);
    long narrowed = total(page);
    List<Element> chips = page.select(".chips li.chip");
    assertEquals(List.of("Condition: graft versus host disease ×", "Phase: Phase 2 ×", "Phase: Phase 3 ×", "Recruiting only ×",
        "Open to women ×", "Country: China ×"), chips.stream().map(Element::text).toList());
    for (Element chip : chips) {
      String href = chip.selectFirst("a").attr("href");
      Map<String, List<String>> after = params(href);
      Map<String, List<String>> before = params(url);
      // Exactly one thing less: a whole parameter, or one code of aggFilters.
      int changed = 0;
      for (var e : before.entrySet()) {
        if (!e.getValue().equals(after.get(e.getKey()))) {
          changed++;
        }
      }
      assertEquals(1, changed, chip.text() + " -> " + href);
      // Taking away one of two phases (either) may narrow; any other chip widens.
      if (!chip.text().startsWith("Phase:")) {
        assertTrue(total(page(href, 200)) >= narrowed, chip.text() + " widens the search");
      }
    }
    Element clear = page.selectFirst(".chips li.clear a");
    assertEquals("/search", clear.attr("href"));
    assertTrue(page(clear.attr("href"), 200).select(".chips li.chip").isEmpty());
    // The same search asked of the API another way: all of it in filter.advanced.
    long byApi = apiTotal("query.cond=" + q("graft versus host disease") + "&filter.advanced=" + q(
        "(AREA[Phase]PHASE2 OR AREA[Phase]PHASE3) AND (AREA[OverallStatus]RECRUITING OR AREA[OverallStatus]NOT_YET_RECRUITING)"
            + " AND (AREA[Sex]FEMALE OR AREA[Sex]ALL) AND AREA[LocationCountry]China"));
    assertEquals(byApi, narrowed);
  }

  @Test
  void valuesOfOneFacetCombineWithOrAndTheChosenOneLinksAway() throws Exception {
    Document both = page("/search?aggFilters=" + q("phase:2 3"), 200);
    long phases = apiTotal("filter.advanced=" + q("AREA[Phase]PHASE2 OR AREA[Phase]PHASE3"));
    assertEquals(phases, total(both));
    Element chosen = both.selectFirst("aside.facets a.facet.on:contains(Phase 3)");
    assertNotNull(chosen, "phase 3 shown chosen");
    assertEquals(List.of("phase:2"), params(chosen.attr("href")).get("aggFilters"));
  }

  @Test
  void facetsWithoutAnApiCodeFilterToWhatTheyCounted() throws Exception {
    Document all = page("/search", 200);
    int checked = 0;
    for (String facet : List.of("Country", "Condition", "Sponsor type", "Intervention type")) {
      List<Element> values = all.select("aside.facets h3:containsOwn(" + facet + ") + ul > li");
      assertFalse(values.isEmpty(), facet);
      for (Element li : values.subList(0, Math.min(4, values.size()))) {
        long count = Long.parseLong(li.selectFirst("span.muted").text());
        Element link = li.selectFirst("a.facet");
        assertNotNull(link, facet + " values are links");
        Document clicked = page(link.attr("href"), 200);
        assertEquals(count, total(clicked), facet + " " + link.text() + " -> " + link.attr("href"));
        checked++;
      }
    }
    assertEquals(16, checked);
    // Two countries: either.
    long china = total(page("/search?country=China", 200));
    long spain = total(page("/search?country=Spain", 200));
    long both = total(page("/search?country=China&country=Spain", 200));
    assertEquals(apiTotal("filter.advanced=" + q("AREA[LocationCountry]China OR AREA[LocationCountry]Spain")), both);
    assertTrue(both <= china + spain && both >= Math.max(china, spain));
  }

  @Test
  void numberedPagesAreTheApisPagesInTurnAndTheNumbersGoOn() throws Exception {
    String query = "query.cond=" + q("osteoarthritis");
    // The third page by the API's cursor.
    String token = null;
    List<String> third = List.of();
    for (int n = 1; n <= 3; n++) {
      JsonNode body = JSON.readTree(api.get("/api/v2/studies?" + query + "&fields=NCTId" + (token == null ? "" : "&pageToken=" + token)).body());
      token = body.path("nextPageToken").asText(null);
      if (n == 3) {
        List<String> ids = new ArrayList<>();
        body.path("studies").forEach(s -> ids.add(s.path("protocolSection").path("identificationModule").path("nctId").asText()));
        third = ids;
      }
    }
    Document page3 = page("/search?" + query + "&page=3", 200);
    assertEquals(third, page3.select("ol.hits > li h3 a").eachAttr("href").stream().map(h -> h.replace("/study/", "")).toList());
    assertEquals("21", page3.selectFirst("ol.hits").attr("start"));
    assertEquals("3", page3.selectFirst("nav.pages [aria-current=page]").text());
    assertTrue(page3.selectFirst("a[rel=prev]").attr("href").endsWith("&page=2"));
    assertFalse(page3.select("nav.pages a[aria-label=Page 1]").isEmpty(), "a link back to page 1");
    for (String bad : List.of("0", "-1", "x", "99999")) {
      Document refused = page("/search?" + query + "&page=" + bad, 400);
      assertTrue(refused.selectFirst("[role=alert]").text().contains("page number"), bad);
    }
  }

  @Test
  void theCsvHoldsEveryMatchNotOnePage() throws Exception {
    String query = "query.cond=" + q("osteoarthritis") + "&aggFilters=" + q("phase:1 2");
    long total = apiTotal("query.cond=" + q("osteoarthritis") + "&aggFilters=" + q("phase:1 2"));
    assertTrue(total > 10, total + " matches: more than a page");
    HttpResponse<String> all = api.get("/search/download.csv?" + query);
    assertEquals(200, all.statusCode());
    assertTrue(all.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
    assertTrue(all.headers().firstValue("content-disposition").orElse("").contains("attachment"));
    List<String> ids = nctIds(all.body());
    assertEquals(total, ids.size());
    assertEquals(total, ids.stream().distinct().count(), "each trial once");
    HttpResponse<String> shown = api.get("/search/download.csv?" + query + "&columns=shown");
    // The list's columns, in the order of ClinicalTrials.gov's download.
    assertEquals("NCT Number,Study Title,Study URL,Study Status,Study Results,Conditions,Phases,Enrollment,Start Date,"
        + "Primary Completion Date,Locations", shown.body().lines().findFirst().orElseThrow());
    assertEquals(ids, nctIds(shown.body()));
    // The portal's own filters count, as on the page.
    Document page = page("/search?" + query + "&open=on", 200);
    assertEquals(total(page), nctIds(api.get("/search/download.csv?" + query + "&open=on").body()).size());
    assertEquals(400, api.get("/search/download.csv?columns=some").statusCode());
    assertEquals(400, api.get("/search/download.csv?aggFilters=" + q("phase:9")).statusCode());
    assertEquals(400, api.get("/search/download.csv?country=" + q("A\"B")).statusCode());
  }

  @Test
  void aSearchNearAPlaceMapsEverySiteWithinItsRadius() throws Exception {
    Document page = page("/search?near=Beijing&nearDistance=25mi", 200);
    Element svg = page.selectFirst("figure.site-map svg");
    assertNotNull(svg, "a map");
    assertEquals("img", svg.attr("role"));
    assertEquals(1, svg.select("circle.radius").size());
    assertFalse(svg.select("path.land").isEmpty());
    // The sites within 40.2 km of Beijing's centre among the page's trials, worked out here from the API's records.
    int within = 0;
    JsonNode studies = JSON.readTree(api.get("/api/v2/studies?near=Beijing&nearDistance=25mi").body()).path("studies");
    assertEquals(page.select("ol.hits > li").size(), studies.size());
    String dots = String.join("\n", svg.select("circle.site title").eachText());
    for (JsonNode s : studies) {
      for (JsonNode l : s.path("protocolSection").path("contactsLocationsModule").path("locations")) {
        JsonNode g = l.path("geoPoint");
        if (g.isMissingNode()) {
          continue;
        }
        if (haversineKm(39.9042, 116.4074, g.path("lat").asDouble(), g.path("lon").asDouble()) <= 40.2 - 1) {
          within++;
        }
      }
    }
    assertTrue(within > 0);
    // Beijing's centre as the gazetteer has it may differ slightly: allow the sites within a km of the edge.
    int shown = svg.select("circle.site").size();
    assertTrue(shown >= within, shown + " dots, " + within + " sites well within the radius\n" + dots);
    assertTrue(page.selectFirst("figure.site-map figcaption").text().contains("within 40 km"));
  }

  @Test
  void errorsArePagesWithASearchBox() throws Exception {
    Document bad = page("/search?age=sixty", 400);
    assertTrue(bad.selectFirst("[role=alert]").text().contains("age of the patient"));
    assertNotNull(bad.selectFirst("form[role=search]"));
    HttpResponse<String> missing = html("/no/such/page");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    Document notFound = Jsoup.parse(missing.body());
    assertEquals("Page not found", notFound.selectFirst("h1").text());
    assertNotNull(notFound.selectFirst("form[role=search] input[name=query.cond]"), "a working search box");
    // Its search box works: the form's action is the search page.
    assertEquals("/search", notFound.selectFirst("form[role=search]").attr("action"));
    // An API client still gets JSON.
    HttpResponse<String> apiMissing = api.get("/no/such/page");
    assertEquals(404, apiMissing.statusCode());
    assertTrue(apiMissing.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    HttpResponse<String> trial = html("/study/NCT00000001");
    assertEquals(404, trial.statusCode());
    Document trialPage = Jsoup.parse(trial.body());
    assertEquals("Trial not found", trialPage.selectFirst("h1").text());
    assertNotNull(trialPage.selectFirst("form[role=search]"));
    String first = page("/search", 200).selectFirst("ol.hits > li h3 a").attr("href");
    assertEquals(200, html(first.toLowerCase(java.util.Locale.ROOT)).statusCode(), "lower-case NCT ids");
  }

  private Document page(String pathAndQuery, int status) throws Exception {
    HttpResponse<String> r = html(pathAndQuery);
    assertEquals(status, r.statusCode(), () -> pathAndQuery + "\n" + r.body());
    return Jsoup.parse(r.body(), "http://127.0.0.1/");
  }

  private HttpResponse<String> html(String pathAndQuery) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri(pathAndQuery))
        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
  }

  private long apiTotal(String query) throws Exception {
    HttpResponse<String> r = api.get("/api/v2/studies?countTotal=true&pageSize=1&" + query);
    assertEquals(200, r.statusCode(), r::body);
    return JSON.readTree(r.body()).path("totalCount").asLong();
  }

  private static long total(Document page) {
    String text = page.selectFirst("#h-results").text();
    return Long.parseLong(text.split(" ")[0]);
  }

  private static Map<String, List<String>> params(String href) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String query = URI.create("http://x" + href).getRawQuery();
    if (query == null) {
      return out;
    }
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      out.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
          .add(URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
    }
    return out;
  }

  private static List<String> nctIds(String csv) {
    return csv.lines().skip(1).filter(l -> l.indexOf(',') > 0).map(l -> l.substring(0, l.indexOf(','))).filter(s -> s.matches("NCT\\d{8}")).toList();
  }

  private static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double r = 6371.0;
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double h = Math.pow(Math.sin(dp / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
    return 2 * r * Math.asin(Math.sqrt(h));
  }
}
