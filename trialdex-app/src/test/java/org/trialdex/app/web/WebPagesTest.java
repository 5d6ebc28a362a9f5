package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.Trialdex;
import org.trialdex.app.WebStore;

/**
 * The portal's pages rendered from a real store (sample, PALLAS, seed pages, MSC set) and read back
 * with jsoup. Each page is also saved to {@code target/pages/} to look at.
 */
class WebPagesTest {

  private static final Path PAGES = Path.of("target", "pages");

  @TempDir static Path dir;
  static Trialdex t;

  @BeforeAll
  static void store() {
    t = WebStore.build(dir);
  }

  @AfterAll
  static void close() {
    if (t != null) {
      t.close();
    }
  }

  private static Document page(String name, ChunkedBody body) {
    return page(name, body.text());
  }

  private static Document page(String name, String html) {
    try {
      Files.createDirectories(PAGES);
      Files.writeString(PAGES.resolve(name + ".html"), html);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Document doc = Jsoup.parse(html);
    assertEquals(1, doc.select("h1").size(), name + ": one h1");
    assertFalse(doc.select("meta[name=viewport]").isEmpty(), name + ": viewport");
    headingsInOrder(name, doc);
    labelledInputs(name, doc);
    return doc;
  }

  private static Document study(String id) {
    return page(id, WebPages.study(t, id));
  }

  private static void headingsInOrder(String name, Document doc) {
    int previous = 0;
    for (Element h : doc.select("h1, h2, h3, h4, h5, h6")) {
      int level = h.tagName().charAt(1) - '0';
      assertTrue(level <= previous + 1, () -> name + ": heading " + h + " skips a level");
      assertFalse(h.text().isBlank(), () -> name + ": empty heading " + h);
      previous = level;
    }
  }

  private static void labelledInputs(String name, Document doc) {
    for (Element input : doc.select("input:not([type=hidden]), select")) {
      assertFalse(doc.select("label[for=" + input.id() + "]").isEmpty(), () -> name + ": no label for " + input);
    }
  }

  /** The section whose h2 says {@code heading}; fails when there is none. */
  private static Element section(Document doc, String heading) {
    for (Element h2 : doc.select("h2")) {
      if (h2.text().equals(heading)) {
        return h2.parent();
      }
    }
    throw new AssertionError("no section \"" + heading + "\" among " + doc.select("h2").eachText());
  }

  private static void has(Element e, String... texts) {
    for (String text : texts) {
      assertTrue(e.text().contains(text), () -> "\"" + text + "\" missing from: " + e.text());
    }
  }

  @Test
  void pallasShowsEverySectionWithItsKeyValues() {
    Document doc = study("NCT02513394");
    assertEquals("PALbociclib CoLlaborative Adjuvant Study", doc.selectFirst("h1").text());
    // PALLAS has no detailed description, so that section (and its heading) is absent.
    assertEquals(List.of("Identification and status", "Brief summary", "Conditions and keywords",
        "Study design", "Arms and interventions", "Outcome measures", "Eligibility", "Contacts and locations",
        "Sponsors and collaborators", "Investigators", "References", "Other identifiers", "Record dates", "Results",
        "Related trials", "Conflicts and data quality"), doc.select("h2").eachText());
    has(section(doc, "Identification and status"), "NCT02513394", "Recruitment status", "Last update posted", "First posted");
    Element design = section(doc, "Study design");
    assertEquals("5796 (actual)", design.select("tr:has(th:contains(Enrollment)) td").text());
    Element outcomes = section(doc, "Outcome measures");
    assertEquals(List.of("Primary outcomes", "Secondary outcomes"), outcomes.select("caption").eachText());
    assertTrue(outcomes.select("td").eachText().contains("4 years"), outcomes::text);
    Element results = section(doc, "Results");
    assertEquals(List.of("Participant flow", "Baseline characteristics", "Outcome measures", "Adverse events"),
        results.select("h3").eachText());
    Element serious = results.select("table:has(caption:containsOwn(Serious adverse events))").first();
    assertTrue(serious != null && serious.select("tbody th").eachText().stream().anyMatch(s -> s.startsWith("Febrile neutropenia")),
        () -> "no serious-event table with Febrile neutropenia");
    has(section(doc, "Eligibility"), "Inclusion criteria", "Exclusion criteria", "Sexes");
    assertFalse(section(doc, "References").select("a[href^=https://pubmed.ncbi.nlm.nih.gov/]").isEmpty());
    assertTrue(doc.select("a[href=/study/NCT02513394/history]").size() == 1);
  }

  @Test
  void seedNCT03123458ShowsWhatItsPageShows() {
    Document doc = study("NCT03123458");
    assertEquals("Clonal Fetal Mesenchymal Stem Cells (cfMSCs) for the Control of Immune-related Disorders", doc.selectFirst("h1").text());
    has(section(doc, "Identification and status"), "Unknown", "2017-04-21", "2018-02-26");
    has(section(doc, "Conditions and keywords"), "Immune Related Disorder", "Tissue Damage");
    has(section(doc, "Study design"), "Interventional", "Phase 1", "100", "Single group assignment", "Treatment");
    has(section(doc, "Arms and interventions"), "Single arm, cfMSC to treat immune disorders", "clonal fetal MSCs");
    has(section(doc, "Outcome measures"), "Number of participants with treatment-related adverse events", "up to one month",
        "after 1 month from fMSC infusion");
    has(section(doc, "Eligibility"), "1 Year to 80 Years", "All", "Accepts healthy volunteers");
    has(section(doc, "Sponsors and collaborators"), "Shenzhen Geno-Immune Medical Institute");
  }

  @Test
  void seedNCT01763086TypesetsTheDoseWithASuperscript() {
    Document doc = study("NCT01763086");
    assertEquals("Mesenchymal Stem Cells for Treatment of Poor Graft Function After Allogeneic Hematopoietic Stem Cell Transplant",
        doc.selectFirst("h1").text());
    Element arms = section(doc, "Arms and interventions");
    assertTrue(arms.html().contains("1×10<sup>6</sup>"), arms::html);
    assertFalse(arms.text().contains("^"), arms::text);
    has(section(doc, "Identification and status"), "Unknown");
    has(section(doc, "Study design"), "Phase 2", "60", "Single group assignment", "Treatment");
    Element elig = section(doc, "Eligibility");
    has(elig, "14 Years to 65 Years", "All", "No");
    assertTrue(elig.select("h3:contains(Inclusion criteria) + ul li").eachText().contains("Poor graft function developing after allo-HSCT"),
        elig::html);
    // The page lists the lead sponsor as "Nanfang Hospital, Southern Medical University"; the
    // registry record, which the merge prefers, spells it with "of".
    has(section(doc, "Sponsors and collaborators"), "Peking University People's Hospital", "Nanfang Hospital of Southern Medical University");
    has(section(doc, "Investigators"), "Qifa Liu", "Principal investigator");
    has(section(doc, "Contacts and locations"), "Nanfang Hospital", "Guangzhou");
    // The page drops accents ("Sanchez-Guijo"); the registry record keeps them.
    has(section(doc, "References"), "Guijo FM", "Meuleman N", "PubMed 22023454");
    has(section(doc, "Other identifiers"), "NFH-MSC-allo-HSCT-2013");
    has(section(doc, "Results"), "No results posted");
  }

  @Test
  void seedNCT00953485ListsTheAgeConflicts() {
    Document doc = study("NCT00953485");
    has(doc.selectFirst("h1"), "Sjögren");
    Element quality = section(doc, "Conflicts and data quality");
    List<String> fields = quality.select("table tbody th").eachText();
    assertTrue(fields.contains("protocolSection.eligibilityModule.minimumAge"), fields::toString);
    assertTrue(fields.contains("protocolSection.eligibilityModule.maximumAge"), fields::toString);
    has(quality, "13 Years", "15 Years");
    has(section(doc, "Outcome measures"), "Sjögren's syndrome disease activity index", "Monthly");
    has(section(doc, "Investigators"), "Lingyun Sun");
    has(section(doc, "Contacts and locations"), "Nanjing", "Recruiting");
  }

  @Test
  void seedNCT03219801ShowsWhatItsPageShows() {
    Document doc = study("NCT03219801");
    assertEquals("Umbilical Cord Derived Mesenchymal Stem Cells Therapy in Systemic Lupus Erythematosus", doc.selectFirst("h1").text());
    has(section(doc, "Identification and status"), "Unknown", "2017-08", "2019-12");
    has(section(doc, "Brief summary"), "human umbilical cord derived mesenchymal stem cells transplantation");
    has(section(doc, "Conditions and keywords"), "Systemic Lupus Erythematosus");
    has(section(doc, "Study design"), "Interventional", "Early phase 1", "10", "Single group assignment", "Treatment");
    has(section(doc, "Arms and interventions"), "mesenchymal stem cells", "100-300 million allogeneic human umbilical cord");
    Element elig = section(doc, "Eligibility");
    has(elig, "14 Years to 60 Years", "All", "No", "Age from 14 to 60 years", "Pregnancy and breastfeeding women.");
    has(section(doc, "Sponsors and collaborators"), "Hebei Medical University");
    has(section(doc, "Investigators"), "Baoyong Yan", "Xiaohui Jia", "Bojian Sun");
    has(section(doc, "Contacts and locations"), "First Hospital of Hebei Medical University", "Shijiazhuang", "Jun Zhang",
        "86-311-85917384");
    has(section(doc, "Other identifiers"), "17277787D-SLE");
  }

  @Test
  void seedNCT06321198AloneIsTheRecord() {
    Document doc = study("NCT06321198");
    has(doc.selectFirst("h1"), "iMesenchymal Stromal Cells");
    has(section(doc, "Identification and status"), "Recruiting");
    has(section(doc, "Conditions and keywords"), "Steroid-refractory Acute Graft-versus-host Disease");
    has(section(doc, "Study design"), "Interventional", "12");
    has(section(doc, "Outcome measures"), "Dose-Limiting Toxicity", "4 weeks after initial infusion", "100 days after initial infusion");
    has(section(doc, "Sponsors and collaborators"), "Anhui Provincial Hospital");
    has(section(doc, "Contacts and locations"), "Hefei", "Zhu Xiaoyu");
  }

  @Test
  void searchShowsHitsFacetsSortingPagingAndDownloads() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("query.cond", List.of("graft versus host disease"));
    Document doc = page("search-gvhd", WebPages.search(t, params));
    assertEquals(10, doc.select("ol.hits > li").size());
    assertTrue(doc.selectFirst("h2#h-results").text().matches("\\d+ trials found"), doc.selectFirst("h2#h-results")::text);
    assertFalse(doc.select("aside.facets h3:contains(Recruitment status) + ul a[href*=aggFilters=status%3A]").isEmpty(), doc::html);
    Element next = doc.selectFirst("a[rel=next]");
    assertTrue(next != null && next.attr("href").endsWith("&page=2"), "next page link");
    assertTrue(next.attr("href").startsWith("/search?query.cond=graft+versus+host+disease"), next.attr("href"));
    assertEquals("1", doc.selectFirst("nav.pages [aria-current=page]").text());
    assertNull(doc.selectFirst("a[rel=prev]"), "no previous page on the first");
    assertFalse(doc.select("a[href^=/feed?query.cond=]").isEmpty());
    assertFalse(doc.select("a[href^=/search/download.csv?query.cond=][href$=columns=shown]").isEmpty());
    assertFalse(doc.select("a[href^=/search/download.csv?query.cond=]:not([href*=columns])").isEmpty());
    assertFalse(doc.select("nav[aria-label=Sort] a[href*=sort=LastUpdatePostDate]").isEmpty());
    assertEquals("Relevance", doc.selectFirst("nav[aria-label=Sort] [aria-current]").text());
    assertEquals("graft versus host disease", doc.selectFirst("input[name=query.cond]").val());

    // Following the facet link narrows the search; the chosen value shows as selected.
    String facet = doc.selectFirst("aside.facets a[href*=aggFilters=status%3Arec]").attr("href");
    Map<String, List<String>> narrowed = new LinkedHashMap<>(params);
    narrowed.put("aggFilters", List.of("status:rec"));
    assertTrue(facet.contains("aggFilters=status%3Arec"), facet);
    Document recruiting = page("search-gvhd-recruiting", WebPages.search(t, narrowed));
    assertTrue(recruiting.select("ol.hits .badge.status").eachText().stream().allMatch("Recruiting"::equals));
    // Chosen: ticked, its link takes it away; the chip says it too.
    Element chosen = recruiting.selectFirst("aside.facets a.facet.on:contains(Recruiting)");
    assertNotNull(chosen);
    assertEquals("/search?query.cond=graft+versus+host+disease", chosen.attr("href"));
    assertEquals("Recruitment status: Recruiting ×", recruiting.selectFirst(".chips li.chip:contains(Recruiting)").text());
    assertEquals("status:rec", recruiting.selectFirst("input[type=hidden][name=aggFilters]").val());
  }

