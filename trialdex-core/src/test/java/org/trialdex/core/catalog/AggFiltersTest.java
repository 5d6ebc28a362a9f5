package org.trialdex.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trialdex.core.catalog.AggFilters.Selection;
import org.trialdex.core.catalog.Pieces.Piece;
import org.trialdex.core.catalog.Pieces.ValueType;
import org.trialdex.testing.ApiDocument;

class AggFiltersTest {

  private static List<Selection.Is> conditions(Selection s) {
    return switch (s) {
      case Selection.Is is -> List.of(is);
      case Selection.AnyOf any -> any.parts().stream().flatMap(p -> conditions(p).stream()).toList();
      case Selection.AllOf all -> all.parts().stream().flatMap(p -> conditions(p).stream()).toList();
      case Selection.Not not -> conditions(not.part());
    };
  }

  @Test
  void everyCodeTheApiDocumentNamesIsInTheTable() {
    List<String> documented = ApiDocument.read().aggFilterCodes();
    assertEquals(List.of("results:with", "status:com", "status:not", "status:rec", "sex:f", "healthy:y"), documented);
    for (String pair : documented) {
      String[] p = pair.split(":");
      assertTrue(AggFilters.named(p[0]).flatMap(f -> f.option(p[1])).isPresent(), pair);
    }
  }

