package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through the system chromedriver (no Selenium Manager, no
 * downloads), for the browser tests: pages, whole-page screenshots at a given width, an axe-core
 * accessibility check (axe vendored from npm under {@code src/test/resources/vendor/axe-core},
 * see {@code scripts/vendor-web.sh}), printing to PDF, and the console's Content-Security-Policy
 * reports. One instance per test class; {@link #absent()} says why none can start.
 */
public final class Chromium implements AutoCloseable {

  /** Debian's Chromium and chromedriver; system properties override them (e.g. to check the skip). */
  public static final Path BINARY = Path.of(System.getProperty("trialdex.chromium", "/usr/bin/chromium"));
  public static final Path DRIVER = Path.of(System.getProperty("trialdex.chromedriver", "/usr/bin/chromedriver"));
  /** Where screenshots go, relative to the module: {@code target/screenshots/NAME-WIDTH.png}. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** The widths the issue asks pages to be looked at: a desktop window and a phone. */
  public static final int DESKTOP = 1280;
  public static final int PHONE = 390;

  private static final String AXE = "/vendor/axe-core/axe.min.js";

  private final ChromeDriverService service;
  private final ChromeDriver browser;

  private Chromium(ChromeDriverService service, ChromeDriver browser) {
    this.service = service;
    this.browser = browser;
  }

  /** Why the browser tests cannot run here (no Chromium, no chromedriver), or empty when they can. */
  public static Optional<String> absent() {
    if (!Files.isExecutable(BINARY)) {
      return Optional.of("browser tests skip: no Chromium at " + BINARY
          + " (apt-get install chromium; ./run-tests installs it when run as root)");
    }
    if (!Files.isExecutable(DRIVER)) {
      return Optional.of("browser tests skip: no chromedriver at " + DRIVER
          + " (apt-get install chromium-driver; ./run-tests installs it when run as root)");
    }
    return Optional.empty();
  }

  /** Starts a headless Chromium with a fresh profile under {@code dir}, its window 1280 px wide. */
  public static Chromium start(Path dir) {
    // Selenium warns that it has no DevTools bindings for this Chromium; the tests use WebDriver only.
    java.util.logging.Logger.getLogger("org.openqa.selenium.devtools").setLevel(java.util.logging.Level.SEVERE);
    // The driver is named, so Selenium Manager is never asked to find (or download) one.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .withLogFile(dir.resolve("chromedriver.log").toFile())
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    // Without the background-networking flags Chromium keeps trying hosts this closed network refuses.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=" + DESKTOP + ",1024",
        "--user-data-dir=" + dir.resolve("chromium-profile"));
    // The console, to find what the Content-Security-Policy blocked.
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return new Chromium(service, browser);
  }

  public ChromeDriver driver() {
    return browser;
  }

  /** Opens {@code url} and waits until the document has loaded. */
  public void open(String url) {
    browser.get(url);
    loaded();
  }

  /** Waits until the address holds {@code part} and the document has loaded. */
  public void waitForUrl(String part) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(part));
    loaded();
  }

  private void loaded() {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
  }

  /** Sets the window's width (CSS pixels), keeping its height. */
  public void width(int width) {
    Dimension window = browser.manage().window().getSize();
    browser.manage().window().setSize(new Dimension(width, window.getHeight()));
  }

  /**
   * Saves the whole page at {@code width} px to {@code target/screenshots/NAME-WIDTH.png}: the window
   * is made that wide and as tall as the document for the shot, then restored.
   */
  public Path screenshot(String name, int width) {
    Dimension window = browser.manage().window().getSize();
    browser.manage().window().setSize(new Dimension(width, window.getHeight()));
    long height = ((Number) browser.executeScript(
        "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")).longValue();
    browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 200, 16000)));
    File png = browser.getScreenshotAs(OutputType.FILE);
    browser.manage().window().setSize(window);
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + "-" + width + ".png");
      Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      byte[] head = Files.readAllBytes(target);
      assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G', "a PNG at " + target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page's width in CSS pixels as laid out: wider than the window means it scrolls sideways. */
  public long scrollWidth() {
    return ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
  }

  /** One rule axe-core found broken on the page: its id, impact, help text and the elements. */
  public record Violation(String id, String impact, String help, List<String> targets) {
    @Override
    public String toString() {
      return impact + " " + id + " (" + help + ") at " + targets;
    }
  }

  /**
   * Runs axe-core (WCAG 2.0/2.1 A and AA rules, best practices) over the page as it is now and
   * gives the violations of serious or critical impact. axe is added to the page through WebDriver,
   * which the page's Content-Security-Policy does not govern.
   */
  public List<Violation> seriousAccessibilityViolations() {
    browser.executeScript(axeSource());
    Object result = browser.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
                           resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
                                                  targets: v.nodes.map(n => n.target.join(' '))}))))
          .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), targets: []}]));
        """);
    List<Violation> out = new ArrayList<>();
    for (Object o : (List<?>) result) {
      Map<?, ?> v = (Map<?, ?>) o;
      String impact = String.valueOf(v.get("impact"));
      if (impact.equals("serious") || impact.equals("critical")) {
        out.add(new Violation(String.valueOf(v.get("id")), impact, String.valueOf(v.get("help")),
            ((List<?>) v.get("targets")).stream().map(String::valueOf).toList()));
      }
    }
    return out;
  }

  private static String axeSource() {
    try (InputStream in = Chromium.class.getResourceAsStream(AXE)) {
      if (in == null) {
        throw new IllegalStateException("axe-core is missing from the test resources at " + AXE + " (scripts/vendor-web.sh)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page printed to PDF by Chromium (A4 by default, as the print style sheet lays it out). */
  public byte[] printToPdf() {
    PrintOptions options = new PrintOptions();
    options.setBackground(false);
    return Base64.getDecoder().decode(browser.print(options).getContent());
  }

  /** The browser console's reports of what the Content-Security-Policy blocked since the last call. */
  public List<String> contentSecurityPolicyReports() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy")).toList();
  }

  @Override
  public void close() {
    try {
      browser.quit();
    } finally {
      service.stop();
    }
  }
}
