package org.trialdex.store;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Someone following a search or a trial (issue #15), as the store keeps it: what is followed, how
 * alerts reach them, and where it stands. Never its token (only a hash is kept) and, in
 * {@link #toString()}, never its address or webhook secret.
 *
 * @param id the subscription's number
 * @param kind a search or a trial
 * @param search SEARCH: the API's search parameters as a query string ({@code query.cond=lupus&...})
 * @param recordId TRIAL: the NCT id watched
 * @param rules TRIAL: what changes of the trial make an alert
 * @param channel how alerts reach the subscriber
 * @param frequency EMAIL: each alert at once, or a daily or weekly digest
 * @param state pending confirmation, active, or unsubscribed
 * @param email EMAIL: the address, until unsubscribed
 * @param webhookUrl WEBHOOK: where alerts are posted, until unsubscribed
 * @param webhookSecret WEBHOOK: the key of the HMAC signature, until unsubscribed
 * @param baseline TRIAL: the watched facts as last compared (JSON written by the alerts service)
 * @param createdAt when it was made
 * @param createdPosition the change log's head when it was made: changes up to it are not news to it
 * @param confirmedAt when its address was confirmed (EMAIL), or when it was made (others)
 * @param lastDigestAt EMAIL digests: when the last digest went out
 * @param mailToken EMAIL: the subscription's token, which every mail's links carry, until unsubscribed
 */
public record Subscription(long id, Kind kind, Optional<String> search, Optional<String> recordId, Set<Rule> rules,
    Channel channel, Frequency frequency, State state, Optional<String> email, Optional<String> webhookUrl,
    Optional<String> webhookSecret, Optional<String> baseline, Instant createdAt, long createdPosition,
    Optional<Instant> confirmedAt, Optional<Instant> lastDigestAt, Optional<String> mailToken) {

  public Subscription {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(recordId, "recordId");
    rules = rules.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rules));
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(webhookUrl, "webhookUrl");
    Objects.requireNonNull(webhookSecret, "webhookSecret");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(confirmedAt, "confirmedAt");
    Objects.requireNonNull(lastDigestAt, "lastDigestAt");
    Objects.requireNonNull(mailToken, "mailToken");
  }

  /** What is followed. */
  public enum Kind { SEARCH, TRIAL }

  /** How alerts reach the subscriber. */
  public enum Channel {
    /** A feed the subscriber's reader polls. */
    ATOM,
    /** Mail to a confirmed address. */
    EMAIL,
    /** A signed POST to the subscriber's URL. */
    WEBHOOK;

    /** The lower-case name used in forms and the API. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The channel named {@code code} (any case). */
    public static Optional<Channel> of(String code) {
      for (Channel c : values()) {
        if (c.code().equalsIgnoreCase(code.strip())) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
  }

  /** How often e-mail goes out. */
  public enum Frequency {
    IMMEDIATE, DAILY, WEEKLY;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The frequency named {@code code} (any case). */
    public static Optional<Frequency> of(String code) {
      for (Frequency f : values()) {
        if (f.code().equalsIgnoreCase(code.strip())) {
          return Optional.of(f);
        }
      }
      return Optional.empty();
    }
  }

  /** Where a subscription stands. */
  public enum State {
    /** Made, its address not yet confirmed: nothing but the one confirmation mail goes to it. */
    PENDING,
    /** Alerts are made and delivered. */
    ACTIVE,
    /** Ended by the subscriber: no alerts, its address and webhook forgotten. */
    UNSUBSCRIBED
  }

  /** What change of a watched trial makes an alert. */
  public enum Rule {
    STATUS, ENROLLMENT, SITES, PRIMARY_COMPLETION, RESULTS, ELIGIBILITY;

    /** The lower-case code used in forms, the API and the store. */
    public String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The rule named {@code code} (any case; {@code primary_completion} too). */
    public static Optional<Rule> of(String code) {
      String c = code.strip().replace('_', '-');
      for (Rule r : values()) {
        if (r.code().equalsIgnoreCase(c)) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
  }

  /** Whether alerts are made for it now. */
  public boolean active() {
    return state == State.ACTIVE;
  }

  /** Without the address and the webhook's URL and secret, so that a log line never shows them. */
  @Override
  public String toString() {
    return "Subscription[#" + id + " " + kind + " " + search.or(() -> recordId).orElse("") + " " + channel + " "
        + frequency + " " + state + "]";
  }
}
