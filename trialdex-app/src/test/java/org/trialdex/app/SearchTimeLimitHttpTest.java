package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.app.http.HttpServer;
import org.trialdex.store.StoreLocation;
import org.trialdex.testing.SharedData;

/**
 * A server whose search time limit is zero: every search is stopped, and each way in to search
 * (the API, the feed, the search page) answers 503 with the message saying so, and so do the
 * statistics, which have the same limit. Other requests are not limited. Zero makes the outcome certain on any machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTimeLimitHttpTest {

  private static final String STOPPED = "The search ran longer than its time limit of 0 ns and was stopped while "
      + "finding the matching studies; narrow it down (more specific terms, filters, fewer facets) or try again later";

  private Trialdex trialdex;
  private HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  void start(@TempDir Path dir) {
    Path data = dir.resolve("data");
    Cli c = Cli.run("import", "--data", data.toString(), SharedData.v2Sample().toString(), SharedData.pallasV2().toString());
    assertEquals(TrialdexCommand.OK, c.exitCode(), c::toString);
    trialdex = Trialdex.open(new StoreLocation.Sqlite(data), Clock.systemUTC());
    server = HttpServer.start(trialdex, "127.0.0.1", 0, Duration.ZERO);
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

  private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private void assertStopped(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> r = get(pathAndQuery);
    assertEquals(503, r.statusCode(), r::body);
    assertEquals(STOPPED, ErrorBodies.message(r), pathAndQuery);
  }

  @Test
  void anApiSearchPastTheLimitAnswers503SayingItWasStopped() throws Exception {
    assertStopped("/api/v2/studies?query.cond=lung+cancer&countTotal=true");
  }

  @Test
  void theFeedAndTheSearchPageAnswer503Too() throws Exception {
    assertStopped("/feed?query.cond=lung+cancer");
    assertStopped("/search?query.cond=lung+cancer");
  }

  @Test
  void theStatisticsAnswer503WithinTheSameLimitWithRetryAfter() throws Exception {
    for (String path : java.util.List.of("/api/v2/stats/size", "/api/v2/stats/fieldValues",
        "/api/v2/stats/fieldValues/OverallStatus", "/api/v2/stats/field/values?fields=Phase")) {
      HttpResponse<String> r = get(path);
      assertEquals(503, r.statusCode(), () -> path + ": " + r.body());
      assertEquals("5", r.headers().firstValue("Retry-After").orElse(null), path);
      assertEquals("The statistics were not ready within the time limit of 0 ms; they go on being computed from "
          + "every record, so try again in a moment (Retry-After)",
          ErrorBodies.message(r), path);
    }
  }

  @Test
  void aStudyIsNotASearchAndAnswersAsUsual() throws Exception {
    assertEquals(200, get("/api/v2/studies/NCT02513394").statusCode());
  }
}
