package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trialdex.app.AlertsSite;
import org.trialdex.store.Subscription;

/**
 * Watching a trial by e-mail in a real browser (issue #15): subscribe from the trial's page, confirm
 * by opening the link of the delivered mail, receive an alert when the record changes (the server's
 * own follower and delivery, as in production), and unsubscribe by the mail's link. Pages are
 * checked with axe-core and the Content-Security-Policy, and photographed at desktop and phone
 * widths. Skips when Chromium or chromedriver is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsBrowserTest {

  static final String TRIAL = "NCT09990001";
  static final String TITLE = "Stromal cells for lupus nephritis";

  private String absent;
  private AlertsSite site;
  private Chromium chromium;

  @BeforeAll
  void start(@TempDir Path dir) throws java.io.IOException {
    absent = Chromium.absent().orElse(null);
    if (absent != null) {
      System.err.println(absent);
      return;
    }
    site = new AlertsSite(dir.resolve("site"), "[" + AlertsSite.record(TRIAL, TITLE, "RECRUITING",
        List.of("Lupus Nephritis"), List.of("Charité|Berlin|Germany")) + "]", Clock.systemUTC(), false);
    site.alerts().start(); // follows the store and delivers in the background, as a server does
    chromium = Chromium.start(java.nio.file.Files.createDirectories(dir.resolve("browser")));
  }

  @AfterAll
  void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (site != null) {
      site.close();
    }
  }

  private void checkPage(String name) {
    assertEquals(List.of(), chromium.seriousAccessibilityViolations(), name);
    assertEquals(List.of(), chromium.contentSecurityPolicyReports(), name);
    chromium.screenshot("alerts-" + name, Chromium.DESKTOP);
    chromium.screenshot("alerts-" + name, Chromium.PHONE);
    chromium.width(Chromium.PHONE);
    assertTrue(chromium.scrollWidth() <= Chromium.PHONE, name + " scrolls sideways on a phone");
    chromium.width(Chromium.DESKTOP);
  }

  private WebElement h1() {
    return chromium.driver().findElement(By.tagName("h1"));
  }

  @Test
  void aPersonWatchesATrialByMailConfirmsHearsOfAChangeAndUnsubscribes() throws Exception {
    assumeTrue(absent == null, () -> absent);
    var driver = chromium.driver();

    chromium.open(site.base() + "/study/" + TRIAL);
    driver.findElement(By.linkText("Watch this trial")).click();
    chromium.waitForUrl("/alerts/watch/" + TRIAL);
    assertEquals("Watch this trial", h1().getText());
    checkPage("watch-form");
    // Status is ticked with the rest; e-mail is the first way offered.
    assertTrue(driver.findElement(By.cssSelector("input[name=rule][value=status]")).isSelected());
    assertTrue(driver.findElement(By.cssSelector("input[name=channel][value=email]")).isSelected());
    driver.findElement(By.id("email")).sendKeys("ana.lopez@example.org");
    driver.findElement(By.cssSelector("form.alerts button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"),
        "Check your e-mail"));
    String page = driver.findElement(By.tagName("main")).getText();
    assertTrue(page.contains("a•••@example.org"), page);
    assertTrue(!driver.getPageSource().contains("ana.lopez"), "the address is never shown back");
    checkPage("check-your-mail");

    MimeMessage confirmation = site.awaitMails(1).getFirst();
    String confirm = site.link(AlertsSite.text(confirmation), "/alerts/[A-Za-z0-9_-]{43}/confirm");
    chromium.open(confirm);
    assertEquals("Your alert", h1().getText());
    assertTrue(driver.findElement(By.cssSelector("p.notice")).getText().contains("Your address is confirmed"));
    checkPage("manage");

    site.importRecords("[" + AlertsSite.record(TRIAL, TITLE, "COMPLETED", List.of("Lupus Nephritis"),
        List.of("Charité|Berlin|Germany")) + "]");
    MimeMessage alert = site.awaitMails(2).get(1);
    String text = AlertsSite.text(alert);
    assertTrue(text.contains("Status: Recruiting → Completed"), text);

    chromium.open(site.link(text, "/study/" + TRIAL + "/history\\?from=1&to=2"));
    String history = driver.findElement(By.tagName("main")).getText();
    assertTrue(history.toLowerCase(java.util.Locale.ROOT).contains("completed"), history);

    chromium.open(site.link(text, "/alerts/[A-Za-z0-9_-]{43}/unsubscribe"));
    assertEquals("Unsubscribe", h1().getText());
    checkPage("unsubscribe");
    driver.findElement(By.cssSelector("form.alerts-inline button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"),
        "You are unsubscribed"));
    String token = confirm.replaceAll(".*/alerts/([^/]+)/confirm", "$1");
    Subscription ended = site.trialdex().store().subscriptions().byToken(token).orElseThrow();
    assertEquals(Subscription.State.UNSUBSCRIBED, ended.state());
    assertTrue(ended.email().isEmpty());
  }
}
