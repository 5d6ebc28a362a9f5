package org.trialdex.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialdex.core.catalog.Pieces;

/** {@code fields=} and the CSV header name fields as core's {@link Pieces} table does. */
class StudyFieldsPiecesTest {

  @Test
  void everyPieceNameFieldsTakesThatIsInTheTableStandsForTheTablesPath() {
    List<String> wrong = new ArrayList<>();
    StudyFields.model().pieces().forEach((piece, path) -> Pieces.named(piece).ifPresent(p -> {
      if (!p.fieldPath().equals(path)) {
        wrong.add(piece + ": fields= " + path + ", Pieces " + p.fieldPath());
      }
    }));
    assertEquals(List.of(), wrong);
  }

  @Test
  void theCsvTitleOfAPieceIsItsName() {
    assertEquals("LocationCity", StudyFields.model().resolve("protocolSection.contactsLocationsModule.locations.city").piece());
    assertEquals("Phase", StudyFields.model().resolve("phase").piece());
    assertEquals("protocolSection.designModule.phases", StudyFields.model().resolve("Phase").path());
  }

  @Test
  void listsAndStructsHaveTheLivePieceNames() {
    // The live /studies/metadata names lists in the singular; before the catalog, fields= took
    // the capitalised member names (Locations, PrimaryOutcomes), which the live API refuses.
    assertEquals("protocolSection.contactsLocationsModule.locations", StudyFields.model().resolve("Location").path());
    assertEquals("protocolSection.outcomesModule.primaryOutcomes", StudyFields.model().resolve("PrimaryOutcome").path());
    assertEquals("protocolSection.contactsLocationsModule.centralContacts.email",
        StudyFields.model().resolve("CentralContactEMail").path());
    assertEquals("Sex", StudyFields.model().resolve("protocolSection.eligibilityModule.sex").piece());
    assertThrows(IllegalArgumentException.class, () -> StudyFields.model().resolve("Locations"));
    assertEquals(List.of("BriefTitle", "OfficialTitle", "Acronym"),
        StudyFields.model().area("TitleSearch").stream().map(StudyFields.Field::piece).toList());
  }
}
