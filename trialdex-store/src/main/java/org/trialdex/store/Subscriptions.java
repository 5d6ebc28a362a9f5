package org.trialdex.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Subscriptions to searches and trials, and the alerts made for them (issue #15), kept in the store
 * so that every node of a shared PostgreSQL delivers from one outbox.
 *
 * <p>A subscription is found by its token, {@code 43} characters of base64url (32 random bytes from
 * {@link java.security.SecureRandom}), which the subscriber holds in their links; the store keeps its
 * SHA-256 hash. A webhook's signing secret is kept as it is: the server needs it to sign.
 *
 * <p><b>Exactly once.</b> {@link #record} writes a batch's alerts, the subscriptions' new baselines
 * and the follower's position in one transaction; an alert is unique per subscription and change
 * position, so a batch applied again (after a crash, or from a reset position) adds nothing.
 * Delivery then marks each alert sent ({@link #markSent}) after the mail server or webhook took it.
 *
 * <p>Every method throws {@link StoreException} when the database fails.
 */
public interface Subscriptions {

  /**
   * What a new subscription follows and how it is reached.
   *
   * @param search SEARCH: the search's query string
   * @param recordId TRIAL: the NCT id
   * @param rules TRIAL: at least one rule
   * @param email EMAIL: the address (lower-cased by the caller); the subscription starts PENDING
   * @param webhookUrl WEBHOOK: the URL; a signing secret is made for it
   * @param baseline TRIAL: the watched facts now
   * @param members SEARCH: the records matching the search now
   */
  record NewSubscription(Subscription.Kind kind, Optional<String> search, Optional<String> recordId,
      Set<Subscription.Rule> rules, Subscription.Channel channel, Subscription.Frequency frequency,
      Optional<String> email, Optional<String> webhookUrl, Optional<String> baseline, List<String> members) {
    public NewSubscription {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(search, "search");
      Objects.requireNonNull(recordId, "recordId");
      rules = Set.copyOf(rules);
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(frequency, "frequency");
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(webhookUrl, "webhookUrl");
      Objects.requireNonNull(baseline, "baseline");
      members = List.copyOf(members);
      if ((kind == Subscription.Kind.SEARCH) != search.isPresent()
          || (kind == Subscription.Kind.TRIAL) != recordId.isPresent()) {
        throw new IllegalArgumentException("a SEARCH subscription has a search and a TRIAL one a record id, got "
            + kind + " with " + search + " and " + recordId);
      }
      if ((channel == Subscription.Channel.EMAIL) != email.isPresent()
          || (channel == Subscription.Channel.WEBHOOK) != webhookUrl.isPresent()) {
        throw new IllegalArgumentException("an EMAIL subscription has an address and a WEBHOOK one a URL, and only"
            + " they; got " + channel);
      }
    }
  }

  /**
   * A subscription just made, with its token (and a webhook's secret, in the subscription): the only
   * time the token exists outside its holder.
   */
  record Created(Subscription subscription, String token) {
    public Created {
      Objects.requireNonNull(subscription, "subscription");
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
      return "Created[" + subscription + ", token=(hidden)]";
    }
  }

  /** An alert about to be recorded (see {@link Alert} for the fields). */
  record NewAlert(long subscriptionId, long changePosition, String recordId, String title, String summary,
      List<String> details, String link) {
    public NewAlert {
      Objects.requireNonNull(recordId, "recordId");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(summary, "summary");
      details = List.copyOf(details);
      Objects.requireNonNull(link, "link");
    }
  }

  /** A record that joined or left a search subscription's matches. */
  record Member(long subscriptionId, String recordId) {
    public Member {
      Objects.requireNonNull(recordId, "recordId");
    }
  }

  /**
   * Makes a subscription: ACTIVE at once for the feed and webhook channels, PENDING for e-mail until
   * {@link #confirm}.
   *
   * @param maxPerAddress the most subscriptions one address may hold, not counting unsubscribed ones
   * @throws IllegalArgumentException when the address holds {@code maxPerAddress} subscriptions
   *     already, or has a subscription waiting for confirmation made in the last day (so that an
   *     address never gets more than one confirmation mail a day); the message says which
   */
  Created create(NewSubscription subscription, int maxPerAddress);

  /** The subscription whose token is {@code token}; empty for a malformed or unknown token. */
  Optional<Subscription> byToken(String token);

  /** The subscription numbered {@code id}. */
  Optional<Subscription> find(long id);

  /**
   * Confirms a PENDING subscription: it becomes ACTIVE, and its baseline (TRIAL) or members (SEARCH)
   * are taken anew, since the changes while it waited are not its news. Confirming an ACTIVE one
   * changes nothing.
   *
   * @throws IllegalArgumentException when it is unsubscribed
   */
  Subscription confirm(long id, Optional<String> baseline, List<String> members);

  /** Changes what a trial watch watches and how often e-mail goes out. */
  Subscription update(long id, Set<Subscription.Rule> rules, Subscription.Frequency frequency);

  /**
   * Ends a subscription: UNSUBSCRIBED, its address, webhook URL and secret removed, its undelivered
   * alerts dropped. Unsubscribing twice changes nothing.
   */
  Subscription unsubscribe(long id);

  /** Removes a subscription and its alerts and members altogether; nothing of it remains. */
  void delete(long id);

  /** Every ACTIVE subscription, by id: what a change is matched against. */
  List<Subscription> active();

  /** The ids among {@code recordIds} that subscription {@code id} had among its matches. */
  Set<String> members(long id, Collection<String> recordIds);

  /**
   * How far alert delivery has followed the change log; {@code -1} when it never started (then it
   * starts at the head: a new installation owes no alerts for its past).
   */
  long followerPosition();

  /**
   * Opens alert delivery's follower: the position it has applied up to. When it never started, it
   * starts (and writes, so that every node starts at the same place) at the log head, or where the
   * oldest subscription was made if that is earlier: a new installation owes no alerts for its past.
   */
  long openFollower();

  /**
   * Moves the follower back to {@code position} (an operator re-running delivery after restoring,
   * or a test): changes after it are matched again, and make no alert twice.
   */
  void resetFollower(long position);

  /**
   * Records a batch in one transaction: the alerts (an alert whose subscription and change position
   * are already recorded is skipped; one for a subscription that is gone too), the new baselines,
   * the members added and removed, and the follower's position {@code upTo}.
   *
   * @return the alerts newly recorded
   */
  int record(long upTo, List<NewAlert> alerts, Map<Long, String> baselines, List<Member> added, List<Member> removed);

  /** The newest {@code limit} alerts of a subscription, newest first. */
  List<Alert> alerts(long subscriptionId, int limit);

  /** The alerts of a subscription not yet delivered, oldest first, at most {@code limit}. */
  List<Alert> unsent(long subscriptionId, int limit);

  /** The ACTIVE subscriptions of {@code channel} that have alerts not yet delivered. */
  List<Subscription> withUnsent(Subscription.Channel channel);

  /** Marks alerts delivered at {@code at}. */
  void markSent(Collection<Long> alertIds, Instant at);

  /**
   * Records a failed delivery of alerts: one more attempt each, the reason, and when to try again
   * (empty: give up, the alert stays unsent with its error).
   */
  void markFailed(Collection<Long> alertIds, String error, Optional<Instant> nextTryAt);

  /** Records that a digest of subscription {@code id} went out at {@code at}. */
  void markDigest(long id, Instant at);
}
