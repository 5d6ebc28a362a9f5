package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.http.HttpServer;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Provenance;
import org.trialdex.store.ImportRun;
import org.trialdex.store.Incoming;
import org.trialdex.store.RunCounts;
import org.trialdex.store.StoreLocation;
import org.trialdex.store.testing.TestClock;
import org.trialdex.testing.SharedData;

/**
 * The figures a server keeps between requests ({@code /health}'s count of studies, the store
 * statistics, {@code /api/v2/version}'s data time) are those of the store as it is: each answer
 * after a write (an import, a link by hand) shows it, however often they were asked before.
 */
class StoreFiguresFollowWritesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123456Z");

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private final TestClock clock = new TestClock(T0);

  private JsonNode get(HttpServer server, String path) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r::body);
    return MAPPER.readTree(r.body());
  }

  private static void put(Trialdex t, List<Incoming> records) {
    ImportRun run = t.store().beginRun("test", List.of());
    t.store().putAll(run.id(), records);
    t.store().finishRun(run.id(), RunCounts.zero());
  }

  private static List<Incoming> incoming(List<Study> studies) {
    List<Incoming> out = new ArrayList<>();
    for (Study s : studies) {
      out.add(new Incoming(s, new Provenance("ctgov-v2-json", "ctg-studies.json", "record")));
    }
    return out;
  }

  /** Studies, the statistics' total, the studies counted in the OverallStatus statistics, and the data time. */
  private List<String> figures(HttpServer server) throws IOException, InterruptedException {
    JsonNode status = get(server, "/api/v2/stats/fieldValues/OverallStatus");
    long counted = status.get("missingStudiesCount").asLong();
    for (JsonNode v : status.get("topValues")) {
      counted += v.get("studiesCount").asLong();
    }
    return List.of(get(server, "/health").get("studies").asText(),
        get(server, "/api/v2/stats/size").get("totalStudies").asText(), Long.toString(counted),
        get(server, "/api/v2/version").path("dataTimestamp").asText("none"));
  }

  @Test
  void healthStatisticsAndVersionFollowImportsAndLinks() throws Exception {
    StudyJson json = StudyJson.standard();
    List<Study> sample = new ArrayList<>();
    json.mapper().readTree(Files.readString(SharedData.v2Sample())).forEach(n -> sample.add(json.read(n)));
    try (Trialdex t = Trialdex.open(new StoreLocation.Sqlite(dir.resolve("data")), clock);
        HttpServer server = HttpServer.start(t, "127.0.0.1", 0)) {
      assertEquals(List.of("0", "0", "0", "none"), figures(server));

      put(t, incoming(sample.subList(0, 10)));
      assertEquals(List.of("10", "10", "10", "2025-03-01T09:00:00"), figures(server));
      assertEquals(List.of("10", "10", "10", "2025-03-01T09:00:00"), figures(server));

      clock.advance(Duration.ofMinutes(5));
      put(t, incoming(sample.subList(10, 20)));
      assertEquals(List.of("20", "20", "20", "2025-03-01T09:05:00"), figures(server));

      // A registry page without an NCT id, stored under its own id, then linked by hand: the link
      // writes no version, yet the store holds one study fewer.
      clock.advance(Duration.ofMinutes(5));
      ObjectNode page = json.mapper().createObjectNode();
      page.putObject("protocolSection").putObject("identificationModule").put("briefTitle", "A page of trial 1");
      put(t, List.of(new Incoming("ChiCTR2000029606", json.read(page),
          new Provenance("registry-page", "page.txt", "page 1"), List.of())));
      assertEquals(List.of("21", "21", "21", "2025-03-01T09:10:00"), figures(server));

      clock.advance(Duration.ofMinutes(5));
      t.records().link("ChiCTR2000029606", sample.get(1).protocolSection().identificationModule().nctId(), "checked");
      assertEquals(List.of("20", "20", "20", "2025-03-01T09:10:00"), figures(server));
    }
  }
}
