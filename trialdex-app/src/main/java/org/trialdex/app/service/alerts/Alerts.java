package org.trialdex.app.service.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trialdex.app.service.Searches;
import org.trialdex.store.Alert;
import org.trialdex.store.ChangeFollower;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.StudyStore;
import org.trialdex.store.Subscription;
import org.trialdex.store.Subscription.Channel;
import org.trialdex.store.Subscription.Frequency;
import org.trialdex.store.Subscription.Rule;
import org.trialdex.store.Subscriptions;

/**
 * Following searches and trials (issue #15): subscribing, confirming, managing and ending
 * subscriptions, and the follower and delivery that turn the store's changes into alerts by feed,
 * e-mail and webhook. The faces call this; the store keeps subscriptions and alerts.
 *
 * <p>An e-mail subscription is double opt-in: making it sends one confirmation mail whose link
 * activates it, and nothing else goes to the address until then. Every mail has a one-click
 * unsubscribe link and the RFC 8058 headers. Unsubscribing forgets the address; deleting forgets
 * the subscription altogether.
 */
public final class Alerts implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Alerts.class.getName());
  /** Changes handed to the alert sink at once. */
  static final int BATCH = 500;
  static final Duration POLL = Duration.ofMillis(500);
  /** How long the follower waits for the search index to reflect a batch before trying again later. */
  static final Duration INDEX_WAIT = Duration.ofSeconds(30);

  /**
   * How alerts are delivered.
   *
   * @param publicUrl the server's public address, the base of the links in mails and webhooks; e-mail
   *     needs it
   * @param smtp the mail server; without it, there is no e-mail channel
   * @param maxPerAddress the most subscriptions one e-mail address may hold
   * @param webhooksToInternalAddresses whether webhooks may post to loopback and private addresses
   * @param deliverEvery how often due alerts (digests, retries) are looked for
   */
  public record Settings(Optional<String> publicUrl, Optional<SmtpSettings> smtp, int maxPerAddress,
      boolean webhooksToInternalAddresses, Duration deliverEvery) {
    public Settings {
      Objects.requireNonNull(publicUrl, "publicUrl");
      Objects.requireNonNull(smtp, "smtp");
      if (maxPerAddress < 1) {
        throw new IllegalArgumentException("maxPerAddress must be at least 1, got " + maxPerAddress);
      }
      Objects.requireNonNull(deliverEvery, "deliverEvery");
    }

    /** No mail, no public URL, 20 subscriptions an address, public webhooks only, a look every 30 s. */
    public static Settings defaults() {
      return new Settings(Optional.empty(), Optional.empty(), 20, false, Duration.ofSeconds(30));
    }

    public Settings withPublicUrl(String url) {
      return new Settings(Optional.of(url), smtp, maxPerAddress, webhooksToInternalAddresses, deliverEvery);
    }

    public Settings withSmtp(SmtpSettings s) {
      return new Settings(publicUrl, Optional.of(s), maxPerAddress, webhooksToInternalAddresses, deliverEvery);
    }

    public Settings withMaxPerAddress(int max) {
      return new Settings(publicUrl, smtp, max, webhooksToInternalAddresses, deliverEvery);
    }

    public Settings withWebhooksToInternalAddresses(boolean allowed) {
      return new Settings(publicUrl, smtp, maxPerAddress, allowed, deliverEvery);
    }

    public Settings withDeliverEvery(Duration every) {
      return new Settings(publicUrl, smtp, maxPerAddress, webhooksToInternalAddresses, every);
    }
  }

  /**
   * How a subscriber wants to hear.
   *
   * @param email EMAIL: the address as typed
   * @param webhookUrl WEBHOOK: the URL as typed
   */
  public record How(Channel channel, Frequency frequency, Optional<String> email, Optional<String> webhookUrl) {
    public How {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(frequency, "frequency");
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(webhookUrl, "webhookUrl");
    }
  }

  /**
   * A subscription just made.
   *
   * @param token the token for the feed and manage links: shown to the subscriber for feeds and
   *     webhooks; empty for e-mail, whose links go only to the address (in the confirmation mail)
   * @param webhookSecret WEBHOOK: the signing secret, shown once
   * @param maskedEmail EMAIL: the address masked, to say where the confirmation went
   */
  public record Made(Subscription subscription, Optional<String> token, Optional<String> webhookSecret,
      Optional<String> maskedEmail) {
    @Override
    public String toString() {
      return "Made[" + subscription + "]";
    }
  }

  /** A subscription as its manage page shows it: never the address in full. */
  public record View(Subscription subscription, String what, Optional<String> maskedEmail, List<Alert> recent) {}

  /** A token that names no subscription (malformed, unknown, or deleted). */
  public static final class UnknownToken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownToken() {
      super("this alert link is not (or no longer) valid: the subscription may have been deleted. Follow the search"
          + " or trial again to get a new one");
    }
  }

  private final StudyStore store;
  private final Subscriptions subs;
  private final Settings settings;
  private final Optional<Mailer> mailer;
  private final Optional<Messages> messages;
  private final SearchMatches searches;
  private final Webhooks webhooks;
  private final Delivery delivery;
  private final ChangeFollower follower;
  private ScheduledExecutorService deliverer;

  /**
   * Alerts over {@code store}, searches matched with {@code searches}, mail sent with {@code mailer}
   * (when settings name an SMTP server and a public URL; else there is no e-mail channel).
   *
   * @param indexPosition the change log position the search index reflects now
   */
  public Alerts(StudyStore store, Searches searches, java.util.function.LongSupplier indexPosition, Clock clock,
      Settings settings, Optional<Mailer> mailer) {
    this.store = Objects.requireNonNull(store, "store");
    this.subs = store.subscriptions();
    this.settings = Objects.requireNonNull(settings, "settings");
    boolean mail = mailer.isPresent() && settings.publicUrl().isPresent();
    this.mailer = mail ? mailer : Optional.empty();
    this.messages = mail ? settings.publicUrl().map(Messages::new) : Optional.empty();
    this.searches = new SearchMatches(searches);
    this.webhooks = new Webhooks(settings.webhooksToInternalAddresses());
    this.delivery = new Delivery(subs, this.mailer, messages, webhooks, clock, settings.publicUrl().orElse(""),
        this::describe);
    AlertSink sink = new AlertSink(store, this.searches, position -> awaitIndex(searches, indexPosition, position),
        this::nudge);
    this.follower = ChangeFollower.of(store, sink, "alerts", BATCH, POLL);
  }

  /** Alerts with an SMTP mailer when settings name a mail server. */
  public static Alerts of(StudyStore store, Searches searches, java.util.function.LongSupplier indexPosition,
      Clock clock, Settings settings) {
    return new Alerts(store, searches, indexPosition, clock, settings,
        settings.smtp().map(s -> (Mailer) new SmtpMailer(s)));
  }

  private static void awaitIndex(Searches searches, java.util.function.LongSupplier indexPosition, long position) {
    long deadline = System.nanoTime() + INDEX_WAIT.toNanos();
    while (indexPosition.getAsLong() < position) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the search index has not reached change " + position + " yet; alerts for"
            + " followed searches wait for it");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the search index", e);
      }
    }
  }

  /** Whether subscribers can choose e-mail: a mail server and the public URL are configured. */
  public boolean emailAvailable() {
    return mailer.isPresent();
  }

  /** The most subscriptions one address may hold. */
  public int maxPerAddress() {
    return settings.maxPerAddress();
  }

  // ------------------------------------------------------------------ subscribing

  /**
   * Follows the search {@code params} name (the API's parameters).
   *
   * @throws IllegalArgumentException naming what is wrong: the search, the channel, the address, the URL
   */
  public Made followSearch(Map<String, List<String>> params, How how) {
    return followSearch(params, how, () -> { });
  }

  /**
   * As {@link #followSearch(Map, How)}, calling {@code admit} once the request is found well-formed
   * and before anything is stored or mailed: where a server limits how many subscriptions a client
   * makes (it throws to refuse).
   */
  public Made followSearch(Map<String, List<String>> params, How how, Runnable admit) {
    String query = SearchMatches.canonical(params);
    checkHow(how);
    Optional<String> email = email(how);
    Optional<String> webhook = webhook(how);
    admit.run();
    List<String> members = searches.all(query);
    return made(new Subscriptions.NewSubscription(Subscription.Kind.SEARCH, Optional.of(query), Optional.empty(),
        Set.of(), how.channel(), frequency(how), email, webhook, Optional.empty(), members));
  }

  /**
   * Watches the trial {@code id} names (an NCT id or another id it is stored under) for {@code rules}.
   *
   * @throws IllegalArgumentException when there is no such trial, no rule, or the channel is wrong
   */
  public Made watchTrial(String id, Set<Rule> rules, How how) {
    return watchTrial(id, rules, how, () -> { });
  }

  /** As {@link #watchTrial(String, Set, How)}, calling {@code admit} as {@link #followSearch(Map, How, Runnable)} does. */
  public Made watchTrial(String id, Set<Rule> rules, How how, Runnable admit) {
    String wanted = id == null ? "" : id.strip();
    StoredStudy current = store.current(wanted).orElseThrow(() -> new IllegalArgumentException("there is no trial '"
        + wanted + "' in this registry; check the NCT number (NCT followed by 8 digits)"));
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("choose at least one thing to watch: status, enrollment, sites, primary"
          + " completion date, results or eligibility");
    }
    checkHow(how);
    Optional<String> email = email(how);
    Optional<String> webhook = webhook(how);
    admit.run();
    String baseline = WatchFacts.of(current.study(), current.version()).toJson();
    return made(new Subscriptions.NewSubscription(Subscription.Kind.TRIAL, Optional.empty(),
        Optional.of(current.nctId()), rules, how.channel(), frequency(how), email, webhook,
        Optional.of(baseline), List.of()));
  }

  private void checkHow(How how) {
    if (how.channel() == Channel.EMAIL && !emailAvailable()) {
      throw new IllegalArgumentException("this server does not send e-mail (no mail server is configured); choose"
          + " the feed or a webhook");
    }
  }

  private static Frequency frequency(How how) {
    return how.channel() == Channel.EMAIL ? how.frequency() : Frequency.IMMEDIATE;
  }

  private static Optional<String> email(How how) {
    return how.channel() == Channel.EMAIL ? Optional.of(Addresses.normalize(how.email())) : Optional.empty();
  }

  private Optional<String> webhook(How how) {
    return how.channel() == Channel.WEBHOOK ? Optional.of(webhooks.check(how.webhookUrl().orElse("")).toString())
        : Optional.empty();
  }

  private Made made(Subscriptions.NewSubscription n) {
    Subscriptions.Created created = subs.create(n, settings.maxPerAddress());
    Subscription s = created.subscription();
    if (s.channel() == Channel.EMAIL) {
      // The one mail an unconfirmed address gets. If it cannot be sent, the request is undone.
      try {
        mailer.orElseThrow().send(messages.orElseThrow().confirmation(s, created.token(), describe(s)));
      } catch (RuntimeException e) {
        subs.delete(s.id());
        LOG.log(Level.WARNING, "confirmation mail for subscription #" + s.id() + " not sent: " + e.getMessage());
        throw new IllegalStateException("the confirmation mail could not be sent just now; try again later", e);
      }
      return new Made(s, Optional.empty(), Optional.empty(), s.email().map(Addresses::mask));
    }
    return new Made(s, Optional.of(created.token()), s.webhookSecret(), Optional.empty());
  }

  // ------------------------------------------------------------------ by token

  /** The subscription {@code token} names, as its page shows it. */
  public View view(String token) {
    Subscription s = byToken(token);
    return new View(s, describe(s), s.email().map(Addresses::mask), subs.alerts(s.id(), 20));
  }

  /**
   * Confirms the address of the subscription {@code token} names: alerts start from now.
   *
   * @throws UnknownToken when it names none
   * @throws IllegalArgumentException when it was unsubscribed
   */
  public View confirm(String token) {
    Subscription s = byToken(token);
    if (s.state() == Subscription.State.PENDING) {
      Optional<String> baseline = s.recordId().flatMap(store::current)
          .map(r -> WatchFacts.of(r.study(), r.version()).toJson());
      List<String> members = s.search().map(searches::all).orElse(List.of());
      subs.confirm(s.id(), baseline, members);
    } else if (s.state() == Subscription.State.UNSUBSCRIBED) {
      throw new IllegalArgumentException("this subscription was ended; follow the search or trial again to restart it");
    }
    return view(token);
  }

  /** Changes what a trial watch watches and how often e-mail comes. */
  public View update(String token, Set<Rule> rules, Frequency frequency) {
    Subscription s = byToken(token);
    if (s.state() == Subscription.State.UNSUBSCRIBED) {
      throw new IllegalArgumentException("this subscription was ended; follow the search or trial again");
    }
    subs.update(s.id(), rules, s.channel() == Channel.EMAIL ? frequency : Frequency.IMMEDIATE);
    return view(token);
  }

  /** Ends the subscription {@code token} names; its address is forgotten. Twice is harmless. */
  public View unsubscribe(String token) {
    Subscription s = byToken(token);
    subs.unsubscribe(s.id());
    return view(token);
  }

  /** Deletes the subscription {@code token} names and everything kept about it. */
  public void delete(String token) {
    subs.delete(byToken(token).id());
  }

  /** The newest alerts of the subscription {@code token} names, newest first (its feed). */
  public List<Alert> feed(String token, int limit) {
    return subs.alerts(byToken(token).id(), limit);
  }

  private Subscription byToken(String token) {
    return subs.byToken(token).orElseThrow(UnknownToken::new);
  }

  /** What a subscription follows, in words. */
  public String describe(Subscription s) {
    if (s.kind() == Subscription.Kind.SEARCH) {
      return "trials matching the search " + SearchMatches.describe(s.search().orElse(""));
    }
    String id = s.recordId().orElse("");
    String title = store.current(id).map(r -> AlertSink.title(r.study(), id)).orElse(id);
    return "the trial " + id + (title.equals(id) ? "" : " (" + title + ")") + " changes: "
        + String.join(", ", s.rules().stream().sorted().map(Alerts::ruleLabel).toList());
  }

  /** A rule in words: "status", "primary completion date". */
  public static String ruleLabel(Rule r) {
    return switch (r) {
      case STATUS -> "status";
      case ENROLLMENT -> "enrollment";
      case SITES -> "sites added or removed";
      case PRIMARY_COMPLETION -> "primary completion date";
      case RESULTS -> "results posted";
      case ELIGIBILITY -> "eligibility (criteria, ages, sex)";
    };
  }

  /**
   * The search {@code params} name as the canonical query string a followed search keeps (sorted,
   * without paging or presentation parameters).
   *
   * @throws IllegalArgumentException when the search has no terms or a parameter is wrong
   */
  public static String canonicalSearch(Map<String, List<String>> params) {
    return SearchMatches.canonical(params);
  }

  /** A query string read back into the API's parameters. */
  public static Map<String, List<String>> searchParams(String query) {
    return SearchMatches.params(query);
  }

  /** A followed search in words: {@code Condition: lupus; Status: RECRUITING}. */
  public static String describeSearch(String query) {
    return SearchMatches.describe(query);
  }

  // ------------------------------------------------------------------ following and delivering

  /** Applies every change committed so far, in the caller's thread; returns the position reached. */
  public long catchUp() {
    return follower.catchUp();
  }

  /** Delivers every alert due now; returns how many. */
  public int deliverDue() {
    return delivery.deliverDue();
  }

  /** Where the follower stands. */
  public ChangeFollower.Status status() {
    return follower.status();
  }

  /** Follows the store and delivers in the background until {@link #close()} (a server). */
  public synchronized void start() {
    if (deliverer != null) {
      return;
    }
    follower.startInBackground();
    deliverer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "trialdex-alert-delivery");
      t.setDaemon(true);
      return t;
    });
    deliverer.scheduleWithFixedDelay(this::deliverQuietly, settings.deliverEvery().toMillis(),
        settings.deliverEvery().toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void nudge() {
    if (deliverer != null) {
      deliverer.execute(this::deliverQuietly);
    }
  }

  private void deliverQuietly() {
    try {
      delivery.deliverDue();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "alert delivery failed, tried again in " + settings.deliverEvery() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    follower.close();
    ScheduledExecutorService d;
    synchronized (this) {
      d = deliverer;
      deliverer = null;
    }
    if (d != null) {
      d.shutdown();
      try {
        d.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
