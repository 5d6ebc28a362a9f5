package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The record and history pages in a real browser (issue #15), over the page-test store: the "Can
 * I take part?" box shows, the researchers' toggle opens, a record prints to a PDF of a few pages
 * that names its address, and each page at 1280 and 390 px wide has no serious accessibility
 * violation (axe-core) and does not scroll sideways on a phone. Screenshots go to
 * {@code target/screenshots/record-*}, PDFs to {@code target/prints/}. Skips when Chromium or
 * chromedriver is not installed.
 */
class RecordBrowserTest extends PortalBrowser {

  private static final Path PRINTS = Path.of("target", "prints");
  /** A PDF's pages: one {@code /Type /Page} dictionary each ({@code /Pages} is the tree). */
  private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");

  @Test
  void theSummaryShowsFirstAndTheResearchersToggleOpens() {
    // Seed 002's trial: a central contact with a phone; a seed page and the registry's fields as sources.
    chromium.open(base + "/study/NCT03219801");
    List<WebElement> h2 = browser.findElements(By.cssSelector("main h2"));
    assertEquals("Can I take part?", h2.get(0).getText());
    WebElement box = browser.findElement(By.id("s-take-part")).findElement(By.xpath(".."));
    assertTrue(box.isDisplayed());
    assertTrue(box.getText().contains("Unknown: the sponsor has not confirmed the trial's status for more than two years"), box::getText);
    assertTrue(box.getText().contains("From 14 years to 60 years old"), box::getText);
    WebElement phone = box.findElement(By.cssSelector("a[href^='tel:']"));
    assertEquals("86-311-85917384", phone.getText());
    // The box's link to the criteria lands on the eligibility section.
    box.findElement(By.linkText("Read the full eligibility criteria")).click();
    chromium.waitForUrl("#s-eligibility");

    WebElement toggle = browser.findElement(By.cssSelector("details.for-researchers"));
    WebElement sources = toggle.findElement(By.tagName("ul"));
    assertFalse(sources.isDisplayed(), "the researchers' part starts folded");
    toggle.findElement(By.tagName("summary")).click();
    assertTrue(sources.isDisplayed(), "the toggle opens");
    assertTrue(sources.getText().contains("002_af3d16ab93fc7196.txt"), sources::getText);
    assertFalse(toggle.getText().contains("/work/"), "no server path");
  }

  @Test
  void aRecordPrintsToAFewPagesThatNameItsAddress() throws IOException {
    Files.createDirectories(PRINTS);
    for (String id : List.of("NCT02513394", "NCT03123458")) {
      chromium.open(base + "/study/" + id);
      assertFalse(browser.findElement(By.cssSelector("footer.printed")).isDisplayed(), "the print footer is for paper only");
      byte[] pdf = chromium.printToPdf();
      Files.write(PRINTS.resolve(id + ".pdf"), pdf);
      String raw = new String(pdf, StandardCharsets.ISO_8859_1);
      assertTrue(raw.startsWith("%PDF-"), id);
      int pages = count(PAGE.matcher(raw));
      System.out.println(id + " prints on " + pages + " A4 pages");
      // PALLAS (437 sites, 2,029 adverse events, 5 outcomes with results) and a seed: a few pages,
      // not the hundreds the unfolded lists would take.
      assertTrue(pages >= 1 && pages <= (id.equals("NCT02513394") ? 14 : 8), id + ": " + pages + " pages");
      // The footer's address is a link, which Chromium keeps as a URI annotation in the PDF.
      assertTrue(raw.contains("(" + base + "/study/" + id + ")"), id + ": the page's address is in the PDF");
    }
  }

  @Test
  void recordAndHistoryPagesAtDesktopAndPhoneWidths() {
    List<String> pages = List.of("/study/NCT02513394", "/study/NCT03123458", "/study/NCT03123458/history",
        "/study/NCT03123458/history?from=1&to=2");
    List<String> names = List.of("record-pallas", "record-seed000", "record-history", "record-history-views");
    for (int i = 0; i < pages.size(); i++) {
      chromium.open(base + pages.get(i));
      for (int width : List.of(Chromium.DESKTOP, Chromium.PHONE)) {
        chromium.width(width);
        List<Chromium.Violation> serious = chromium.seriousAccessibilityViolations();
        String page = pages.get(i);
        assertTrue(serious.isEmpty(), () -> page + " at " + width + ": " + serious);
        if (width == Chromium.PHONE) {
          // Nothing makes the page itself scroll sideways on a phone (wide tables scroll in their box).
          assertTrue(chromium.scrollWidth() <= Chromium.PHONE, () -> page + " is " + chromium.scrollWidth() + " px wide");
        }
        chromium.screenshot(names.get(i), width);
      }
      chromium.width(Chromium.DESKTOP);
    }
  }

  private static int count(Matcher m) {
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
