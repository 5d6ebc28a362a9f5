package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.store.testing.TestPostgres;
import org.trialdex.testing.SharedData;

/**
 * Issue #13: three {@code trialdex serve} processes on one PostgreSQL database, each with its own
 * index, as behind a load balancer. A write on any of them (a CLI import, a scheduled sync on one
 * node) is searchable on every node; a node killed with SIGKILL while the store changes catches
 * up from where its index stopped when it is started again. Each delay is printed; the bound we
 * state (docs/design.md) comes from these runs, and a test fails only when a change is never seen
 * within 60 s.
 */
class SeveralNodesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long NEVER_SECONDS = 60;

  @TempDir Path dir;

  /** PALLAS (NCT02513394) with a title word no other record has, under {@code nctId}, updated today. */
  private Path pallas(String name, String nctId, String word) throws IOException {
    ObjectNode pallas = (ObjectNode) MAPPER.readTree(SharedData.pallasV2().toFile());
    ((ObjectNode) pallas.at("/protocolSection/identificationModule")).put("nctId", nctId).put("briefTitle", "PALLAS " + word);
    ((ObjectNode) pallas.at("/protocolSection/statusModule/lastUpdatePostDateStruct"))
        .put("date", LocalDate.now(ZoneOffset.UTC).toString());
    Path p = dir.resolve(name);
    Files.writeString(p, pallas.toString());
    return p;
  }

  private static String titled(String word) {
    return "/api/v2/studies?query.titles=" + word + "&countTotal=true";
  }

  /** Polls until {@code path} counts {@code n} studies; returns the milliseconds it took. */
  private static long until(ServerProcess node, String path, int n) throws IOException, InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(NEVER_SECONDS);
    while (System.nanoTime() < deadline) {
      ServerProcess.Answer a = node.get(path);
      if (a.status() == 200 && a.json().path("totalCount").asInt(-1) == n) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      }
      Thread.sleep(20);
    }
    throw new AssertionError(path + " never counted " + n + " within " + NEVER_SECONDS + " s; last answer "
        + node.get(path) + "\nnode log:\n" + node.log());
  }

  private static java.net.http.HttpResponse<String> post(ServerProcess node, String path, String token, byte[] body,
      String type) throws IOException, InterruptedException {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.base() + path))
        .header("Content-Type", type).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  private static void report(String what, long millis) {
    System.out.printf(Locale.ROOT, "[several-nodes] %s: %d ms%n", what, millis);
  }

  @Test
  void threeNodesFollowEveryWriteAndAKilledNodeCatchesUpFromWhereItStopped() throws Exception {
    try (TestPostgres pg = TestPostgres.create()) {
      List<String> cli = List.of("--db", pg.jdbcUrl(), "--index", dir.resolve("index-cli").toString());
      assertEquals(0, Cli.run(Cli.with(cli, "import", "--no-progress", SharedData.v2Sample().toString(),
          SharedData.pallasV2().toString())).exitCode());

      // An upstream registry (a trialdex server on its own embedded store) with one study the nodes lack.
      List<String> upStore = List.of("--data", dir.resolve("upstream").toString());
      assertEquals(0, Cli.run(Cli.with(upStore, "import", "--no-progress",
          pallas("synced.json", "NCT99999902", "syncsentinel").toString())).exitCode());
      List<ServerProcess> nodes = new ArrayList<>();
      try (ServerProcess upstream = ServerProcess.start(dir.resolve("logs"), upStore)) {
        List<String> a = List.of("--db", pg.jdbcUrl(), "--index", dir.resolve("index-a").toString());
        ServerProcess nodeA = ServerProcess.start(dir.resolve("logs"), a);
        nodes.add(nodeA);
        ServerProcess nodeB = ServerProcess.start(dir.resolve("logs"),
            List.of("--db", pg.jdbcUrl(), "--index", dir.resolve("index-b").toString()));
        nodes.add(nodeB);
        for (ServerProcess n : List.of(nodeA, nodeB)) {
          until(n, "/api/v2/studies?countTotal=true", 101);
        }

        // Node C syncs from the upstream on a schedule: nodes A and B search what it stored.
        long syncStarted = System.nanoTime();
        ServerProcess nodeC = ServerProcess.start(dir.resolve("logs"), List.of("--db", pg.jdbcUrl(), "--index",
            dir.resolve("index-c").toString(), "--sync-every", "2s", "--from", upstream.base() + "/api/v2",
            "--rate", "100/s"));
        nodes.add(nodeC);
        for (ServerProcess n : List.of(nodeA, nodeB, nodeC)) {
          until(n, titled("syncsentinel"), 1);
        }
        report("a sync on node C, from its start -> searchable on A, B and C",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - syncStarted));
        assertTrue(nodeC.log().contains("sync run"), nodeC.log());
        Cli stats = Cli.run(Cli.with(cli, "stats"));
        assertTrue(stats.out().contains("sync from " + upstream.base() + "/api/v2"), stats::toString);

        // An import on another process: searchable on every node.
        assertEquals(0, Cli.run(Cli.with(cli, "import", "--no-progress",
            pallas("q.json", "NCT02513394", "quokkaquill").toString())).exitCode());
        for (ServerProcess n : List.of(nodeA, nodeB, nodeC)) {
          report("an import -> searchable on node " + "ABC".charAt(nodes.indexOf(n)), until(n, titled("quokkaquill"), 1));
        }

        // Writes over HTTP: an import on node B and a link on node C, each searchable on the other nodes.
        Cli token = Cli.run(AdminServer.tokenArgs(cli, "create", "--name", "ops", "--scope", "import,link"));
        assertEquals(0, token.exitCode(), token::toString);
        String secret = AdminServer.secretOf(token);
        java.net.http.HttpResponse<String> imported = post(nodeB, "/api/admin/import?name=004.txt", secret,
            Files.readAllBytes(SharedData.require("seeds/004_0041cbfd29221786.txt")), "text/plain");
        assertEquals(200, imported.statusCode(), imported.body());
        for (ServerProcess n : List.of(nodeA, nodeB, nodeC)) {
          report("an import over HTTP on node B -> searchable on node " + "ABC".charAt(nodes.indexOf(n)),
              until(n, "/api/v2/studies?countTotal=true&pageSize=1", 103));
        }
        java.net.http.HttpResponse<String> linked = post(nodeC, "/api/admin/link", secret,
            "{\"alias\": \"TDX-98d2d07e94c5c964\", \"target\": \"NCT06576635\", \"reason\": \"same trial\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
        assertEquals(200, linked.statusCode(), linked.body());
        for (ServerProcess n : List.of(nodeA, nodeB)) {
          report("a link over HTTP on node C -> the page is no record of its own on node " + "ABC".charAt(nodes.indexOf(n)),
              until(n, "/api/v2/studies?countTotal=true&pageSize=1", 102));
        }
        java.net.http.HttpResponse<String> anonymous = post(nodeA, "/api/admin/import", null, new byte[] {'{', '}'},
            "application/json");
        assertEquals(401, anonymous.statusCode(), "no write without a token on any node: " + anonymous.body());

        // Node A is killed (no shutdown at all) while the store changes; restarted, it catches up.
        nodeA.kill();
        assertEquals(0, Cli.run(Cli.with(cli, "import", "--no-progress",
            pallas("w.json", "NCT02513394", "wombatwhistle").toString())).exitCode());
        until(nodeB, titled("wombatwhistle"), 1);
        long restarted = System.nanoTime();
        ServerProcess again = ServerProcess.start(dir.resolve("logs"), a);
        nodes.set(0, again);
        until(again, titled("wombatwhistle"), 1);
        report("node A killed, then restarted -> searchable", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted));
        assertEquals(0, again.get(titled("quokkaquill")).json().path("totalCount").asInt(), "the old title is gone");
        assertFalse(again.log().contains("rebuilding the search index"), "resumed, not rebuilt:\n" + again.log());
        JsonNode health = again.health();
        assertEquals("following", health.at("/index/state").asText(), health.toString());
        assertEquals(0, health.at("/index/lag").asLong(), "caught up with the store: " + health);
      } finally {
        for (ServerProcess n : nodes) {
          n.close();
        }
      }
    }
  }
}
