package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.testing.SharedData;

/**
 * The three public data sets import into one store without a crash, each failure explained: the
 * 101 API v2 records, the 6,786 legacy XML records of the AllPublicXML subset, the 1,480 classic
 * MSC records.
 */
class SharedSetsImportTest {

  @TempDir Path dir;

  private Cli importInto(Path data, Path source) {
    return Cli.run("import", "--data", data.toString(), source.toString());
  }

  private static long count(Cli c, String label) {
    Matcher m = Pattern.compile("(?m)^  " + label + " +([0-9,]+)$").matcher(c.out());
    assertTrue(m.find(), () -> "no '" + label + "' line in\n" + c);
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  private static void assertEveryFailureExplained(Cli c) {
    long failed = count(c, "failed");
    long listed = c.out().lines().filter(l -> l.startsWith("  ") && l.contains(": ") && !l.matches("^  [a-z]+ +[0-9,]+.*")).count();
    // The terminal lists the first 20; the rest are counted in one line.
    assertEquals(Math.min(failed, 20), listed, c::toString);
    if (failed > 20) {
      assertTrue(c.out().contains(String.format(java.util.Locale.ROOT, "  ... and %,d more (--failures FILE lists them all)", failed - 20)), c::toString);
    }
  }

  @Test
  void allThreeSetsImportAndEveryFailureIsExplained() {
    Path data = dir.resolve("data");
    Cli v2 = importInto(data, SharedData.v2Sample());
    assertEquals(TrialdexCommand.OK, v2.exitCode(), v2::toString);
    assertEquals(100, count(v2, "new"));
    Cli pallas = importInto(data, SharedData.pallasV2());
    assertEquals(1, count(pallas, "new"));

    Cli legacy = importInto(data, SharedData.legacyArchive());
    assertEquals(6786, count(legacy, "read"), legacy::toString);
    assertEveryFailureExplained(legacy);
    assertEquals(count(legacy, "read"), count(legacy, "new") + count(legacy, "updated") + count(legacy, "unchanged") + count(legacy, "failed"));

    Cli classic = importInto(data, SharedData.mscClassic());
    assertEquals(1480, count(classic, "read"), classic::toString);
    assertEveryFailureExplained(classic);
    assertEquals(count(classic, "read"), count(classic, "new") + count(classic, "updated") + count(classic, "unchanged") + count(classic, "failed"));

    Cli stats = Cli.run("stats", "--data", data.toString());
    long studies = Long.parseLong(stats.out().substring(0, stats.out().indexOf(" studies")).replace(",", ""));
    assertEquals(101 + count(legacy, "new") + count(classic, "new"), studies, stats::toString);
  }
}
