package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.store.testing.TestClock;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Following a search by Atom feed (new to the search, updated, no longer matching; newest first),
 * and a trial by signed webhook to a real receiver on loopback that checks the HMAC (issue #15).
 */
class AlertsFeedAndWebhookTest {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  final TestClock clock = new TestClock(T0);
  AlertsSite site;

  @BeforeEach
  void serve() {
    site = new AlertsSite(dir, "[" + AlertsSite.record("NCT09990001", "Stromal cells for lupus nephritis", "RECRUITING",
        List.of("Lupus Nephritis"), List.of("Charité|Berlin|Germany")) + ","
        + AlertsSite.record("NCT09990002", "Cells for knee osteoarthritis", "RECRUITING", List.of("Knee Osteoarthritis"),
            List.of("Mayo Clinic|Rochester|United States")) + "]", clock, true);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  @Test
  void aFollowedSearchTellsNewUpdatedAndNoLongerMatchingTrialsInItsFeedNewestFirst() throws Exception {
    HttpResponse<String> made = site.post("/alerts/follow", "search", "query.cond=lupus", "channel", "atom");
    assertEquals(200, made.statusCode(), made::body);
    Matcher feed = Pattern.compile("/alerts/[A-Za-z0-9_-]{43}/feed").matcher(made.body());
    assertTrue(feed.find(), made.body());

    site.importRecords("[" + AlertsSite.record("NCT09990003", "Lupus cell therapy", "NOT_YET_RECRUITING",
        List.of("Systemic Lupus Erythematosus"), List.of()) + "]");
    site.alerts().catchUp();
    site.importRecords("[" + AlertsSite.record("NCT09990001", "Stromal cells for lupus nephritis", "COMPLETED",
        List.of("Lupus Nephritis"), List.of("Charité|Berlin|Germany")) + "]");
    site.alerts().catchUp();
    site.importRecords("[" + AlertsSite.record("NCT09990003", "Cell therapy", "NOT_YET_RECRUITING",
        List.of("Crohn Disease"), List.of()) + "]");
    // A change to a trial the search never matched says nothing.
    site.importRecords("[" + AlertsSite.record("NCT09990002", "Cells for knee osteoarthritis", "COMPLETED",
        List.of("Knee Osteoarthritis"), List.of()) + "]");
    site.alerts().catchUp();

    HttpResponse<String> atom = site.get(feed.group());
    assertEquals(200, atom.statusCode());
    assertTrue(atom.headers().firstValue("Content-Type").orElseThrow().startsWith("application/atom+xml"));
    Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(atom.body().getBytes(StandardCharsets.UTF_8)));
    NodeList entries = doc.getElementsByTagName("entry");
    assertEquals(3, entries.getLength(), atom.body());
    assertEquals("No longer matches this search: Cell therapy (NCT09990003)", title(entries, 0));
    assertEquals("Updated: Stromal cells for lupus nephritis (NCT09990001)", title(entries, 1));
    assertEquals("New to this search: Lupus cell therapy (NCT09990003)", title(entries, 2));
    String newest = ((org.w3c.dom.Element) entries.item(1)).getElementsByTagName("summary").item(0).getTextContent();
    assertTrue(newest.contains("Status: Completed"), newest);
    String link = ((org.w3c.dom.Element) entries.item(1)).getElementsByTagName("link").item(0).getAttributes()
        .getNamedItem("href").getNodeValue();
    assertEquals(site.base() + "/study/NCT09990001", link);
  }

  private static String title(NodeList entries, int i) {
    return ((org.w3c.dom.Element) entries.item(i)).getElementsByTagName("title").item(0).getTextContent();
  }

  @Test
  void aWebhookIsSignedWithHmacAndRetriedUntilTheReceiverTakesIt() throws Exception {
    List<byte[]> bodies = new CopyOnWriteArrayList<>();
    List<String> signatures = new CopyOnWriteArrayList<>();
    AtomicInteger answer = new AtomicInteger(500);
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      bodies.add(exchange.getRequestBody().readAllBytes());
      signatures.add(exchange.getRequestHeaders().getFirst("Trialdex-Signature"));
      exchange.sendResponseHeaders(answer.get(), -1);
      exchange.close();
    });
    receiver.start();
    try {
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      HttpResponse<String> made = site.post("/alerts/watch/NCT09990001", "rule", "status", "rule", "enrollment",
          "channel", "webhook", "webhookUrl", url);
      assertEquals(200, made.statusCode(), made::body);
      Matcher secret = Pattern.compile("whsec_[A-Za-z0-9_-]{43}").matcher(made.body());
      assertTrue(secret.find(), "the signing secret is shown once: " + made.body());

      site.importRecords("[" + AlertsSite.record("NCT09990001", "Stromal cells for lupus nephritis", "SUSPENDED",
          List.of("Lupus Nephritis"), List.of("Charité|Berlin|Germany")) + "]");
      site.alerts().catchUp();
      assertEquals(0, site.alerts().deliverDue(), "the receiver answers 500");
      assertEquals(1, bodies.size());
      answer.set(204);
      assertEquals(0, site.alerts().deliverDue(), "not before the retry is due");
      clock.advance(Duration.ofMinutes(1));
      assertEquals(1, site.alerts().deliverDue());
      assertEquals(0, site.alerts().deliverDue(), "delivered once");
      assertEquals(2, bodies.size());

      byte[] body = bodies.get(1);
      Matcher sig = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(signatures.get(1));
      assertTrue(sig.matches(), signatures.get(1));
      assertEquals(T0.plus(Duration.ofMinutes(1)).getEpochSecond(), Long.parseLong(sig.group(1)));
      // The receiver's check, as docs/alerts.md shows it: HMAC-SHA256 of "<t>.<body>" under the secret.
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.group().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((sig.group(1) + ".").getBytes(StandardCharsets.UTF_8));
      assertTrue(MessageDigest.isEqual(mac.doFinal(body), HexFormat.of().parseHex(sig.group(2))));
      Mac other = Mac.getInstance("HmacSHA256");
      other.init(new SecretKeySpec("whsec_wrong".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      other.update((sig.group(1) + ".").getBytes(StandardCharsets.UTF_8));
      assertFalse(MessageDigest.isEqual(other.doFinal(body), HexFormat.of().parseHex(sig.group(2))));

      JsonNode alert = JSON.readTree(body);
      assertEquals("NCT09990001", alert.get("recordId").asText());
      assertEquals("trial", alert.get("kind").asText());
      assertEquals("Status: Recruiting → Suspended", alert.get("details").get(0).asText());
      assertEquals(site.base() + "/study/NCT09990001/history?from=1&to=2", alert.get("link").asText());
    } finally {
      receiver.stop(0);
    }
  }
}