  @Test
  void aPlaceAsCentreShowsEachTrialsNearestSite() {
    Document doc = page("search-near", WebPages.search(t, Map.of("near", List.of("Beijing"), "nearDistance",
        List.of("25mi"))));
    assertTrue(doc.select("[role=alert]").isEmpty(), doc.select("[role=alert]").text());
    List<String> lines = doc.select("ol.hits > li").eachText();
    assertFalse(lines.isEmpty(), "trials near Beijing");
    assertTrue(lines.stream().allMatch(l -> l.contains("Nearest site:") && l.contains("Beijing")), lines::toString);
    // The map: the circle of the search and a dot per site within it, at least one per trial.
    assertEquals(1, doc.select("figure.site-map svg circle.radius").size());
    assertTrue(doc.select("figure.site-map svg circle.site").size() >= lines.size(), doc.select("figure.site-map").outerHtml());
    assertTrue(doc.select("figure.site-map svg path.land").size() > 0, "China's outline at least");
    assertEquals("Beijing", doc.selectFirst("input[name=near]").val());
    assertEquals("25mi", doc.selectFirst("select[name=nearDistance] option[selected]").val());
    Document unknown = page("search-near-unknown", WebPages.search(t, Map.of("near", List.of("Qwxzy"))));
    has(unknown.selectFirst("[role=alert]"), "Qwxzy");
  }

