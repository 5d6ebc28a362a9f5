package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.trialdex.app.WebStore;
import org.trialdex.app.http.HttpServer;

/**
 * What the browser tests of the portal share: one headless Chromium per test class, and one server
 * over the page-test store shared by the classes that only read it ({@link WebStore#shared}), started
 * when the first class needs it and closed when the JVM ends. Each test skips, with the reason, when
 * Chromium or chromedriver is not installed; after each, nothing the page did may have been blocked
 * by the server's Content-Security-Policy (issue #12), as the browser's console tells.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PortalBrowser {

  protected Chromium chromium;
  protected ChromeDriver browser;
  /** {@code http://127.0.0.1:port} of the shared server. */
  protected String base;
  /** Why the browser tests skip, or null when Chromium and chromedriver are installed. */
  private String absent;

  @BeforeAll
  void startBrowser(@TempDir Path dir) {
    absent = Chromium.absent().orElse(null);
    if (absent != null) {
      System.err.println(absent);
      return;
    }
    base = Shared.BASE;
    chromium = Chromium.start(dir);
    browser = chromium.driver();
  }

  @BeforeEach
  void browserInstalled() {
    assumeTrue(absent == null, () -> absent);
  }

  @AfterEach
  void noContentSecurityPolicyViolations() {
    if (chromium != null) {
      List<String> blocked = chromium.contentSecurityPolicyReports();
      assertTrue(blocked.isEmpty(), () -> "the Content-Security-Policy blocked: " + blocked);
    }
  }

  @AfterAll
  void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  /** The server over the shared page-test store, started on first use (the holder idiom), closed at the JVM's end. */
  private static final class Shared {
    static final String BASE;

    static {
      HttpServer server = HttpServer.start(WebStore.shared(), "127.0.0.1", 0);
      BASE = "http://127.0.0.1:" + server.port();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "portal-browser-server"));
    }
  }
}
