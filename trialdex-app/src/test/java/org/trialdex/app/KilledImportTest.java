package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.Main;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.search.SearchResult;
import org.trialdex.search.query.SearchRequests;
import org.trialdex.store.ImportRun;
import org.trialdex.store.StoreLocation;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.testing.TestPostgres;
import org.trialdex.store.VersionInfo;
import org.trialdex.testing.SharedData;

/**
 * Kills a real import process (SIGKILL) while it writes, then checks that every record is either
 * fully at its old version or fully at its new one: a chunk commits atomically or not at all; and
 * that the next start makes every stored record searchable as it is stored (issue #8).
 */
class KilledImportTest {

  private static final int COPIES = 200; // 100 real records x 200 = 20,000 records
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aKilledImportLeavesEveryRecordAtItsOldOrItsNewVersion() throws Exception {
    Path data = dir.resolve("data");
    killMidImportThenCheck(List.of("--data", data.toString()), new StoreLocation.Sqlite(data), data.resolve("index"));
  }

  @Test
  void onPostgresqlToo() throws Exception {
    try (TestPostgres pg = TestPostgres.create()) {
      Path index = dir.resolve("pg-index");
      killMidImportThenCheck(List.of("--db", pg.jdbcUrl(), "--index", index.toString()),
          new StoreLocation.Postgres(pg.jdbcUrl()), index);
    }
  }

