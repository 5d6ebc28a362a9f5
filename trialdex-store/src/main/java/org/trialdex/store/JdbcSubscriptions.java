package org.trialdex.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@link Subscriptions} in tables {@code alert_subscription}, {@code alert_member}, {@code alert}
 * and {@code alert_follower} (migration V7), written through the store's one writer connection and
 * write lock, read on its reader connections.
 */
final class JdbcSubscriptions implements Subscriptions {

  /** 32 bytes in unpadded base64url. */
  static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final int SECRET_BYTES = 32;
  /** A failed delivery given up on is "next tried" never. */
  private static final long NEVER = Long.MAX_VALUE;
  /** An address gets at most one confirmation mail in this time. */
  static final Duration CONFIRMATION_SPACING = Duration.ofDays(1);
  private static final String COLUMNS = "id, kind, search, record_id, rules, channel, frequency, state, email,"
      + " webhook_url, webhook_secret, baseline, created_micros, created_position, confirmed_micros,"
      + " last_digest_micros, mail_token";
  private static final String ALERT_COLUMNS = "id, subscription_id, change_position, record_id, title, summary,"
      + " details, link, created_micros, sent_micros, attempts, next_try_micros, last_error";

  private final JdbcStudyStore store;
  private final Clock clock;
  private final SecureRandom random;

  JdbcSubscriptions(JdbcStudyStore store, Clock clock, SecureRandom random) {
    this.store = store;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public Created create(NewSubscription n, int maxPerAddress) {
    Objects.requireNonNull(n, "subscription");
    String token = secret();
    Optional<String> webhookSecret = n.webhookUrl().map(u -> "whsec_" + secret());
    long now = Micros.of(clock.instant());
    Subscription.State state = n.channel() == Subscription.Channel.EMAIL ? Subscription.State.PENDING
        : Subscription.State.ACTIVE;
    long id = store.inWriteTransaction("making a subscription", c -> {
      if (n.email().isPresent()) {
        checkAddress(c, n.email().get(), maxPerAddress, now);
      }
      long next = nextId(c, "alert_subscription");
      long head = ChangeLog.head(c);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_subscription (id, token_hash, kind, search,"
          + " record_id, rules, channel, frequency, state, email, webhook_url, webhook_secret, baseline, created_micros,"
          + " created_position, confirmed_micros, last_digest_micros, mail_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, NULL, ?)")) {
        ps.setLong(1, next);
        ps.setString(2, hash(token));
        ps.setString(3, n.kind().name());
        ps.setString(4, n.search().orElse(null));
        ps.setString(5, n.recordId().orElse(null));
        ps.setString(6, rules(n.rules()));
        ps.setString(7, n.channel().name());
        ps.setString(8, n.frequency().name());
        ps.setString(9, state.name());
        ps.setString(10, n.email().orElse(null));
        ps.setString(11, n.webhookUrl().orElse(null));
        ps.setString(12, webhookSecret.orElse(null));
        ps.setString(13, n.baseline().orElse(null));
        ps.setLong(14, now);
        ps.setLong(15, head);
        if (state == Subscription.State.ACTIVE) {
          ps.setLong(16, now);
        } else {
          ps.setNull(16, Types.BIGINT);
        }
        ps.setString(17, n.email().isPresent() ? token : null);
        ps.executeUpdate();
      }
      addMembers(c, next, n.members());
      return next;
    });
    return new Created(find(id).orElseThrow(), token);
  }

