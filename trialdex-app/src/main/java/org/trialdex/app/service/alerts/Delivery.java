package org.trialdex.app.service.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trialdex.store.Alert;
import org.trialdex.store.Subscription;
import org.trialdex.store.Subscriptions;

/**
 * Delivers recorded alerts: e-mail at once or as a digest, webhooks one by one. An alert is marked
 * sent only after the mail server or the receiver took it; a failure is tried again after a pause
 * that doubles (from {@link #FIRST_RETRY} up to {@link #LONGEST_RETRY}), and given up after
 * {@link #MAX_ATTEMPTS}. A crash between "taken" and "marked" sends that message once more, with
 * the same Message-ID (or {@code Trialdex-Delivery} id), by which it can be recognised.
 */
final class Delivery {

  private static final Logger LOG = Logger.getLogger(Delivery.class.getName());
  static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  static final Duration LONGEST_RETRY = Duration.ofHours(6);
  static final int MAX_ATTEMPTS = 12;
  /** Alerts in one message at most; more go in the next. */
  static final int PER_MESSAGE = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Subscriptions subs;
  private final Optional<Mailer> mailer;
  private final Optional<Messages> messages;
  private final Webhooks webhooks;
  private final Clock clock;
  private final String base;
  private final Function<Subscription, String> describe;

  Delivery(Subscriptions subs, Optional<Mailer> mailer, Optional<Messages> messages, Webhooks webhooks, Clock clock,
      String base, Function<Subscription, String> describe) {
    this.subs = subs;
    this.mailer = mailer;
    this.messages = messages;
    this.webhooks = webhooks;
    this.clock = clock;
    this.base = base;
    this.describe = describe;
  }

  /** Delivers every alert that is due now; returns how many were delivered. */
  synchronized int deliverDue() {
    Instant now = clock.instant();
    int delivered = 0;
    if (mailer.isPresent() && messages.isPresent()) {
      for (Subscription s : subs.withUnsent(Subscription.Channel.EMAIL)) {
        delivered += mail(s, now);
      }
    }
    for (Subscription s : subs.withUnsent(Subscription.Channel.WEBHOOK)) {
      delivered += post(s, now);
    }
    return delivered;
  }

  private int mail(Subscription s, Instant now) {
    if (s.email().isEmpty() || s.mailToken().isEmpty()) {
      return 0;
    }
    boolean digest = s.frequency() != Subscription.Frequency.IMMEDIATE;
    if (digest && now.isBefore(nextDigest(s))) {
      return 0;
    }
    List<Alert> due = subs.unsent(s.id(), PER_MESSAGE);
    if (due.isEmpty() || due.stream().anyMatch(a -> a.nextTryAt().filter(t -> t.isAfter(now)).isPresent())) {
      return 0; // after a failure, the next message (with everything waiting, in order) goes at the retry
    }
    List<Long> ids = due.stream().map(Alert::id).toList();
    try {
      mailer.get().send(messages.get().alerts(s, s.mailToken().get(), describe.apply(s), due));
    } catch (RuntimeException e) {
      failed(ids, due, e.getMessage(), now);
      LOG.log(Level.WARNING, "alert mail for subscription #" + s.id() + " not sent, tried again later: "
          + e.getMessage());
      return 0;
    }
    subs.markSent(ids, now);
    if (digest) {
      subs.markDigest(s.id(), now);
    }
    return ids.size();
  }

  /** When the next digest of {@code s} is due: a day or a week after the last (or the confirmation). */
  static Instant nextDigest(Subscription s) {
    Instant last = s.lastDigestAt().or(s::confirmedAt).orElse(s.createdAt());
    return last.plus(s.frequency() == Subscription.Frequency.WEEKLY ? Duration.ofDays(7) : Duration.ofDays(1));
  }

  private int post(Subscription s, Instant now) {
    if (s.webhookUrl().isEmpty() || s.webhookSecret().isEmpty()) {
      return 0;
    }
    int delivered = 0;
    for (Alert a : subs.unsent(s.id(), PER_MESSAGE)) {
      if (a.nextTryAt().filter(t -> t.isAfter(now)).isPresent()) {
        break; // in order: a later alert waits for an earlier one
      }
      byte[] body = body(s, a);
      try {
        webhooks.post(s.webhookUrl().get(), s.webhookSecret().get(), "alert-" + a.id(), body, now);
      } catch (Webhooks.DeliveryFailed e) {
        failed(List.of(a.id()), List.of(a), e.getMessage(), now);
        LOG.log(Level.WARNING, "webhook of subscription #" + s.id() + " not delivered, tried again later: "
            + e.getMessage());
        break;
      }
      subs.markSent(List.of(a.id()), now);
      delivered++;
    }
    return delivered;
  }

  private void failed(List<Long> ids, List<Alert> alerts, String error, Instant now) {
    int attempts = alerts.stream().mapToInt(Alert::attempts).max().orElse(0) + 1;
    Optional<Instant> next = attempts >= MAX_ATTEMPTS ? Optional.empty() : Optional.of(now.plus(backoff(attempts)));
    subs.markFailed(ids, error == null ? "unknown error" : error, next);
  }

  /** The pause after the {@code attempts}th failure: 1 min, 2, 4... up to 6 h. */
  static Duration backoff(int attempts) {
    Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
    return d.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : d;
  }

  /** The JSON a webhook receives (docs/alerts.md). */
  byte[] body(Subscription s, Alert a) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "alert-" + a.id());
    root.put("subscription", s.id());
    root.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
    s.search().ifPresent(q -> root.put("search", q));
    root.put("recordId", a.recordId());
    root.put("changePosition", a.changePosition());
    root.put("title", a.title());
    root.put("summary", a.summary());
    ArrayNode details = root.putArray("details");
    a.details().forEach(details::add);
    root.put("link", base + a.link());
    root.put("createdAt", a.createdAt().toString());
    try {
      return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write an alert as JSON", e);
    }
  }
}