  @Test
  void everySelectionNamesAPieceOfThePiecesTableWithAValueThatPieceCanHave() {
    List<String> wrong = new ArrayList<>();
    for (AggFilters.Filter f : AggFilters.all().stream().filter(f -> !f.trialdex()).toList()) {
      for (AggFilters.Option o : f.options()) {
        for (Selection.Is is : conditions(o.selects())) {
          Optional<Piece> piece = Pieces.named(is.piece());
          if (piece.isEmpty()) {
            wrong.add(f.name() + ":" + o.code() + " names " + is.piece() + ", not a piece");
            continue;
          }
          boolean fits = switch (piece.get().type()) {
            case ENUM -> Arrays.stream(piece.get().enumType().orElseThrow().getEnumConstants())
                .anyMatch(c -> c.name().equals(is.value()));
            case BOOLEAN -> is.value().equals("true");
            case PHASE -> Arrays.stream(org.trialdex.core.model.Phase.values()).anyMatch(c -> c.name().equals(is.value()));
            default -> false;
          };
          if (!fits) {
            wrong.add(f.name() + ":" + o.code() + " selects " + is.piece() + "=" + is.value()
                + ", not a value of a " + piece.get().type() + " piece");
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyValueOfTheEnumsStatusPhaseSexAndAgesReadHasItsOwnCode() {
    for (String[] filterAndPiece : new String[][] {{"status", "OverallStatus"}, {"sex", "Gender"}, {"ages", "StdAge"}}) {
      AggFilters.Filter f = AggFilters.named(filterAndPiece[0]).orElseThrow();
      for (Enum<?> c : Pieces.named(filterAndPiece[1]).orElseThrow().enumType().orElseThrow().getEnumConstants()) {
        assertTrue(f.optionForFacetValue(c.name()).isPresent(), f.name() + " has no code for " + c.name());
      }
    }
    AggFilters.Filter phase = AggFilters.named("phase").orElseThrow();
    for (org.trialdex.core.model.Phase c : org.trialdex.core.model.Phase.values()) {
      assertTrue(phase.optionForFacetValue(c.name()).isPresent(), "phase has no code for " + c.name());
    }
  }

  @Test
  void codesAreUniqueWithinAFilterAndLowerCase() {
    for (AggFilters.Filter f : AggFilters.all()) {
      assertEquals(f.codes().stream().distinct().toList(), f.codes(), f.name());
      f.codes().forEach(c -> assertEquals(c.toLowerCase(java.util.Locale.ROOT), c));
    }
    assertEquals(List.of("status", "phase", "sex", "healthy", "results", "studyType", "ages", "funderType", "docs",
        "cellType", "cellSource", "cellDonor", "cellRoute", "trust"), AggFilters.names());
    assertEquals("whe", AggFilters.named("STATUS").orElseThrow().optionForFacetValue("WITHHELD").orElseThrow().code());
    assertTrue(AggFilters.named("status").orElseThrow().option("wh").isEmpty());
  }

  @Test
  void theCellTherapyFiltersAreTrialdexsOwnWithOneCodePerProfileCode() {
    assertEquals(List.of("cellType", "cellSource", "cellDonor", "cellRoute", "trust"),
        AggFilters.all().stream().filter(AggFilters.Filter::trialdex).map(AggFilters.Filter::name).toList());
    // Written out by hand from the enums' javadoc, not from their code() method.
    assertEquals(List.of("msc", "hsc", "car-t", "nk", "treg", "dendritic", "exosomes-secretome", "other-cells"),
        AggFilters.named("cellType").orElseThrow().codes());
    assertEquals(List.of("bone-marrow", "umbilical-cord", "cord-blood", "adipose", "placenta", "amnion", "dental-pulp",
        "menstrual-blood", "fetal", "ipsc", "esc", "other"), AggFilters.named("cellSource").orElseThrow().codes());
    assertEquals(List.of("autologous", "allogeneic", "third-party", "related", "unrelated", "hla-matched",
        "haploidentical"), AggFilters.named("cellDonor").orElseThrow().codes());
    assertEquals(List.of("intravenous", "intra-arterial", "intrathecal", "intramuscular", "intra-articular",
        "intradiscal", "transendocardial", "subconjunctival", "topical", "local-injection", "other"),
        AggFilters.named("cellRoute").orElseThrow().codes());
    AggFilters.Option marrow = AggFilters.named("CELLSOURCE").orElseThrow().option("Bone-Marrow").orElseThrow();
    assertEquals(new Selection.Is("CellSource", "bone-marrow"), marrow.selects());
    assertEquals(Optional.of("bone-marrow"), marrow.facetValue());
    assertEquals("Bone marrow", marrow.meaning());
    assertEquals(Optional.of("cellRoute"), AggFilters.named("cellRoute").orElseThrow().facet());
    assertEquals("cellRoute", AggFilters.forFacet("cellRoute").orElseThrow().name());
    // ClinicalTrials.gov's filters are not trialdex's.
    assertTrue(AggFilters.all().stream().filter(f -> !f.trialdex()).allMatch(f -> f.options().stream()
        .allMatch(o -> conditions(o.selects()).stream().allMatch(is -> Pieces.named(is.piece()).isPresent()))));
  }

  @Test
  void theTrustFilterHasOneCodePerSignalKindAndNone() {
    // Written out by hand from docs/celltherapy.md's table, not from Kind.code().
    AggFilters.Filter trust = AggFilters.named("Trust").orElseThrow();
    assertEquals(List.of("pay", "single-site-company", "us-no-fda-flag", "results-overdue", "status-unverified", "none"),
        trust.codes());
    assertTrue(trust.trialdex());
    assertEquals(Optional.of("trust"), trust.facet());
    assertEquals("trust", AggFilters.forFacet("trust").orElseThrow().name());
    AggFilters.Option overdue = trust.option("RESULTS-OVERDUE").orElseThrow();
    assertEquals(new Selection.Is("TrustSignal", "results-overdue"), overdue.selects());
    assertEquals("No results posted by the FDAAA due date", overdue.meaning());
    assertEquals(Optional.of("results-overdue"), overdue.facetValue());
    // none: not any of the five kinds.
    AggFilters.Option none = trust.option("none").orElseThrow();
    assertEquals(new Selection.Not(new Selection.AnyOf(List.of(new Selection.Is("TrustSignal", "pay"),
        new Selection.Is("TrustSignal", "single-site-company"), new Selection.Is("TrustSignal", "us-no-fda-flag"),
        new Selection.Is("TrustSignal", "results-overdue"), new Selection.Is("TrustSignal", "status-unverified")))),
        none.selects());
    assertEquals(Optional.of("none"), none.facetValue());
    assertEquals("No trust signal", none.meaning());
  }
}
