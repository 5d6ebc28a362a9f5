package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.testing.SharedData;

/**
 * The command line end to end, as a user runs it, on a real store: {@link SqliteCliTest} runs it on
 * an embedded store in a temporary folder, {@link PostgresCliTest} on a fresh PostgreSQL database.
 */
abstract class CliContract {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static List<JsonNode> sample;

  @TempDir Path dir;
  private List<String> store;

  /** The store options (--data or --db) of a new, empty store for one test. */
  abstract List<String> newStoreOptions(Path tempDir) throws Exception;

  @BeforeAll
  static void load() throws IOException {
    sample = new ArrayList<>();
    MAPPER.readTree(SharedData.v2Sample().toFile()).forEach(sample::add);
  }

  @BeforeEach
  void newStore() throws Exception {
    store = newStoreOptions(dir);
  }

  private Cli trialdex(String command, String... rest) {
    return Cli.run(Cli.with(store, command, rest));
  }

  private static String nct(JsonNode n) {
    return n.at("/protocolSection/identificationModule/nctId").asText();
  }

  private Path ndjson(String name, List<JsonNode> records) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, records.stream().map(JsonNode::toString).toList(), StandardCharsets.UTF_8);
    return p;
  }

  private Map<String, JsonNode> export() throws IOException {
    Path out = dir.resolve("export-" + System.nanoTime() + ".ndjson");
    Cli c = trialdex("export", "--out", out.toString());
    assertEquals(0, c.exitCode(), c::toString);
    Map<String, JsonNode> byId = new HashMap<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      JsonNode n = MAPPER.readTree(line);
      byId.put(nct(n), n);
    }
    return byId;
  }

  @Test
  void importThenExportReproducesEachV2RecordExactly() throws IOException {
    Cli imported = trialdex("import", SharedData.v2Sample().toString(), SharedData.pallasV2().toString());
    assertEquals(0, imported.exitCode(), imported::toString);
    assertTrue(imported.out().contains("  read              101"), imported.out());
    assertTrue(imported.out().contains("  new               101"), imported.out());
    Map<String, JsonNode> exported = export();
    assertEquals(101, exported.size());
    for (JsonNode original : sample) {
      assertEquals(original, exported.get(nct(original)), () -> nct(original) + " changed on the way through the store");
    }
    assertEquals(MAPPER.readTree(SharedData.pallasV2().toFile()), exported.get("NCT02513394"));
  }

  @Test
  void exportIsInNctIdOrderOneRecordPerLine() throws IOException {
    trialdex("import", SharedData.v2Sample().toString());
    Cli c = trialdex("export");
    assertEquals(0, c.exitCode());
    List<String> ids = c.out().lines().map(l -> {
      try {
        return nct(MAPPER.readTree(l));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }).toList();
    assertEquals(100, ids.size());
    assertEquals(ids.stream().sorted().toList(), ids);
  }

  @Test
  void reimportingAddsNoVersionAndAChangedRecordAddsExactlyOne() throws IOException {
    assertEquals(0, trialdex("import", SharedData.v2Sample().toString()).exitCode());
    Cli again = trialdex("import", SharedData.v2Sample().toString());
    assertTrue(again.out().contains("  unchanged         100"), again.out());
    assertTrue(again.out().contains("  new                 0"), again.out());

    ObjectNode changed = sample.get(7).deepCopy();
    ((ObjectNode) changed.at("/protocolSection/statusModule")).put("overallStatus", "COMPLETED");
    List<JsonNode> edited = new ArrayList<>(sample);
    edited.set(7, changed);
    Cli third = trialdex("import", ndjson("edited.ndjson", edited).toString());
    assertTrue(third.out().contains("  updated             1"), third.out());
    assertTrue(third.out().contains("  unchanged          99"), third.out());

    String id = nct(changed);
    Cli history = trialdex("history", id);
    assertEquals(0, history.exitCode(), history::toString);
    assertTrue(history.out().startsWith(id + ": 2 versions"), history.out());
    assertTrue(history.out().contains("changed since version 1: statusModule"), history.out());
    assertTrue(history.out().contains("edited.ndjson (line 8)"), history.out());

    Cli v1 = trialdex("show", id, "--version", "1", "--format", "json");
    assertEquals(sample.get(7), MAPPER.readTree(v1.out()));
    Cli current = trialdex("show", id, "--format", "json");
    assertEquals(changed, MAPPER.readTree(current.out()));
  }

  @Test
  void showAsTextGivesTheRegistrySections() {
    trialdex("import", SharedData.pallasV2().toString());
    Cli c = trialdex("show", "nct02513394");
    assertEquals(0, c.exitCode(), c::toString);
    assertTrue(c.out().startsWith("NCT02513394  "), c.out());
    for (String section : List.of("Status", "Phases", "Enrollment", "Sponsor", "Conditions", "Brief summary",
        "Arms", "Interventions", "Primary outcomes", "Eligibility", "Locations (", "Results              posted")) {
      assertTrue(c.out().contains(section), () -> "missing " + section + " in\n" + c.out());
    }
  }

  @Test
  void showListsTheRecordsDataQualityFindings() {
    trialdex("import", SharedData.v2Sample().toString());
    Cli c = trialdex("show", "NCT00576225");
    assertTrue(c.out().contains("Data-quality findings (1)"), c.out());
    assertTrue(c.out().contains("error consistency.why-stopped-missing: "), c.out());
  }

  @Test
  void statsCountByStatusPhaseAndTypeAndListRuns() {
    trialdex("import", SharedData.v2Sample().toString());
    Cli c = trialdex("stats");
    assertEquals(0, c.exitCode(), c::toString);
    assertTrue(c.out().startsWith("100 studies, 100 versions"), c.out());
    long recruiting = sample.stream().filter(n -> n.at("/protocolSection/statusModule/overallStatus").asText().equals("RECRUITING")).count();
    assertTrue(c.out().matches("(?s).*\\n  RECRUITING +" + recruiting + "\\n.*"), c.out());
    assertTrue(c.out().contains("Import runs (1 in all"), c.out());
  }

  @Test
  void aBatchWithFailuresExitsWith3ListsEachAndChangesNothingStored() throws IOException {
    trialdex("import", SharedData.v2Sample().toString());
    Map<String, JsonNode> before = export();

    // A broken copy of a stored record, a record with a bad id, and one good new record.
    String stored = nct(sample.get(3));
    Path broken = dir.resolve("broken.ndjson");
    Files.writeString(broken, "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"" + stored
        + "\"},\"statusModule\":{\"overallStatus\":\"SLEEPING\"}}}\n"
        + "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT1\"}}}\n"
        + "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT09999999\",\"briefTitle\":\"New\"}}}\n");
    Path unknown = dir.resolve("notes.txt");
    Files.writeString(unknown, "not a trial");
    Cli c = trialdex("import", broken.toString(), unknown.toString());
    assertEquals(TrialdexCommand.SOME_FAILED, c.exitCode(), c::toString);
    assertTrue(c.out().contains("  failed              3"), c.out());
    assertTrue(c.out().contains(broken + ", " + stored + " (line 1): invalid value at protocolSection.statusModule.overallStatus"), c.out());
    assertTrue(c.out().contains(broken + ", line 2: invalid NCT id 'NCT1'"), c.out());
    assertTrue(c.out().contains(unknown + ": unknown format"), c.out());

    Map<String, JsonNode> after = export();
    assertEquals(101, after.size());
    before.forEach((id, record) -> assertEquals(record, after.get(id), id));
    assertEquals(1, trialdex("history", stored).out().lines().filter(l -> l.startsWith("version ")).count());
  }

  @Test
  void everyKindOfBadInputIsNamedAndLeavesStoredRecordsAsTheyWere() throws IOException {
    trialdex("import", SharedData.v2Sample().toString());
    Map<String, JsonNode> before = export();
    String a = nct(sample.get(10));
    String b = nct(sample.get(11));
    String c = nct(sample.get(12));
    String d = nct(sample.get(13));

    // Malformed XML claiming a stored id, and legacy XML with a bad NCT id.
    Path xml = dir.resolve("broken.xml");
    Files.writeString(xml, "<clinical_study><id_info><nct_id>" + a + "</nct_id></id_info><brief_title>Cut");
    Path badIdXml = dir.resolve("bad-id.xml");
    Files.writeString(badIdXml, "<clinical_study><id_info><nct_id>NCT12</nct_id></id_info></clinical_study>");
    // Non-UTF-8 text in a changed copy of a stored record.
    ObjectNode latin1 = sample.get(11).deepCopy();
    ((ObjectNode) latin1.at("/protocolSection/identificationModule")).put("briefTitle", "Caf\u00e9");
    byte[] latin1Bytes = latin1.toString().replace("Caf\\u00e9", "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
    Path nonUtf8 = dir.resolve("latin1.ndjson");
    Files.write(nonUtf8, latin1Bytes);
    // The same id twice: an identical copy first (taken, unchanged), a changed copy second (refused).
    ObjectNode changedC = sample.get(12).deepCopy();
    ((ObjectNode) changedC.at("/protocolSection/statusModule")).put("overallStatus", "WITHDRAWN");
    Path twice = ndjson("twice.ndjson", List.of(sample.get(12), changedC));
    // A changed copy of a stored record 100 times larger than usual.
    ObjectNode huge = sample.get(13).deepCopy();
    ((ObjectNode) huge.at("/protocolSection/descriptionModule")).put("detailedDescription", "x".repeat(sample.get(13).toString().length() * 100));
    Path large = ndjson("large.ndjson", List.of(huge));
    // A truncated archive whose intact part holds a new record.
    Path cut = dir.resolve("cut.zip");
    java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
      z.putNextEntry(new java.util.zip.ZipEntry("new.json"));
      z.write("{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT09999998\"}}}".getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new java.util.zip.ZipEntry("changed.json"));
      z.write(changedC.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = zip.toByteArray();
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 200));

    Cli r = trialdex("import", "--max-record-size", (sample.get(13).toString().length() * 20) + "",
        xml.toString(), badIdXml.toString(), nonUtf8.toString(), twice.toString(), large.toString(), cut.toString());
    assertEquals(TrialdexCommand.SOME_FAILED, r.exitCode(), r::toString);
    assertTrue(r.out().contains(xml + ": "), r::toString);
    assertTrue(r.out().contains(badIdXml.toString()) && r.out().contains("NCT12"), r.out());
    assertTrue(r.out().contains(nonUtf8 + ", record 1: not UTF-8 text at line 1, column "), r.out());
    assertTrue(r.out().contains(twice + ", " + c + " (line 2): " + c + " appears twice in this import"), r.out());
    assertTrue(r.out().contains(large + ", line 1: record is ") && r.out().contains("over the limit"), r.out());
    assertTrue(r.out().contains(cut + ": the archive is truncated or corrupt after entry changed.json"), r.out());
    assertTrue(r.out().contains("  new                 1"), r.out());

    Map<String, JsonNode> after = export();
    assertEquals(101, after.size()); // the 100 stored and the one intact record of the cut archive
    assertEquals("NCT09999998", nct(after.get("NCT09999998")));
    before.forEach((id, record) -> assertEquals(record, after.get(id), id));
    for (String id : List.of(a, b, c, d)) {
      assertEquals(1, trialdex("history", id).out().lines().filter(l -> l.startsWith("version ")).count(), id);
    }
  }

  @Test
  void usageErrorsExitWith2AndSayWhatIsWrong() {
    Cli noArgs = Cli.run();
    assertEquals(TrialdexCommand.USAGE, noArgs.exitCode());
    Cli badOption = trialdex("import", "--bogus", "x.json");
    assertEquals(TrialdexCommand.USAGE, badOption.exitCode());
    assertTrue(badOption.err().contains("Unknown option: '--bogus'"), badOption.err());
    Cli noPath = trialdex("import");
    assertEquals(TrialdexCommand.USAGE, noPath.exitCode());
    Cli badId = trialdex("show", "NCT12345");
    assertEquals(TrialdexCommand.USAGE, badId.exitCode());
    assertTrue(badId.err().contains("'NCT12345' is not an NCT id"), badId.err());
    Cli notAnId = trialdex("show", "two words");
    assertEquals(TrialdexCommand.USAGE, notAnId.exitCode());
    assertTrue(notAnId.err().contains("'two words' is not an NCT id"), notAnId.err());
    Cli both = Cli.run("stats", "--data", dir.toString(), "--db", "jdbc:postgresql://127.0.0.1/x");
    assertEquals(TrialdexCommand.USAGE, both.exitCode());
    Cli notPostgres = Cli.run("stats", "--db", "jdbc:mysql://127.0.0.1/x");
    assertEquals(TrialdexCommand.USAGE, notPostgres.exitCode());
    assertTrue(notPostgres.err().contains("--db takes a PostgreSQL JDBC URL"), notPostgres.err());
    assertEquals(TrialdexCommand.USAGE, both.exitCode());
    assertTrue(both.err().contains("either --data or --db"), both.err());
    Cli size = trialdex("import", "--max-record-size", "lots", "x.json");
    assertEquals(TrialdexCommand.USAGE, size.exitCode());
    assertTrue(size.err().contains("--max-record-size takes a positive size"), size.err());
  }

  @Test
  void aMissingRecordOrVersionIsAFailureThatSaysSo() {
    trialdex("import", SharedData.pallasV2().toString());
    Cli missing = trialdex("show", "NCT00000000");
    assertEquals(TrialdexCommand.FAILED, missing.exitCode());
    assertTrue(missing.err().contains("NCT00000000 is not in this store"), missing.err());
    Cli noVersion = trialdex("show", "NCT02513394", "--version", "4");
    assertEquals(TrialdexCommand.FAILED, noVersion.exitCode());
    assertTrue(noVersion.err().contains("NCT02513394 has 1 version; there is no version 4"), noVersion.err());
  }
}
