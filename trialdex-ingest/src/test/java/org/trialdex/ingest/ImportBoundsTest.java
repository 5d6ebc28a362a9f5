package org.trialdex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.testing.SharedData;

/**
 * Hostile inputs (issue #12): failures are counted but only a sample is kept, archives are capped
 * in entries and expansion, a cut archive is a failure, and an exception on one record or file
 * never stops the import.
 */
class ImportBoundsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static List<JsonNode> records;

  @TempDir Path dir;
  private final List<ReadProblem> heard = new ArrayList<>();
  private long written;

  @BeforeAll
  static void loadRecords() throws IOException {
    records = new ArrayList<>();
    MAPPER.readTree(SharedData.v2Sample().toFile()).forEach(records::add);
  }

  private ImportReport importWith(ReadOptions options, Path... paths) {
    ChunkWriter counting = chunk -> {
      written += chunk.size();
      return chunk.stream().map(r -> ChunkWriter.Outcome.NEW).toList();
    };
    Importer.Listener listener = new Importer.Listener() {
      @Override
      public void progress(Importer.Progress progress) {}

      @Override
      public void failed(ReadProblem problem) {
        heard.add(problem);
      }
    };
    return new Importer(options, 7, counting, listener).run(Arrays.asList(paths));
  }

  private ImportReport importPaths(Path... paths) {
    return importWith(ReadOptions.defaults(), paths);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private static String line(int i) {
    return records.get(i).toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String all(ImportReport r) {
    return String.join("\n", r.failureSample().stream().map(ReadProblem::toString).toList());
  }

  @Test
  void duplicatesAreCountedButOnlyAFewAreKept() throws IOException {
    // One record, then the same record 1,999 more times: every repeat fails.
    Path p = write("dups.ndjson", utf8((line(0) + "\n").repeat(2000)));
    ImportReport r = importPaths(p);
    assertEquals(1, r.created());
    assertEquals(1999, r.failed());
    assertEquals(Importer.MAX_FAILURES_KEPT, r.failureSample().size());
    assertEquals(1999 - Importer.MAX_FAILURES_KEPT, r.failuresNotKept());
    // The listener hears every failure, in order: that is how --failures FILE gets them all.
    assertEquals(1999, heard.size());
    assertEquals("line 2000", heard.get(1998).record().replaceAll(".*\\((.*)\\)", "$1"));
    assertEquals(2000, r.read());
  }

  @Test
  void aZipBombStopsAtTheExpansionLimitNamingTheArchive() throws IOException {
    // One record followed by 40 MB of blank lines: a few kilobytes compressed.
    byte[] body = bomb();
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("bomb.ndjson"));
      z.write(body);
    }
    Path p = write("bomb.zip", zip.toByteArray());
    ImportReport r = importPaths(p);
    assertTrue(r.failed() >= 1, all(r));
    String last = r.failureSample().get(r.failureSample().size() - 1).toString();
    assertTrue(last.startsWith(p + ": the archive expands to more than 100 times its compressed size"), last + "\n" + all(r));
    assertTrue(last.contains("--max-expansion"), last);

    // With the limit raised, the same archive imports cleanly.
    heard.clear();
    ImportReport raised = importWith(new ReadOptions(ReadOptions.DEFAULT_MAX_RECORD_BYTES, 10, 1_000_000), p);
    assertEquals(0, raised.failed(), all(raised));
    assertEquals(1, raised.created());
  }

  @Test
  void aGzipBombStopsAtTheExpansionLimit() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
      g.write(bomb());
    }
    Path p = write("bomb.ndjson.gz", gz.toByteArray());
    ImportReport r = importPaths(p);
    assertTrue(r.failed() >= 1, all(r));
    assertTrue(all(r).contains("bomb.ndjson: reading stopped: the archive expands to more than 100 times"), all(r));
  }

  private static byte[] bomb() {
    byte[] record = utf8(line(0) + "\n");
    byte[] body = new byte[40 * 1024 * 1024];
    Arrays.fill(body, (byte) '\n');
    System.arraycopy(record, 0, body, 0, record.length);
    return body;
  }

  @Test
  void anArchiveWithMoreEntriesThanTheLimitStopsThere() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      for (int i = 0; i < 30; i++) {
        z.putNextEntry(new ZipEntry("s" + i + ".json"));
        z.write(utf8(line(i)));
      }
    }
    Path p = write("many.zip", zip.toByteArray());
    ImportReport r = importWith(new ReadOptions(ReadOptions.DEFAULT_MAX_RECORD_BYTES, 12, 100), p);
    assertEquals(12, r.created());
    assertEquals(List.of(new ReadProblem(p.toString(), "", "the archive holds more than 12 entries, the limit"
        + " (--max-archive-entries raises it); the entries after s11.json were not read")), r.failureSample());
  }

  @Test
  void aTarCutAtAnEntryHeaderIsATruncatedArchive() throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    long cutAt = 0;
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(tar)) {
      for (int i = 0; i < 20; i++) {
        if (i == 10) {
          t.flush();
          cutAt = t.getBytesWritten();
        }
        byte[] body = utf8(line(i));
        TarArchiveEntry e = new TarArchiveEntry("s/" + i + ".json");
        e.setSize(body.length);
        t.putArchiveEntry(e);
        t.write(body);
        t.closeArchiveEntry();
      }
    }
    byte[] cut = Arrays.copyOf(tar.toByteArray(), (int) cutAt);
    Path p = write("cut.tar", cut);
    ImportReport r = importPaths(p);
    assertEquals(10, r.created());
    assertEquals(1, r.failed(), all(r));
    assertEquals(p + ": the archive is truncated: it ends after entry s/9.json without the end record its format"
        + " requires; the entries before it were read, check that the file is complete", r.failureSample().get(0).toString());

    // The same cut tar, gzipped whole: still truncated.
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
      g.write(cut);
    }
    ImportReport rgz = importPaths(write("cut.tar.gz", gz.toByteArray()));
    assertEquals(1, rgz.failed(), all(rgz));
    assertTrue(all(rgz).contains("cut.tar.gz: the archive is truncated"), all(rgz));

    // A whole tar and a whole tar.gz are not.
    assertEquals(0, importPaths(write("whole.tar", tar.toByteArray())).failed());
  }

  @Test
  void aZipCutBetweenEntriesIsATruncatedArchive() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    int cutAt = 0;
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      for (int i = 0; i < 6; i++) {
        z.putNextEntry(new ZipEntry(i + ".json"));
        z.write(utf8(line(i)));
        z.closeEntry();
        if (i == 2) {
          z.flush();
          cutAt = zip.size();
        }
      }
    }
    Path p = write("cut.zip", Arrays.copyOf(zip.toByteArray(), cutAt));
    ImportReport r = importPaths(p);
    assertEquals(3, r.created());
    assertEquals(1, r.failed(), all(r));
    assertEquals(p + ": the archive is truncated after entry 2.json: its data ends early; the entries before the break were"
        + " read, check that the file is complete", r.failureSample().get(0).toString());

    assertEquals(0, importPaths(write("whole.zip", zip.toByteArray())).failed());
  }

  @Test
  void aCutGzipSaysTruncated() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
      for (int i = 0; i < 40; i++) {
        g.write(utf8(line(i) + "\n"));
      }
    }
    byte[] whole = gz.toByteArray();
    Path p = write("cut.ndjson.gz", Arrays.copyOf(whole, whole.length - 100));
    ImportReport r = importPaths(p);
    assertTrue(r.failed() >= 1, all(r));
    String last = r.failureSample().get(r.failureSample().size() - 1).toString();
    assertTrue(last.contains("cut.ndjson.gz") && last.contains("truncated"), last);
  }

  @Test
  void aLineThatBreaksTheParserFailsAloneAndTheOtherFilesImport() throws IOException {
    // A classic record with a value nested 1,001 deep, between two good records.
    String deep = "[".repeat(1001) + "]".repeat(1001);
    String classic = Files.readAllLines(SharedData.mscClassic()).stream().limit(2).toList().get(0);
    String second = Files.readAllLines(SharedData.mscClassic()).stream().limit(2).toList().get(1);
    Path bad = write("deep.jsonl", utf8(classic + "\n{\"NCTId\": [\"NCT01234567\"], \"x\": " + deep + "}\n" + second + "\n"));
    // The same in a v2 NDJSON line.
    Path badV2 = write("deep.ndjson", utf8(line(0) + "\n{\"x\": " + deep + "}\n" + line(1) + "\n"));
    Path good = write("good.json", utf8(line(2)));
    ImportReport r = importPaths(bad, badV2, good);
    assertEquals(5, r.created(), all(r));
    assertEquals(2, r.failed(), all(r));
    assertEquals(bad.toString(), r.failureSample().get(0).file());
    assertEquals("line 2", r.failureSample().get(0).record());
    assertEquals(badV2.toString(), r.failureSample().get(1).file());
    assertEquals("line 2", r.failureSample().get(1).record());
    for (ReadProblem f : r.failureSample()) {
      assertFalse(f.reason().contains("null"), f.toString());
    }
  }

  @Test
  void aReasonIsNeverNull() {
    assertEquals("a null pointer exception with no message (java.lang.NullPointerException)",
        ReadProblem.reasonOf(new NullPointerException()));
    assertEquals("the data ended unexpectedly (truncated)", ReadProblem.reasonOf(new java.io.EOFException()));
    assertEquals("disk full", ReadProblem.reasonOf(new IOException("disk full\nmore")));
    assertFalse(new ReadProblem("f", "", null).reason().isBlank());
    assertFalse(new ReadProblem("f", "", "null").reason().equals("null"));
  }
}
