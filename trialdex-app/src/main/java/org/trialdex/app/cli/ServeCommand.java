package org.trialdex.app.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.trialdex.app.Trialdex;
import org.trialdex.app.http.AdminSettings;
import org.trialdex.app.http.HttpServer;
import org.trialdex.app.http.PublicUrl;
import org.trialdex.app.http.ServerLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialdex serve}: the HTTP server (ClinicalTrials.gov API v2-compatible endpoints under
 * {@code /api/v2}, {@code /health}) until stopped with SIGTERM or Ctrl-C, which finishes running
 * requests and closes the store.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves the ClinicalTrials.gov API v2-compatible HTTP API until stopped.",
        "Listens on loopback unless told otherwise; each request is logged as one line on stderr."})
final class ServeCommand implements Callable<Integer> {

  @Mixin StoreOptions storeOptions;
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT",
      description = "Port to listen on (default: $TRIALDEX_PORT or 8080; 0 picks a free one).")
  Integer port;

  @Option(names = "--host", paramLabel = "HOST",
      description = "Address to listen on (default: $TRIALDEX_HOST or 127.0.0.1, loopback only).")
  String host;

  @Option(names = "--public-url", paramLabel = "URL",
      description = {"The address clients reach the server at, e.g. https://trials.example.org behind a reverse proxy:",
          "the base of the feed's links (default: $TRIALDEX_PUBLIC_URL, or the address a request reached; never the",
          "request's Host header)."})
  String publicUrl;

  @Option(names = "--max-expensive", paramLabel = "N",
      description = "Expensive requests (searches, CSV, feeds, statistics, landscapes, matching) run at once; "
          + "more wait up to --queue-wait-ms, then answer 503 with Retry-After (default: 2 per processor, at least 2).")
  Integer maxExpensive;

  @Option(names = "--queue-wait-ms", paramLabel = "MS",
      description = "How long an expensive request waits for a place before it answers 503 (default: 500).")
  Long queueWaitMs;

  @Option(names = "--max-light", paramLabel = "N",
      description = "Light requests (a study's JSON or page, its history and reports) worked on at once; more wait up "
          + "to 5 s, then answer 503 with Retry-After (default: 1 per processor, at least 2).")
  Integer maxLight;

  @Option(names = "--max-threads", paramLabel = "N",
      description = "Requests in progress at once, each on a thread of its own; more wait in a queue. Keep it above "
          + "the connections expected at once (default: 1000).")
  Integer maxThreads;

  @Option(names = "--time-limit-ms", paramLabel = "MS",
      description = "Longest a search or a statistics request may take before it answers 503 (default: 10000).")
  Long timeLimitMs;

  @Option(names = "--sync-every", paramLabel = "DURATION",
      description = {"Sync from the upstream (--from, ClinicalTrials.gov by default) at start and then every DURATION,",
          "e.g. 6h; one sync at a time across the nodes sharing the store. The sync options of 'trialdex sync' apply."})
  String syncEvery;

  @Mixin SyncOptions syncOptions;

  @Option(names = "--admin-rate", paramLabel = "N/min",
      description = "Requests each API token may make per minute on the admin API (/api/admin); past it 429 with "
          + "Retry-After (default: " + AdminSettings.RATE_PER_MINUTE + "/min).")
  String adminRate;

  @Option(names = "--admin-burst", paramLabel = "N",
      description = "Requests each API token may make at once before --admin-rate applies (default: "
          + AdminSettings.BURST + ").")
  Integer adminBurst;

  @Option(names = "--admin-max-body", paramLabel = "SIZE",
      description = "Largest body POST /api/admin/import takes, streamed to a temporary file; larger ones answer 413 "
          + "(default: 256M).")
  String adminMaxBody;

  @Option(names = "--smtp-host", paramLabel = "HOST",
      description = {"The mail server alert e-mail goes through (default: $TRIALDEX_SMTP_HOST). Without it, and",
          "without --public-url for the links in mails, subscribers can choose the feed or a webhook only."})
  String smtpHost;

  @Option(names = "--smtp-port", paramLabel = "PORT",
      description = "The mail server's port (default: $TRIALDEX_SMTP_PORT, else 587 with starttls, 465 with tls, 25).")
  Integer smtpPort;

  @Option(names = "--smtp-security", paramLabel = "MODE",
      description = "none, starttls or tls (default: $TRIALDEX_SMTP_SECURITY or starttls).")
  String smtpSecurity;

  @Option(names = "--smtp-user", paramLabel = "USER",
      description = "The login at the mail server, if it wants one (default: $TRIALDEX_SMTP_USER).")
  String smtpUser;

  @Option(names = "--smtp-password-file", paramLabel = "FILE",
      description = {"A file holding the mail server's password (its first line); else $TRIALDEX_SMTP_PASSWORD.",
          "Never on the command line, where other users of the machine can read it."})
  java.nio.file.Path smtpPasswordFile;

  @Option(names = "--mail-from", paramLabel = "ADDRESS",
      description = "The sender of alert mail, e.g. alerts@trials.example.org (default: $TRIALDEX_MAIL_FROM).")
  String mailFrom;

  @Option(names = "--alerts-per-address", paramLabel = "N",
      description = "Subscriptions one e-mail address may hold (default: 20).")
  Integer alertsPerAddress;

  @Option(names = "--webhooks-to-internal-addresses",
      description = "Let webhooks post to loopback and private addresses (default: public addresses only).")
  boolean webhooksToInternal;

  @Override
  public Integer call() throws InterruptedException {
    int p = port != null ? port : env("TRIALDEX_PORT").map(ServeCommand::port).orElse(8080);
    if (p < 0 || p > 65535) {
      throw new TrialdexCommand.UsageError("--port takes 0 to 65535, got " + p);
    }
    String h = host != null ? host : env("TRIALDEX_HOST").orElse("127.0.0.1");
    java.util.Optional<PublicUrl> base = publicUrl(publicUrl != null
        ? java.util.Optional.of(publicUrl) : env("TRIALDEX_PUBLIC_URL"), publicUrl != null ? "--public-url" : "TRIALDEX_PUBLIC_URL");
    ServerLimits limits = limits();
    java.util.Optional<Duration> every = java.util.Optional.ofNullable(syncEvery)
        .map(t -> SyncOptions.duration(t, "--sync-every"));
    if (every.filter(d -> d.compareTo(Duration.ofSeconds(1)) < 0).isPresent()) {
      throw new TrialdexCommand.UsageError("--sync-every takes at least 1s, got '" + syncEvery + "'");
    }
    org.trialdex.app.service.Syncs.Options sync = syncOptions.options();

    AdminSettings settings = admin();
    org.trialdex.app.service.alerts.Alerts.Settings alertSettings = alerts(base);
    Trialdex trialdex = storeOptions.open();
    AdminSettings admin = settings.withSync(new SyncOnRequest(trialdex, sync, spec.commandLine().getErr()));
    HttpServer server;
    try {
      // Search follows the store from here on; a missing index is rebuilt while the server answers.
      trialdex.indexing().followInBackground();
      // Alerts follow the store too, and deliver what is due (issue #15).
      trialdex.alerts(alertSettings).start();
      server = HttpServer.start(trialdex, h, p, limits, base, admin);
    } catch (RuntimeException e) {
      trialdex.close();
      throw e;
    }
    java.util.Optional<ScheduledSync> scheduled = every.map(d -> ScheduledSync.start(trialdex, sync, d,
        spec.commandLine().getErr()));
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      scheduled.ifPresent(ScheduledSync::close);
      server.close();
      trialdex.close();
      stopped.countDown();
    }, "trialdex-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    spec.commandLine().getOut().printf("trialdex serving on http://%s:%d/%n", h, server.port());
    spec.commandLine().getOut().flush();
    stopped.await();
    return TrialdexCommand.OK;
  }

  private ServerLimits limits() {
    ServerLimits limits = ServerLimits.defaults();
    if (maxExpensive != null) {
      limits = limits.withExpensiveAtOnce(inRange("--max-expensive", maxExpensive, 1, 1024));
    }
    if (queueWaitMs != null) {
      limits = limits.withQueueWait(Duration.ofMillis(inRange("--queue-wait-ms", queueWaitMs, 0, 60_000)));
    }
    if (maxLight != null) {
      limits = limits.withLightAtOnce(inRange("--max-light", maxLight, 1, 1024));
    }
    if (maxThreads != null) {
      limits = limits.withRequestThreads(inRange("--max-threads", maxThreads, 16, 10_000));
    }
    if (timeLimitMs != null) {
      if (timeLimitMs < 1) {
        throw new TrialdexCommand.UsageError("--time-limit-ms takes a number of milliseconds from 1, got " + timeLimitMs);
      }
      limits = limits.withTimeLimit(Duration.ofMillis(timeLimitMs));
    }
    return limits;
  }

  private AdminSettings admin() {
    AdminSettings admin = AdminSettings.defaults();
    if (adminRate != null || adminBurst != null) {
      int rate = adminRate == null ? admin.ratePerMinute() : perMinute(adminRate);
      admin = admin.withRate(rate, adminBurst == null ? admin.burst() : inRange("--admin-burst", adminBurst, 1, 10_000));
    }
    if (adminMaxBody != null) {
      admin = admin.withMaxBodyBytes(Sizes.parse(adminMaxBody, "--admin-max-body"));
    }
    return admin;
  }

  private org.trialdex.app.service.alerts.Alerts.Settings alerts(java.util.Optional<PublicUrl> base) {
    var s = org.trialdex.app.service.alerts.Alerts.Settings.defaults();
    if (base.isPresent()) {
      s = s.withPublicUrl(base.get().base());
    }
    if (alertsPerAddress != null) {
      s = s.withMaxPerAddress(inRange("--alerts-per-address", alertsPerAddress, 1, 10_000));
    }
    s = s.withWebhooksToInternalAddresses(webhooksToInternal);
    java.util.Optional<String> host = smtpHost != null ? java.util.Optional.of(smtpHost) : env("TRIALDEX_SMTP_HOST");
    if (host.isEmpty()) {
      return s;
    }
    try {
      var security = org.trialdex.app.service.alerts.SmtpSettings.Security.of(smtpSecurity != null ? smtpSecurity
          : env("TRIALDEX_SMTP_SECURITY").orElse("starttls"));
      int port = smtpPort != null ? smtpPort : env("TRIALDEX_SMTP_PORT").map(ServeCommand::smtpPort)
          .orElse(switch (security) {
            case STARTTLS -> 587;
            case TLS -> 465;
            case NONE -> 25;
          });
      String from = mailFrom != null ? mailFrom : env("TRIALDEX_MAIL_FROM").orElseThrow(() ->
          new TrialdexCommand.UsageError("--smtp-host needs --mail-from (or TRIALDEX_MAIL_FROM): the sender of alert"
              + " mail"));
      if (base.isEmpty()) {
        throw new TrialdexCommand.UsageError("--smtp-host needs --public-url (or TRIALDEX_PUBLIC_URL): alert mails"
            + " link back to the server, and a link must work from the subscriber's mail program");
      }
      java.util.Optional<String> user = smtpUser != null ? java.util.Optional.of(smtpUser) : env("TRIALDEX_SMTP_USER");
      return s.withSmtp(new org.trialdex.app.service.alerts.SmtpSettings(host.get(), port, user, password(), from,
          security));
    } catch (IllegalArgumentException e) {
      throw new TrialdexCommand.UsageError(e.getMessage());
    }
  }

  private java.util.Optional<String> password() {
    if (smtpPasswordFile != null) {
      try {
        String text = java.nio.file.Files.readString(smtpPasswordFile).lines().findFirst().orElse("").strip();
        if (text.isEmpty()) {
          throw new TrialdexCommand.UsageError("--smtp-password-file " + smtpPasswordFile + " is empty");
        }
        return java.util.Optional.of(text);
      } catch (java.io.IOException e) {
        throw new TrialdexCommand.UsageError("--smtp-password-file " + smtpPasswordFile + " cannot be read: " + e);
      }
    }
    return java.util.Optional.ofNullable(System.getenv("TRIALDEX_SMTP_PASSWORD")).filter(p -> !p.isEmpty());
  }

  /** {@code 60/min}, {@code 60} (a minute) or {@code 2/s} as requests a minute. */
  static int perMinute(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d{1,6})\\s*(?:/\\s*(min|m|s|sec))?\\s*")
        .matcher(text);
    if (!m.matches()) {
      throw new TrialdexCommand.UsageError("--admin-rate takes requests a minute such as 60/min (or 2/s), got '" + text + "'");
    }
    long n = Long.parseLong(m.group(1)) * (m.group(2) != null && m.group(2).startsWith("s") ? 60 : 1);
    return inRange("--admin-rate (a minute)", n, 1, 60_000);
  }

  /** {@code value} of {@code option} when it is from {@code min} to {@code max}; else a usage error naming both. */
  private static int inRange(String option, long value, int min, int max) {
    if (value < min || value > max) {
      throw new TrialdexCommand.UsageError(option + " takes " + min + " to " + max + ", got " + value);
    }
    return (int) value;
  }

  private static java.util.Optional<String> env(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(v.strip());
  }

  private static java.util.Optional<PublicUrl> publicUrl(java.util.Optional<String> text, String from) {
    try {
      return text.map(PublicUrl::of);
    } catch (IllegalArgumentException e) {
      throw new TrialdexCommand.UsageError(from + ": " + e.getMessage());
    }
  }

  private static int smtpPort(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new TrialdexCommand.UsageError("TRIALDEX_SMTP_PORT takes a port number, got '" + text + "'");
    }
  }

  private static int port(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new TrialdexCommand.UsageError("TRIALDEX_PORT takes a port number, got '" + text + "'");
    }
  }
}
