package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.testing.SharedData;

/**
 * {@code trialdex import} on hostile input (issue #12): a bounded list of failures on the terminal
 * with the full list in {@code --failures FILE}, a cut archive that fails the import, and archive
 * limits that can be raised.
 */
class ImportLimitsCliTest {

  @TempDir Path dir;

  private Cli importing(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("import", "--no-progress", "--data", dir.resolve("data").toString()));
    all.addAll(List.of(args));
    return Cli.run(all);
  }

  private static List<String> classicLines(int n) throws IOException {
    try (var lines = Files.lines(SharedData.mscClassic())) {
      return lines.limit(n).toList();
    }
  }

  @Test
  void thousandsOfFailuresListTheFirstTwentyAndStreamTheRestToAFile() throws IOException {
    // One classic record, then the same record 4,999 more times.
    String record = classicLines(1).get(0);
    Path dups = dir.resolve("dups.jsonl");
    Files.writeString(dups, (record + "\n").repeat(5000));
    Path failures = dir.resolve("failures.txt");
    Cli c = importing("--failures", failures.toString(), dups.toString());
    assertEquals(TrialdexCommand.SOME_FAILED, c.exitCode(), c::toString);
    assertTrue(c.out().contains("  failed          4,999"), c.out());
    List<String> shown = c.out().lines().filter(l -> l.startsWith("  " + dups)).toList();
    assertEquals(20, shown.size(), c::toString);
    assertTrue(c.out().contains("  ... and 4,979 more (all are in " + failures + ")"), c.out());
    List<String> all = Files.readAllLines(failures);
    assertEquals(4999, all.size());
    assertEquals(shown.get(0).strip(), all.get(0));
    assertTrue(all.get(4998).startsWith(dups + ", "), all.get(4998));
    assertTrue(all.get(4998).contains("(line 5000)"), all.get(4998));

    // Without --failures the terminal says how to get them all.
    Cli again = importing(dups.toString());
    assertTrue(again.out().contains("  ... and 4,979 more (--failures FILE lists them all)"), again.out());
  }

  @Test
  void aFailuresFileThatCannotBeWrittenStopsBeforeTheImport() throws IOException {
    Path dups = dir.resolve("one.jsonl");
    Files.writeString(dups, classicLines(1).get(0) + "\n");
    Cli c = importing("--failures", dir.resolve("no/such/folder/f.txt").toString(), dups.toString());
    assertEquals(TrialdexCommand.FAILED, c.exitCode(), c::toString);
    assertTrue(c.err().contains("cannot write the failures to " + dir.resolve("no/such/folder/f.txt") + " (--failures)"), c::toString);
    assertFalse(c.out().contains("Import run"), c::toString);
  }

  @Test
  void aTarCutAtAnEntryHeaderFailsTheImport() throws IOException {
    List<String> lines = classicLines(20);
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    long cutAt = 0;
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(tar)) {
      for (int i = 0; i < 20; i++) {
        if (i == 10) {
          t.flush();
          cutAt = t.getBytesWritten();
        }
        byte[] body = (lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry("r" + i + ".jsonl");
        e.setSize(body.length);
        t.putArchiveEntry(e);
        t.write(body);
        t.closeArchiveEntry();
      }
    }
    Path cut = dir.resolve("cut.tar");
    Files.write(cut, Arrays.copyOf(tar.toByteArray(), (int) cutAt));
    Cli c = importing(cut.toString());
    assertEquals(TrialdexCommand.SOME_FAILED, c.exitCode(), c::toString);
    assertTrue(c.out().contains("  new                10"), c.out());
    assertTrue(c.out().contains("  " + cut + ": the archive is truncated: it ends after entry r9.jsonl"), c.out());
  }

  @Test
  void archiveLimitsNameTheOptionThatRaisesThem() throws IOException {
    List<String> lines = classicLines(5);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      for (int i = 0; i < 5; i++) {
        z.putNextEntry(new ZipEntry("r" + i + ".jsonl"));
        z.write((lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    Path p = dir.resolve("five.zip");
    Files.write(p, zip.toByteArray());
    Cli capped = importing("--max-archive-entries", "3", p.toString());
    assertEquals(TrialdexCommand.SOME_FAILED, capped.exitCode(), capped::toString);
    assertTrue(capped.out().contains(p + ": the archive holds more than 3 entries, the limit (--max-archive-entries"
        + " raises it); the entries after r2.jsonl were not read"), capped.out());
    Cli raised = importing("--max-archive-entries", "5", p.toString());
    assertEquals(TrialdexCommand.OK, raised.exitCode(), raised::toString);

    Cli zero = importing("--max-expansion", "0", p.toString());
    assertEquals(TrialdexCommand.USAGE, zero.exitCode(), zero::toString);
    assertTrue(zero.err().contains("--max-expansion must be a positive number, was 0"), zero::toString);
  }
}
