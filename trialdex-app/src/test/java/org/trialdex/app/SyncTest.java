package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.FaultyUpstream.Fault;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.store.StoreLocation;
import org.trialdex.store.SyncMark;
import org.trialdex.store.VersionInfo;
import org.trialdex.testing.SharedData;

/**
 * Issue #13: {@code trialdex sync} against a second trialdex server on loopback as the upstream
 * (it serves the same API), through a proxy that injects the faults a real upstream shows. After
 * each scenario the downstream store's current records equal, as JSON, what the upstream serves
 * for every study, and no record has a version that repeats the one before it.
 */
class SyncTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern COUNT = Pattern.compile("(?m)^\\s+(read|new|updated|unchanged|failed)\\s+([\\d,]+)");

  @TempDir static Path shared;
  private static ServerProcess upstream;
  private static FaultyUpstream proxy;
  private static List<String> upstreamStore;

  @TempDir Path dir;
  private List<String> down;

  @BeforeAll
  static void upstream() throws Exception {
    upstreamStore = List.of("--data", shared.resolve("upstream").toString());
    Cli setup = Cli.run(Cli.with(upstreamStore, "import", "--no-progress", SharedData.v2Sample().toString(),
        SharedData.pallasV2().toString()));
    assertEquals(TrialdexCommand.OK, setup.exitCode(), setup::toString);
    upstream = ServerProcess.start(shared.resolve("logs"), upstreamStore);
    proxy = FaultyUpstream.inFrontOf(upstream.base());
  }

  @AfterAll
  static void stop() throws Exception {
    if (proxy != null) {
      proxy.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  @BeforeEach
  void downstream() {
    down = List.of("--data", dir.resolve("down").toString());
    proxy.plan(n -> Fault.NONE);
  }

  private Cli sync() {
    return sync(4, "2s");
  }

  private Cli sync(int maxAttempts, String maxBackoff) {
    return Cli.run(Cli.with(down, "sync", "--from", proxy.apiBase(), "--page-size", "10", "--rate", "200/s",
        "--backoff", "20ms", "--max-backoff", maxBackoff, "--max-attempts", Integer.toString(maxAttempts),
        "--request-timeout", "3s"));
  }

  private static Map<String, Long> counts(Cli run) {
    Map<String, Long> counts = new HashMap<>();
    Matcher m = COUNT.matcher(run.out());
    while (m.find()) {
      counts.put(m.group(1), Long.parseLong(m.group(2).replace(",", "")));
    }
    return counts;
  }

  /** Every study the upstream serves, by NCT id, as it serves it. */
  private static Map<String, JsonNode> upstreamStudies() throws Exception {
    JsonNode ids = upstream.get("/api/v2/studies?fields=NCTId&pageSize=1000").json().path("studies");
    Map<String, JsonNode> studies = new HashMap<>();
    for (JsonNode s : ids) {
      String id = s.at("/protocolSection/identificationModule/nctId").asText();
      ServerProcess.Answer a = upstream.get("/api/v2/studies/" + id);
      assertEquals(200, a.status(), a.body());
      studies.put(id, a.json());
    }
    return studies;
  }

  /** The downstream's current records, as {@code trialdex export} writes them. */
  private Map<String, JsonNode> downstreamStudies() throws IOException {
    Path out = dir.resolve("export-" + System.nanoTime() + ".ndjson");
    Cli export = Cli.run(Cli.with(down, "export", "--out", out.toString()));
    assertEquals(TrialdexCommand.OK, export.exitCode(), export::toString);
    Map<String, JsonNode> studies = new HashMap<>();
    for (String line : Files.readAllLines(out)) {
      JsonNode s = MAPPER.readTree(line);
      studies.put(s.at("/protocolSection/identificationModule/nctId").asText(), s);
    }
    return studies;
  }

  /** The downstream's versions of every record, checking that none repeats its source's previous one. */
  private Map<String, Integer> versionsOfEachRecord(Iterable<String> ids) {
    Map<String, Integer> versions = new HashMap<>();
    try (Trialdex t = Trialdex.open(new StoreLocation.Sqlite(dir.resolve("down")), Clock.systemUTC())) {
      for (String id : ids) {
        List<VersionInfo> vs = t.store().versions(id);
        Map<String, String> lastHashOfSource = new HashMap<>();
        for (VersionInfo v : vs) {
          String before = lastHashOfSource.put(v.sourceKey(), v.contentHash());
          assertTrue(before == null || !before.equals(v.contentHash()),
              id + " has a duplicate version " + v.version() + " of " + v.sourceKey());
          assertEquals(proxy.apiBase(), v.provenance().attribute("upstream"), id + " names its upstream");
          assertTrue(!v.provenance().attribute("fetchedAt").isEmpty(), id + " says when it was fetched");
        }
        versions.put(id, vs.size());
      }
    }
    return versions;
  }

  private SyncMark mark() {
    try (Trialdex t = Trialdex.open(new StoreLocation.Sqlite(dir.resolve("down")), Clock.systemUTC())) {
      return t.store().syncMark(proxy.apiBase());
    }
  }

  /** The downstream holds exactly what the upstream serves, each record in one version (or as given). */
  private void assertMirrors(Map<String, Integer> expectedVersions) throws Exception {
    Map<String, JsonNode> up = upstreamStudies();
    Map<String, JsonNode> mine = downstreamStudies();
    assertEquals(up.keySet(), mine.keySet(), "the same studies");
    for (var e : up.entrySet()) {
      assertEquals(e.getValue(), mine.get(e.getKey()), e.getKey() + " is JSON-equal to the upstream's");
    }
    Map<String, Integer> versions = versionsOfEachRecord(up.keySet());
    for (String id : up.keySet()) {
      assertEquals(expectedVersions.getOrDefault(id, 1), versions.get(id), id + " versions");
    }
  }

  @Test
  void aFirstLoadThenAnIncrementalSyncMirrorTheUpstreamAndAddOnlyWhatChanged() throws Exception {
    Cli first = sync();
    assertEquals(TrialdexCommand.OK, first.exitCode(), first::toString);
    int total = upstreamStudies().size();
    assertEquals(total, counts(first).get("new"), first::toString);
    assertTrue(first.err().contains("a first full load"), first::toString);
    assertMirrors(Map.of());
    LocalDate highWater = mark().highWater().orElseThrow();
    assertTrue(mark().resumeFrom().isEmpty(), "no pass under way");

    // Nothing changed: the next sync asks only for the last day's studies, and stores nothing.
    proxy.plan(n -> Fault.NONE);
    Cli again = sync();
    assertEquals(TrialdexCommand.OK, again.exitCode(), again::toString);
    assertTrue(again.err().contains("updated on or after " + highWater), again::toString);
    assertEquals(0, counts(again).get("new") + counts(again).get("updated"), again::toString);
    assertTrue(counts(again).get("read") < total, "incremental, not a full load: " + again);
    assertTrue(proxy.log().get(0).contains("RANGE%5B" + highWater), proxy.log().toString());

    // The upstream changes two studies and gains one.
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    List<String> changed = new ArrayList<>();
    Path changes = dir.resolve("changes.ndjson");
    StringBuilder lines = new StringBuilder();
    for (String id : List.of("NCT02513394", "NCT00831909")) {
      ObjectNode s = (ObjectNode) upstream.get("/api/v2/studies/" + id).json();
      ((ObjectNode) s.at("/protocolSection/identificationModule")).put("briefTitle", "Changed upstream " + id);
      ((ObjectNode) s.at("/protocolSection/statusModule/lastUpdatePostDateStruct")).put("date", today);
      lines.append(s).append('\n');
      changed.add(id);
    }
    ObjectNode added = (ObjectNode) upstream.get("/api/v2/studies/NCT02513394").json();
    ((ObjectNode) added.at("/protocolSection/identificationModule")).put("nctId", "NCT99999901")
        .put("briefTitle", "A study new upstream").remove("orgStudyIdInfo");
    ((ObjectNode) added.at("/protocolSection/statusModule/lastUpdatePostDateStruct")).put("date", today);
    lines.append(added).append('\n');
    Files.writeString(changes, lines);
    Cli change = Cli.run(Cli.with(upstreamStore, "import", "--no-progress", changes.toString()));
    assertEquals(TrialdexCommand.OK, change.exitCode(), change::toString);
    awaitUpstreamCount("filter.advanced=AREA%5BLastUpdatePostDate%5DRANGE%5B" + today + ",MAX%5D", 3);

    Cli incremental = sync();
    assertEquals(TrialdexCommand.OK, incremental.exitCode(), incremental::toString);
    assertEquals(2, counts(incremental).get("updated"), incremental::toString);
    assertEquals(1, counts(incremental).get("new"), incremental::toString);
    assertMirrors(Map.of(changed.get(0), 2, changed.get(1), 2));
    assertEquals(LocalDate.parse(today), mark().highWater().orElseThrow());
  }

  @Test
  void faultsBetweenPagesAreRiddenOutWithoutLosingOrDuplicatingAVersion() throws Exception {
    proxy.plan(n -> switch (n) {
      case 2 -> Fault.TOO_MANY_REQUESTS;
      case 3, 4 -> Fault.SERVER_ERROR;
      case 5 -> Fault.TRUNCATED_PAGE;
      case 6 -> Fault.CUT_CONNECTION;
      case 7 -> Fault.STALLED;
      case 9 -> Fault.EXPIRED_TOKEN;
      default -> Fault.NONE;
    });
    long start = System.nanoTime();
    Cli run = sync(8, "2s");
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(TrialdexCommand.OK, run.exitCode(), run::toString);
    String log = String.join("\n", proxy.log());
    for (Fault f : Fault.values()) {
      assertTrue(log.contains(" " + f + " "), "the plan injected " + f + ":\n" + log);
    }
    assertTrue(run.err().contains("HTTP 429"), run::toString);
    assertTrue(run.err().contains("trying again in 1 s"), "Retry-After: 1 is honoured:\n" + run.err());
    assertTrue(run.err().contains("HTTP 500"), run::toString);
    assertTrue(run.err().contains("truncated or malformed"), run::toString);
    assertTrue(run.err().contains("refused the page token"), run::toString);
    assertTrue(run.err().contains("no whole answer within 3000 ms"), "a stalled answer is given up: " + run.err());
    assertTrue(millis >= 4000, "waited for Retry-After and the stalled answer: " + millis + " ms");
    assertMirrors(Map.of());
  }

  @Test
  void aSyncThatGivesUpSaysWhyAndTheNextRunResumesWhereItStopped() throws Exception {
    proxy.plan(n -> n <= 3 ? Fault.NONE : Fault.SERVER_ERROR);
    Cli failed = sync();
    assertEquals(TrialdexCommand.FAILED, failed.exitCode(), failed::toString);
    assertTrue(failed.err().contains("failed 4 times in a row; last: HTTP 500"), failed::toString);
    assertTrue(failed.err().contains("the 30 studies read before are stored, and the next sync resumes from"),
        failed::toString);
    SyncMark stopped = mark();
    assertTrue(stopped.resumeFrom().isPresent() && stopped.highWater().isEmpty(), stopped.toString());
    assertEquals(30, downstreamStudies().size(), "three pages of ten were stored");

    proxy.plan(n -> Fault.NONE);
    Cli resumed = sync();
    assertEquals(TrialdexCommand.OK, resumed.exitCode(), resumed::toString);
    assertTrue(resumed.err().contains("resuming a stopped pass from studies updated on " + stopped.resumeFrom().get()),
        resumed::toString);
    assertTrue(proxy.log().get(0).contains("RANGE%5B" + stopped.resumeFrom().get()), proxy.log().toString());
    assertTrue(counts(resumed).get("read") < upstreamStudies().size(), "resumed, not started again: " + resumed);
    assertMirrors(Map.of());
    assertTrue(mark().resumeFrom().isEmpty() && mark().highWater().isPresent(), mark().toString());
  }

  @Test
  void anUpstreamKilledMidSyncLeavesAPassThatResumesOnceItIsBack() throws Exception {
    proxy.plan(n -> {
      if (n == 3) {
        try {
          upstream.kill();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return Fault.NONE;
    });
    Cli failed = sync();
    assertEquals(TrialdexCommand.FAILED, failed.exitCode(), failed::toString);
    assertTrue(failed.err().contains("failed 4 times in a row; last: the request failed"), failed::toString);
    assertEquals(20, downstreamStudies().size(), "the two pages before the upstream died are stored");

    upstream = ServerProcess.start(shared.resolve("logs"), upstreamStore);
    proxy.target(upstream.base());
    awaitUpstreamCount("pageSize=1", upstreamStudies().size());
    proxy.plan(n -> Fault.NONE);
    Cli resumed = sync();
    assertEquals(TrialdexCommand.OK, resumed.exitCode(), resumed::toString);
    assertMirrors(Map.of());
  }

  @Test
  void aRetryAfterLongerThanTheLongestWaitStopsTheSyncWithTheReason() throws Exception {
    proxy.plan(n -> Fault.TOO_MANY_REQUESTS);
    Cli run = sync(4, "500ms");
    assertEquals(TrialdexCommand.FAILED, run.exitCode(), run::toString);
    assertTrue(run.err().contains("the upstream asks to wait 1 s (Retry-After)"), run::toString);
    assertEquals(1, proxy.log().size(), "no request after the upstream asked to wait: " + proxy.log());
    assertEquals(0, downstreamStudies().size());
  }

  @Test
  void aServerSyncsWhenATokenWithTheSyncScopeAsksAndNamesTheTokenInTheRun() throws Exception {
    Cli created = Cli.run(AdminServer.tokenArgs(down, "create", "--name", "syncer", "--scope", "sync"));
    assertEquals(TrialdexCommand.OK, created.exitCode(), created::toString);
    String token = AdminServer.secretOf(created);
    try (ServerProcess node = ServerProcess.start(dir.resolve("logs"), List.of("--data", dir.resolve("down").toString(),
        "--from", proxy.apiBase(), "--page-size", "10", "--rate", "200/s"))) {
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      java.net.URI uri = java.net.URI.create(node.base() + "/api/admin/sync");
      var noToken = http.send(java.net.http.HttpRequest.newBuilder(uri)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"wait\": true}")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(401, noToken.statusCode(), noToken.body());
      assertTrue(proxy.log().isEmpty(), "nothing fetched without a token: " + proxy.log());
      var other = http.send(java.net.http.HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"from\": \"http://example.org/api/v2\"}")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(400, other.statusCode(), "a request cannot choose the upstream: " + other.body());
      var done = http.send(java.net.http.HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"wait\": true}")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, done.statusCode(), done.body());
      JsonNode answer = MAPPER.readTree(done.body());
      int total = upstreamStudies().size();
      assertEquals(total, answer.path("new").asInt(), done.body());
      // Searchable through the node that synced.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (node.get("/api/v2/studies?countTotal=true&pageSize=1").json().path("totalCount").asInt() != total) {
        assertTrue(System.nanoTime() < deadline, "never searchable: " + node.log());
        Thread.sleep(50);
      }
    }
    Cli stats = Cli.run(Cli.with(down, "stats"));
    assertTrue(stats.out().contains("sync from " + proxy.apiBase() + " by token 'syncer'"), stats::toString);
    assertMirrors(Map.of());
  }

  @Test
  void badOptionsAreUsageErrorsNamingTheOption() {
    Cli noUrl = Cli.run(Cli.with(down, "sync", "--from", "ftp://example.org/api"));
    assertEquals(TrialdexCommand.USAGE, noUrl.exitCode(), noUrl::toString);
    assertTrue(noUrl.err().contains("--from takes the upstream's API base URL"), noUrl::toString);
    Cli rate = Cli.run(Cli.with(down, "sync", "--from", proxy.apiBase(), "--rate", "fast"));
    assertEquals(TrialdexCommand.USAGE, rate.exitCode(), rate::toString);
    assertTrue(rate.err().contains("--rate takes a positive request rate"), rate::toString);
    Cli size = Cli.run(Cli.with(down, "sync", "--from", proxy.apiBase(), "--page-size", "5000"));
    assertEquals(TrialdexCommand.USAGE, size.exitCode(), size::toString);
    Cli every = Cli.run(Cli.with(down, "serve", "--port", "0", "--sync-every", "soon"));
    assertEquals(TrialdexCommand.USAGE, every.exitCode(), every::toString);
    assertTrue(every.err().contains("--sync-every takes a duration"), every::toString);
  }

  private static void awaitUpstreamCount(String query, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    ServerProcess.Answer a = null;
    while (System.nanoTime() < deadline) {
      a = upstream.get("/api/v2/studies?countTotal=true&" + query);
      if (a.status() == 200 && a.json().path("totalCount").asInt() == n) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the upstream never counted " + n + " for " + query + ": " + a);
  }
}
