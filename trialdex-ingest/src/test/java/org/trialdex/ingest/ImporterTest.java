package org.trialdex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.core.json.StudyJson;
import org.trialdex.testing.SharedData;

/** The import pipeline on real v2 records in every shape, and on each kind of bad input. */
class ImporterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static List<JsonNode> records;

  @TempDir Path dir;
  private final List<ReadResult.Read> written = new ArrayList<>();

  @BeforeAll
  static void loadRecords() throws IOException {
    records = new ArrayList<>();
    MAPPER.readTree(SharedData.v2Sample().toFile()).forEach(records::add);
  }

  private ImportReport importPaths(Path... paths) {
    return importWith(ReadOptions.defaults(), paths);
  }

  private ImportReport importWith(ReadOptions options, Path... paths) {
    ChunkWriter collecting = chunk -> {
      written.addAll(chunk);
      return chunk.stream().map(r -> ChunkWriter.Outcome.NEW).toList();
    };
    return new Importer(options, 7, collecting, Importer.Listener.NONE).run(Arrays.asList(paths));
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private static String nct(int i) {
    return records.get(i).at("/protocolSection/identificationModule/nctId").asText();
  }

  private static String line(int i) {
    return records.get(i).toString();
  }

  private static void assertClean(ImportReport report, long expected) {
    assertEquals(List.of(), report.failureSample());
    assertEquals(expected, report.read());
    assertEquals(expected, report.created());
    assertTrue(report.aborted().isEmpty());
  }

  @Test
  void theSitesJsonArrayDownloadImportsEveryRecordExactly() throws IOException {
    ImportReport report = importPaths(SharedData.v2Sample());
    assertClean(report, 100);
    for (int i = 0; i < 100; i++) {
      assertEquals(records.get(i), MAPPER.readTree(StudyJson.standard().write(written.get(i).study())));
      assertEquals("ctgov-v2-json", written.get(i).provenance().format());
      assertEquals("record " + (i + 1), written.get(i).provenance().position());
    }
  }

  @Test
  void aSingleStudyObjectImports() throws IOException {
    assertClean(importPaths(SharedData.pallasV2()), 1);
    assertEquals("NCT02513394", written.get(0).nctId());
  }

  @Test
  void ndjsonImportsOneRecordPerLineAndPositionsAreLines() throws IOException {
    Path p = write("studies.ndjson", line(0) + "\n" + line(1) + "\r\n\n" + line(2) + "\n");
    assertClean(importPaths(p), 3);
    assertEquals("line 4", written.get(2).provenance().position());
  }

  @Test
  void anApiPageImportsItsStudiesWhateverTheMemberOrder() throws IOException {
    Path a = write("page1.json", "{\"studies\":[" + line(0) + "," + line(1) + "],\"nextPageToken\":\"abc\"}");
    Path b = write("page2.json", "{\"nextPageToken\":\"abc\",\"totalCount\":2,\"studies\":[" + line(2) + "," + line(3) + "]}");
    assertClean(importPaths(a, b), 4);
    assertEquals(List.of(nct(0), nct(1), nct(2), nct(3)), written.stream().map(ReadResult.Read::nctId).toList());
  }

  @Test
  void archivesAreOpenedByTheirContentAndNamedInProvenance() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("set/a.json"));
      z.write(("[" + line(0) + "," + line(1) + "]").getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("set/b.ndjson"));
      z.write((line(2) + "\n" + line(3) + "\n").getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("__MACOSX/set/._a.json"));
      z.write(new byte[] {0, 5, 22, 7});
    }
    Path zipped = write("download.zip", zip.toByteArray());
    Path tgz = dir.resolve("more.tar.gz");
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(tgz)))) {
      byte[] body = line(4).getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry("x/NCT.json");
      e.setSize(body.length);
      t.putArchiveEntry(e);
      t.write(body);
      t.closeArchiveEntry();
    }
    Path gz = dir.resolve("one.json.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write(line(5).getBytes(StandardCharsets.UTF_8));
    }
    assertClean(importPaths(zipped, tgz, gz), 6);
    assertEquals(zipped + "!set/b.ndjson", written.get(3).provenance().file());
    assertEquals(tgz + "!x/NCT.json", written.get(4).provenance().file());
    assertEquals(dir.resolve("one.json").toString(), written.get(5).provenance().file());
  }

  @Test
  void aFolderIsWalkedInNameOrder() throws IOException {
    Files.createDirectories(dir.resolve("in/sub"));
    Files.writeString(dir.resolve("in/sub/b.json"), line(1));
    Files.writeString(dir.resolve("in/a.json"), line(0));
    assertClean(importPaths(dir.resolve("in")), 2);
    assertEquals(List.of(nct(0), nct(1)), written.stream().map(ReadResult.Read::nctId).toList());
  }

  @Test
  void oneRecordEntriesMappedInParallelComeOutInSourceOrder() throws IOException {
    // 150 real legacy XML entries, with a broken XML entry and a JSON array entry among them.
    List<String> expected = new ArrayList<>();
    Path zipped = dir.resolve("mixed.zip");
    try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
            new org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream(Files.newInputStream(SharedData.legacyArchive())));
        ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zipped))) {
      int n = 0;
      for (var e = tar.getNextEntry(); e != null && n < 150; e = tar.getNextEntry()) {
        if (e.isDirectory()) {
          continue;
        }
        byte[] body = tar.readAllBytes();
        z.putNextEntry(new ZipEntry(e.getName()));
        z.write(body);
        expected.add(e.getName().substring(e.getName().lastIndexOf('/') + 1, e.getName().length() - 4));
        n++;
        if (n == 70) {
          z.putNextEntry(new ZipEntry("broken.xml"));
          z.write("<clinical_study><id_info><nct_id>NCT0".getBytes(StandardCharsets.UTF_8));
          z.putNextEntry(new ZipEntry("two.json"));
          z.write(("[" + line(0) + "," + line(1) + "]").getBytes(StandardCharsets.UTF_8));
          expected.add(nct(0));
          expected.add(nct(1));
        }
      }
    }
    ImportReport report = importPaths(zipped);
    assertEquals(152, report.created());
    assertEquals(1, report.failed());
    assertEquals(zipped + "!broken.xml", report.failureSample().get(0).file());
    assertEquals(expected, written.stream().map(ReadResult.Read::nctId).toList());
    assertEquals("ctgov-legacy-xml", written.get(0).provenance().format());
    assertEquals("ctgov-v2-json", written.get(70).provenance().format());
  }

  // ---- bad input: each gives a clear error naming file, record and reason; the rest imports ----

  @Test
  void malformedJsonInAnArrayKeepsTheRecordsBeforeItAndSaysWhere() throws IOException {
    Path p = write("broken.json", "[\n" + line(0) + ",\n" + line(1) + ",\n{\"protocolSection\": {\"identificationModule\": {\"nctId\": ]\n" + line(3) + "]");
    ImportReport report = importPaths(p, write("fine.json", line(4)));
    assertEquals(3, written.size());
    assertEquals(1, report.failed(), report.failureSample()::toString);
    ReadProblem problem = report.failureSample().get(0);
    assertEquals(p.toString(), problem.file());
    assertEquals("record 3", problem.record());
    assertTrue(problem.reason().startsWith("invalid JSON at line 4, column "), problem.reason());
  }

  @Test
  void aBrokenNdjsonLineFailsAloneWithItsLineNumber() throws IOException {
    Path p = write("s.ndjson", line(0) + "\n{\"protocolSection\": oops}\n" + line(2) + "\n");
    ImportReport report = importPaths(p);
    assertEquals(2, report.created());
    assertEquals(new ReadProblem(p.toString(), "line 2", report.failureSample().get(0).reason()), report.failureSample().get(0));
    assertTrue(report.failureSample().get(0).reason().startsWith("not JSON: "));
  }

  @Test
  void nonUtf8TextIsRejectedPerLine() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes((line(0) + "\n").getBytes(StandardCharsets.UTF_8));
    b.writeBytes("{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT01234567\",\"briefTitle\":\"Caf".getBytes(StandardCharsets.UTF_8));
    b.write(0xE9); // é in Latin-1
    b.writeBytes("\"}}}\n".getBytes(StandardCharsets.UTF_8));
    b.writeBytes((line(2) + "\n").getBytes(StandardCharsets.UTF_8));
    ImportReport report = importPaths(write("latin1.ndjson", b.toByteArray()));
    assertEquals(2, report.created());
    assertEquals("line 2", report.failureSample().get(0).record());
    assertTrue(report.failureSample().get(0).reason().startsWith("not UTF-8 text"), report.failureSample().get(0).reason());
  }

  @Test
  void nonUtf8InAJsonArrayNamesTheRecord() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(("[" + line(0) + ",{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT01234567\",\"briefTitle\":\"Caf").getBytes(StandardCharsets.UTF_8));
    b.write(0xE9);
    b.writeBytes("\"}}}]".getBytes(StandardCharsets.UTF_8));
    ImportReport report = importPaths(write("latin1.json", b.toByteArray()));
    assertEquals(1, report.created());
    assertEquals("record 2", report.failureSample().get(0).record());
    assertTrue(report.failureSample().get(0).reason().startsWith("not UTF-8 text at line 1, column "), report.failureSample().get(0).reason());
  }

  @Test
  void anInvalidOrMissingNctIdIsRefusedAndNamed() throws IOException {
    ObjectNode bad = records.get(1).deepCopy();
    ((ObjectNode) bad.at("/protocolSection/identificationModule")).put("nctId", "NCT123");
    ObjectNode none = records.get(2).deepCopy();
    ((ObjectNode) none.at("/protocolSection/identificationModule")).remove("nctId");
    Path p = write("ids.ndjson", line(0) + "\n" + bad + "\n" + none + "\n");
    ImportReport report = importPaths(p);
    assertEquals(1, report.created());
    assertEquals(3, report.read());
    assertEquals("line 2", report.failureSample().get(0).record());
    assertTrue(report.failureSample().get(0).reason().startsWith("invalid NCT id 'NCT123'"));
    assertEquals("line 3", report.failureSample().get(1).record());
    assertTrue(report.failureSample().get(1).reason().startsWith("the record has no NCT id"));
  }

  @Test
  void theSameNctIdTwiceInOneImportKeepsTheFirst() throws IOException {
    Path a = write("a.ndjson", line(0) + "\n" + line(1) + "\n");
    Path b = write("b.json", line(1));
    ImportReport report = importPaths(a, b);
    assertEquals(2, report.created());
    ReadProblem dup = report.failureSample().get(0);
    assertEquals(b.toString(), dup.file());
    assertEquals(nct(1) + " (record 1)", dup.record());
    assertTrue(dup.reason().contains("appears twice in this import") && dup.reason().contains(a + " (line 2)"), dup.reason());
  }

  @Test
  void theSameTrialFromTwoSourcesInOneImportIsTakenFromBoth() {
    // PALLAS as API v2 JSON and as legacy XML: two views of one trial, for the store to merge.
    ImportReport report = importPaths(SharedData.pallasV2(), SharedData.pallasXml());
    assertEquals(List.of(), report.failureSample());
    assertEquals(List.of("ctgov-v2-json", "ctgov-legacy-xml"),
        written.stream().map(r -> r.provenance().format()).toList());
  }

  @Test
  void aRecordFarLargerThanUsualIsRefusedAndTheRestImports() throws IOException {
    // 100 times the size of a usual record, against a limit of 20 usual records.
    ObjectNode huge = records.get(0).deepCopy();
    int usual = line(0).length();
    ((ObjectNode) huge.at("/protocolSection/descriptionModule")).put("detailedDescription", "x".repeat(usual * 100));
    ReadOptions options = new ReadOptions(usual * 20L);
    Path nd = write("huge.ndjson", line(1) + "\n" + huge + "\n" + line(2) + "\n");
    ArrayNode array = MAPPER.createArrayNode().add(records.get(3)).add(huge).add(records.get(4));
    Path arr = write("huge.json", array.toString());
    ImportReport report = importWith(options, nd, arr);
    assertEquals(4, report.created());
    assertEquals(2, report.failed());
    assertEquals("line 2", report.failureSample().get(0).record());
    assertTrue(report.failureSample().get(0).reason().contains("over the limit of"), report.failureSample().get(0).reason());
    assertEquals(nct(0) + " (record 2)", report.failureSample().get(1).record());
    assertTrue(report.failureSample().get(1).reason().contains("over the limit of"), report.failureSample().get(1).reason());
  }

  @Test
  void aFileOfUnknownFormatIsNamedWithWhatIsAccepted() throws IOException {
    ImportReport report = importPaths(write("notes.txt", "Dear colleague, the trial ..."),
        write("other.json", "{\"name\": \"not a trial\"}"), write("empty.json", ""),
        write("junk.bin", new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 9}), dir.resolve("missing.json"), write("ok.json", line(0)));
    assertEquals(1, report.created());
    assertEquals(5, report.failed());
    List<String> reasons = report.failureSample().stream().map(ReadProblem::toString).toList();
    assertTrue(reasons.get(0).endsWith("missing.json: no such file or folder"), reasons.get(0));
    assertTrue(reasons.stream().anyMatch(r -> r.contains("notes.txt: unknown format: text that is neither JSON nor XML; accepted: ")), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.contains("other.json: unknown format: JSON, but neither")), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.contains("empty.json: unknown format: the file is empty")), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.contains("junk.bin: unknown format: binary data")), reasons.toString());
  }

  @Test
  void aTruncatedArchiveKeepsTheEntriesBeforeTheBreak() throws IOException {
    ByteArrayOutputStream tgz = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(new GzipCompressorOutputStream(tgz))) {
      for (int i = 0; i < 40; i++) {
        byte[] body = line(i).getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry("s/" + nct(i) + ".json");
        e.setSize(body.length);
        t.putArchiveEntry(e);
        t.write(body);
        t.closeArchiveEntry();
      }
    }
    byte[] whole = tgz.toByteArray();
    Path cut = write("cut.tar.gz", Arrays.copyOf(whole, whole.length * 3 / 5));
    ImportReport report = importPaths(cut);
    // Decompression reads ahead by 64 KiB, so the entries just before the break are lost with it.
    assertTrue(report.created() >= 10 && report.created() < 40, "created " + report.created() + " " + report.failureSample());
    assertTrue(report.failed() >= 1);
    String last = report.failureSample().get(report.failureSample().size() - 1).toString();
    assertTrue(last.contains("cut.tar.gz") && (last.contains("truncated") || last.contains("reading stopped")), last);

    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      for (int i = 0; i < 5; i++) {
        z.putNextEntry(new ZipEntry(nct(i) + ".json"));
        z.write(line(i).getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] zbytes = zip.toByteArray();
    written.clear();
    ImportReport zreport = importPaths(write("cut.zip", Arrays.copyOf(zbytes, zbytes.length / 2)));
    assertTrue(zreport.created() >= 1 && zreport.created() < 5, "created " + zreport.created());
    assertTrue(zreport.failed() >= 1, zreport.failureSample().toString());
  }

  @Test
  void aFailingWriterStopsTheImportAndSaysWhy() throws IOException {
    Path p = write("s.ndjson", String.join("\n", records.stream().limit(30).map(JsonNode::toString).toList()));
    int[] calls = {0};
    ChunkWriter failing = chunk -> {
      if (++calls[0] == 2) {
        throw new IllegalStateException("disk full");
      }
      return chunk.stream().map(r -> ChunkWriter.Outcome.NEW).toList();
    };
    ImportReport report = new Importer(ReadOptions.defaults(), 10, failing, Importer.Listener.NONE).run(List.of(p));
    assertEquals(10, report.created());
    assertTrue(report.aborted().orElseThrow().contains("disk full"));
  }

  @Test
  void randomBytesAndMutatedRecordsNeverThrow() throws IOException {
    java.util.Random random = new java.util.Random(7);
    String base = "[" + line(0) + "," + line(1) + "]";
    for (int i = 0; i < 200; i++) {
      byte[] bytes = base.getBytes(StandardCharsets.UTF_8);
      int mutations = 1 + random.nextInt(5);
      for (int m = 0; m < mutations; m++) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      if (random.nextBoolean()) {
        bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
      }
      ImportReport report = importPaths(write("m" + i + ".json", bytes));
      assertEquals(report.read(), report.created() + report.failed(), "mutation " + i);
      report.failureSample().forEach(f -> assertTrue(!f.reason().isBlank()));
    }
  }
}