  @Test
  void anAgeKeepsTheTrialsThatTakeSomeoneThatOld() {
    Document doc = page("search-age", WebPages.search(t, Map.of("query.cond", List.of("lupus"), "age", List.of("67"))));
    Document all = page("search-age-all", WebPages.search(t, Map.of("query.cond", List.of("lupus"))));
    int withAge = Integer.parseInt(doc.selectFirst("#h-results").text().split(" ")[0]);
    int without = Integer.parseInt(all.selectFirst("#h-results").text().split(" ")[0]);
    assertTrue(withAge > 0 && withAge < without, withAge + " of " + without);
    assertEquals("67", doc.selectFirst("input[name=age]").val());
    Document bad = page("search-age-bad", WebPages.search(t, Map.of("age", List.of("sixty"))));
    has(bad.selectFirst("[role=alert]"), "whole number of years");
  }

  @Test
  void aBadSearchParameterIsShownAsAMessage() {
    Document doc = page("search-error", WebPages.search(t, Map.of("aggFilters", List.of("status:bogus"))));
    has(doc.selectFirst("[role=alert]"), "bogus");
    assertTrue(doc.select("ol.hits").isEmpty());
  }

  @Test
  void homeHasTheSearchBoxCountsAndCommonSearches() {
    Document doc = page("home", WebPages.home(t));
    assertFalse(doc.select("form[action=/search] input[name=query.cond]").isEmpty());
    assertFalse(doc.select("form[action=/search] input[name=query.locn]").isEmpty());
    has(doc.selectFirst("table caption"), String.valueOf(t.store().counts().studies()));
    assertFalse(doc.select("a[href=/search?filter.overallStatus=RECRUITING]").isEmpty());
    assertTrue(doc.select("a").eachText().contains("Lupus"));
  }

