package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.http.HttpServer;
import org.trialdex.app.service.Landscape;
import org.trialdex.app.service.Landscapes;

/**
 * The landscape over HTTP on a real loopback server over the page test store: the JSON carries every
 * chart the service computes, each chart's CSV parses back to the same rows, the page draws an SVG
 * per chart, and bad or hostile parameters answer 400 (404 for an unknown chart) with a message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LandscapeHttpTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String GVHD = "query.cond=" + q("graft versus host disease");

  private Trialdex trialdex;
  private HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  void start(@TempDir Path dir) {
    trialdex = WebStore.build(dir);
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

  private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private Landscape expected(Map<String, List<String>> params) {
    return trialdex.landscapes().of(Landscapes.request(params), Duration.ofSeconds(60));
  }

  @Test
  void theJsonCarriesEveryChartWithItsRowsAsTheServiceCountsThem() throws Exception {
    HttpResponse<String> r = get("/api/landscape?" + GVHD);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    JsonNode json = MAPPER.readTree(r.body());
    Landscape l = expected(Map.of("query.cond", List.of("graft versus host disease")));
    assertEquals(l.trials(), json.get("trials").asLong());
    List<String> ids = new ArrayList<>();
    json.get("charts").forEach(c -> ids.add(c.get("id").asText()));
    assertEquals(Landscapes.CHARTS, ids);
    for (JsonNode c : json.get("charts")) {
      Landscape.Chart chart = l.chart(c.get("id").asText()).orElseThrow();
      assertEquals(chart.rows().size(), c.get("rows").size(), chart.id());
      for (int i = 0; i < chart.rows().size(); i++) {
        JsonNode row = c.get("rows").get(i);
        assertEquals(chart.rows().get(i).key(), row.get("key").asText());
        assertEquals(chart.rows().get(i).label(), row.get("label").asText());
        assertEquals(chart.rows().get(i).total(), row.get("total").asLong());
        assertEquals(chart.series().size(), row.get("counts").size());
      }
    }
  }

  @Test
  void eachChartsCsvParsesBackToItsRows() throws Exception {
    Landscape l = expected(Map.of());
    for (String id : Landscapes.CHARTS) {
      HttpResponse<String> r = get("/api/landscape/" + id + ".csv");
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
      assertEquals("attachment; filename=\"landscape-" + id + ".csv\"", r.headers().firstValue("content-disposition").orElse(""));
      List<List<String>> table = parseCsv(r.body());
      Landscape.Chart chart = l.chart(id).orElseThrow();
      List<String> header = new ArrayList<>(List.of(chart.category(), "code"));
      chart.series().forEach(s -> header.add(s.label()));
      if (chart.series().size() > 1) {
        header.add("All");
      }
      assertEquals(header, table.getFirst(), id);
      assertEquals(chart.rows().size() + 1, table.size(), id);
      for (int i = 0; i < chart.rows().size(); i++) {
        Landscape.Row row = chart.rows().get(i);
        List<String> cells = table.get(i + 1);
        assertEquals(row.label(), cells.get(0));
        assertEquals(row.key(), cells.get(1));
        for (int s = 0; s < row.counts().size(); s++) {
          assertEquals(row.counts().get(s), Long.parseLong(cells.get(2 + s)), id + " " + row.key());
        }
      }
    }
  }

  @Test
  void aLabelWithACommaIsQuotedInTheCsv() throws Exception {
    // "Korea, Republic of" is a country of the MSC set: its CSV cell must be quoted to stay one cell.
    HttpResponse<String> r = get("/api/landscape/country.csv");
    assertTrue(r.body().contains("\"Korea, Republic of\",\"Korea, Republic of\","), r.body());
    assertTrue(r.body().endsWith("\r\n"));
  }

  @Test
  void thePageDrawsAnSvgPerChartWithLabelsAndLinksEachCsv() throws Exception {
    HttpResponse<String> r = get("/landscape?" + GVHD);
    assertEquals(200, r.statusCode());
    String html = r.body();
    for (String id : Landscapes.CHARTS) {
      assertTrue(html.contains("href=\"/api/landscape/" + id + ".csv?query.cond=graft+versus+host+disease\""), id);
    }
    assertTrue(html.contains("<svg class=\"chart\""), "an SVG chart");
    assertTrue(html.contains("role=\"img\" aria-labelledby=\"t-start-year-phase d-start-year-phase\""));
    assertTrue(html.contains("<title id=\"t-country\">Trials by country</title>"));
    HttpResponse<String> search = get("/search?" + GVHD + "&sort=StartDate:desc");
    assertTrue(search.body().contains("<a href=\"/landscape?query.cond=graft+versus+host+disease\">Landscape of these trials</a>"),
        "the search links to its landscape, without its sort");
  }

  @Test
  void noMatchingTrialSaysSoInsteadOfDrawingCharts() throws Exception {
    String html = get("/landscape?query.term=zzqxwv").body();
    assertTrue(html.contains("No trials match this search"), html);
    assertTrue(!html.contains("<svg class=\"chart\""));
    JsonNode json = MAPPER.readTree(get("/api/landscape?query.term=zzqxwv").body());
    assertEquals(0, json.get("trials").asLong());
  }

  @Test
  void badAndHostileParametersAnswer400WithTheSearchsMessage() throws Exception {
    assertError(get("/api/landscape?query.condition=x"), 400, "did you mean query.cond");
    assertError(get("/api/landscape?pageToken=abc"), 400, "pageToken: the landscape counts every matching trial");
    assertError(get("/api/landscape?aggFilters=" + q("phase:9")), 400, "phase");
    assertError(get("/api/landscape?filter.advanced=" + q("AREA[Phase](PHASE2")), 400, "filter.advanced");
    assertError(get("/api/landscape?filter.advanced=" + q("AREA[Nope]x")), 400, "Nope");
    assertError(get("/api/landscape?query.cond=a&query.cond=b"), 400, "query.cond");
    assertError(get("/api/landscape/country.csv?sort=StartDate"), 400, "sort");
    assertError(get("/api/landscape/nope.csv"), 404, "start-year-phase.csv");
    assertError(get("/api/landscape/country.json"), 404, "country.csv");
    assertError(get("/api/landscape/..%2F..%2Fetc%2Fpasswd"), 404, "no chart");
    assertError(get("/api/landscape?query.term=" + "x".repeat(5000)), 400, "at most 4096");
    // The page shows the message, escaped, instead of charts.
    HttpResponse<String> page = get("/landscape?query.cond=" + q("<script>alert(1)</script>") + "&aggFilters=" + q("<b>:1"));
    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains("The landscape could not be drawn"), page.body());
    assertTrue(!page.body().contains("<script>alert(1)</script>") && !page.body().contains("<b>:1"));
  }

  private static void assertError(HttpResponse<String> r, int status, String part) throws IOException {
    assertEquals(status, r.statusCode(), r.body());
    String message = MAPPER.readTree(r.body()).get("message").asText();
    assertTrue(message.contains(part), message);
  }

  /** RFC 4180: fields split on commas outside quotes, doubled quotes inside, CRLF between records. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }
}
