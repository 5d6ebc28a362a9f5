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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.store.testing.TestPostgres;
import org.trialdex.testing.SharedData;

/**
 * Issue #8: search follows the store across processes. A real {@code trialdex serve} process,
 * CLI commands run beside it (this JVM is another process), and, on PostgreSQL, two server nodes
 * on one database. Each measured delay is printed; the bound we state (docs/search.md) comes from
 * these runs, and a test only fails when a change is never seen within 60 s.
 */
class LiveIndexTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long NEVER_SECONDS = 60;
  /**
   * A rebuild from the store within this: it embeds every record as it indexes it (about 20 ms of
   * CPU a record, so 15 to 20 s for these 1,581 on two cores), besides reading and indexing.
   */
  private static final long REBUILD_SECONDS = 240;

  @TempDir Path dir;

  /** PALLAS (NCT02513394) with a title word no other record has. */
  private Path pallasTitled(String name, String word) throws IOException {
    JsonNode pallas = MAPPER.readTree(SharedData.pallasV2().toFile());
    ((ObjectNode) pallas.at("/protocolSection/identificationModule")).put("briefTitle", "PALLAS " + word);
    Path p = dir.resolve(name);
    Files.writeString(p, pallas.toString());
    return p;
  }

  /** Polls {@code path} until its JSON satisfies {@code done}; returns the milliseconds it took. */
  private static long until(ServerProcess server, String path, Predicate<JsonNode> done)
      throws IOException, InterruptedException {
    return until(server, path, done, NEVER_SECONDS);
  }

  private static long until(ServerProcess server, String path, Predicate<JsonNode> done, long seconds)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      ServerProcess.Answer a = server.get(path);
      if (a.status() == 200 && done.test(a.json())) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      }
      Thread.sleep(20);
    }
    throw new AssertionError(path + " never satisfied the condition within " + seconds + " s; last answer "
        + server.get(path) + "\nserver log:\n" + server.log());
  }

  private static Predicate<JsonNode> total(int n) {
    return json -> json.path("totalCount").asInt(-1) == n;
  }

  private static void report(String what, long millis) {
    System.out.printf(Locale.ROOT, "[live-index] %s: %d ms%n", what, millis);
  }

  @Test
  void aRecordImportedByTheCliWhileServingIsSearchableThroughTheServerAndReadCommandsWork() throws Exception {
    List<String> store = List.of("--data", dir.resolve("data").toString());
    assertEquals(0, Cli.run(Cli.with(store, "import", SharedData.v2Sample().toString(),
        SharedData.pallasV2().toString())).exitCode());

    try (ServerProcess server = ServerProcess.start(dir.resolve("logs"), store)) {
      until(server, "/health", h -> h.at("/index/lag").asLong() == 0 && "writer".equals(h.at("/index/role").asText()));
      String zyzzyva = "/api/v2/studies?query.titles=zyzzyva&countTotal=true";
      assertEquals(0, server.get(zyzzyva).json().path("totalCount").asInt());

      // Read-only commands while the server holds the index: none fails, none says "locked".
      for (List<String> command : List.of(
          Cli.with(store, "search", "--cond", "NSCLC", "--count-total"),
          Cli.with(store, "related", "NCT02513394", "--limit", "3"),
          Cli.with(store, "show", "NCT02513394"),
          Cli.with(store, "history", "NCT02513394"),
          Cli.with(store, "stats"),
          Cli.with(store, "export", "--out", dir.resolve("export.ndjson").toString()))) {
        Cli c = Cli.run(command);
        assertEquals(TrialdexCommand.OK, c.exitCode(), () -> command + "\n" + c);
        assertFalse(c.err().toLowerCase(Locale.ROOT).contains("lock"), c::toString);
      }

      Cli imported = Cli.run(Cli.with(store, "import", pallasTitled("zyzzyva.json", "zyzzyva").toString()));
      assertEquals(TrialdexCommand.OK, imported.exitCode(), imported::toString);
      assertTrue(imported.out().contains("indexed    by the trialdex process that holds the search index"),
          imported::toString);
      report("CLI import -> searchable through the server", until(server, zyzzyva, total(1)));

      // The CLI reads the server's index and sees the same.
      Cli search = Cli.run(Cli.with(store, "search", "--titles", "zyzzyva", "--format", "json", "--count-total"));
      assertEquals(1, MAPPER.readTree(search.out()).path("totalCount").asInt(), search::toString);
      JsonNode health = server.health();
      assertEquals(health.at("/store/position").asLong(), health.at("/index/position").asLong(), health.toString());
      assertEquals(0, health.at("/index/lag").asLong());
      assertEquals("following", health.at("/index/state").asText());
    }
  }

  @Test
  void aDeletedIndexIsRebuiltWhileRecordPagesKeepAnswering() throws Exception {
    List<String> store = List.of("--data", dir.resolve("data").toString());
    // Records enough for a rebuild that lasts seconds (each is embedded anew: the index is gone).
    Cli setup = Cli.run(Cli.with(store, "import", "--no-progress",
        SharedData.mscClassic().toString(), SharedData.v2Sample().toString(), SharedData.pallasV2().toString()));
    assertEquals(TrialdexCommand.OK, setup.exitCode(), setup::toString);
    int records = MAPPER.readTree(Cli.run(Cli.with(store, "search", "--count-total", "--format", "json")).out())
        .path("totalCount").asInt();
    assertTrue(records > 1500, "records: " + records);
    try (Stream<Path> files = Files.walk(dir.resolve("data/index"))) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    try (ServerProcess server = ServerProcess.start(dir.resolve("logs"), store)) {
      List<String> seen = new ArrayList<>();
      boolean sawRebuilding = false;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REBUILD_SECONDS);
      while (System.nanoTime() < deadline) {
        JsonNode health = server.health();
        if (!"rebuilding".equals(health.at("/index/state").asText())) {
          break;
        }
        ServerProcess.Answer search = server.get("/api/v2/studies?query.cond=cancer");
        ServerProcess.Answer page = server.get("/study/NCT02513394");
        ServerProcess.Answer history = server.get("/study/NCT02513394/history");
        ServerProcess.Answer portalSearch = server.get("/search?query.cond=cancer");
        Cli cliSearch = sawRebuilding ? null : Cli.run(Cli.with(store, "search", "--cond", "cancer"));
        if (server.health().at("/index/state").asText().equals("rebuilding")) {
          // Everything above was answered during the rebuild.
          sawRebuilding = true;
          assertEquals(503, search.status(), search.body());
          // An /api/v2 error is its message as plain text.
          assertTrue(search.body().contains("rebuilt from the store"), search.body());
          assertEquals(200, page.status());
          assertTrue(page.body().contains("NCT02513394"));
          assertEquals(200, history.status());
          assertEquals(503, portalSearch.status(), "search is away, not the request at fault");
          assertTrue(portalSearch.body().contains("rebuilt from the store"), "the portal says why search is away");
          if (cliSearch != null) {
            // The CLI reads the server's index: an empty or foreign one is not an answer.
            assertEquals(TrialdexCommand.FAILED, cliSearch.exitCode(), cliSearch::toString);
            assertTrue(cliSearch.err().contains("being rebuilt from the store"), cliSearch::toString);
          }
          String progress = health.at("/index/rebuilt").asText() + "/" + health.at("/index/toRebuild").asText();
          if (!seen.contains(progress)) {
            seen.add(progress);
          }
        }
      }
      assertTrue(sawRebuilding, "the rebuild of " + records + " records ended before it could be observed; log:\n"
          + server.log());
      System.out.println("[live-index] rebuild progress seen: " + seen);
      report("rebuild observed, then search answers", until(server, "/api/v2/studies?countTotal=true", total(records), REBUILD_SECONDS));
      assertTrue(server.log().contains("rebuilding the search index from the store: it is new"), server.log());
    }
  }

  @Test
  void twoNodesOnOnePostgresDatabaseSeeEachOthersChangesAndANodeThatWasDownCatchesUp() throws Exception {
    try (TestPostgres pg = TestPostgres.create()) {
      List<String> a = List.of("--db", pg.jdbcUrl(), "--index", dir.resolve("index-a").toString());
      List<String> b = List.of("--db", pg.jdbcUrl(), "--index", dir.resolve("index-b").toString());
      List<String> cli = List.of("--db", pg.jdbcUrl(), "--index", dir.resolve("index-cli").toString());
      assertEquals(0, Cli.run(Cli.with(cli, "import", SharedData.v2Sample().toString(),
          SharedData.pallasV2().toString())).exitCode());

      String word1 = "/api/v2/studies?query.titles=quokkaquill&countTotal=true";
      String word2 = "/api/v2/studies?query.titles=wombatwhistle&countTotal=true";
      try (ServerProcess nodeA = ServerProcess.start(dir.resolve("logs"), a)) {
        try (ServerProcess nodeB = ServerProcess.start(dir.resolve("logs"), b)) {
          until(nodeA, "/api/v2/studies?countTotal=true", total(101));
          until(nodeB, "/api/v2/studies?countTotal=true", total(101));
          assertEquals(0, Cli.run(Cli.with(cli, "import", pallasTitled("q.json", "quokkaquill").toString())).exitCode());
          report("import on a third process -> node A", until(nodeA, word1, total(1)));
          report("import on a third process -> node B", until(nodeB, word1, total(1)));
        }
        // Node B is down while the store changes; started again, it catches up from where it stopped.
        assertEquals(0, Cli.run(Cli.with(cli, "import", pallasTitled("w.json", "wombatwhistle").toString())).exitCode());
        until(nodeA, word2, total(1));
        try (ServerProcess nodeB = ServerProcess.start(dir.resolve("logs"), b)) {
          report("node B after a restart", until(nodeB, word2, total(1)));
          assertEquals(0, nodeB.get(word1).json().path("totalCount").asInt(), "the old title is gone");
          assertFalse(nodeB.log().contains("rebuilding the search index"), "resumed, not rebuilt:\n" + nodeB.log());
        }
      }
    }
  }
}
