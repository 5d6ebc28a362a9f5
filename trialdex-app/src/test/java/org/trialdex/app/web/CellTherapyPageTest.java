package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.trialdex.app.Trialdex;
import org.trialdex.app.WebStore;
import org.trialdex.app.http.HttpServer;

/**
 * The study page's "Cell therapy" panel, fetched over HTTP from a real server on loopback: two seed
 * trials of the page test store (what their records say, read by hand), a hand-made record with
 * markup in its texts, and a trial that gives no cells (no panel).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CellTherapyPageTest {

  private static final Path PAGES = Path.of("target", "pages");
  static final String HAND_ID = "NCT09999991";
  /**
   * A hand-made MSC trial. The intervention description and the summary carry a script element;
   * the arm states the dose per kilogram with a caret; the summary says the donor.
   */
  static final String HAND_MADE = """
      [{"protocolSection":{"identificationModule":{"nctId":"NCT09999991","briefTitle":"Hand-made <b>MSC</b> trial"},
        "statusModule":{"overallStatus":"RECRUITING"},
        "descriptionModule":{"briefSummary":"This trial gives allogeneic umbilical cord mesenchymal stromal cells to adults with knee osteoarthritis.\\n<script>alert('summary')</script> is not a dose."},
        "conditionsModule":{"conditions":["Knee Osteoarthritis"]},
        "armsInterventionsModule":{
          "armGroups":[{"label":"MSC high dose","type":"EXPERIMENTAL",
            "description":"Patients receive 2.5×10^7 cells/kg umbilical cord MSCs intravenously.",
            "interventionNames":["Biological: UC-MSC"]}],
          "interventions":[{"type":"BIOLOGICAL","name":"UC-MSC",
            "description":"<script>alert(1)</script> Umbilical cord mesenchymal stromal cells & saline, given by intravenous infusion.",
            "armGroupLabels":["MSC high dose"]}]}}}]
      """;

  private Trialdex seeds;
  private Trialdex hand;
  private HttpServer seedServer;
  private HttpServer handServer;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(@TempDir Path dir) throws IOException {
    seeds = WebStore.build(Files.createDirectories(dir.resolve("seeds")));
    hand = WebStore.of(Files.createDirectories(dir.resolve("hand")), HAND_MADE);
    seedServer = HttpServer.start(seeds, "127.0.0.1", 0);
    handServer = HttpServer.start(hand, "127.0.0.1", 0);
  }

  @AfterAll
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {seedServer, handServer, seeds, hand}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private Document get(HttpServer server, String id) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/study/" + id)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r::body);
    Files.createDirectories(PAGES);
    Files.writeString(PAGES.resolve(id + "-cell-therapy.html"), r.body());
    return Jsoup.parse(r.body());
  }

  private static Element panel(Document doc) {
    Element h2 = doc.selectFirst("h2#s-cell");
    assertNotNull(h2, () -> "no Cell therapy panel among " + doc.select("h2").eachText());
    assertEquals("Cell therapy", h2.text());
    return h2.parent();
  }

  /** Each row's values (bold text with its detail), or "Not stated in the record". */
  private static Map<String, List<String>> rows(Element panel) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Element tr : panel.select("table.ct > tbody > tr")) {
      Element td = tr.selectFirst("td");
      List<String> values = td.select("ul.ct-values > li").stream()
          .map(li -> li.selectFirst("strong.ct-value").text()
              + (li.selectFirst("strong.ct-value + span.muted") == null ? "" : " " + li.selectFirst("strong.ct-value + span.muted").text()))
          .toList();
      out.put(tr.selectFirst("th").text(), values.isEmpty() ? List.of(td.text()) : values);
    }
    return out;
  }

  /** The quotes of the value {@code value} of row {@code row}: "field: sentence [marked words]". */
  private static List<String> quotes(Element panel, String row, String value) {
    Element tr = panel.select("table.ct > tbody > tr").stream().filter(r -> r.selectFirst("th").text().equals(row)).findFirst().orElseThrow();
    Element li = tr.select("ul.ct-values > li").stream().filter(l -> l.selectFirst("strong.ct-value").text().equals(value))
        .findFirst().orElseThrow(() -> new AssertionError("no " + value + " in " + tr.text()));
    return li.select("ul.ct-quotes > li").stream()
        .map(q -> q.selectFirst(".ct-field").text() + ": " + q.selectFirst("q").text() + " " + q.select("mark").eachText())
        .toList();
  }

  private static final String NOT_STATED = "Not stated in the record";

  @Test
  void nct01763086BoneMarrowMscFromThirdPartyDonorsAtOneMillionPerKilogram() throws Exception {
    Document doc = get(seedServer, "NCT01763086");
    List<String> h2 = doc.select("h2").eachText();
    // After the "Can I take part?" box (issue #15) and the status.
    assertEquals(List.of("Can I take part?", "Identification and status", "Cell therapy"), h2.subList(0, 3), h2::toString);
    Element panel = panel(doc);
    Map<String, List<String>> rows = rows(panel);
    assertEquals(List.of("Cell type", "Tissue source", "Donor", "Dose", "Schedule", "Route", "Products", "Manufacturing"),
        List.copyOf(rows.keySet()));
    // The record: "MSCs ... BM-drived ... from third-party donors", "1×10^6/kg ... intravenously".
    assertEquals(List.of("Mesenchymal stem/stromal cells"), rows.get("Cell type"));
    assertEquals(List.of("Bone marrow"), rows.get("Tissue source"));
    assertEquals(List.of("Allogeneic", "Third-party donor"), rows.get("Donor"));
    assertEquals(List.of("1 × 10⁶ cells/kg"), rows.get("Dose"));
    assertEquals(List.of("Intravenous"), rows.get("Route"));
    assertEquals(List.of(NOT_STATED), rows.get("Products"));
    List<String> dose = quotes(panel, "Dose", "1 × 10⁶ cells/kg");
    assertEquals(1, dose.size(), dose::toString);
    assertTrue(dose.getFirst().startsWith("(Intervention 1 description): "), dose::toString);
    assertTrue(panel.select("q mark.ct-evidence sup").eachText().contains("6"), "the quoted dose keeps its superscript");
    assertTrue(quotes(panel, "Tissue source", "Bone marrow").getFirst().startsWith("(Brief summary): "));
    assertTrue(quotes(panel, "Tissue source", "Bone marrow").getFirst().endsWith("[BM-drived]"));
    assertFalse(panel.select("a[href=#ct-how]").isEmpty());
    assertNotNull(panel.selectFirst("details#ct-how summary"));

    // The same evidence is marked where the page shows the texts, titled with the fact.
    Element arms = doc.selectFirst("section[aria-labelledby=s-arms]");
    List<String> titles = arms.select("mark.ct-evidence").eachAttr("title");
    assertTrue(titles.contains("Dose: 1 × 10⁶ cells/kg"), titles::toString);
    assertTrue(titles.contains("Route: Intravenous"), titles::toString);
    Element summary = doc.selectFirst("section[aria-labelledby=s-summary]");
    assertTrue(summary.select("mark.ct-evidence[title='Tissue source: Bone marrow']").eachText().contains("BM-drived"), summary::html);
    // Typesetting still works around the marks.
    assertTrue(arms.html().contains("<sup>6</sup>"), arms::html);
  }

  @Test
  void nct03219801AllogeneicUmbilicalCordMscIntravenously() throws Exception {
    Element panel = panel(get(seedServer, "NCT03219801"));
    Map<String, List<String>> rows = rows(panel);
    assertEquals(List.of("Mesenchymal stem/stromal cells"), rows.get("Cell type"));
    assertEquals(List.of("Umbilical cord"), rows.get("Tissue source"));
    assertEquals(List.of("Allogeneic"), rows.get("Donor"));
    assertEquals(List.of("Intravenous"), rows.get("Route"));
    // The record gives "100-300 million allogeneic human umbilical cord derived mesenchymal stem cells"
    assertEquals(List.of("100–300 million cells (arm 'mesenchymal stem cells')"), rows.get("Dose"));
    List<String> donor = quotes(panel, "Donor", "Allogeneic");
    assertEquals(1, donor.size(), donor::toString);
    assertTrue(donor.getFirst().startsWith("(Arm 'mesenchymal stem cells' description): "), donor::toString);
    assertTrue(donor.getFirst().contains("100-300 million allogeneic human umbilical cord"), donor::toString);
    assertTrue(donor.getFirst().endsWith("[allogeneic]"), donor::toString);
  }

  @Test
  void aTrialWithoutCellsHasNoPanel() throws Exception {
    Document doc = get(seedServer, "NCT02513394");
    assertTrue(doc.select("h2#s-cell").isEmpty(), () -> doc.select("h2").eachText().toString());
    assertTrue(doc.select("mark").isEmpty());
  }

  @Test
  void handMadeRecordShowsItsFactsAndKeepsMarkupAsText() throws Exception {
    Document doc = get(handServer, HAND_ID);
    Element panel = panel(doc);
    Map<String, List<String>> rows = rows(panel);
    assertEquals(List.of("Mesenchymal stem/stromal cells"), rows.get("Cell type"));
    assertEquals(List.of("Umbilical cord"), rows.get("Tissue source"));
    assertEquals(List.of("Allogeneic"), rows.get("Donor"));
    assertEquals(List.of("2.5 × 10⁷ cells/kg (arm 'MSC high dose')"), rows.get("Dose"));
    assertEquals(List.of("Intravenous"), rows.get("Route"));
    assertEquals(List.of(NOT_STATED), rows.get("Manufacturing"));
    assertTrue(quotes(panel, "Dose", "2.5 × 10⁷ cells/kg").getFirst().startsWith("(Arm 'MSC high dose' description): "));

    // The script elements of the record are text: the page's only scripts are its own (the layout's
    // portal.js and the record page's match marks).
    assertEquals(List.of("portal", "match-marks"), doc.select("script").eachAttr("id"));
    Element interventions = doc.selectFirst("section[aria-labelledby=s-arms] .intervention");
    assertTrue(interventions.text().contains("<script>alert(1)</script> Umbilical cord"), interventions::text);
    assertFalse(interventions.select("mark.ct-evidence").isEmpty(), interventions::html);
    Element summary = doc.selectFirst("section[aria-labelledby=s-summary]");
    assertEquals(2, summary.select("p").size(), "two lines, two paragraphs");
    assertTrue(summary.select("p").get(1).text().startsWith("<script>alert('summary')</script>"), summary::text);
    assertEquals("Hand-made <b>MSC</b> trial", doc.selectFirst("h1").text());
  }
}
