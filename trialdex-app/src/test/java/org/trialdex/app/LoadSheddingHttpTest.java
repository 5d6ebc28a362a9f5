package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.app.http.HttpServer;
import org.trialdex.app.http.ServerLimits;
import org.trialdex.app.service.SearchResponses;
import org.trialdex.search.query.SearchRequests;

/**
 * Load is shed, not queued into collapse (issue #12): a real server on loopback that takes two
 * expensive requests at once and lets no other wait. Two slow readers (sockets that ask for 1,000
 * full studies, about 12 MB, and read nothing) hold both places; then every further expensive
 * request, alone or in a flood, answers 503 with {@code Retry-After} at once, while {@code /health},
 * record pages and the single-study API answer 200. When the slow readers go, their places come back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadSheddingHttpTest {

  private static final int PLACES = 2;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** A study of the page test store (PALLAS). */
  private static final String STUDY = "NCT02513394";
  private static final List<String> EXPENSIVE = List.of(
      "/api/v2/studies?query.cond=cancer",
      "/api/v2/studies?pageSize=1000&format=csv",
      "/api/v2/stats/size",
      "/api/v2/stats/fieldValues?fields=OverallStatus",
      "/feed?query.cond=cancer",
      "/search?query.cond=cancer",
      "/landscape",
      "/api/landscape");

  private Trialdex trialdex;
  private HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  void start(@TempDir Path dir) {
    trialdex = WebStore.build(dir);
    server = HttpServer.start(trialdex, "127.0.0.1", 0, new ServerLimits(Duration.ofSeconds(60), PLACES, Duration.ZERO, 1,
        ServerLimits.REQUEST_THREADS));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (trialdex != null) {
      trialdex.close();
    }
  }

  @Test
  void whileSlowReadersHoldEveryPlaceExpensiveRequestsAnswer503AndCheapOnesAnswer() throws Exception {
    assertTrue(trialdex.reports().counts().studies() > 1000, "the store must hold more than a page of 1,000 studies");
    List<Socket> slow = new ArrayList<>();
    try {
      // A slow reader that arrives while a probe holds a place is refused (a small 503 it never
      // reads); so open more until the probe finds every place held.
      HttpResponse<String> probe = null;
      for (int i = 0; i < 600 && (probe == null || probe.statusCode() != 503); i++) {
        if (slow.size() < 4 * PLACES) {
          slow.add(slowReader("/api/v2/studies?pageSize=1000"));
        }
        Thread.sleep(200);
        probe = get("/api/v2/studies?pageSize=1&fields=NCTId");
      }
      assertBusy(probe);
      for (String path : EXPENSIVE) {
        assertBusy(get(path));
      }
      assertEquals(200, get("/health").statusCode());
      assertEquals(200, get("/study/" + STUDY).statusCode());
      assertEquals(200, get("/api/v2/studies/" + STUDY).statusCode());
      assertEquals(200, get("/api/studies/" + STUDY + "/history").statusCode());

      // A flood: 60 expensive requests and 20 health checks at once.
      List<CompletableFuture<HttpResponse<String>>> expensive = new ArrayList<>();
      List<CompletableFuture<HttpResponse<String>>> health = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        expensive.add(send(i % 2 == 0 ? "/api/v2/studies?pageSize=1000" : "/api/v2/studies?pageSize=1000&format=csv"));
        if (i % 3 == 0) {
          health.add(send("/health"));
        }
      }
      for (CompletableFuture<HttpResponse<String>> r : expensive) {
        assertBusy(r.join());
      }
      for (CompletableFuture<HttpResponse<String>> r : health) {
        assertEquals(200, r.join().statusCode());
      }
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
    // The slow readers' writes fail once their sockets are gone, and their places come back.
    assertEquals(200, awaitStatus(200).statusCode());
  }

  @Test
  void lightRequestsTakeTurnsAtTheirOnePlaceAndEveryOneIsAnswered() throws Exception {
    // One light place (this server's limit) and 40 study pages and JSON at once: each waits its
    // turn, milliseconds, and none is refused; a place not given back would leave the rest 503.
    List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      all.add(send(switch (i % 4) {
        case 0 -> "/study/" + STUDY;
        case 1 -> "/api/v2/studies/" + STUDY;
        case 2 -> "/api/studies/" + STUDY + "/related?limit=3";
        default -> "/api/studies/NCT09999999/history"; // a 404 gives its place back too
      }));
    }
    for (int i = 0; i < all.size(); i++) {
      HttpResponse<String> r = all.get(i).join();
      assertEquals(i % 4 == 3 ? 404 : 200, r.statusCode(), () -> r.uri() + ": " + r.body());
    }
    assertEquals(200, get("/study/" + STUDY).statusCode());
  }

  @Test
  void aThousandStudiesStreamedAreTheSameJsonAsTheWholeAnswerBuiltAtOnce() throws Exception {
    String query = "pageSize=1000&countTotal=true&facets=status,phase";
    HttpResponse<String> r = awaitStatus(200, "/api/v2/studies?" + query);
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("pageSize", List.of("1000"));
    params.put("countTotal", List.of("true"));
    params.put("facets", List.of("status,phase"));
    JsonNode expected = SearchResponses.v2(trialdex.searches().search(SearchRequests.parse(params), Duration.ofSeconds(60)),
        study -> study);
    JsonNode actual = MAPPER.readTree(r.body());
    assertEquals(1000, actual.get("studies").size());
    assertEquals(MAPPER.readTree(MAPPER.writeValueAsString(expected)), actual);
  }

  @Test
  void aThousandStudiesAsCsvAreAHeaderAndAThousandRows() throws Exception {
    HttpResponse<String> r = awaitStatus(200, "/api/v2/studies?pageSize=1000&format=csv&fields=NCTId,OverallStatus");
    assertTrue(r.headers().firstValue("x-next-page-token").isPresent(), r.headers()::toString);
    String[] lines = r.body().split("\r\n");
    assertEquals("NCT Number,Study Status", lines[0]);
    assertEquals(1001, lines.length);
  }

  @Test
  void serveRefusesLimitsOutOfRangeNamingTheOption(@TempDir Path dir) {
    // Option, a value out of its range, and what the usage error must say.
    for (List<String> c : List.of(
        List.of("--max-expensive", "0", "--max-expensive takes 1 to 1024, got 0"),
        List.of("--queue-wait-ms", "-1", "--queue-wait-ms takes 0 to 60000, got -1"),
        List.of("--max-light", "0", "--max-light takes 1 to 1024, got 0"),
        List.of("--max-threads", "8", "--max-threads takes 16 to 10000, got 8"))) {
      Cli serve = Cli.run("serve", "--data", dir.resolve("data").toString(), c.get(0), c.get(1));
      assertEquals(TrialdexCommand.USAGE, serve.exitCode(), serve::toString);
      assertTrue(serve.err().contains(c.get(2)), serve::toString);
    }
  }


  /** A 503 of admission control: {@code Retry-After} in whole seconds and a message saying the server is busy. */
  private static void assertBusy(HttpResponse<String> r) throws IOException {
    assertEquals(503, r.statusCode(), () -> r.uri() + ": " + r.body());
    assertEquals("1", r.headers().firstValue("Retry-After").orElse(null), () -> r.uri() + ": " + r.headers());
    assertTrue(ErrorBodies.message(r).startsWith("The server is busy: " + PLACES
        + " expensive requests"), r::body);
  }

  /**
   * A client that asks for {@code path} and reads nothing, with a small receive buffer: an answer
   * larger than the socket buffers (a few MB on loopback) waits in the server's write.
   */
  private Socket slowReader(String path) throws IOException {
    Socket s = new Socket();
    s.setReceiveBufferSize(4096);
    s.connect(new InetSocketAddress("127.0.0.1", server.port()));
    OutputStream out = s.getOutputStream();
    out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }

  private HttpResponse<String> awaitStatus(int status) throws Exception {
    return awaitStatus(status, "/api/v2/studies?pageSize=1&fields=NCTId");
  }

  /** Asks for {@code path} until it answers {@code status} (the slow readers take their places, or leave them). */
  private HttpResponse<String> awaitStatus(int status, String path) throws Exception {
    HttpResponse<String> last = null;
    for (int i = 0; i < 1200; i++) {
      last = get(path);
      if (last.statusCode() == status) {
        return last;
      }
      Thread.sleep(50);
    }
    fail(path + " never answered " + status + "; the last answer was " + last.statusCode() + " " + last.body());
    return last;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(request(path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private CompletableFuture<HttpResponse<String>> send(String path) {
    return client.sendAsync(request(path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(120)).GET().build();
  }
}