  private void killMidImportThenCheck(List<String> store, StoreLocation location, Path index) throws Exception {
    List<JsonNode> sample = new ArrayList<>();
    MAPPER.readTree(SharedData.v2Sample().toFile()).forEach(sample::add);
    Path oldSet = write("old.ndjson", sample, "old");
    Path newSet = write("new.ndjson", sample, "new");
    int total = sample.size() * COPIES;

    assertEquals(0, Cli.run(Cli.with(store, "import", oldSet.toString())).exitCode());

    List<String> command = new ArrayList<>(List.of(javaBin(), "-cp", System.getProperty("java.class.path")));
    // The same terminology folder as this JVM: processes sharing an index must index with one vocabulary.
    String terms = System.getProperty(org.trialdex.core.terms.Vocabulary.TERMS_PROPERTY);
    if (terms != null) {
      command.add("-D" + org.trialdex.core.terms.Vocabulary.TERMS_PROPERTY + "=" + terms);
    }
    command.add(Main.class.getName());
    command.addAll(Cli.with(store, "import", newSet.toString()));
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true).redirectOutput(dir.resolve("import.log").toFile()).start();
    long newVersions = 0;
    try (Trialdex watcher = Trialdex.open(location, index, Clock.systemUTC())) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (p.isAlive() && System.nanoTime() < deadline) {
        newVersions = watcher.store().counts().versions() - total;
        if (newVersions >= Trialdex.CHUNK_SIZE) {
          break;
        }
        Thread.sleep(5);
      }
    }
    boolean killedMidway = p.isAlive();
    p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no chance to finish the chunk
    p.waitFor(30, TimeUnit.SECONDS);
    assertTrue(killedMidway, "the import finished before it could be killed; make the data set larger\n"
        + Files.readString(dir.resolve("import.log")));

    int atOld = 0;
    int atNew = 0;
    try (Trialdex after = Trialdex.open(location, index, Clock.systemUTC())) {
      // Issue #12: the killed run does not stay RUNNING; opening the store found its process gone.
      ImportRun killed = after.store().importRuns().getFirst();
      assertEquals(ImportRun.Status.INTERRUPTED, killed.status(), killed.toString());
      assertEquals(p.pid(), killed.owner().orElseThrow().pid());
      assertTrue(killed.reason().orElseThrow().contains("its process (pid " + p.pid() + " on "), killed.toString());
      for (int copy = 0; copy < COPIES; copy++) {
        for (int i = 0; i < sample.size(); i++) {
          String id = id(copy, i);
          StoredStudy current = after.store().current(id).orElseThrow(() -> new AssertionError(id + " lost"));
          List<VersionInfo> versions = after.store().versions(id);
          String title = current.study().protocolSection().identificationModule().briefTitle();
          if (title.startsWith("[old]")) {
            atOld++;
            assertEquals(1, versions.size(), id);
          } else {
            atNew++;
            assertTrue(title.startsWith("[new]"), id + ": " + title);
            assertEquals(2, versions.size(), id);
            assertEquals(2, current.version(), id);
          }
          // The current record is whole: its JSON is exactly one of the two inputs.
          assertEquals(StudyJson.standard().write(expected(sample.get(i), copy, i, title.startsWith("[old]") ? "old" : "new")),
              StudyJson.standard().write(current.study()), id);
        }
      }
      assertEquals(total + atNew, after.store().counts().versions());
    }
    assertTrue(atNew >= Trialdex.CHUNK_SIZE && atOld > 0, "old " + atOld + ", new " + atNew);
    Cli stats = Cli.run(Cli.with(store, "stats", "--runs", "1"));
    String killedRow = "\\s+2\\s+\\S+\\s+INTERRUPTED\\s+" + String.format(Locale.ROOT, "%,d\\s+0\\s+%,d\\s+0\\s+0",
        atNew, atNew);
    assertTrue(stats.out().lines().anyMatch(l -> l.matches(killedRow)),
        "stats lists the run as INTERRUPTED with the counts of the chunks it stored:\n" + stats);
    assertEquals(0, atNew % Trialdex.CHUNK_SIZE, "whole chunks only: " + atNew + " records at the new version");

    // Issue #8: after the next start, search holds every stored record exactly as the store has it
    // now, including the chunks the killed process committed but may not have indexed.
    try (Trialdex next = Trialdex.open(location, index, Clock.systemUTC())) {
      Map<String, String> indexed = new HashMap<>();
      Optional<String> token = Optional.empty();
      do {
        Map<String, List<String>> params = new HashMap<>(Map.of("pageSize", List.of("1000")));
        token.ifPresent(t -> params.put("pageToken", List.of(t)));
        SearchResult page = next.search().search(SearchRequests.parse(params));
        page.hits().forEach(h -> indexed.put(h.id(), h.study().protocolSection().identificationModule().briefTitle()));
        token = page.nextPageToken();
      } while (token.isPresent());
      assertEquals(total, indexed.size(), "every stored record is searchable");
      long newInIndex = indexed.values().stream().filter(t -> t.startsWith("[new]")).count();
      assertEquals(atNew, newInIndex, "the index holds each record at its current version");
      for (int copy = 0; copy < COPIES; copy += 37) {
        String id = id(copy, 0);
        assertEquals(next.store().current(id).orElseThrow().study().protocolSection().identificationModule().briefTitle(),
            indexed.get(id), id);
      }
      assertEquals(0, next.indexing().status().lag());
    }
  }

  private static String javaBin() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static String id(int copy, int i) {
    return String.format(Locale.ROOT, "NCT9%03d%04d", copy, i);
  }

  private static Study expected(JsonNode original, int copy, int i, String tag) {
    return StudyJson.standard().read(variant(original, copy, i, tag));
  }

  /** Copy {@code copy} of sample record {@code i}, with a new NCT id and its title tagged old or new. */
  private static JsonNode variant(JsonNode original, int copy, int i, String tag) {
    ObjectNode n = original.deepCopy();
    ObjectNode ident = (ObjectNode) n.at("/protocolSection/identificationModule");
    ident.put("nctId", id(copy, i));
    ident.put("briefTitle", "[" + tag + "] " + ident.path("briefTitle").asText());
    return n;
  }

  private Path write(String name, List<JsonNode> sample, String tag) throws IOException {
    Path p = dir.resolve(name);
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      for (int copy = 0; copy < COPIES; copy++) {
        for (int i = 0; i < sample.size(); i++) {
          w.write(variant(sample.get(i), copy, i, tag).toString());
          w.write('\n');
        }
      }
    }
    return p;
  }
}
