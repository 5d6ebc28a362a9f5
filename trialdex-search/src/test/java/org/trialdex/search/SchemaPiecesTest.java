package org.trialdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.trialdex.core.catalog.Pieces;
import org.trialdex.search.query.SearchRequest;

/**
 * The schema's fields named after pieces are the pieces of core's {@link Pieces} table: each such
 * field indexes, for every sample record, the values its JSON holds at that piece's v2 path; each
 * search area indexes the values of the pieces the table gives it.
 */
class SchemaPiecesTest extends IndexedSampleTest {

  /** Schema fields that are search areas or our own, not pieces. */
  private static final List<String> NOT_PIECES = List.of("BasicSearch", "ConditionSearch", "InterventionSearch",
      "TitleSearch", "OutcomeSearch", "SponsorSearch", "IdSearch", "LocationSearch", "EligibilitySearch",
      "PatientSearch", "ExpandedAccessType", "Sex", "CellTherapy", "CellType", "CellSource", "CellDonor", "CellRoute",
      "CellProduct", "CellDosePerKg", "CellDoseTotal", "TrustSignal");

  /**
   * Pieces whose field holds a derived form of the value: ages as written, "" for a module without
   * them (no limit); "true" only when set (registry, expanded-access types, any large document).
   */
  private static final List<String> DERIVED = List.of("MinimumAge", "MaximumAge", "PatientRegistry", "ExpAccTypeIndividual", "ExpAccTypeIntermediate", "ExpAccTypeTreatment",
      "LargeDocHasProtocol", "LargeDocHasSAP", "LargeDocHasICF");

  @Test
  void everyFieldNamedAfterAPieceIsAPieceOfTheTable() {
    List<String> unknown = Schema.NAMES.stream().filter(n -> !NOT_PIECES.contains(n))
        .filter(n -> Pieces.named(n).isEmpty()).toList();
    assertEquals(List.of(), unknown);
    // The aliases lead to pieces too: Gender is the piece of the Sex field.
    assertEquals("Sex", Schema.field("Gender").orElseThrow().name());
  }

  @Test
  void pieceFieldsIndexTheValuesAtThePiecesPaths() {
    List<String> wrong = new ArrayList<>();
    for (String name : Schema.NAMES) {
      Optional<Pieces.Piece> piece = Pieces.named(name);
      if (NOT_PIECES.contains(name) || DERIVED.contains(name) || piece.isEmpty()) {
        continue;
      }
      Schema.FieldDef field = Schema.field(name).orElseThrow();
      for (Map.Entry<String, JsonNode> e : sample.records.entrySet()) {
        List<String> indexed = field.values().apply(new StudyView(IndexedSample.JSON.read(e.getValue())));
        List<String> json = IndexedSample.texts(e.getValue(), piece.get().fieldPath().split("\\."));
        if (!new LinkedHashSet<>(indexed).equals(new LinkedHashSet<>(json))) {
          wrong.add(name + " of " + e.getKey() + ": indexed " + indexed + ", JSON " + json);
          break;
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everySearchAreaIndexesTheValuesOfThePiecesTheTableGivesIt() {
    List<String> wrong = new ArrayList<>();
    Pieces.searchAreas().forEach((area, pieces) -> {
      Schema.FieldDef field = Schema.field(area).orElseThrow(() -> new AssertionError(area + " is not in the schema"));
      for (Map.Entry<String, JsonNode> e : sample.records.entrySet()) {
        Set<String> indexed = new TreeSet<>(field.values().apply(new StudyView(IndexedSample.JSON.read(e.getValue()))));
        Set<String> json = new TreeSet<>();
        for (String piece : pieces) {
          IndexedSample.texts(e.getValue(), Pieces.named(piece).orElseThrow().fieldPath().split("\\.")).stream()
              .filter(v -> !v.isBlank()).forEach(json::add);
        }
        if (!indexed.equals(json)) {
          wrong.add(area + " of " + e.getKey() + ": indexed " + indexed.size() + ", JSON " + json.size());
          break;
        }
      }
    });
    assertEquals(List.of(), wrong);
    // The query.* parameters search areas of the table.
    for (SearchRequest.Area a : SearchRequest.Area.values()) {
      assertTrue(Pieces.searchAreas().containsKey(a.searchArea()), a.searchArea());
    }
  }
}
