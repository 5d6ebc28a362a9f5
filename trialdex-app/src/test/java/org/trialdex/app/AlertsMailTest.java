package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.store.Alert;
import org.trialdex.store.Subscription;
import org.trialdex.store.testing.TestClock;

/**
 * E-mail alerts end to end (issue #15), through a real SMTP server on loopback: double opt-in by
 * the link in the delivered mail, alerts in words after a record changes, one-click unsubscribe
 * (RFC 8058), digests by the clock, and each alert delivered once across failures and restarts.
 */
class AlertsMailTest {

  static final String TRIAL = "NCT09990001";
  static final String TITLE = "Stromal cells for lupus nephritis";
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir
  Path dir;

  final TestClock clock = new TestClock(T0);
  AlertsSite site;

  @BeforeEach
  void serve() {
    site = new AlertsSite(dir, "[" + AlertsSite.record(TRIAL, TITLE, "RECRUITING", List.of("Lupus Nephritis"),
        List.of("Charité|Berlin|Germany", "Karolinska|Stockholm|Sweden")) + "]", clock, false);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  /** Imports a new version of the trial with this status and these sites. */
  void changeTrial(String status, List<String> sites) {
    site.importRecords("[" + AlertsSite.record(TRIAL, TITLE, status, List.of("Lupus Nephritis"), sites) + "]");
  }

  /** Makes alerts of everything committed and delivers what is due. */
  int follow() {
    site.alerts().catchUp();
    return site.alerts().deliverDue();
  }

  HttpResponse<String> watchByMail(String address, String frequency) throws Exception {
    return site.post("/alerts/watch/" + TRIAL, "rule", "status", "rule", "sites", "channel", "email", "email", address,
        "frequency", frequency);
  }

  /** Subscribes, follows the link of the confirmation mail over HTTP, and returns the mail's text. */
  String subscribeAndConfirm(String address, String frequency) throws Exception {
    int before = site.mails().size();
    assertEquals(200, watchByMail(address, frequency).statusCode());
    String text = AlertsSite.text(site.awaitMails(before + 1).get(before));
    HttpResponse<String> confirmed = site.get(site.link(text, "/alerts/[A-Za-z0-9_-]{43}/confirm"));
    assertEquals(200, confirmed.statusCode(), confirmed::body);
    assertTrue(confirmed.body().contains("Your address is confirmed"), confirmed.body());
    return text;
  }

  @Test
  void anUnconfirmedAddressGetsTheConfirmationAndNothingElse() throws Exception {
    HttpResponse<String> page = watchByMail("Ana.Lopez@Example.org", "immediate");

    assertEquals(200, page.statusCode(), page::body);
    assertTrue(page.body().contains("Check your e-mail"), page.body());
    assertTrue(page.body().contains("a•••@example.org"), "the address is shown masked");
    assertFalse(page.body().toLowerCase().contains("ana.lopez"), "never the address in full");
    MimeMessage confirmation = site.awaitMails(1).getFirst();
    assertEquals("ana.lopez@example.org", confirmation.getAllRecipients()[0].toString());
    assertEquals(AlertsSite.FROM, confirmation.getFrom()[0].toString());
    assertEquals("Confirm your trial alert", confirmation.getSubject());
    String text = AlertsSite.text(confirmation);
    assertTrue(text.contains(TRIAL) && text.contains(TITLE), text);
    String unsubscribe = site.link(text.isEmpty() ? "" : confirmation.getHeader("List-Unsubscribe")[0],
        "/alerts/[A-Za-z0-9_-]{43}/unsubscribe");
    assertEquals("<" + unsubscribe + ">", confirmation.getHeader("List-Unsubscribe")[0]);
    assertEquals("List-Unsubscribe=One-Click", confirmation.getHeader("List-Unsubscribe-Post")[0]);

    changeTrial("COMPLETED", List.of("Charité|Berlin|Germany"));
    follow();
    clock.advance(Duration.ofDays(8));
    follow();

    assertEquals(1, site.mails().size(), "nothing but the confirmation goes to an unconfirmed address");
  }

  @Test
  void aConfirmedWatchMailsWhatChangedInWordsAndOneClickUnsubscribes() throws Exception {
    subscribeAndConfirm("ana@example.org", "immediate");

    changeTrial("ACTIVE_NOT_RECRUITING", List.of("Charité|Berlin|Germany", "Karolinska|Stockholm|Sweden",
        "Mayo Clinic|Rochester|United States"));
    assertEquals(1, follow());

    MimeMessage alert = site.awaitMails(2).get(1);
    assertEquals("ana@example.org", alert.getAllRecipients()[0].toString());
    assertTrue(alert.getSubject().contains(TRIAL), alert.getSubject());
    String text = AlertsSite.text(alert);
    assertTrue(text.contains("Status: Recruiting → Active, not recruiting"), text);
    assertTrue(text.contains("1 site added: Mayo Clinic, Rochester, United States"), text);
    assertTrue(text.contains(site.base() + "/study/" + TRIAL + "/history?from=1&to=2"), text);
    String unsubscribe = site.link(text, "/alerts/[A-Za-z0-9_-]{43}/unsubscribe");
    assertEquals("<" + unsubscribe + ">", alert.getHeader("List-Unsubscribe")[0]);
    assertEquals("List-Unsubscribe=One-Click", alert.getHeader("List-Unsubscribe-Post")[0]);
    assertTrue(site.get(site.link(text, "/study/" + TRIAL + "/history\\?from=1&to=2")).statusCode() == 200);

    // A mail program's one-click unsubscribe (RFC 8058): a POST with this body, no cookies, no page.
    HttpResponse<String> done = site.post(unsubscribe, "List-Unsubscribe", "One-Click");
    assertEquals(200, done.statusCode(), done::body);
    assertTrue(done.body().contains("You are unsubscribed"), done.body());
    Subscription ended = site.trialdex().store().subscriptions().byToken(unsubscribe.replaceAll(".*/alerts/([^/]+)/.*",
        "$1")).orElseThrow();
    assertEquals(Subscription.State.UNSUBSCRIBED, ended.state());
    assertEquals(Optional.empty(), ended.email(), "the address is forgotten");

    changeTrial("COMPLETED", List.of("Charité|Berlin|Germany"));
    follow();
    assertEquals(2, site.mails().size(), "no mail after unsubscribing");
  }

  @Test
  void theUnsubscribeLinkOpensAPageWithOneButtonAndDoesNothingByItself() throws Exception {
    String confirmation = subscribeAndConfirm("ana@example.org", "immediate");
    String unsubscribe = site.link(confirmation, "/alerts/[A-Za-z0-9_-]{43}/unsubscribe");

    HttpResponse<String> page = site.get(unsubscribe);

    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<button type=\"submit\">Unsubscribe</button>"), page.body());
    String token = unsubscribe.replaceAll(".*/alerts/([^/]+)/.*", "$1");
    assertEquals(Subscription.State.ACTIVE,
        site.trialdex().store().subscriptions().byToken(token).orElseThrow().state(), "a GET changes nothing");
  }

  @Test
  void aDailyDigestGathersTheDaysAlertsWhenTheClockSaysSo() throws Exception {
    subscribeAndConfirm("ana@example.org", "daily");
    clock.advance(Duration.ofHours(1));
    changeTrial("ACTIVE_NOT_RECRUITING", List.of("Charité|Berlin|Germany", "Karolinska|Stockholm|Sweden"));
    follow();
    clock.advance(Duration.ofHours(1));
    changeTrial("COMPLETED", List.of("Charité|Berlin|Germany"));
    assertEquals(0, follow(), "a daily digest waits for its day");
    assertEquals(1, site.mails().size());

    clock.set(T0.plus(Duration.ofDays(1)));
    assertEquals(2, follow());

    MimeMessage digest = site.awaitMails(2).get(1);
    assertTrue(digest.getSubject().contains("daily digest"), digest.getSubject());
    String text = AlertsSite.text(digest);
    assertTrue(text.contains("Status: Recruiting → Active, not recruiting"), text);
    assertTrue(text.contains("Status: Active, not recruiting → Completed"), text);
    assertTrue(text.contains("1 site removed: Karolinska, Stockholm, Sweden"), text);
    assertEquals(0, follow(), "nothing is sent twice");
  }

  @Test
  void aMailServerOutageIsRetriedAndEachAlertArrivesExactlyOnce() throws Exception {
    subscribeAndConfirm("ana@example.org", "immediate");
    changeTrial("ACTIVE_NOT_RECRUITING", List.of("Charité|Berlin|Germany", "Karolinska|Stockholm|Sweden"));
    site.alerts().catchUp();

    site.stopMail();
    assertEquals(0, site.alerts().deliverDue());
    long id = site.trialdex().store().subscriptions().active().getFirst().id();
    Alert waiting = site.trialdex().store().subscriptions().unsent(id, 10).getFirst();
    assertEquals(1, waiting.attempts());
    assertTrue(waiting.lastError().orElseThrow().contains("did not take the message"), waiting.lastError().get());
    assertEquals(Optional.of(T0.plus(Duration.ofMinutes(1))), waiting.nextTryAt());

    site.startMail();
    changeTrial("COMPLETED", List.of("Charité|Berlin|Germany", "Karolinska|Stockholm|Sweden"));
    site.alerts().catchUp();
    assertEquals(0, site.alerts().deliverDue(), "the failed alert waits for its retry");
    clock.advance(Duration.ofMinutes(1));
    assertEquals(2, site.alerts().deliverDue());
    assertEquals(0, site.alerts().deliverDue());

    List<MimeMessage> after = site.awaitMails(1);
    assertEquals(1, after.size());
    String text = AlertsSite.text(after.getFirst());
    assertEquals(1, count(text, "Status: Recruiting → Active, not recruiting"), text);
    assertEquals(1, count(text, "Status: Active, not recruiting → Completed"), text);
  }

  @Test
  void followingAgainFromAnEarlierPositionOrAfterARestartMakesNoAlertTwice() throws Exception {
    subscribeAndConfirm("ana@example.org", "weekly");
    changeTrial("ACTIVE_NOT_RECRUITING", List.of("Charité|Berlin|Germany", "Karolinska|Stockholm|Sweden"));
    changeTrial("COMPLETED", List.of("Charité|Berlin|Germany", "Karolinska|Stockholm|Sweden"));
    site.alerts().catchUp();
    long id = site.trialdex().store().subscriptions().active().getFirst().id();
    List<Alert> once = site.trialdex().store().subscriptions().alerts(id, 10);
    assertEquals(1, once.size(), "two changes in one batch: one alert on the current record");

    // As after a crash before the position was saved: the same changes are applied again.
    site.trialdex().store().subscriptions().resetFollower(0);
    site.alerts().catchUp();
    // And a restarted server (a second process on the same store) follows from where it was.
    try (Trialdex again = Trialdex.open(new org.trialdex.store.StoreLocation.Sqlite(dir.resolve("data")),
        dir.resolve("index-2"), clock)) {
      again.alerts().catchUp();
    }

    assertEquals(once, site.trialdex().store().subscriptions().alerts(id, 10));
    assertEquals(List.of("Status: Recruiting → Completed"), once.getFirst().details());
  }

  @Test
  void theManagePageChangesTheWatchShowsTheAddressMaskedAndDeletesEverything() throws Exception {
    String confirmation = subscribeAndConfirm("ana.lopez@example.org", "immediate");
    String manage = site.link(confirmation, "/alerts/[A-Za-z0-9_-]{43}");
    String token = manage.substring(manage.lastIndexOf('/') + 1);

    HttpResponse<String> page = site.get(manage);
    assertEquals(200, page.statusCode());
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
    assertTrue(page.body().contains("a•••@example.org"), page.body());
    assertFalse(page.body().contains("ana.lopez"), "never the address in full");

    HttpResponse<String> saved = site.post(manage, "rule", "results", "rule", "eligibility", "frequency", "weekly");
    assertEquals(200, saved.statusCode(), saved::body);
    assertTrue(saved.body().contains("Saved."), saved.body());
    Subscription changed = site.trialdex().store().subscriptions().byToken(token).orElseThrow();
    assertEquals(java.util.Set.of(Subscription.Rule.RESULTS, Subscription.Rule.ELIGIBILITY), changed.rules());
    assertEquals(Subscription.Frequency.WEEKLY, changed.frequency());
    HttpResponse<String> none = site.post(manage, "frequency", "weekly");
    assertEquals(400, none.statusCode());
    assertTrue(none.body().contains("Not saved: choose at least one thing to watch"), none.body());

    HttpResponse<String> deleted = site.post(manage + "/delete");
    assertEquals(200, deleted.statusCode());
    assertTrue(site.trialdex().store().subscriptions().byToken(token).isEmpty());
    assertEquals(List.of(), site.trialdex().store().subscriptions().active());
    assertEquals(404, site.get(manage).statusCode());
    assertEquals(404, site.get(manage + "/feed").statusCode());
  }

  @Test
  void whenTheConfirmationCannotBeSentNothingIsKept() throws Exception {
    site.stopMail();

    HttpResponse<String> page = watchByMail("ana@example.org", "immediate");

    assertEquals(503, page.statusCode(), page::body);
    assertTrue(page.body().contains("the confirmation mail could not be sent just now; try again later"), page.body());
    site.startMail();
    assertEquals(200, watchByMail("ana@example.org", "immediate").statusCode(), "the address was not kept");
    assertEquals(1, site.awaitMails(1).size());
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
