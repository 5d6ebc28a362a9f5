package org.trialdex.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.Trialdex;
import org.trialdex.core.diff.FieldDiff;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.store.StoreLocation;
import org.trialdex.testing.SharedData;

/**
 * {@link History} on PALLAS (NCT02513394) stored three times: its v2 record (version 1), its legacy
 * XML record (version 2, another source), and the v2 record again with {@code overallStatus} set to
 * COMPLETED (version 3, which a test wrote).
 */
class HistoryTest {

  private static final String PALLAS = "NCT02513394";

  @TempDir static Path dir;
  static Trialdex trialdex;

  @BeforeAll
  static void storePallasThreeTimes() throws IOException {
    trialdex = Trialdex.open(new StoreLocation.Sqlite(dir.resolve("data")), Clock.systemUTC());
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode edited = (ObjectNode) mapper.readTree(SharedData.pallasV2().toFile());
    ((ObjectNode) edited.at("/protocolSection/statusModule")).put("overallStatus", "COMPLETED");
    Path completed = dir.resolve("pallas-completed.json");
    Files.writeString(completed, mapper.writeValueAsString(edited));
    for (Path file : List.of(SharedData.pallasV2(), SharedData.pallasXml(), completed)) {
      trialdex.imports().run("import " + file, List.of(file), ReadOptions.defaults(), p -> {});
    }
  }

  @AfterAll
  static void close() {
    trialdex.close();
  }

  @Test
  void eachVersionIsComparedWithThePreviousVersionOfItsOwnSource() {
    RecordHistory history = trialdex.history().of(PALLAS).orElseThrow();
    assertEquals(PALLAS, history.id());
    assertEquals(List.of("ctgov-v2-json", "ctgov-legacy-xml", "ctgov-v2-json"),
        history.versions().stream().map(v -> v.info().sourceKey()).toList());
    // The legacy record is the first from its source, not a change of the v2 record before it.
    assertEquals(OptionalInt.empty(), history.versions().get(0).previousFromSource());
    assertEquals(OptionalInt.empty(), history.versions().get(1).previousFromSource());
    assertTrue(history.versions().get(1).changedModules().isEmpty());
    // The edited v2 record is compared with version 1, the v2 record, and changed its status only.
    assertEquals(OptionalInt.of(1), history.versions().get(2).previousFromSource());
    assertEquals(List.of("protocolSection.statusModule"), history.versions().get(2).changedModules());
  }

  @Test
  void theDiffOfTwoVersionsNamesEachChangedField() {
    VersionDiff diff = trialdex.history().diff(PALLAS, 1, 3).orElseThrow();
    assertEquals(List.of(new FieldDiff.Change("protocolSection.statusModule.overallStatus",
        Optional.of("ACTIVE_NOT_RECRUITING"), Optional.of("COMPLETED"))), diff.changes());
    // The history already read every version: its diff is the same, without reading the store again.
    assertEquals(Optional.of(diff), trialdex.history().of(PALLAS).orElseThrow().diff(1, 3));
  }

  @Test
  void anUnknownRecordOrVersionHasNoHistoryNorDiff() {
    assertEquals(Optional.empty(), trialdex.history().of("NCT99999999"));
    assertEquals(Optional.empty(), trialdex.history().diff(PALLAS, 1, 4));
    assertEquals(Optional.empty(), trialdex.history().diff("NCT99999999", 1, 1));
    assertFalse(trialdex.history().of(PALLAS).orElseThrow().diff(0, 1).isPresent());
  }
}
