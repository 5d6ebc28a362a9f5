package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.testing.SharedData;

/**
 * What the command line says and returns when the store or the search index cannot be written
 * (issue #12): a full disk is named, a run the store stopped is recorded as FAILED, and an index
 * that cannot be written is a failure (exit 1, one line), never a usage error or a stack trace.
 */
class StoreFailureCliTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void anImportTheStoreStopsIsRecordedAsFailedWithItsReason() throws Exception {
    Path data = dir.resolve("data");
    List<JsonNode> sample = new ArrayList<>();
    MAPPER.readTree(SharedData.v2Sample().toFile()).forEach(sample::add);
    Path records = dir.resolve("records.ndjson");
    int copies = 6; // 600 records: the store takes the first chunk of 500, then refuses one of the next
    try (BufferedWriter w = Files.newBufferedWriter(records, StandardCharsets.UTF_8)) {
      for (int copy = 0; copy < copies; copy++) {
        for (int i = 0; i < sample.size(); i++) {
          ObjectNode n = sample.get(i).deepCopy();
          ((ObjectNode) n.at("/protocolSection/identificationModule")).put("nctId", id(copy, i));
          w.write(n.toString());
          w.write('\n');
        }
      }
    }
    assertEquals(0, Cli.run("stats", "--data", data.toString()).exitCode()); // creates the store
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("trialdex.db"));
        Statement s = c.createStatement()) {
      s.execute("CREATE TRIGGER refuse BEFORE INSERT ON study_version WHEN NEW.nct_id = '" + id(5, 50)
          + "' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    }

    Cli imported = Cli.run("import", "--data", data.toString(), "--no-progress", records.toString());

    assertEquals(1, imported.exitCode(), imported.toString());
    assertTrue(imported.err().contains("trialdex: import stopped: writing a chunk of 100 records"), imported.toString());
    assertTrue(imported.err().contains("import run 1 is recorded as FAILED"), imported.toString());
    Cli stats = Cli.run("stats", "--data", data.toString());
    String runLine = stats.out().lines().filter(l -> l.matches("\\s+1\\s+\\S+\\s+.*")).findFirst().orElseThrow(
        () -> new AssertionError(stats.toString()));
    assertTrue(runLine.contains(" FAILED "), runLine);
    assertTrue(runLine.matches(".*FAILED\\s+500\\s+500\\s+0\\s+0\\s+0\\s*"), "the chunk stored before counts: " + runLine);
    assertTrue(stats.out().contains("refused by the test"), "the reason is listed:\n" + stats.out());
  }

  @Test
  void anIndexFolderThatCannotBeWrittenFailsEachCommandWithOneLine() throws Exception {
    Path data = dir.resolve("data");
    Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
    String index = file.resolve("index").toString(); // under a regular file: nothing can be created there
    String sample = SharedData.v2Sample().toString();

    Cli imported = Cli.run("import", "--data", data.toString(), "--index", index, "--no-progress", sample);
    assertEquals(1, imported.exitCode(), "the records are stored, but the index step failed:\n" + imported);
    assertTrue(imported.out().lines().anyMatch(l -> l.matches("\\s*new\\s+100")), imported.toString());
    assertTrue(imported.err().contains("the search index cannot follow this import (Cannot open the search index at "
        + index), imported.toString());

    Cli search = Cli.run("search", "--data", data.toString(), "--index", index, "--cond", "lung cancer");
    assertEquals(1, search.exitCode(), "a failed index is not a usage error:\n" + search);
    assertTrue(search.err().startsWith("trialdex: Cannot open the search index at " + index), search.toString());

    for (String command : List.of("reindex", "serve")) {
      List<String> args = new ArrayList<>(List.of(command, "--data", data.toString(), "--index", index));
      if (command.equals("serve")) {
        args.addAll(List.of("--port", "0"));
      }
      Cli failed = Cli.run(args);
      assertEquals(1, failed.exitCode(), failed.toString());
      assertEquals(1, failed.err().lines().count(), "one line, no stack trace:\n" + failed);
      assertTrue(failed.err().startsWith("trialdex: Cannot open the search index at " + index), failed.toString());
    }
  }

  private static String id(int copy, int i) {
    return String.format(Locale.ROOT, "NCT8%03d%04d", copy, i);
  }
}
