package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.app.http.HttpServer;
import org.trialdex.app.http.PublicUrl;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The outputs of a real server on a free loopback port are safe whatever the records say and
 * whatever the request claims (issue #12, "Outputs are safe"): CSV cells cannot start a formula,
 * the Atom feed is well-formed XML, absolute links never come from the {@code Host} header, every
 * response carries the security headers, {@code HEAD} answers as {@code GET} would, and a malformed
 * percent-escape in a path is a 400.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeOutputsHttpTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A trial whose texts are spreadsheet formulas, a cell-therapy trial in country "=1+2", and a trial whose texts hold characters XML forbids. */
  static final String RECORDS = """
      [{"protocolSection": {
        "identificationModule": {"nctId": "NCT09999961", "briefTitle": "=HYPERLINK(\\"http://evil.example\\",\\"click\\")",
          "acronym": "+1+2", "officialTitle": "\\rReturned title"},
        "statusModule": {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": "2024-05-01"}},
        "conditionsModule": {"conditions": ["@SUM(1+1)", "Knee Osteoarthritis"]},
        "designModule": {"studyType": "INTERVENTIONAL", "enrollmentInfo": {"count": 12}},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "-2+3+cmd|' /C calc'!A0"}},
        "contactsLocationsModule": {"locations": [{"facility": "\\tTabbed clinic", "city": "\\rReturned city",
          "country": "United States", "geoPoint": {"lat": 42.36, "lon": -71.06}}]}}},
       {"protocolSection": {
        "identificationModule": {"nctId": "NCT09999963", "briefTitle": "Bone Marrow Mesenchymal Stromal Cells in Knee Osteoarthritis"},
        "statusModule": {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": "2024-04-01"}},
        "conditionsModule": {"conditions": ["Knee Osteoarthritis"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE1"]},
        "contactsLocationsModule": {"locations": [{"facility": "Clinic", "country": "=1+2"}]},
        "armsInterventionsModule": {
          "armGroups": [{"label": "MSC", "type": "EXPERIMENTAL",
            "description": "One intravenous infusion of 1×10^6 cells/kg of autologous bone-marrow MSCs.",
            "interventionNames": ["Biological: Autologous bone marrow MSCs"]}],
          "interventions": [{"type": "BIOLOGICAL", "name": "Autologous bone marrow MSCs",
            "description": "Autologous bone marrow-derived mesenchymal stromal cells, 1×10^6 cells/kg, given intravenously."}]}}},
       {"protocolSection": {
        "identificationModule": {"nctId": "NCT09999962", "briefTitle": "Control \\u0001 characters \\u000b and \\ufffe, \\uffff in a title"},
        "statusModule": {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": "2024-06-01"}},
        "conditionsModule": {"conditions": ["Bell\\u0007 condition"]}}}]
      """;

  private Trialdex trialdex;
  private HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  void start(@TempDir Path dir) {
    trialdex = WebStore.of(dir, RECORDS);
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

  // --- CSV injection

  @Test
  void csvCellsThatWouldStartAFormulaAreNeutralisedAndPlainNumbersKept() throws Exception {
    HttpResponse<String> r = get("/api/v2/studies?filter.ids=NCT09999961&format=csv&fields="
        + q("NCTId,BriefTitle,Acronym,Condition,LeadSponsorName,LocationFacility,LocationCity,"
            + "protocolSection.contactsLocationsModule.locations.geoPoint.lon,EnrollmentCount,OfficialTitle"));
    assertEquals(200, r.statusCode(), r.body());
    List<List<String>> rows = csv(r.body());
    assertEquals(2, rows.size(), r.body());
    // Piece names select the download's columns that hold them, in its order; the others follow.
    assertEquals(List.of("NCT Number", "Study Title", "Acronym", "Conditions", "Sponsor", "Enrollment", "Locations",
        "LocationLongitude", "OfficialTitle"), rows.get(0));
    assertEquals(List.of("NCT09999961",
        "'=HYPERLINK(\"http://evil.example\",\"click\")",
        "'+1+2",
        "'@SUM(1+1)|Knee Osteoarthritis",
        "'-2+3+cmd|' /C calc'!A0",
        "12",
        // Facility, city, country: the cell starts with the tab.
        "'\tTabbed clinic, \rReturned city, United States",
        // A plain number cannot be a formula: it stays a number in a spreadsheet.
        "-71.06",
        "'\rReturned title"), rows.get(1));
    // The single record's CSV goes through the same writer.
    List<List<String>> one = csv(get("/api/v2/studies/NCT09999961?format=csv&fields=BriefTitle").body());
    assertEquals(List.of(List.of("Study Title"), List.of("'=HYPERLINK(\"http://evil.example\",\"click\")")), one);
  }

  @Test
  void landscapeCsvRowLabelsAreNeutralised() throws Exception {
    HttpResponse<String> r = get("/api/landscape/country.csv");
    assertEquals(200, r.statusCode(), r.body());
    List<List<String>> rows = csv(r.body());
    assertEquals(List.of("Country", "code", "Trials"), rows.get(0));
    assertEquals(List.of("'=1+2", "'=1+2", "1"), rows.get(1), r.body());
  }

  // --- the Atom feed

  @Test
  void theFeedIsWellFormedXmlWhateverTheRecordsAndParametersHold() throws Exception {
    HttpResponse<String> r = get("/feed?query.term=" + q("characters\u0002"));
    assertEquals(200, r.statusCode(), r.body());
    org.w3c.dom.Document feed = xml(r.body());
    NodeList titles = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title");
    assertEquals("trialdex: query.term=characters\uFFFD", titles.item(0).getTextContent());
    assertEquals("Control \uFFFD characters \uFFFD and \uFFFD, \uFFFD in a title", titles.item(1).getTextContent());
    NodeList summaries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "summary");
    assertEquals("NCT09999962 · recruiting · Bell\uFFFD condition", summaries.item(0).getTextContent());
    // The whole feed too, with the formula-titled record in it.
    assertEquals(3, xml(get("/feed").body()).getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength());
  }

  // --- links

  @Test
  void feedLinksComeFromTheBindAddressNotTheHostHeader() throws Exception {
    Raw r = raw("GET /feed HTTP/1.0\r\nHost: attacker.test\r\n\r\n");
    assertEquals(200, r.status(), r.body());
    assertFalse(r.body().contains("attacker.test"), r.body());
    List<String> links = links(xml(r.body()));
    assertFalse(links.isEmpty());
    String base = "http://127.0.0.1:" + server.port() + "/";
    for (String link : links) {
      assertTrue(link.startsWith(base), link);
    }
  }

  @Test
  void feedLinksUseTheConfiguredPublicUrl() throws Exception {
    try (HttpServer proxied = HttpServer.start(trialdex, "127.0.0.1", 0, HttpServer.SEARCH_TIME_LIMIT,
        Optional.of(PublicUrl.of("https://Trials.example.org/")))) {
      Raw r = raw(proxied.port(), "GET /feed?filter.ids=NCT09999963 HTTP/1.0\r\nHost: attacker.test\r\n\r\n");
      assertEquals(200, r.status(), r.body());
      List<String> links = links(xml(r.body()));
      assertEquals(List.of("https://trials.example.org/feed?filter.ids=NCT09999963", "https://trials.example.org/study/NCT09999963",
          "https://trials.example.org/feed?filter.ids=NCT09999963", "https://trials.example.org/search?filter.ids=NCT09999963",
          "https://trials.example.org/study/NCT09999963"), links);
    }
  }

  @Test
  void aPublicUrlIsAnOriginOnly() {
    assertEquals("http://localhost:8080", PublicUrl.of(" http://localhost:8080 ").base());
    for (String bad : List.of("trials.example.org", "ftp://trials.example.org", "https://trials.example.org/trialdex",
        "https://user@trials.example.org", "https://trials.example.org/?a=b", "https://", "http://exa mple.org")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PublicUrl.of(bad), bad);
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
    Cli serve = Cli.run("serve", "--data", "unused", "--public-url", "https://trials.example.org/trialdex");
    assertEquals(TrialdexCommand.USAGE, serve.exitCode(), serve::toString);
    assertTrue(serve.err().contains("--public-url: the public URL 'https://trials.example.org/trialdex' must be "
        + "scheme://host[:port] only"), serve::toString);
  }

  /** Every absolute link of a feed: the ids (the feed's and each entry's), then the link elements. */
  private static List<String> links(org.w3c.dom.Document feed) {
    List<String> out = new ArrayList<>();
    NodeList ids = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id");
    for (int i = 0; i < ids.getLength(); i++) {
      out.add(ids.item(i).getTextContent());
    }
    NodeList links = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
    for (int i = 0; i < links.getLength(); i++) {
      out.add(((Element) links.item(i)).getAttribute("href"));
    }
    return out;
  }

  // --- security headers and HEAD

  /** One GET of each route, with answers of every kind: pages, API, CSV, feed, errors in JSON and HTML. */
  static final List<String> ROUTES = List.of("/", "/search?query.cond=" + q("knee osteoarthritis"),
      "/study/NCT09999961", "/study/NCT09999961/history", "/study/NCT00000000", "/landscape", "/match",
      "/health", "/api/openapi.json", "/api/v2/studies", "/api/v2/studies?format=csv", "/api/v2/studies/NCT09999961",
      "/api/v2/studies/NCT00000000", "/api/v2/studies?pageSize=many", "/api/v2/studies/metadata",
      "/api/v2/studies/enums", "/api/v2/studies/search-areas", "/api/v2/version", "/api/v2/stats/size",
      "/api/v2/stats/fieldValues", "/api/v2/stats/fieldValues/OverallStatus", "/api/studies/NCT09999961/related",
      "/api/studies/NCT09999961/history", "/api/studies/NCT09999961/diff", "/api/studies/NCT09999961/quality",
      "/api/studies/NCT09999961/cell-therapy", "/api/studies/NCT09999961/trust-signals", "/feed",
      "/api/landscape", "/api/landscape/country.csv", "/api/landscape/nothing.csv", "/no/such/path");

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    List<String> paths = new ArrayList<>(ROUTES);
    paths.addAll(assets());
    for (String path : paths) {
      HttpResponse<String> r = get(path);
      assertSecure(path, r.statusCode(), r.headers().map());
    }
    // Jetty's own refusal of a bad request line, before any route, and a form post.
    Raw bad = raw("GET /study/%zz HTTP/1.0\r\n\r\n");
    assertEquals(400, bad.status(), bad.body());
    assertSecure("/study/%zz", bad.status(), bad.headers());
    HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri("/match"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("note=" + q("55 year old woman"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, post.statusCode());
    assertSecure("POST /match", post.statusCode(), post.headers().map());
    assertEquals("no-store", post.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void theV2ApiIsReadableFromAnyOriginAndNothingElseIs() throws Exception {
    // A web page elsewhere calling the v2 API, as browser clients of ClinicalTrials.gov's do.
    for (String path : List.of("/api/v2/studies?pageSize=1", "/api/v2/studies/NCT09999961", "/api/v2/version",
        "/api/v2/studies/NCT00000000", "/api/int/studies/NCT09999961/history")) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri(path)).header("Origin", "https://example.org")
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path);
      assertTrue(r.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("x-next-page-token"), path);
      assertTrue(r.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), path);
    }
    HttpResponse<String> preflight = client.send(HttpRequest.newBuilder(uri("/api/v2/studies"))
        .header("Origin", "https://example.org").header("Access-Control-Request-Method", "GET")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(204, preflight.statusCode());
    assertEquals("GET, HEAD", preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
    // Not the portal, trialdex's own endpoints or the admin API.
    for (String path : List.of("/", "/search", "/api/studies/NCT09999961/history", "/api/admin/sync", "/health")) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri(path)).header("Origin", "https://example.org")
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), path);
    }
  }

  private static void assertSecure(String path, int status, Map<String, List<String>> headers) {
    Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    String where = path + " (" + status + ")";
    String csp = one(h, "Content-Security-Policy", where);
    assertTrue(csp.contains("default-src 'none'"), where + ": " + csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), where + ": " + csp);
    assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), where + ": " + csp);
    assertEquals("nosniff", one(h, "X-Content-Type-Options", where), where);
    assertEquals("DENY", one(h, "X-Frame-Options", where), where);
    assertEquals("no-referrer", one(h, "Referrer-Policy", where), where);
    String cache = one(h, "Cache-Control", where);
    if (path.startsWith("/static/")) {
      assertEquals("public, max-age=31536000, immutable", cache, where);
    } else if (path.equals("/health") || status >= 400 || path.startsWith("POST")) {
      assertEquals("no-store", cache, where);
    } else {
      assertEquals("no-cache", cache, where);
    }
  }

  private static String one(Map<String, List<String>> headers, String name, String where) {
    List<String> values = headers.getOrDefault(name, List.of());
    assertEquals(1, values.size(), () -> where + ": " + name + " " + values);
    return values.getFirst();
  }

  @Test
  void headAnswersAsGetWouldWithoutABody() throws Exception {
    List<String> paths = new ArrayList<>(ROUTES);
    paths.addAll(assets());
    for (String path : paths) {
      HttpResponse<String> got = get(path);
      HttpResponse<String> head = client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
          .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(got.statusCode(), head.statusCode(), path);
      assertEquals(comparable(got.headers().map()), comparable(head.headers().map()), path);
      assertEquals("", head.body(), path);
    }
  }

  /** The headers a HEAD must share with its GET: all but the date and how the body is framed. */
  private static Map<String, List<String>> comparable(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new TreeMap<>();
    headers.forEach((k, v) -> {
      String name = k.toLowerCase(Locale.ROOT);
      if (!List.of("date", "content-length", "transfer-encoding", ":status").contains(name)) {
        out.put(name, v);
      }
    });
    return out;
  }

  // --- static files

  @Test
  void pagesHaveNoInlineScriptOrStyle() throws Exception {
    for (String path : List.of("/", "/search?query.cond=" + q("knee osteoarthritis"), "/study/NCT09999961",
        "/landscape", "/match")) {
      Document page = Jsoup.parse(get(path).body());
      assertTrue(page.select("style").isEmpty(), path);
      assertTrue(page.select("[style]").isEmpty(), path);
      page.select("script").forEach(s -> assertFalse(s.attr("src").isEmpty(), path + ": " + s));
      assertFalse(page.select("link[rel=stylesheet]").isEmpty(), path);
    }
  }

  /** The static files the pages load (a style sheet and the study page's script). */
  private List<String> assets() throws Exception {
    Document study = Jsoup.parse(get("/study/NCT09999961").body());
    List<String> out = new ArrayList<>(study.select("link[rel=stylesheet]").eachAttr("href"));
    out.addAll(study.select("script[src]").eachAttr("src"));
    return out;
  }

  // --- malformed paths

  @Test
  void aMalformedPercentEscapeInAPathIsABadRequest() throws Exception {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("/study/%u0041", "malformed percent-escape '%u0' at character 8");
    // Jetty takes the query into the path when an escape before it is cut short.
    cases.put("/study/%E0%A4%A?x=1", "malformed percent-escape '%A?' at character 14");
    cases.put("/api/v2/studies/%E0%A4", "is not UTF-8 once its percent-escapes are decoded");
    cases.put("/study/%C0%80", "is not UTF-8 once its percent-escapes are decoded");
    // Jetty refuses this one itself, before any route; its answer is JSON, even under /api/v2.
    cases.put("/api/v2/studies/%zz", "each % in the path is followed by two hex digits");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Raw r = raw("GET " + c.getKey() + " HTTP/1.0\r\n\r\n");
      assertEquals(400, r.status(), () -> c.getKey() + ": " + r.body());
      // A route's refusal under /api/v2 is plain text, as ClinicalTrials.gov answers; the rest JSON.
      boolean plain = c.getKey().equals("/api/v2/studies/%E0%A4");
      String message = plain ? r.body() : MAPPER.readTree(r.body()).path("message").asText();
      assertEquals(plain, !r.body().startsWith("{"), () -> c.getKey() + ": " + r.body());
      assertTrue(message.contains(c.getValue()), () -> c.getKey() + ": " + message);
    }
  }

  // --- helpers

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** An answer read off the socket: what a client that sends its own bytes sees. */
  record Raw(int status, Map<String, List<String>> headers, String body) {}

  /** Sends {@code request} as it is (HTTP/1.0, so the answer ends when the connection closes). */
  private Raw raw(String request) throws IOException {
    return raw(server.port(), request);
  }

  private static Raw raw(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = answer.indexOf("\r\n\r\n");
      String[] head = answer.substring(0, end).split("\r\n");
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        headers.computeIfAbsent(head[i].substring(0, colon).strip(), k -> new ArrayList<>()).add(head[i].substring(colon + 1).strip());
      }
      return new Raw(Integer.parseInt(head[0].split(" ")[1]), headers, answer.substring(end + 4));
    }
  }

  private static org.w3c.dom.Document xml(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Reads RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks; lines end in CRLF. */
  static List<List<String>> csv(String text) {
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
    assertFalse(quoted, "an open quote at the end");
    assertTrue(row.isEmpty() && cell.isEmpty(), "the last line ends in CRLF");
    return rows;
  }
}
