package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code format=csv} as ClinicalTrials.gov's CSV download (issue #14): its 30 column titles in its
 * order, its value formats, and {@code fields=} given as titles. A store of the 100-study v2 sample
 * and PALLAS on a real server; every expected cell below was written by reading the record's JSON
 * in {@code ../shared/data/ctgov-api-v2/}, in the formats of the live download quoted in
 * {@code docs/http.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvDownloadTest {

  /**
   * The live download's header: the R client clinicaltrialsgov writes this header line for its
   * pages after the first, and ctg_get_nct lists the same 30 names as "all available fields".
   */
  private static final List<String> TITLES = List.of("NCT Number", "Study Title", "Study URL", "Acronym",
      "Study Status", "Brief Summary", "Study Results", "Conditions", "Interventions", "Primary Outcome Measures",
      "Secondary Outcome Measures", "Other Outcome Measures", "Sponsor", "Collaborators", "Sex", "Age", "Phases",
      "Enrollment", "Funder Type", "Study Type", "Study Design", "Other IDs", "Start Date", "Primary Completion Date",
      "Completion Date", "First Posted", "Results First Posted", "Last Update Posted", "Locations", "Study Documents");

  private LoopbackApi api;

  @BeforeAll
  void start(@TempDir Path dir) {
    api = LoopbackApi.sample(dir);
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

  private static String q(String s) {
    return LoopbackApi.q(s);
  }

  /** The rows of a 200 CSV answer, each cell unquoted (RFC 4180). */
  private List<List<String>> csv(String pathAndQuery) throws Exception {
    HttpResponse<String> r = get(pathAndQuery);
    assertEquals(200, r.statusCode(), r::body);
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
    return parse(r.body());
  }

  /** One study's cells by column title, from a CSV answer of a header and that study's row. */
  private Map<String, String> row(String pathAndQuery) throws Exception {
    List<List<String>> rows = csv(pathAndQuery);
    assertEquals(2, rows.size(), () -> pathAndQuery + ": " + rows);
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < rows.get(0).size(); i++) {
      out.put(rows.get(0).get(i), rows.get(1).get(i));
    }
    return out;
  }

  /** RFC 4180: the rows of a CSV text, each cell unquoted. */
  private static List<List<String>> parse(String text) {
    return SafeOutputsHttpTest.csv(text);
  }

  @Test
  void withoutFieldsTheColumnsAreTheDownloadsThirtyInItsOrder() throws Exception {
    List<List<String>> page = csv("/api/v2/studies?format=csv&pageSize=1000");
    assertEquals(TITLES, page.get(0));
    assertEquals(102, page.size(), "a header and 101 studies");
    page.forEach(r -> assertEquals(30, r.size(), r::toString));
    assertEquals(TITLES, csv("/api/v2/studies/NCT02513394?format=csv").get(0));
  }

  @Test
  void pallasIsWrittenInTheDownloadsFormats() throws Exception {
    Map<String, String> pallas = row("/api/v2/studies/NCT02513394?format=csv");
    // From NCT02513394.v2.json, member by member.
    assertEquals("NCT02513394", pallas.get("NCT Number"));
    assertEquals("PALbociclib CoLlaborative Adjuvant Study", pallas.get("Study Title"));
    assertEquals("https://clinicaltrials.gov/study/NCT02513394", pallas.get("Study URL"));
    assertEquals("PALLAS", pallas.get("Acronym"));
    assertEquals("ACTIVE_NOT_RECRUITING", pallas.get("Study Status"));
    // hasResults: true
    assertEquals("YES", pallas.get("Study Results"));
    assertEquals("Breast Cancer", pallas.get("Conditions"));
    // interventions: DRUG Palbociclib, DRUG Standard Adjuvant Endocrine Therapy
    assertEquals("DRUG: Palbociclib|DRUG: Standard Adjuvant Endocrine Therapy", pallas.get("Interventions"));
    // the one primary outcome: measure, description, time frame
    String primary = pallas.get("Primary Outcome Measures");
    assertTrue(primary.startsWith("Invasive Disease Free Survival (iDFS), Invasive disease-free survival (iDFS) for the"
        + " combination of at least 5 years endocrine therapy"), primary);
    assertTrue(primary.endsWith("the percentage of patients considered iDFS at 4 years is reported., 4 years"), primary);
    assertEquals(4, pallas.get("Secondary Outcome Measures").split("\\|").length, "four secondary outcomes");
    assertEquals("", pallas.get("Other Outcome Measures"), "none");
    assertEquals("Alliance Foundation Trials, LLC.", pallas.get("Sponsor"));
    assertEquals("Austrian Breast & Colorectal Cancer Study Group|NSABP Foundation Inc|PrECOG, LLC.|Breast International Group"
        + "|Pfizer", pallas.get("Collaborators"));
    assertEquals("ALL", pallas.get("Sex"));
    // stdAges ["ADULT", "OLDER_ADULT"]; minimumAge 18 Years is not part of the download's Age
    assertEquals("ADULT, OLDER_ADULT", pallas.get("Age"));
    assertEquals("PHASE3", pallas.get("Phases"));
    assertEquals("5796", pallas.get("Enrollment"));
    assertEquals("OTHER", pallas.get("Funder Type"));
    assertEquals("INTERVENTIONAL", pallas.get("Study Type"));
    assertEquals("Allocation: RANDOMIZED|Intervention Model: PARALLEL|Masking: NONE|Primary Purpose: TREATMENT",
        pallas.get("Study Design"));
    // orgStudyIdInfo AFT-05, then the three secondary ids in order
    assertEquals("AFT-05|ABCSG 42|BIG 14-03|2014-005181-30", pallas.get("Other IDs"));
    // dates as stored, partial ones partial
    assertEquals("2015-08", pallas.get("Start Date"));
    assertEquals("2020-11", pallas.get("Primary Completion Date"));
    assertEquals("2025-09", pallas.get("Completion Date"));
    assertEquals("2015-07-31", pallas.get("First Posted"));
    assertEquals("2022-04-13", pallas.get("Results First Posted"));
    assertEquals("2023-06-15", pallas.get("Last Update Posted"));
    String locations = pallas.get("Locations");
    assertTrue(locations.startsWith("University of South Alabama Mitchell Cancer Institute, Mobile, Alabama, 36604, United States"
        + "|Southern Cancer Center PC - Providence, Mobile, Alabama, 36608, United States|"), locations);
    assertEquals(437, locations.split("\\|").length, "437 locations");
    // largeDocs: one, label and filename; the folder is the NCT number's last two digits
    assertEquals("Study Protocol and Statistical Analysis Plan, https://storage.googleapis.com/ctgov2-large-docs/94/NCT02513394"
        + "/Prot_SAP_000.pdf", pallas.get("Study Documents"));
  }

  @Test
  void aCellWithCommasAndNewlinesIsQuotedAndReadsBackWhole() throws Exception {
    HttpResponse<String> r = get("/api/v2/studies/NCT02513394?format=csv&fields=" + q("NCT Number,Brief Summary"));
    // The brief summary holds commas and a blank line, so it is quoted (RFC 4180).
    assertTrue(r.body().startsWith("NCT Number,Brief Summary\r\nNCT02513394,\"This is a prospective, two arm,"), r.body());
    String summary = parse(r.body()).get(1).get(1);
    assertTrue(summary.startsWith("This is a prospective, two arm, international, multicenter, randomized, open-label Phase III"
        + " study evaluating the addition of 2 years of palbociclib to standard adjuvant endocrine therapy for patients with"
        + " HR+ / HER2- early breast cancer (EBC).\n\nThe purpose of the PALLAS study is"), summary);
  }

  @Test
  void anObservationalStudyHasItsOwnDesignLabels() throws Exception {
    // NCT06050278 in the 100-study sample: OBSERVATIONAL, COHORT, PROSPECTIVE, one location, no results.
    Map<String, String> tap = row("/api/v2/studies?format=csv&filter.ids=NCT06050278");
    assertEquals("Observational Model: COHORT|Time Perspective: PROSPECTIVE", tap.get("Study Design"));
    assertEquals("OTHER: Tapestry technology", tap.get("Interventions"));
    assertEquals("NO", tap.get("Study Results"));
    assertEquals("", tap.get("Collaborators"));
    assertEquals("Fondazione IRCCS San Gerardo dei Tintori, Monza, MB, 20900, Italy", tap.get("Locations"));
    assertEquals("TAP-NSCLC", tap.get("Other IDs"));
    assertEquals("10", tap.get("Enrollment"));
    assertEquals("2023-04-03", tap.get("Start Date"));
    assertEquals("", tap.get("Results First Posted"));
    assertEquals("", tap.get("Study Documents"));
  }

  @Test
  void maskingNamesWhoIsMasked() throws Exception {
    // NCT06001671: maskingInfo {masking SINGLE, whoMasked [OUTCOMES_ASSESSOR]}.
    Map<String, String> one = row("/api/v2/studies?format=csv&filter.ids=NCT06001671&fields=" + q("NCT Number|Study Design"));
    assertEquals("Allocation: NON_RANDOMIZED|Intervention Model: SEQUENTIAL|Masking: SINGLE (OUTCOMES_ASSESSOR)"
        + "|Primary Purpose: TREATMENT", one.get("Study Design"));
  }

  @Test
  void titlesInFieldsSelectTheirColumnsInTheDownloadsOrder() throws Exception {
    // pytrials' test against the live API asks for "NCT Number|Conditions|Study Title" and reads
    // the header NCT Number, Study Title, Conditions: the download's order, not the request's.
    List<List<String>> rows = csv("/api/v2/studies?format=csv&pageSize=5&fields=" + q("NCT Number|Conditions|Study Title"));
    assertEquals(List.of("NCT Number", "Study Title", "Conditions"), rows.get(0));
    assertEquals(6, rows.size());
    // Titles are taken in any case.
    assertEquals(List.of("NCT Number", "Study Status"), csv("/api/v2/studies?format=csv&pageSize=1&fields="
        + q("nct number,STUDY STATUS")).get(0));
  }

  @Test
  void pieceNamesSelectTheColumnsThatHoldThemAndOtherFieldsHeadThemselves() throws Exception {
    // Phase is in Phases, LocationCity in Locations; OfficialTitle is in no column of the download.
    Map<String, String> pallas = row("/api/v2/studies/NCT02513394?format=csv&fields=" + q("OfficialTitle,Phase,NCTId,LocationCity"));
    assertEquals(List.of("NCT Number", "Phases", "Locations", "OfficialTitle"), List.copyOf(pallas.keySet()));
    assertTrue(pallas.get("OfficialTitle").startsWith("PALbociclib CoLlaborative Adjuvant Study: A Randomized Phase III Trial"));
    // A path names the same field as its piece name, and is headed by that (the live piece name).
    assertEquals(List.of("NCT Number", "OrgStudyIdType"),
        csv("/api/v2/studies/NCT02513394?format=csv&fields="
            + q("protocolSection.identificationModule.nctId,protocolSection.identificationModule.orgStudyIdInfo.type")).get(0));
  }

  @Test
  void anUnknownTitleIsA400NamingIt() throws Exception {
    for (String path : List.of("/api/v2/studies?format=csv&fields=" + q("NCT Number,Study Titel"),
        "/api/v2/studies/NCT02513394?format=csv&fields=" + q("Study Titel"))) {
      HttpResponse<String> r = get(path);
      assertEquals(400, r.statusCode(), r::body);
      assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
      assertTrue(r.body().startsWith("Parameter 'fields' contains invalid field name: 'Study Titel'; with format=csv give"
          + " a column title (NCT Number, Study Title,"), r.body());
    }
    // Titles are the CSV's: the JSON answer takes piece names and paths only.
    assertEquals(400, get("/api/v2/studies?fields=" + q("Study Title")).statusCode());
  }

  @Test
  void aPageOfStudiesIsTheRowsEachStudyGivesOnItsOwn() throws Exception {
    List<List<String>> page = csv("/api/v2/studies?format=csv&pageSize=10&query.cond=" + q("lung cancer"));
    for (List<String> r : page.subList(1, page.size())) {
      List<List<String>> one = csv("/api/v2/studies/" + r.get(0) + "?format=csv");
      assertEquals(one.get(1), r, r.get(0));
    }
  }
}
