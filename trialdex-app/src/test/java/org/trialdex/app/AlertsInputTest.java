package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed and hostile input to the alert pages (issue #15): each is refused with a message that
 * says what is wrong, and nothing is subscribed or mailed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsInputTest {

  @TempDir
  static Path dir;

  static AlertsSite site;

  @BeforeAll
  static void serve() {
    site = new AlertsSite(dir, "[" + AlertsSite.record("NCT09990001", "Stromal cells for lupus nephritis",
        "RECRUITING", List.of("Lupus Nephritis"), List.of("Charité|Berlin|Germany")) + "]", Clock.systemUTC(), false);
  }

  @AfterAll
  static void stop() {
    if (site != null) {
      site.close();
    }
  }

  static void refused(HttpResponse<String> r, int status, String says) {
    assertEquals(status, r.statusCode(), r::body);
    assertTrue(r.body().contains(says), "expected '" + says + "' in:\n" + r.body());
  }

  HttpResponse<String> watch(String... namesAndValues) throws Exception {
    return site.post("/alerts/watch/NCT09990001", namesAndValues);
  }

  @Test
  void badAddressesAreRefusedAndNamed() throws Exception {
    refused(watch("rule", "status", "channel", "email", "email", "ana@"), 400,
        "'ana@' is not an e-mail address we can send to");
    refused(watch("rule", "status", "channel", "email", "email", "Ana <ana@example.org>"), 400,
        "is not an e-mail address we can send to");
    refused(watch("rule", "status", "channel", "email", "email", ""), 400, "give the e-mail address");
    assertEquals(0, site.mails().size());
  }

  @Test
  void badWebhookUrlsAreRefusedWithTheReason() throws Exception {
    refused(watch("rule", "status", "channel", "webhook", "webhookUrl", "ftp://example.org/in"), 400,
        "a webhook URL must start with https:// (or http://)");
    refused(watch("rule", "status", "channel", "webhook", "webhookUrl", "javascript:alert(1)"), 400,
        "a webhook URL must start with https://");
    refused(watch("rule", "status", "channel", "webhook", "webhookUrl", "http://127.0.0.1:8080/in"), 400,
        "is an internal address (127.0.0.1); this server posts only to public addresses");
    refused(watch("rule", "status", "channel", "webhook", "webhookUrl", "http://user:pw@example.org/in"), 400,
        "must not carry a user or password");
  }

  @Test
  void badChoicesAreRefusedAndNamed() throws Exception {
    refused(watch("rule", "status", "channel", "email", "email", "ana@example.org", "frequency", "hourly"), 400,
        "'hourly' is not a frequency; choose immediate, daily or weekly");
    refused(watch("rule", "status", "channel", "pigeon"), 400, "'pigeon' is not a way to hear");
    refused(watch("rule", "colour", "channel", "atom"), 400, "'colour' is not something a watch can follow");
    refused(watch("channel", "atom"), 400, "choose at least one thing to watch");
    refused(site.post("/alerts/follow", "search", "query.cond=lupus&pageSize=abc&filter.overallStatus=SLEEPING",
        "channel", "atom"), 400, "This search cannot be followed");
    refused(site.post("/alerts/follow", "search", "", "channel", "atom"), 400, "this search has no terms or filters");
  }

  @Test
  void anUnknownTrialIsNotFound() throws Exception {
    refused(site.get("/alerts/watch/NCT00000000"), 404, "There is no trial NCT00000000");
    refused(site.post("/alerts/watch/NCT00000000", "rule", "status", "channel", "atom"), 404,
        "There is no trial NCT00000000");
  }

  @Test
  void badTokensFindNothing() throws Exception {
    String unknown = "A".repeat(43);
    for (String path : List.of("/alerts/" + unknown, "/alerts/" + unknown + "/feed", "/alerts/" + unknown + "/confirm",
        "/alerts/" + unknown + "/unsubscribe", "/alerts/short", "/alerts/%3Cscript%3E/feed")) {
      refused(site.get(path), 404, "this alert link is not (or no longer) valid");
    }
    refused(site.post("/alerts/" + unknown + "/delete"), 404, "this alert link is not (or no longer) valid");
    refused(site.post("/alerts/" + unknown + "/unsubscribe", "List-Unsubscribe", "One-Click"), 404,
        "this alert link is not (or no longer) valid");
  }

  @Test
  void serveRefusesMailSettingsThatCannotWork() {
    Cli noSender = Cli.run("serve", "--data", dir.resolve("unused").toString(), "--smtp-host", "127.0.0.1",
        "--public-url", "https://trials.example.org");
    assertEquals(2, noSender.exitCode(), noSender::toString);
    assertTrue(noSender.err().contains("--smtp-host needs --mail-from"), noSender.err());
    Cli noUrl = Cli.run("serve", "--data", dir.resolve("unused").toString(), "--smtp-host", "127.0.0.1",
        "--mail-from", "alerts@trials.example.org");
    assertEquals(2, noUrl.exitCode(), noUrl::toString);
    assertTrue(noUrl.err().contains("--smtp-host needs --public-url"), noUrl.err());
    Cli badSecurity = Cli.run("serve", "--data", dir.resolve("unused").toString(), "--smtp-host", "127.0.0.1",
        "--smtp-security", "ssl3", "--mail-from", "alerts@trials.example.org", "--public-url", "https://t.example.org");
    assertEquals(2, badSecurity.exitCode(), badSecurity::toString);
    assertTrue(badSecurity.err().contains("the SMTP security must be none, starttls or tls, got 'ssl3'"),
        badSecurity.err());
    Cli badFrom = Cli.run("serve", "--data", dir.resolve("unused").toString(), "--smtp-host", "127.0.0.1",
        "--mail-from", "not-an-address", "--public-url", "https://t.example.org");
    assertEquals(2, badFrom.exitCode(), badFrom::toString);
    assertTrue(badFrom.err().contains("the sender address 'not-an-address' is not an e-mail address"), badFrom.err());
  }

  @Test
  @Order(Integer.MAX_VALUE) // last: it spends this client's allowance
  void aClientCanMakeOnlyAFewSubscriptionsAtOnce() throws Exception {
    for (int i = 0; i < 10; i++) { // refused requests spend nothing
      refused(watch("rule", "status", "channel", "email", "email", "not an address"), 400, "not an e-mail address");
    }
    int made = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 8; i++) {
      last = watch("rule", "status", "channel", "atom");
      if (last.statusCode() == 200) {
        made++;
      } else {
        break;
      }
    }
    assertEquals(5, made);
    refused(last, 429, "too many subscriptions from your address just now");
    assertTrue(last.headers().firstValue("Retry-After").isPresent());
  }
}
