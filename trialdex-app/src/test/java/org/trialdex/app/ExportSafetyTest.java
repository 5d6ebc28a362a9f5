package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.source.Provenance;
import org.trialdex.store.Incoming;
import org.trialdex.store.RunCounts;
import org.trialdex.store.StoreLocation;

/**
 * Export never truncates and never crashes on text (issue #12): a lone surrogate now refused at
 * import, stored by an older version, exports as U+FFFD with a warning naming the record; a failed
 * {@code --out} leaves no partial file and an existing file as it was.
 */
class ExportSafetyTest {

  @TempDir Path dir;

  private static String v2(String nct, String title) {
    return "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"" + nct + "\",\"briefTitle\":\"" + title + "\"}}}";
  }

  /** A store as an older version left it: one good record and one holding a lone surrogate. */
  private List<String> storeWithALoneSurrogate() {
    Path data = dir.resolve("data");
    try (Trialdex t = Trialdex.open(new StoreLocation.Sqlite(data), Clock.systemUTC())) {
      long run = t.store().beginRun("import old.json", List.of("old.json")).id();
      t.store().putAll(run, List.of(
          new Incoming(StudyJson.standard().read(v2("NCT00000001", "caf\u00e9")), new Provenance("ctgov-v2-json", "old.json", "record 1")),
          new Incoming(StudyJson.standard().read(v2("NCT00000002", "bad \\udfff end")), new Provenance("ctgov-v2-json", "old.json", "record 2"))));
      t.store().finishRun(run, new RunCounts(2, 2, 0, 0, 0));
    }
    return List.of("--data", data.toString());
  }

  @Test
  void aStoredLoneSurrogateExportsAsReplacementWithAWarningToAFileAndToStandardOutput() throws IOException {
    List<String> store = storeWithALoneSurrogate();
    Path out = dir.resolve("out.ndjson");
    Cli c = Cli.run(Cli.with(store, "export", "--out", out.toString()));
    assertEquals(0, c.exitCode(), c.toString());
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).contains("\"caf\u00e9\""), lines.get(0));
    assertTrue(lines.get(1).contains("\"bad \uFFFD end\""), lines.get(1));
    assertTrue(c.err().contains("trialdex: warning: NCT00000002 holds text that is not Unicode"), c.err());
    assertFalse(c.err().contains("NCT00000001"), c.err());

    Cli stdout = Cli.run(Cli.with(store, "export"));
    assertEquals(0, stdout.exitCode(), stdout.toString());
    assertEquals(String.join("\n", lines) + "\n", stdout.out());
    assertTrue(stdout.err().contains("NCT00000002"), stdout.err());
  }

  @Test
  void aStoredLoneSurrogateExportsAsReplacementInFhirToo() throws IOException {
    List<String> store = storeWithALoneSurrogate();
    Path out = dir.resolve("out.fhir.ndjson");
    Cli c = Cli.run(Cli.with(store, "export", "--format", "fhir", "--out", out.toString()));
    assertEquals(0, c.exitCode(), c.toString());
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals(2, lines.size());
    // briefTitle is the title when there is no official one
    assertTrue(lines.get(0).contains("\"title\":\"caf\u00e9\""), lines.get(0));
    assertTrue(lines.get(1).contains("\"title\":\"bad \uFFFD end\""), lines.get(1));
    assertTrue(c.err().contains("trialdex: warning: NCT00000002 holds text that is not Unicode"), c.err());
  }

  @Test
  void aFailedExportLeavesNoPartialFileAndTheOldFileAsItWas() throws IOException {
    List<String> store = storeWithALoneSurrogate();
    // A folder where the file should be: the final move fails after everything was written.
    Path blocked = dir.resolve("blocked.ndjson");
    Files.createDirectories(blocked.resolve("inside"));
    Cli c = Cli.run(Cli.with(store, "export", "--out", blocked.toString()));
    assertEquals(1, c.exitCode(), c.toString());
    // the warning about the record with a lone surrogate comes first
    assertTrue(c.err().contains("trialdex: cannot write " + blocked + ": "), c.err());
    assertTrue(c.err().contains("the existing file was left as it was"), c.err());
    assertTrue(Files.isDirectory(blocked.resolve("inside")));
    try (var left = Files.list(dir)) {
      assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".partial")).toList());
    }

    Path existing = dir.resolve("existing.ndjson");
    Files.writeString(existing, "old content\n");
    Cli ok = Cli.run(Cli.with(store, "export", "--out", existing.toString()));
    assertEquals(0, ok.exitCode(), ok.toString());
    assertEquals(2, Files.readAllLines(existing).size());
  }
}