  /** Refuses a new subscription for an address at its cap, or with a confirmation sent in the last day. */
  private static void checkAddress(Connection c, String email, int max, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT state, created_micros FROM alert_subscription"
        + " WHERE email = ? AND state <> 'UNSUBSCRIBED'")) {
      ps.setString(1, email);
      int held = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          held++;
          if (rs.getString(1).equals("PENDING") && now - rs.getLong(2) < CONFIRMATION_SPACING.toNanos() / 1000) {
            throw new IllegalArgumentException("a confirmation mail was already sent to this address in the last day;"
                + " follow the link in it first (then subscribe again), or try again tomorrow");
          }
        }
      }
      if (held >= max) {
        throw new IllegalArgumentException("this address already has " + held + " subscriptions, the most one address"
            + " may have; unsubscribe from one (the link is in every alert mail) to add another");
      }
    }
  }

  @Override
  public Optional<Subscription> byToken(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    String hash = hash(token);
    return store.read("finding a subscription", c -> one(c, "token_hash = ?", ps -> ps.setString(1, hash)));
  }

  @Override
  public Optional<Subscription> find(long id) {
    return store.read("reading subscription #" + id, c -> byId(c, id));
  }

  @Override
  public Subscription confirm(long id, Optional<String> baseline, List<String> members) {
    long now = Micros.of(clock.instant());
    return store.inWriteTransaction("confirming subscription #" + id, c -> {
      Subscription s = existing(c, id);
      switch (s.state()) {
        case ACTIVE -> {
          return s;
        }
        case UNSUBSCRIBED -> throw new IllegalArgumentException("this subscription was ended; subscribe again to"
            + " follow it");
        case PENDING -> { }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE alert_subscription SET state = 'ACTIVE',"
          + " confirmed_micros = ?, last_digest_micros = ?, baseline = ?, created_position = ? WHERE id = ?")) {
        ps.setLong(1, now);
        ps.setLong(2, now);
        ps.setString(3, baseline.orElse(null));
        ps.setLong(4, ChangeLog.head(c));
        ps.setLong(5, id);
        ps.executeUpdate();
      }
      update(c, "DELETE FROM alert_member WHERE subscription_id = ?", id);
      addMembers(c, id, members);
      return byId(c, id).orElseThrow();
    });
  }

  @Override
  public Subscription update(long id, Set<Subscription.Rule> rules, Subscription.Frequency frequency) {
    Objects.requireNonNull(frequency, "frequency");
    return store.inWriteTransaction("changing subscription #" + id, c -> {
      Subscription s = existing(c, id);
      if (s.kind() == Subscription.Kind.TRIAL && rules.isEmpty()) {
        throw new IllegalArgumentException("a trial watch needs at least one thing to watch");
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE alert_subscription SET rules = ?, frequency = ?"
          + " WHERE id = ?")) {
        ps.setString(1, s.kind() == Subscription.Kind.TRIAL ? rules(rules) : null);
        ps.setString(2, frequency.name());
        ps.setLong(3, id);
        ps.executeUpdate();
      }
      return byId(c, id).orElseThrow();
    });
  }

  @Override
  public Subscription unsubscribe(long id) {
    return store.inWriteTransaction("ending subscription #" + id, c -> {
      existing(c, id);
      update(c, "UPDATE alert_subscription SET state = 'UNSUBSCRIBED', email = NULL, mail_token = NULL,"
          + " webhook_url = NULL, webhook_secret = NULL, baseline = NULL WHERE id = ?", id);
      update(c, "DELETE FROM alert WHERE subscription_id = ? AND sent_micros IS NULL", id);
      update(c, "DELETE FROM alert_member WHERE subscription_id = ?", id);
      return byId(c, id).orElseThrow();
    });
  }

  @Override
  public void delete(long id) {
    store.inWriteTransaction("deleting subscription #" + id, c -> {
      update(c, "DELETE FROM alert WHERE subscription_id = ?", id);
      update(c, "DELETE FROM alert_member WHERE subscription_id = ?", id);
      update(c, "DELETE FROM alert_subscription WHERE id = ?", id);
      return null;
    });
  }

  @Override
  public List<Subscription> active() {
    return store.read("listing active subscriptions", c -> list(c, "state = 'ACTIVE'", ps -> { }));
  }

  @Override
  public Set<String> members(long id, Collection<String> recordIds) {
    if (recordIds.isEmpty()) {
      return Set.of();
    }
    List<String> ids = List.copyOf(new HashSet<>(recordIds));
    return store.read("reading the matches of subscription #" + id, c -> {
      Set<String> found = new HashSet<>();
      for (int from = 0; from < ids.size(); from += 500) {
        List<String> part = ids.subList(from, Math.min(ids.size(), from + 500));
        String marks = part.stream().map(x -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement("SELECT record_id FROM alert_member WHERE subscription_id = ?"
            + " AND record_id IN (" + marks + ")")) {
          ps.setLong(1, id);
          for (int i = 0; i < part.size(); i++) {
            ps.setString(i + 2, part.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              found.add(rs.getString(1));
            }
          }
        }
      }
      return found;
    });
  }

  @Override
  public long followerPosition() {
    return store.read("reading where alert delivery stands", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT position FROM alert_follower WHERE id = 1");
          ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1L;
      }
    });
  }

  @Override
  public int record(long upTo, List<NewAlert> alerts, Map<Long, String> baselines, List<Member> added,
      List<Member> removed) {
    long now = Micros.of(clock.instant());
    return store.inWriteTransaction("recording " + alerts.size() + " alerts up to change " + upTo, c -> {
      int recorded = 0;
      long next = nextId(c, "alert");
      try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM alert WHERE subscription_id = ?"
          + " AND change_position = ?");
          PreparedStatement live = c.prepareStatement("SELECT state FROM alert_subscription WHERE id = ?");
          PreparedStatement insert = c.prepareStatement("INSERT INTO alert (" + ALERT_COLUMNS + ") VALUES (?, ?, ?,"
              + " ?, ?, ?, ?, ?, ?, NULL, 0, NULL, NULL)")) {
        for (NewAlert a : alerts) {
          exists.setLong(1, a.subscriptionId());
          exists.setLong(2, a.changePosition());
          try (ResultSet rs = exists.executeQuery()) {
            if (rs.next()) {
              continue; // applied before: exactly once per subscription and change
            }
          }
          live.setLong(1, a.subscriptionId());
          try (ResultSet rs = live.executeQuery()) {
            if (!rs.next() || !rs.getString(1).equals("ACTIVE")) {
              continue; // unsubscribed or deleted meanwhile
            }
          }
          insert.setLong(1, next++);
          insert.setLong(2, a.subscriptionId());
          insert.setLong(3, a.changePosition());
          insert.setString(4, a.recordId());
          insert.setString(5, a.title());
          insert.setString(6, a.summary());
          insert.setString(7, String.join("\n", a.details()));
          insert.setString(8, a.link());
          insert.setLong(9, now);
          insert.executeUpdate();
          recorded++;
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE alert_subscription SET baseline = ? WHERE id = ?"
          + " AND state = 'ACTIVE'")) {
        for (Map.Entry<Long, String> e : baselines.entrySet()) {
          ps.setString(1, e.getValue());
          ps.setLong(2, e.getKey());
          ps.executeUpdate();
        }
      }
      for (Member m : added) {
        addMembers(c, m.subscriptionId(), List.of(m.recordId()));
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert_member WHERE subscription_id = ?"
          + " AND record_id = ?")) {
        for (Member m : removed) {
          ps.setLong(1, m.subscriptionId());
          ps.setString(2, m.recordId());
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE alert_follower SET position = ? WHERE id = 1")) {
        ps.setLong(1, upTo);
        ps.executeUpdate();
      }
      return recorded;
    });
  }

  @Override
  public List<Alert> alerts(long subscriptionId, int limit) {
    return store.read("reading the alerts of subscription #" + subscriptionId, c -> alertList(c,
        "subscription_id = ? ORDER BY id DESC LIMIT ?", subscriptionId, limit));
  }

  @Override
  public List<Alert> unsent(long subscriptionId, int limit) {
    return store.read("reading the alerts to deliver to subscription #" + subscriptionId, c -> alertList(c,
        "subscription_id = ? AND sent_micros IS NULL AND (next_try_micros IS NULL OR next_try_micros < " + NEVER
            + ") ORDER BY id LIMIT ?", subscriptionId, limit));
  }

  @Override
  public List<Subscription> withUnsent(Subscription.Channel channel) {
    return store.read("listing subscriptions with alerts to deliver", c -> list(c, "state = 'ACTIVE' AND channel = ?"
        + " AND id IN (SELECT subscription_id FROM alert WHERE sent_micros IS NULL AND (next_try_micros IS NULL"
        + " OR next_try_micros < " + NEVER + "))", ps -> ps.setString(1, channel.name())));
  }

  @Override
  public void markSent(Collection<Long> alertIds, Instant at) {
    long micros = Micros.of(at);
    store.inWriteTransaction("marking " + alertIds.size() + " alerts delivered", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE alert SET sent_micros = ?, next_try_micros = NULL"
          + " WHERE id = ? AND sent_micros IS NULL")) {
        for (long id : alertIds) {
          ps.setLong(1, micros);
          ps.setLong(2, id);
          ps.executeUpdate();
        }
      }
      return null;
    });
  }

  @Override
  public void markFailed(Collection<Long> alertIds, String error, Optional<Instant> nextTryAt) {
    long next = nextTryAt.map(Micros::of).orElse(NEVER);
    store.inWriteTransaction("recording a failed delivery of " + alertIds.size() + " alerts", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE alert SET attempts = attempts + 1, last_error = ?,"
          + " next_try_micros = ? WHERE id = ? AND sent_micros IS NULL")) {
        for (long id : alertIds) {
          ps.setString(1, error.length() > 500 ? error.substring(0, 500) : error);
          ps.setLong(2, next);
          ps.setLong(3, id);
          ps.executeUpdate();
        }
      }
      return null;
    });
  }

  @Override
  public void markDigest(long id, Instant at) {
    long micros = Micros.of(at);
    store.inWriteTransaction("recording a digest of subscription #" + id, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE alert_subscription SET last_digest_micros = ?"
          + " WHERE id = ?")) {
        ps.setLong(1, micros);
        ps.setLong(2, id);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void resetFollower(long position) {
    if (position < 0) {
      throw new IllegalArgumentException("log positions are 0 or more, got " + position);
    }
    store.inWriteTransaction("moving alert delivery back to change " + position, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE alert_follower SET position = ? WHERE id = 1")) {
        ps.setLong(1, position);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public long openFollower() {
    return store.inWriteTransaction("starting alert delivery", c -> {
      long position;
      try (PreparedStatement ps = c.prepareStatement("SELECT position FROM alert_follower WHERE id = 1");
          ResultSet rs = ps.executeQuery()) {
        position = rs.next() ? rs.getLong(1) : -1L;
      }
      if (position >= 0) {
        return position;
      }
      // Nothing before the oldest subscription is anybody's news.
      long start = ChangeLog.head(c);
      try (PreparedStatement ps = c.prepareStatement("SELECT MIN(created_position) FROM alert_subscription");
          ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getObject(1) != null) {
          start = Math.min(start, rs.getLong(1));
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE alert_follower SET position = ? WHERE id = 1")) {
        ps.setLong(1, start);
        ps.executeUpdate();
      }
      return start;
    });
  }

  // ------------------------------------------------------------------ helpers

  private String secret() {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    String s = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Arrays.fill(bytes, (byte) 0);
    return s;
  }

  /** SHA-256 of a token in hex: a 256-bit random token needs no salt or slow hash. */
  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String rules(Set<Subscription.Rule> rules) {
    return rules.isEmpty() ? null
        : EnumSet.copyOf(rules).stream().map(Subscription.Rule::code).collect(Collectors.joining(" "));
  }

  private static long nextId(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM " + table); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1) + 1;
    }
  }

  private static void update(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }

  private static void addMembers(Connection c, long id, List<String> members) throws SQLException {
    if (members.isEmpty()) {
      return;
    }
    try (PreparedStatement has = c.prepareStatement("SELECT 1 FROM alert_member WHERE subscription_id = ?"
        + " AND record_id = ?");
        PreparedStatement ps = c.prepareStatement("INSERT INTO alert_member (subscription_id, record_id) VALUES (?, ?)")) {
      for (String m : new java.util.LinkedHashSet<>(members)) {
        has.setLong(1, id);
        has.setString(2, m);
        try (ResultSet rs = has.executeQuery()) {
          if (rs.next()) {
            continue;
          }
        }
        ps.setLong(1, id);
        ps.setString(2, m);
        ps.executeUpdate();
      }
    }
  }

  private static Subscription existing(Connection c, long id) throws SQLException {
    return byId(c, id).orElseThrow(() -> new IllegalArgumentException("there is no subscription #" + id
        + "; it may have been deleted"));
  }

  private static Optional<Subscription> byId(Connection c, long id) throws SQLException {
    return one(c, "id = ?", ps -> ps.setLong(1, id));
  }

  @FunctionalInterface
  private interface Bind {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static Optional<Subscription> one(Connection c, String where, Bind bind) throws SQLException {
    List<Subscription> l = list(c, where, bind);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
  }

  private static List<Subscription> list(Connection c, String where, Bind bind) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alert_subscription WHERE " + where
        + " ORDER BY id")) {
      bind.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        List<Subscription> all = new ArrayList<>();
        while (rs.next()) {
          Set<Subscription.Rule> rules = EnumSet.noneOf(Subscription.Rule.class);
          String ruleText = rs.getString(5);
          if (ruleText != null) {
            for (String code : ruleText.trim().split(" +")) {
              Subscription.Rule.of(code).ifPresent(rules::add);
            }
          }
          all.add(new Subscription(rs.getLong(1), Subscription.Kind.valueOf(rs.getString(2)),
              Optional.ofNullable(rs.getString(3)), Optional.ofNullable(rs.getString(4)), rules,
              Subscription.Channel.valueOf(rs.getString(6)), Subscription.Frequency.valueOf(rs.getString(7)),
              Subscription.State.valueOf(rs.getString(8)), Optional.ofNullable(rs.getString(9)),
              Optional.ofNullable(rs.getString(10)), Optional.ofNullable(rs.getString(11)),
              Optional.ofNullable(rs.getString(12)), Micros.toInstant(rs.getLong(13)), rs.getLong(14),
              Micros.read(rs, 15), Micros.read(rs, 16), Optional.ofNullable(rs.getString(17))));
        }
        return all;
      }
    }
  }

  private static List<Alert> alertList(Connection c, String whereOrder, long subscriptionId, int limit)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM alert WHERE " + whereOrder)) {
      ps.setLong(1, subscriptionId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        List<Alert> all = new ArrayList<>();
        while (rs.next()) {
          String details = rs.getString(7);
          all.add(new Alert(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
              rs.getString(6), details.isEmpty() ? List.of() : List.of(details.split("\n", -1)), rs.getString(8),
              Micros.toInstant(rs.getLong(9)), Micros.read(rs, 10), rs.getInt(11), Micros.read(rs, 12),
              Optional.ofNullable(rs.getString(13))));
        }
        return all;
      }
    }
  }
}
