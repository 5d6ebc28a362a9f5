package org.trialdex.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialdex.core.catalog.Pieces.Piece;
import org.trialdex.core.catalog.Pieces.ValueType;
import org.trialdex.testing.ApiDocument;

class PiecesTest {

  /** Where the path leaves the API document's data model, or "" when every member is there. */
  private static String checkPath(ApiDocument doc, Piece piece) {
    String schema = "Study";
    String[] steps = piece.path().split("\\.");
    for (int i = 0; i < steps.length; i++) {
      boolean list = steps[i].endsWith("[]");
      String name = list ? steps[i].substring(0, steps[i].length() - 2) : steps[i];
      Map<String, ApiDocument.Member> members = doc.members(schema);
      ApiDocument.Member m = members.get(name);
      if (m == null) {
        return piece.name() + ": " + schema + " has no member " + name;
      }
      if (m.list() != list) {
        return piece.name() + ": " + schema + "." + name + (m.list() ? " is" : " is not") + " a list";
      }
      if (i < steps.length - 1) {
        if (m.ref().isEmpty()) {
          return piece.name() + ": " + schema + "." + name + " has no members";
        }
        schema = m.ref().get();
      }
    }
    return "";
  }

  @Test
  void everyMappedPiecePathIsAMemberPathOfTheApiDataModel() {
    ApiDocument doc = ApiDocument.read();
    List<String> wrong = new ArrayList<>();
    for (Piece piece : Pieces.all()) {
      if (piece.type() != ValueType.NOT_MAPPED) {
        String problem = checkPath(doc, piece);
        if (!problem.isEmpty()) {
          wrong.add(problem);
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void theTableHoldsTheClassicExportsPiecesAndHasResults() {
    assertEquals(329, Pieces.all().size());
    assertEquals("protocolSection.contactsLocationsModule.locations[].city", Pieces.named("locationcity").orElseThrow().path());
    assertEquals("protocolSection.contactsLocationsModule.locations.city", Pieces.named("LocationCity").orElseThrow().fieldPath());
    assertEquals("hasResults", Pieces.named("HasResults").orElseThrow().path());
    assertTrue(Pieces.named("Colour").isEmpty());
  }

  @Test
  void everyEnumPieceNamesItsEnumAndNoOtherPieceDoes() {
    for (Piece piece : Pieces.all()) {
      assertEquals(piece.type() == ValueType.ENUM, piece.enumType().isPresent(), piece.name());
      assertEquals(piece.type() == ValueType.NOT_MAPPED, !piece.note().isEmpty(), piece.name());
    }
  }

  @Test
  void everyPieceASearchAreaSearchesIsInTheTableAndKnowsItsAreas() {
    Pieces.searchAreas().forEach((area, pieces) -> pieces.forEach(name -> assertTrue(
        Pieces.named(name).orElseThrow(() -> new AssertionError(area + " names " + name)).areas().contains(area),
        name + " in " + area)));
    assertEquals(List.of("BasicSearch", "ConditionSearch", "PatientSearch"), Pieces.named("Condition").orElseThrow().areas());
    assertEquals(List.of(), Pieces.named("OverallStatus").orElseThrow().areas());
  }
}
