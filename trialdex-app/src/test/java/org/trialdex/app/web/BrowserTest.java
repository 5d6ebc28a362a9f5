package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trialdex.app.Trialdex;
import org.trialdex.app.WebStore;
import org.trialdex.app.http.HttpServer;

/**
 * The portal in a real browser: Debian's headless Chromium driven through the system chromedriver
 * (no Selenium Manager, no downloads), against a real server on a free loopback port over the page
 * test store (sample, PALLAS, seed pages, MSC set). A user searches from the home page, narrows by a
 * facet, pages on, opens a study, and compares two versions of it. Screenshots of each page go to
 * {@code target/screenshots/} (the whole page, not just the window). Skips when Chromium or chromedriver is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {

  private static final Pattern FOUND = Pattern.compile("(\\d+) trials? found");
  /** The record with two versions: its seed page, then its registry record from the MSC set. */
  private static final String TWO_VERSIONS = "NCT03123458";

  private Trialdex trialdex;
  private HttpServer server;
  private Chromium chromium;
  private ChromeDriver browser;
  private String base;
  /** Why the browser tests skip, or null when Chromium and chromedriver are installed. */
  private String absent;

  @BeforeAll
  void start(@TempDir Path dir) {
    absent = Chromium.absent().orElse(null);
    if (absent != null) {
      System.err.println(absent);
      return;
    }
    trialdex = WebStore.build(dir);
    server = HttpServer.start(trialdex, "127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
    chromium = Chromium.start(dir);
    browser = chromium.driver();
  }

  /** Each test skips, with the reason, when the browser is not installed. */
  @BeforeEach
  void browserInstalled() {
    assumeTrue(absent == null, () -> absent);
  }

  /**
   * The pages work under the server's Content-Security-Policy (issue #12): nothing a page loads or
   * runs (its style sheet, its script, a form post) was blocked, as the browser's console tells.
   */
  @org.junit.jupiter.api.AfterEach
  void noContentSecurityPolicyViolations() {
    if (browser == null) {
      return;
    }
    List<String> blocked = chromium.contentSecurityPolicyReports();
    assertTrue(blocked.isEmpty(), () -> "the Content-Security-Policy blocked: " + blocked);
  }

  @AfterAll
  void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (server != null) {
      server.close();
    }
    if (trialdex != null) {
      trialdex.close();
    }
  }

  // --- the user's steps

  @Test
  void searchFromHomeThenNarrowByAFacet() {
    home();
    assertEquals("/", URI.create(browser.getCurrentUrl()).getPath());
    screenshot("home");
    search("graft versus host disease");
    URI url = URI.create(browser.getCurrentUrl());
    assertEquals("/search", url.getPath());
    assertTrue(decoded(url).contains("query.cond=graft versus host disease"), url::toString);
    assertEquals("graft versus host disease", browser.findElement(By.id("q-cond")).getDomProperty("value"));
    long total = total();
    assertTrue(total > 10, "more than one page of GvHD trials: " + total);
    List<WebElement> hits = browser.findElements(By.cssSelector("ol.hits > li"));
    assertEquals(10, hits.size());
    for (WebElement hit : hits) {
      assertTrue(hit.findElement(By.cssSelector("h3 a")).getAttribute("href").matches(".*/study/NCT\\d{8}"), hit::getText);
    }
    screenshot("search");

    // The recruitment-status facet: its counts add up to no more than the total, and the
    // Recruiting value's count is the total after clicking it.
    WebElement recruiting = facetLink("Recruitment status", "Recruiting");
    long recruitingCount = facetCount(recruiting);
    assertTrue(recruitingCount > 0 && recruitingCount < total, recruitingCount + " of " + total);
    long statusSum = facetValues("Recruitment status").stream().mapToLong(BrowserTest::facetCount).sum();
    assertTrue(statusSum <= total && statusSum > recruitingCount, statusSum + " vs " + total);

    recruiting.click();
    waitForUrl("aggFilters=status%3Arec");
    assertEquals(recruitingCount, total(), "the facet's count is the narrowed total");
    List<String> badges = browser.findElements(By.cssSelector("ol.hits .badge")).stream().map(WebElement::getText).toList();
    assertFalse(badges.isEmpty());
    assertTrue(badges.stream().allMatch("Recruiting"::equals), badges::toString);
    WebElement chosen = browser.findElement(By.xpath(
        "//aside[contains(@class,'facets')]//h3[.='Recruitment status']/following-sibling::ul[1]//strong[.='Recruiting']"));
    assertTrue(chosen.findElement(By.xpath("..")).getText().contains("(selected)"));
    assertEquals("graft versus host disease", browser.findElement(By.id("q-cond")).getDomProperty("value"));
    screenshot("search-recruiting");
  }

  @Test
  void narrowASearchByCellDosePerKgAndTrustSignalsThenRemoveAFilter() {
    home();
    search("graft versus host disease");
    long all = total();
    assertTrue(browser.findElements(By.xpath("//aside[contains(@class,'facets')]//h3[.='Cell type']")).size() == 1,
        "the cell type facet is named for people");
    // Doses of 1 to 10 million cells per kg, as the form's boxes take them.
    browser.findElement(By.id("q-dose-min")).sendKeys("1e6");
    browser.findElement(By.id("q-dose-max")).sendKeys("1x10^7");
    browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
    waitForUrl("doseMin=1e6");
    long dosed = total();
    assertTrue(dosed > 0 && dosed < all, dosed + " of " + all);
    assertEquals(List.of("Cell dose per kg: 1e6 to 1x10^7 cells Remove"), texts(By.cssSelector(".active-filters li")));
    assertEquals("1e6", browser.findElement(By.id("q-dose-min")).getDomProperty("value"));
    screenshot("search-cell-filters");

    // Hide the trials with any trust signal: fewer or as many, and both filters listed.
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("q-trust")))
        .selectByVisibleText("Hide trials with any trust signal");
    browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
    waitForUrl("trust=none");
    long plain = total();
    assertTrue(plain <= dosed, plain + " of " + dosed);
    assertEquals(2, texts(By.cssSelector(".active-filters li")).size());
    screenshot("search-cell-trust-filters");

    // Remove the dose: the trust choice stays.
    browser.findElement(By.cssSelector(".active-filters li:first-child a")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("doseMin"));
    assertEquals(List.of("Trust signals: hiding trials with any trust signal Remove"),
        texts(By.cssSelector(".active-filters li")));
    assertTrue(total() >= plain);
    assertEquals("", browser.findElement(By.id("q-dose-min")).getDomProperty("value"));
  }

  @Test
  void nextPageShowsTheFollowingHits() {
    home();
    search("graft versus host disease");
    long total = total();
    List<String> first = hitIds();
    assertEquals(10, first.size());
    WebElement next = browser.findElement(By.cssSelector("nav[aria-label=Pages] a[rel=next]"));
    assertEquals("Next page", next.getText());
    next.click();
    waitForUrl("pageToken=");
    URI url = URI.create(browser.getCurrentUrl());
    assertTrue(decoded(url).contains("query.cond=graft versus host disease"), url::toString);
    assertEquals(total, total(), "the total stays the same on page 2");
    List<String> second = hitIds();
    assertFalse(second.isEmpty());
    assertTrue(second.size() <= 10);
    assertTrue(second.stream().noneMatch(first::contains), () -> first + " then " + second);
    assertFalse(browser.findElements(By.linkText("First page")).isEmpty(), "page 2 links back to the first");
    screenshot("search-page2");
  }

  @Test
  void openAStudyThenCompareItsTwoVersions() {
    home();
    WebElement term = browser.findElement(By.id("q-term"));
    term.sendKeys(TWO_VERSIONS);
    term.submit();
    waitForUrl("/search");
    assertEquals(1, total());
    WebElement hit = browser.findElement(By.cssSelector("ol.hits > li h3 a"));
    assertEquals("Clonal Fetal Mesenchymal Stem Cells (cfMSCs) for the Control of Immune-related Disorders", hit.getText());
    hit.click();
    waitForUrl("/study/" + TWO_VERSIONS);
    assertEquals("/study/" + TWO_VERSIONS, URI.create(browser.getCurrentUrl()).getPath());
    assertEquals("Clonal Fetal Mesenchymal Stem Cells (cfMSCs) for the Control of Immune-related Disorders",
        browser.findElement(By.tagName("h1")).getText());
    // The sections this record has (no references, no investigators), in page order.
    assertEquals(List.of("Identification and status", "Cell therapy", "Brief summary", "Detailed description", "Conditions and keywords",
        "Study design", "Arms and interventions", "Outcome measures", "Eligibility", "Contacts and locations",
        "Sponsors and collaborators", "Other identifiers", "Record dates", "Results", "Related trials", "Conflicts and data quality"),
        texts(By.cssSelector("main h2")));
    assertTrue(section("s-status").getText().contains(TWO_VERSIONS), () -> section("s-status").getText());
    assertTrue(section("s-conditions").getText().contains("Immune Related Disorder"));
    assertTrue(section("s-design").getText().contains("Phase 1"));
    assertTrue(section("s-arms").getText().contains("clonal fetal MSCs"));
    assertTrue(section("s-outcomes").getText().contains("Number of participants with treatment-related adverse events"));
    assertTrue(section("s-eligibility").getText().contains("1 Year to 80 Years"));
    assertTrue(section("s-sponsors").getText().contains("Shenzhen Geno-Immune Medical Institute"));
    screenshot("study");

    WebElement history = browser.findElement(By.linkText("Version history"));
    assertTrue(section("s-status").getText().contains("(2 versions"), () -> section("s-status").getText());
    history.click();
    waitForUrl("/history");
    assertEquals("/study/" + TWO_VERSIONS + "/history", URI.create(browser.getCurrentUrl()).getPath());
    assertEquals("Version history of " + TWO_VERSIONS, browser.findElement(By.tagName("h1")).getText());
    assertEquals("2 versions", browser.findElement(By.cssSelector("h2 + div table caption")).getText());

    new Select(browser.findElement(By.id("from"))).selectByValue("1");
    new Select(browser.findElement(By.id("to"))).selectByValue("2");
    browser.findElement(By.xpath("//button[.='Compare']")).click();
    waitForUrl("to=2");
    URI url = URI.create(browser.getCurrentUrl());
    assertTrue(url.getQuery().contains("from=1") && url.getQuery().contains("to=2"), url::toString);
    assertTrue(texts(By.tagName("h2")).contains("Changes from version 1 to version 2"), () -> texts(By.tagName("h2")).toString());
    List<WebElement> rows = browser.findElements(By.cssSelector("table.diff tbody tr"));
    assertFalse(rows.isEmpty(), "the seed page and the registry record differ");
    Matcher caption = Pattern.compile("(\\d+) changed fields?")
        .matcher(browser.findElement(By.cssSelector("table.diff caption")).getText());
    assertTrue(caption.matches());
    assertEquals(rows.size(), Integer.parseInt(caption.group(1)));
    for (WebElement row : rows) {
      assertTrue(row.findElement(By.tagName("th")).getText().matches("(protocolSection|derivedSection|hasResults|resultsSection|documentSection)\\b.*"),
          row::getText);
      assertEquals(2, row.findElements(By.tagName("td")).size());
    }
    screenshot("history");

    // Swapping the versions reverses the comparison.
    new Select(browser.findElement(By.id("from"))).selectByValue("2");
    new Select(browser.findElement(By.id("to"))).selectByValue("1");
    browser.findElement(By.xpath("//button[.='Compare']")).click();
    waitForUrl("to=1");
    assertTrue(texts(By.tagName("h2")).contains("Changes from version 2 to version 1"));
    assertEquals(rows.size(), browser.findElements(By.cssSelector("table.diff tbody tr")).size());
  }

  @Test
  void aStudyWithResultsShowsEverySectionAndItsReferences() {
    browser.get(base + "/study/NCT02513394");
    assertEquals("PALbociclib CoLlaborative Adjuvant Study", browser.findElement(By.tagName("h1")).getText());
    assertEquals(List.of("Identification and status", "Brief summary", "Conditions and keywords", "Study design",
        "Arms and interventions", "Outcome measures", "Eligibility", "Contacts and locations", "Sponsors and collaborators",
        "Investigators", "References", "Other identifiers", "Record dates", "Results", "Related trials",
        "Conflicts and data quality"), texts(By.cssSelector("main h2")));
    assertTrue(section("s-design").getText().contains("5796 (actual)"), () -> section("s-design").getText());
    assertFalse(section("s-references").findElements(By.cssSelector("a[href^='https://pubmed.ncbi.nlm.nih.gov/']")).isEmpty());
    assertEquals(List.of("Participant flow", "Baseline characteristics", "Outcome measures", "Adverse events"),
        section("s-results").findElements(By.tagName("h3")).stream().map(WebElement::getText).toList());
    screenshot("study-results");
  }

  @Test
  void aStudyShowsItsCellTherapyPanelWithTheEvidenceMarked() {
    browser.get(base + "/study/NCT01763086");
    WebElement panel = section("s-cell");
    assertTrue(panel.isDisplayed());
    assertEquals("Cell therapy", panel.findElement(By.tagName("h2")).getText());
    String text = panel.getText();
    assertTrue(text.contains("Bone marrow") && text.contains("Third-party donor") && text.contains("1 × 10⁶ cells/kg")
        && text.contains("Intravenous") && text.contains("Not stated in the record"), text);
    List<WebElement> marks = panel.findElements(By.cssSelector("q mark.ct-evidence"));
    assertFalse(marks.isEmpty());
    assertTrue(marks.getFirst().isDisplayed());
    // Marked without colour too: bold and underlined.
    assertTrue(Integer.parseInt(marks.getFirst().getCssValue("font-weight")) >= 600, marks.getFirst().getCssValue("font-weight"));
    assertTrue(marks.getFirst().getCssValue("text-decoration-line").contains("underline"));
    assertFalse(section("s-arms").findElements(By.cssSelector("mark.ct-evidence[title^='Dose: ']")).isEmpty());
    screenshot("study-cell-therapy");

    // On a phone's width the panel's rows stack and nothing scrolls sideways.
    Dimension window = browser.manage().window().getSize();
    try {
      browser.manage().window().setSize(new Dimension(390, 900));
      long overflow = ((Number) browser.executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
      assertEquals(0, overflow, "the page scrolls sideways on a phone");
      WebElement th = panel.findElement(By.cssSelector("table.ct th"));
      WebElement td = panel.findElement(By.cssSelector("table.ct td"));
      assertTrue(td.getLocation().getY() > th.getLocation().getY(), "the value sits under its label");
      screenshot("study-cell-therapy-mobile");
    } finally {
      browser.manage().window().setSize(window);
    }
  }

  @Test
  void theLandscapeDrawsEveryChartWithTextLabelsThenFollowsASearch() {
    browser.get(base + "/landscape");
    assertEquals("Landscape of cell-therapy trials", browser.findElement(By.tagName("h1")).getText());
    long all = landscapeTotal();
    assertTrue(all > 500, "the MSC set's cell-therapy trials: " + all);
    screenshot("landscape");
    assertCharts();

    // From a search, the landscape of its trials: the same condition, fewer trials.
    home();
    search("graft versus host disease");
    browser.findElement(By.linkText("See the landscape of these trials")).click();
    waitForUrl("/landscape");
    assertTrue(decoded(URI.create(browser.getCurrentUrl())).contains("query.cond=graft versus host disease"));
    assertEquals("graft versus host disease", browser.findElement(By.id("q-cond")).getDomProperty("value"));
    long gvhd = landscapeTotal();
    assertTrue(gvhd > 10 && gvhd < all, gvhd + " of " + all);
    screenshot("landscape-gvhd");
    assertCharts();

    // A search nothing matches says so instead of drawing empty charts.
    WebElement cond = browser.findElement(By.id("q-cond"));
    cond.clear();
    cond.sendKeys("zzqxwv");
    browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
    waitForUrl("zzqxwv");
    assertEquals(0, landscapeTotal());
    assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().startsWith("No trials match this search"));
    assertTrue(browser.findElements(By.cssSelector("svg.chart")).isEmpty());
  }

  private long landscapeTotal() {
    Matcher m = Pattern.compile("(\\d+) cell-therapy trials? match").matcher(browser.findElement(By.id("landscape-total")).getText());
    assertTrue(m.matches(), browser.findElement(By.id("landscape-total")).getText());
    return Long.parseLong(m.group(1));
  }

  /** Every chart is an SVG with a title, a label and a value per bar, and a CSV link. */
  private void assertCharts() {
    List<WebElement> sections = browser.findElements(By.cssSelector("section.chart"));
    assertEquals(List.of("start-year-phase", "source", "donor", "route", "condition-group", "country", "dose-per-kg", "dose-total"),
        sections.stream().map(e -> e.getAttribute("id")).toList());
    for (WebElement section : sections) {
      List<WebElement> svg = section.findElements(By.cssSelector("svg.chart"));
      assertEquals(1, svg.size(), section.getAttribute("id"));
      assertFalse(svg.getFirst().findElement(By.tagName("title")).getAttribute("textContent").isBlank());
      List<WebElement> labels = svg.getFirst().findElements(By.cssSelector("text.label"));
      List<WebElement> values = svg.getFirst().findElements(By.cssSelector("text.value"));
      assertFalse(labels.isEmpty(), section.getAttribute("id"));
      assertEquals(labels.size(), values.size());
      assertTrue(labels.stream().noneMatch(l -> l.getText().isBlank()));
      assertTrue(values.stream().allMatch(v -> v.getText().matches("\\d+")));
      assertTrue(section.findElement(By.linkText("Download this chart as CSV")).getAttribute("href")
          .contains("/api/landscape/" + section.getAttribute("id") + ".csv"));
    }
  }

  // --- helpers

  private void home() {
    browser.get(base + "/");
    assertTrue(browser.findElement(By.tagName("h1")).isDisplayed());
  }

  private void search(String condition) {
    WebElement cond = browser.findElement(By.id("q-cond"));
    cond.clear();
    cond.sendKeys(condition);
    browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
    waitForUrl("/search");
  }

  private void waitForUrl(String part) {
    chromium.waitForUrl(part);
  }

  private long total() {
    String text = browser.findElement(By.id("h-results")).getText();
    Matcher m = FOUND.matcher(text);
    assertTrue(m.matches(), text);
    return Long.parseLong(m.group(1));
  }

  private List<String> hitIds() {
    return browser.findElements(By.cssSelector("ol.hits > li h3 a")).stream()
        .map(a -> a.getAttribute("href").replaceAll(".*/study/", ""))
        .toList();
  }

  private List<WebElement> facetValues(String facet) {
    return browser.findElements(By.xpath(
        "//aside[contains(@class,'facets')]//h3[.='" + facet + "']/following-sibling::ul[1]/li"));
  }

  private WebElement facetLink(String facet, String value) {
    return browser.findElement(By.xpath(
        "//aside[contains(@class,'facets')]//h3[.='" + facet + "']/following-sibling::ul[1]/li/a[.='" + value + "']"));
  }

  /** The count shown after a facet value (the link itself or its list item). */
  private static long facetCount(WebElement valueOrItem) {
    WebElement item = valueOrItem.getTagName().equals("li") ? valueOrItem : valueOrItem.findElement(By.xpath(".."));
    return Long.parseLong(item.findElement(By.cssSelector("span.muted")).getText().trim());
  }

  private WebElement section(String headingId) {
    return browser.findElement(By.cssSelector("section[aria-labelledby=" + headingId + "]"));
  }

  private List<String> texts(By by) {
    return browser.findElements(by).stream().map(WebElement::getText).toList();
  }

  @Test
  void matchANoteThenABundleAndOpenATrialWithItsCriteriaMarked() throws IOException {
    browser.get(base + "/match");
    // The note tab: type the note as a physician would.
    browser.findElement(By.xpath("//summary[.='Clinical note']")).click();
    WebElement note = browser.findElement(By.id("note"));
    note.sendKeys(org.trialdex.app.MatchTest.GVHD_NOTE);
    WebElement noteForm = note.findElement(By.xpath("./ancestor::form"));
    noteForm.findElement(By.cssSelector("input[name=openOnly]")).click(); // closed trials too: the test store is mostly closed
    noteForm.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.matches > li")));
    List<WebElement> cards = browser.findElements(By.cssSelector("ol.matches > li"));
    assertFalse(cards.isEmpty());
    assertTrue(browser.findElement(By.cssSelector("ul.understood")).getText().contains("Age 34"));
    assertTrue(cards.getFirst().findElement(By.cssSelector(".badge.verdict")).getText().matches("Eligible|Possibly eligible|Not eligible"));
    cards.getFirst().findElement(By.tagName("summary")).click(); // open "Every criterion"
    assertFalse(cards.getFirst().findElements(By.cssSelector("ul.verdicts li .mark")).isEmpty());
    screenshot("match-note");

    // Open the first trial: its criteria carry the marks, from the link's fragment.
    String href = cards.getFirst().findElement(By.cssSelector("h3 a")).getAttribute("href");
    assertTrue(href.matches(".*/study/NCT\\d{8}#match=[MNUAX]+"), href);
    browser.get(href);
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("match-legend")));
    List<WebElement> marked = browser.findElements(By.cssSelector("li[data-criterion] .mark"));
    assertEquals(browser.findElements(By.cssSelector("li[data-criterion]")).size(), marked.size(), "every criterion marked");
    screenshot("match-study-marked");

    // The FHIR tab: paste a bundle (set through the DOM: typing 20 kB of JSON key by key is slow).
    browser.get(base + "/match");
    browser.findElement(By.xpath("//summary[.='FHIR R4 bundle']")).click();
    WebElement fhir = browser.findElement(By.id("fhir"));
    browser.executeScript("arguments[0].value = arguments[1];", fhir, Files.readString(Path.of("..", "trialdex-ingest", "src", "test",
        "resources", "fhir", "msc-gvhd.json")));
    WebElement fhirForm = fhir.findElement(By.xpath("./ancestor::form"));
    fhirForm.findElement(By.cssSelector("input[name=openOnly]")).click();
    fhirForm.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.matches > li")));
    String understood = browser.findElement(By.cssSelector("ul.understood")).getText();
    assertTrue(understood.contains("GVHD"), understood);
    screenshot("match-fhir");
  }

  private static String decoded(URI url) {
    return URLDecoder.decode(url.getRawQuery(), StandardCharsets.UTF_8);
  }

  /** Saves the whole page at the desktop width. */
  private void screenshot(String name) {
    chromium.screenshot(name, Chromium.DESKTOP);
  }
}
