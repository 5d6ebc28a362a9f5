package org.trialdex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trialdex.store.Subscription.Channel;
import org.trialdex.store.Subscription.Frequency;
import org.trialdex.store.Subscription.Kind;
import org.trialdex.store.Subscription.Rule;
import org.trialdex.store.Subscription.State;
import org.trialdex.store.Subscriptions.NewAlert;
import org.trialdex.store.Subscriptions.NewSubscription;
import org.trialdex.store.testing.TestClock;

/**
 * What the store keeps of alert subscriptions and alerts (issue #15), on each backend: tokens kept
 * as hashes, addresses only while needed, one alert per subscription and change.
 */
abstract class SubscriptionsContract {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  final TestClock clock = new TestClock(T0);
  StoreLocation location;
  StudyStore store;
  Subscriptions subs;

  abstract StoreLocation emptyLocation() throws Exception;

  abstract Connection rawConnection() throws SQLException;

  @BeforeEach
  void open() throws Exception {
    location = emptyLocation();
    store = StudyStores.open(location, clock);
    subs = store.subscriptions();
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  static NewSubscription emailWatch(String address) {
    return new NewSubscription(Kind.TRIAL, Optional.empty(), Optional.of("NCT01234567"), Set.of(Rule.STATUS, Rule.SITES),
        Channel.EMAIL, Frequency.DAILY, Optional.of(address), Optional.empty(), Optional.of("{\"status\":\"RECRUITING\"}"),
        List.of());
  }

  static NewSubscription feedSearch(String query, List<String> members) {
    return new NewSubscription(Kind.SEARCH, Optional.of(query), Optional.empty(), Set.of(), Channel.ATOM,
        Frequency.IMMEDIATE, Optional.empty(), Optional.empty(), Optional.empty(), members);
  }

  @Test
  void anEmailSubscriptionStartsPendingAndItsTokenIsKeptOnlyAsAHash() throws SQLException {
    Subscriptions.Created made = subs.create(emailWatch("ana@example.org"), 20);

    assertEquals(State.PENDING, made.subscription().state());
    assertEquals(43, made.token().length());
    assertEquals(Set.of(Rule.STATUS, Rule.SITES), made.subscription().rules());
    assertEquals(Optional.of("ana@example.org"), made.subscription().email());
    assertEquals(Optional.of(made.token()), made.subscription().mailToken()); // for the links in its mails
    assertFalse(made.toString().contains(made.token()));
    assertFalse(made.subscription().toString().contains("ana@"));
    try (Connection c = rawConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT token_hash FROM alert_subscription WHERE id = ?")) {
      ps.setLong(1, made.subscription().id());
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        String stored = rs.getString(1);
        assertNotEquals(made.token(), stored);
        assertEquals(64, stored.length()); // SHA-256 in hex
      }
    }
    assertEquals(made.subscription().id(), subs.byToken(made.token()).orElseThrow().id());
    assertTrue(subs.byToken("x".repeat(43)).isEmpty());
    assertTrue(subs.byToken("not a token").isEmpty());
  }

  @Test
  void confirmingActivatesAndUnsubscribingForgetsTheAddress() {
    Subscriptions.Created made = subs.create(emailWatch("ana@example.org"), 20);
    long id = made.subscription().id();

    Subscription confirmed = subs.confirm(id, Optional.of("{\"status\":\"COMPLETED\"}"), List.of());
    assertEquals(State.ACTIVE, confirmed.state());
    assertEquals(Optional.of(T0), confirmed.confirmedAt());
    assertEquals(Optional.of("{\"status\":\"COMPLETED\"}"), confirmed.baseline());
    assertEquals(List.of(confirmed), subs.active());

    Subscription ended = subs.unsubscribe(id);
    assertEquals(State.UNSUBSCRIBED, ended.state());
    assertEquals(Optional.empty(), ended.email());
    assertEquals(Optional.empty(), ended.mailToken());
    assertEquals(List.of(), subs.active());
    assertThrows(IllegalArgumentException.class, () -> subs.confirm(id, Optional.empty(), List.of()));
  }

