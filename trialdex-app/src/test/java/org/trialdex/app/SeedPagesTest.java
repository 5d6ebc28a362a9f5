package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.store.MergeView;
import org.trialdex.store.StoreLocation;
import org.trialdex.store.VersionInfo;
import org.trialdex.testing.SharedData;

/**
 * The five seed pages through the whole system: imported as pages, then merged with the registry
 * records of the same trials from the classic MSC set (issue #3).
 */
class SeedPagesTest {

  /** Seed file → the trial it shows. Seed 004 shows no NCT id; it is linked by its titles. */
  private static final Map<String, String> SEEDS = Map.of(
      "seeds/000_5042584f5d40f206.txt", "NCT03123458",
      "seeds/001_cd453c2458656e53.txt", "NCT01763086",
      "seeds/002_af3d16ab93fc7196.txt", "NCT03219801",
      "seeds/003_0d3af347639acb8b.txt", "NCT06321198",
      "seeds/004_0041cbfd29221786.txt", "NCT00953485");

  @TempDir Path dir;

  private Cli trialdex(String command, String... rest) {
    return Cli.run(Cli.with(List.of("--data", dir.resolve("data").toString()), command, rest));
  }

  @Test
  void everySeedPageImportsAndThenMergesWithItsRegistryRecord() {
    List<String> pages = SEEDS.keySet().stream().sorted().map(s -> SharedData.require(s).toString()).toList();
    Cli imported = trialdex("import", pages.toArray(String[]::new));
    assertEquals(TrialdexCommand.OK, imported.exitCode(), imported::toString);
    assertTrue(imported.out().contains("  new                 5"), imported.out());

    Cli registry = trialdex("import", SharedData.mscClassic().toString());
    assertEquals(TrialdexCommand.OK, registry.exitCode(), registry::toString);

    try (Trialdex t = Trialdex.open(new StoreLocation.Sqlite(dir.resolve("data")), Clock.systemUTC())) {
      for (var seed : SEEDS.entrySet()) {
        String id = seed.getValue();
        List<VersionInfo> versions = t.store().versions(id);
        List<String> sources = versions.stream().map(VersionInfo::sourceKey).toList();
        if (id.equals("NCT06321198")) {
          // Not in the MSC set: the page alone is the record.
          assertEquals(1, sources.size(), sources::toString);
          assertTrue(sources.get(0).startsWith("registry-page:"), sources::toString);
          continue;
        }
        assertEquals(2, versions.size(), () -> id + " " + sources);
        assertTrue(sources.contains("ctgov-classic-fields"), () -> id + " " + sources);
        assertTrue(sources.stream().anyMatch(s -> s.startsWith("registry-page:")), () -> id + " " + sources);
        MergeView merge = t.store().merge(id).orElseThrow();
        assertEquals("ctgov-classic-fields", merge.sources().get(0).sourceKey(), id);
      }
      // Seed 004 shows ages 13 to 68; the registry says 15 to 70.
      MergeView pss = t.store().merge("NCT00953485").orElseThrow();
      assertTrue(pss.conflicts().stream().anyMatch(c -> c.path().endsWith("eligibilityModule.minimumAge")), pss::toString);
      assertTrue(pss.conflicts().stream().anyMatch(c -> c.path().endsWith("eligibilityModule.maximumAge")), pss::toString);
      assertEquals(1, t.store().links("NCT00953485").size());
      // Seed 001 is an older version of its record, shown by a portal: the real differences are
      // conflicts; presentation (dates shown with a day, accents dropped) is not.
      List<String> older = t.store().merge("NCT01763086").orElseThrow().conflicts().stream().map(c -> c.path()).sorted().toList();
      assertEquals(List.of("protocolSection.armsInterventionsModule.armGroups",
          "protocolSection.contactsLocationsModule.overallOfficials",
          "protocolSection.descriptionModule.detailedDescription",
          "protocolSection.eligibilityModule.eligibilityCriteria"), older);
      // One current record per trial: the 1,480 registry records and seed 003, which no set holds.
      assertEquals(1481, t.store().counts().studies());
    }

    Cli history = trialdex("history", "NCT03123458");
    assertTrue(history.out().startsWith("NCT03123458: 2 versions"), history::toString);
    assertTrue(history.out().contains("registry-page:") && history.out().contains("ctgov-classic-fields"), history::toString);

    Cli conflicts = trialdex("show", "NCT00953485", "--conflicts");
    assertEquals(TrialdexCommand.OK, conflicts.exitCode(), conflicts::toString);
    assertTrue(conflicts.out().contains("protocolSection.eligibilityModule.minimumAge"), conflicts::toString);
    Cli json = trialdex("show", "NCT00953485", "--conflicts", "--format", "json");
    assertTrue(json.out().contains("\"conflicts\"") && json.out().contains("\"findings\""), json::toString);
  }
}