  @Test
  void historyListsVersionsAndTheChangedFields() {
    Document doc = page("NCT01763086-history", WebPages.history(t, "NCT01763086", Optional.empty(), Optional.empty()));
    assertEquals(2, doc.select("h2:contains(Versions) + div tbody tr").size());
    List<String> paths = doc.select("table.diff tbody th").eachText();
    assertTrue(paths.contains("protocolSection.eligibilityModule.eligibilityCriteria"), paths::toString);
    assertTrue(paths.stream().anyMatch(p -> p.startsWith("protocolSection.armsInterventionsModule.armGroups[")), paths::toString);
    Document reversed = page("NCT01763086-history-2-1", WebPages.history(t, "NCT01763086", Optional.of(2), Optional.of(1)));
    has(reversed.selectFirst("h2:contains(Changes)"), "from version 2 to version 1");
  }

  @Test
  void markupInRecordsIsEscaped() {
    String html = WebPages.study(t, WebStore.SCRIPT_ID).text();
    page(WebStore.SCRIPT_ID, html);
    Document doc = Jsoup.parse(html);
    // The page's own script (it marks a match's verdicts from the link's fragment) is the only one.
    // With the layout's own (it folds the filters on a phone).
    assertTrue(doc.select("script:not(#match-marks):not(#portal)").isEmpty(), "no script element from the record");
    assertTrue(doc.select("main b").isEmpty(), "no b element from the record");
    assertEquals(WebStore.SCRIPT_TITLE, doc.selectFirst("h1").text());
    assertTrue(html.contains("&lt;script&gt;"), "title escaped");
  }

  @Test
  void unknownIdsAreNotFound() {
    NotFound e = assertThrows(NotFound.class, () -> WebPages.study(t, "NCT00000000"));
    assertEquals("NCT00000000", e.id());
    assertThrows(NotFound.class, () -> WebPages.history(t, "NCT00000000", Optional.empty(), Optional.empty()));
    assertThrows(NotFound.class, () -> WebPages.history(t, "NCT01763086", Optional.of(1), Optional.of(99)));
  }
}