  @Test
  void aFeedSubscriptionKeepsNoTokenButItsHash() {
    Subscriptions.Created made = subs.create(feedSearch("query.cond=lupus", List.of()), 20);
    assertEquals(Optional.empty(), made.subscription().mailToken());
    assertEquals(State.ACTIVE, made.subscription().state());
  }

  @Test
  void deletingLeavesNothingOfTheSubscription() throws SQLException {
    Subscriptions.Created made = subs.create(feedSearch("query.cond=lupus", List.of("NCT00000001")), 20);
    long id = made.subscription().id();
    subs.record(5, List.of(new NewAlert(id, 5, "NCT00000001", "t", "s", List.of("a", "b"), "/study/NCT00000001")),
        Map.of(), List.of(), List.of());

    subs.delete(id);

    assertTrue(subs.find(id).isEmpty());
    assertTrue(subs.byToken(made.token()).isEmpty());
    try (Connection c = rawConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT (SELECT COUNT(*) FROM alert_subscription) + (SELECT COUNT(*) FROM alert)"
            + " + (SELECT COUNT(*) FROM alert_member)"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      assertEquals(0, rs.getLong(1));
    }
  }

  @Test
  void anAddressGetsOneConfirmationADayAndAtMostTheCap() {
    subs.create(emailWatch("ana@example.org"), 2);
    IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
        () -> subs.create(emailWatch("ana@example.org"), 2));
    assertTrue(again.getMessage().contains("confirmation mail was already sent"), again.getMessage());

