package org.trialdex.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.trialdex.core.model.DateType;
import org.trialdex.core.model.DesignAllocation;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.Status;
import org.trialdex.core.normalize.V2Enums;
import org.trialdex.testing.SharedData;

/** Every v2 constant has the legacy value the classic registry wrote. */
class LegacyValuesTest {

  @Test
  void handPickedValuesAreTheClassicOnes() {
    // As the classic study fields and CSV download wrote them (msc-trials-2022 holds each).
    assertEquals("Recruiting", LegacyValues.of(Status.RECRUITING).orElseThrow());
    assertEquals("Not yet recruiting", LegacyValues.of(Status.NOT_YET_RECRUITING).orElseThrow());
    assertEquals("Active, not recruiting", LegacyValues.of(Status.ACTIVE_NOT_RECRUITING).orElseThrow());
    assertEquals("Unknown status", LegacyValues.of(Status.UNKNOWN).orElseThrow());
    assertEquals("Phase 1", LegacyValues.of(Phase.PHASE1).orElseThrow());
    assertEquals("Early Phase 1", LegacyValues.of(Phase.EARLY_PHASE1).orElseThrow());
    assertEquals("Not Applicable", LegacyValues.of(Phase.NA).orElseThrow());
    assertEquals("N/A", LegacyValues.of(DesignAllocation.NA).orElseThrow());
    assertEquals("Anticipated", LegacyValues.of(DateType.ESTIMATED, "StartDateType").orElseThrow());
    assertEquals("Estimate", LegacyValues.of(DateType.ESTIMATED, "StudyFirstPostDateType").orElseThrow());
  }

  @Test
  void everyConstantOfEveryCatalogEnumHasALegacyValue() {
    List<String> missing = new ArrayList<>();
    for (FieldCatalog.Node n : FieldCatalog.model().all()) {
      for (Object c : n.enumType().<Object[]>map(Class::getEnumConstants).orElse(new Object[0])) {
        if (LegacyValues.of((Enum<?>) c).isEmpty()) {
          missing.add(n.piece() + " " + c);
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void everyEnumValueOfTheClassicStudyFieldsIsItsConstantsLegacyValue() throws Exception {
    // Brute force: every value of every enum piece in 1,480 classic (v1) study-field records.
    ObjectMapper json = new ObjectMapper();
    Map<String, String> wrong = new TreeMap<>();
    int checked = 0;
    try (BufferedReader in = Files.newBufferedReader(SharedData.require("data/msc-trials-2022/msc_studyfields_2022-10.jsonl"))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode record = json.readTree(line);
        for (Pieces.Piece p : Pieces.all()) {
          // Phase is its own value type in the table (the phases list); its enum is Phase.
          Class<? extends Enum<?>> type = p.name().equals("Phase") ? Phase.class : p.enumType().orElse(null);
          if (type == null) {
            continue;
          }
          for (JsonNode v : record.path(p.name())) {
            checked++;
            Enum<?> constant = parse(type, v.asText());
            String legacy = constant == null ? null : LegacyValues.of(constant, p.name()).orElse(null);
            if (!v.asText().equals(legacy)) {
              wrong.put(p.name() + " '" + v.asText() + "'", constant + " -> " + legacy);
            }
          }
        }
      }
    }
    assertTrue(checked > 50_000, "values checked: " + checked);
    assertEquals(Map.of(), wrong);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Enum<?> parse(Class<? extends Enum<?>> type, String text) {
    if (type == Phase.class) {
      // Phases are read by core's Phases ("Phase 2" is PHASE2, "N/A" is NA), as the readers do.
      List<Phase> phases = org.trialdex.core.normalize.Phases.parse(text).orElse(List.of());
      return phases.size() == 1 ? phases.getFirst() : null;
    }
    return (Enum<?>) V2Enums.parse((Class) type, text).orElse(null);
  }
}
