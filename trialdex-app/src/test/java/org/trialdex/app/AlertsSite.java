package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.app.http.HttpServer;
import org.trialdex.app.http.PublicUrl;
import org.trialdex.app.http.ServerLimits;
import org.trialdex.app.service.alerts.Alerts;
import org.trialdex.app.service.alerts.SmtpSettings;
import org.trialdex.store.StoreLocation;

/**
 * A trialdex server on loopback with alerts set up as an operator would (issue #15): a real SMTP
 * server on a loopback port (GreenMail) that keeps the delivered mail, the server's public URL, and
 * a store of small trials written here whose records the tests change by importing new versions
 * through the command line.
 */
public final class AlertsSite implements AutoCloseable {

  public static final String FROM = "alerts@trialdex.test";

  private final Path dir;
  private final Path data;
  private final int port;
  private final Trialdex trialdex;
  private final HttpServer server;
  private GreenMail mail;
  private final int smtpPort;
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private int imports;

  /**
   * Imports {@code records} (a JSON array of v2 studies) under {@code dir} and serves them with
   * alerts, times kept by {@code clock}; {@code settings} may allow webhooks to loopback.
   */
  public AlertsSite(Path dir, String records, Clock clock, boolean webhooksToLoopback) {
    this.dir = dir;
    this.data = dir.resolve("data");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    importRecords(records);
    this.mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    mail.start();
    this.smtpPort = mail.getSmtp().getPort();
    this.port = freePort();
    String base = "http://127.0.0.1:" + port;
    StoreLocation location = new StoreLocation.Sqlite(data);
    this.trialdex = Trialdex.open(location, Trialdex.defaultIndexDir(location), clock);
    trialdex.alerts(Alerts.Settings.defaults().withPublicUrl(base).withMaxPerAddress(5)
        .withWebhooksToInternalAddresses(webhooksToLoopback)
        .withSmtp(new SmtpSettings("127.0.0.1", smtpPort, Optional.empty(), Optional.empty(), FROM,
            SmtpSettings.Security.NONE)));
    this.server = HttpServer.start(trialdex, "127.0.0.1", port, ServerLimits.defaults(),
        Optional.of(PublicUrl.of(base)));
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A v2 record written here: a status, conditions, sites ("facility|city|country"). */
  public static String record(String nctId, String title, String status, List<String> conditions, List<String> sites) {
    StringBuilder locations = new StringBuilder();
    for (String site : sites) {
      String[] p = site.split("\\|");
      if (!locations.isEmpty()) {
        locations.append(',');
      }
      locations.append("{\"facility\":\"%s\",\"city\":\"%s\",\"country\":\"%s\"}".formatted(p[0], p[1], p[2]));
    }
    StringBuilder conds = new StringBuilder();
    for (String c : conditions) {
      conds.append(conds.isEmpty() ? "" : ",").append('"').append(c).append('"');
    }
    return """
        {"protocolSection":{"identificationModule":{"nctId":"%s","briefTitle":"%s"},
          "statusModule":{"overallStatus":"%s"},
          "conditionsModule":{"conditions":[%s]},
          "eligibilityModule":{"eligibilityCriteria":"Inclusion Criteria:\\n* Adults","sex":"ALL","minimumAge":"18 Years"},
          "contactsLocationsModule":{"locations":[%s]}}}""".formatted(nctId, title, status, conds, locations);
  }

  /** Imports a JSON array of records through the command line, as a new import run. */
  public void importRecords(String json) {
    Path file = dir.resolve("records-" + ++imports + ".json");
    try {
      Files.writeString(file, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Cli c = Cli.run(List.of("import", "--data", data.toString(), file.toString()));
    assertEquals(TrialdexCommand.OK, c.exitCode(), c::toString);
  }

  public Trialdex trialdex() {
    return trialdex;
  }

  public Alerts alerts() {
    return trialdex.alerts();
  }

  /** The server's address, {@code http://127.0.0.1:PORT}. */
  public String base() {
    return "http://127.0.0.1:" + port;
  }

  public HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a form ({@code name, value, name, value...}) as a browser would. */
  public HttpResponse<String> post(String pathOrUrl, String... namesAndValues) throws IOException, InterruptedException {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      parts.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return client.send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(String.join("&", parts))).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String pathOrUrl) {
    return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base() + pathOrUrl);
  }

  /** The messages the SMTP server has taken so far, oldest first. */
  public List<MimeMessage> mails() {
    return List.of(mail.getReceivedMessages());
  }

  /** Waits (up to 10 s) until the SMTP server has taken {@code count} messages in all. */
  public List<MimeMessage> awaitMails(int count) {
    assertTrue(mail.waitForIncomingEmail(10_000, count), "expected " + count + " messages, got " + mails().size());
    return mails();
  }

  /** The plain text of a message. */
  public static String text(MimeMessage m) {
    try {
      return String.valueOf(m.getContent()).replace("\r\n", "\n");
    } catch (IOException | jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first link in {@code text} that starts with the base and matches {@code pathPattern}. */
  public String link(String text, String pathPattern) {
    Matcher m = Pattern.compile(Pattern.quote(base()) + pathPattern).matcher(text);
    assertTrue(m.find(), "no link matching " + pathPattern + " in:\n" + text);
    return m.group();
  }

  /** Stops the SMTP server (a mail server outage); {@link #startMail()} brings it back on the same port. */
  public void stopMail() {
    mail.stop();
  }

  public void startMail() {
    GreenMail again = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    again.start();
    mail = again;
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      try {
        trialdex.close();
      } finally {
        mail.stop();
      }
    }
  }
}