    clock.advance(Duration.ofDays(1).plusSeconds(1));
    Subscription second = subs.create(emailWatch("ana@example.org"), 2).subscription();
    subs.confirm(second.id(), Optional.empty(), List.of());
    clock.advance(Duration.ofDays(2));
    IllegalArgumentException full = assertThrows(IllegalArgumentException.class,
        () -> subs.create(emailWatch("ana@example.org"), 2));
    assertTrue(full.getMessage().contains("already has 2 subscriptions"), full.getMessage());
    // Another address is not affected.
    subs.create(emailWatch("ben@example.org"), 2);
  }

  @Test
  void aChangeMakesOneAlertPerSubscriptionHoweverOftenItIsRecorded() {
    long id = subs.create(feedSearch("query.cond=lupus", List.of()), 20).subscription().id();
    NewAlert alert = new NewAlert(id, 7, "NCT00000007", "NCT00000007 is new to this search", "New",
        List.of("Status: Recruiting"), "/study/NCT00000007");

    assertEquals(1, subs.record(7, List.of(alert), Map.of(), List.of(new Subscriptions.Member(id, "NCT00000007")),
        List.of()));
    assertEquals(0, subs.record(7, List.of(alert), Map.of(), List.of(new Subscriptions.Member(id, "NCT00000007")),
        List.of()));
    subs.resetFollower(0);
    assertEquals(0L, subs.followerPosition());
    assertEquals(0, subs.record(7, List.of(alert), Map.of(), List.of(), List.of()));

    List<Alert> alerts = subs.alerts(id, 10);
    assertEquals(1, alerts.size());
    assertEquals(List.of("Status: Recruiting"), alerts.getFirst().details());
    assertEquals(7L, subs.followerPosition());
    assertEquals(Set.of("NCT00000007"), subs.members(id, List.of("NCT00000007", "NCT00000008")));
  }

  @Test
  void theFollowerStartsWhereTheOldestSubscriptionWasMade() {
    put("NCT00000001");
    subs.create(feedSearch("query.cond=lupus", List.of()), 20); // made at head 1
    put("NCT00000002");
    put("NCT00000003");

    assertEquals(3L, store.logHead());
    assertEquals(1L, subs.openFollower(), "the changes since the subscription was made are its news");
  }

  private void put(String nctId) {
    org.trialdex.core.model.Study study = org.trialdex.core.json.StudyJson.standard().read(
        "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"" + nctId + "\",\"briefTitle\":\"t\"}}}");
    store.putAll(store.beginRun("test", List.of()).id(), List.of(new Incoming(study,
        new org.trialdex.core.source.Provenance("ctgov-v2-json", "test.json", nctId))));
  }

  @Test
  void theFollowerStartsAtTheHeadAndKeepsItsPlace() {
    assertEquals(-1L, subs.followerPosition());
    assertEquals(0L, subs.openFollower());
    subs.record(3, List.of(), Map.of(), List.of(), List.of());
    assertEquals(3L, subs.openFollower());
  }

  @Test
  void deliveryIsMarkedSentOrRetriedOrGivenUp() {
    long id = subs.create(feedSearch("query.cond=lupus", List.of()), 20).subscription().id();
    subs.record(2, List.of(
        new NewAlert(id, 1, "NCT00000001", "a", "a", List.of(), "/study/NCT00000001"),
        new NewAlert(id, 2, "NCT00000002", "b", "b", List.of(), "/study/NCT00000002")), Map.of(), List.of(), List.of());
    List<Alert> unsent = subs.unsent(id, 10);
    assertEquals(2, unsent.size());
    assertEquals(List.of(subs.find(id).orElseThrow()), subs.withUnsent(Channel.ATOM));

    subs.markFailed(List.of(unsent.get(0).id()), "connection refused", Optional.of(T0.plusSeconds(60)));
    Alert failed = subs.unsent(id, 10).getFirst();
    assertEquals(1, failed.attempts());
    assertEquals(Optional.of("connection refused"), failed.lastError());
    assertEquals(Optional.of(T0.plusSeconds(60)), failed.nextTryAt());

    subs.markSent(List.of(unsent.get(1).id()), T0.plusSeconds(5));
    subs.markFailed(List.of(unsent.get(0).id()), "gone", Optional.empty());
    assertEquals(List.of(), subs.unsent(id, 10));
    assertEquals(List.of(), subs.withUnsent(Channel.ATOM));
    List<Alert> all = subs.alerts(id, 10);
    assertEquals(List.of("NCT00000002", "NCT00000001"), all.stream().map(Alert::recordId).toList()); // newest first
    assertEquals(Optional.of(T0.plusSeconds(5)), all.getFirst().sentAt());
  }

  @Test
  void aWebhookGetsASigningSecretAndLosesItWhenUnsubscribed() {
    Subscriptions.Created made = subs.create(new NewSubscription(Kind.TRIAL, Optional.empty(), Optional.of("NCT01234567"),
        Set.of(Rule.STATUS), Channel.WEBHOOK, Frequency.IMMEDIATE, Optional.empty(),
        Optional.of("https://hooks.example.org/in"), Optional.empty(), List.of()), 20);
    assertEquals(State.ACTIVE, made.subscription().state());
    String secret = made.subscription().webhookSecret().orElseThrow();
    assertTrue(secret.startsWith("whsec_") && secret.length() == 49, secret);

    Subscription ended = subs.unsubscribe(made.subscription().id());
    assertEquals(Optional.empty(), ended.webhookSecret());
    assertEquals(Optional.empty(), ended.webhookUrl());
  }

  @Test
  void rulesAndFrequencyCanBeChanged() {
    long id = subs.create(emailWatch("ana@example.org"), 20).subscription().id();
    Subscription changed = subs.update(id, Set.of(Rule.RESULTS), Frequency.WEEKLY);
    assertEquals(Set.of(Rule.RESULTS), changed.rules());
    assertEquals(Frequency.WEEKLY, changed.frequency());
    assertThrows(IllegalArgumentException.class, () -> subs.update(id, Set.of(), Frequency.WEEKLY));
  }
}
