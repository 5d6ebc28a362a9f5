package org.trialdex.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.Trialdex;
import org.trialdex.core.validate.Finding;
import org.trialdex.core.validate.Severity;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.store.ImportRun;
import org.trialdex.store.RunCounts;
import org.trialdex.store.StoreLocation;
import org.trialdex.testing.SharedData;

/** {@link Reports} and {@link Imports} on the v2 sample (100 NSCLC trials), imported twice. */
class ReportsTest {

  /** Withdrawn, without a reason: the sample's one record with an error finding. */
  private static final String WITHDRAWN = "NCT00576225";

  @TempDir static Path dir;
  static Trialdex trialdex;
  static Imports.Finished first;
  static Imports.Finished second;

  @BeforeAll
  static void importTheSampleTwice() {
    trialdex = Trialdex.open(new StoreLocation.Sqlite(dir.resolve("data")), Clock.systemUTC());
    List<Path> sample = List.of(SharedData.v2Sample());
    first = trialdex.imports().run("import sample", sample, ReadOptions.defaults(), p -> {});
    second = trialdex.imports().run("import sample again", sample, ReadOptions.defaults(), p -> {});
  }

  @AfterAll
  static void close() {
    trialdex.close();
  }

  @Test
  void anImportRunKeepsItsCountsWithTheRun() {
    assertEquals(100, first.report().created());
    assertEquals(100, second.report().unchanged());
    List<ImportRun> runs = trialdex.reports().importRuns();
    assertEquals(List.of(second.runId(), first.runId()), runs.stream().map(ImportRun::id).toList());
    assertEquals(new RunCounts(100, 0, 0, 100, 0), runs.get(0).counts());
    assertEquals(new RunCounts(100, 100, 0, 0, 0), runs.get(1).counts());
    assertEquals("import sample again", runs.get(0).command());
    assertEquals(ImportRun.Status.FINISHED, runs.get(0).status());
    assertEquals(100, trialdex.reports().counts().versions());
  }

  @Test
  void theQualityOfARecordCarriesTheFindingsOfTheOneValidator() {
    RecordQuality quality = trialdex.reports().quality(WITHDRAWN).orElseThrow();
    List<Finding> expected = List.of(new Finding(Severity.ERROR, "consistency.why-stopped-missing",
        "protocolSection.statusModule.whyStopped",
        "overallStatus is WITHDRAWN but whyStopped is missing; the PRS requires the reason for a stopped study"));
    assertEquals(expected, quality.findings().findings());
    // What `show` prints and the portal lists come from the same validator as the quality report.
    assertEquals(expected, trialdex.reports().findings(quality.current().study()).findings());
    assertEquals("consistency.why-stopped-missing",
        RecordReports.quality(quality).at("/findings/0/rule").asText());
    assertEquals(List.of("ctgov-v2-json"), quality.merge().sources().stream().map(v -> v.sourceKey()).toList());
    assertTrue(quality.merge().conflicts().isEmpty());
  }

  @Test
  void theWiringBuildsEachServiceOnce() {
    assertSame(trialdex.reports(), trialdex.reports());
    assertSame(trialdex.records(), trialdex.records());
    assertSame(trialdex.history(), trialdex.history());
    assertSame(trialdex.searches(), trialdex.searches());
    assertSame(trialdex.imports(), trialdex.imports());
  }

  @Test
  void anUnknownRecordHasNoQualityNorRelatedTrialsAndAnEmptyMergeView() {
    assertEquals(Optional.empty(), trialdex.reports().quality("NCT99999999"));
    assertEquals(Optional.empty(), trialdex.searches().related("NCT99999999", 5));
    assertTrue(trialdex.records().merge("NCT99999999").sources().isEmpty());
  }
}
