package org.trialdex.ingest.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trialdex.core.celltherapy.CellTherapy;
import org.trialdex.core.celltherapy.CellTherapyProfile;
import org.trialdex.core.celltherapy.CellType;
import org.trialdex.core.celltherapy.Donor;
import org.trialdex.core.celltherapy.Dose;
import org.trialdex.core.celltherapy.Evidence;
import org.trialdex.core.celltherapy.Fact;
import org.trialdex.core.celltherapy.Route;
import org.trialdex.core.celltherapy.TissueSource;

/**
 * The five seed pages' cell-therapy profiles, as read from the pages by the page reader. Every
 * expected value was written from reading the page (the quoted sentence is in each test's comment),
 * not from the extractor's output.
 */
class SeedProfilesTest {

  private static CellTherapyProfile profile(String seed) {
    return CellTherapy.profile(PageFixtures.seed(seed).study());
  }

  @Test
  void clonalFetalMscFromThirdPartyDonorsNoDoseStated() {
    // "infusion of the third party fully-characterized clonally derived fetal MSCs (cfMSCs)"; "various dosages"
    CellTherapyProfile p = profile(PageFixtures.SEED_000);
    assertEquals(Set.of(CellType.MSC), p.cellTypeValues());
    assertEquals(Set.of(TissueSource.FETAL), p.sourceValues());
    assertNotNull(p.clonal());
    assertTrue(p.clonal().value());
    assertEquals(Set.of(Donor.ALLOGENEIC, Donor.THIRD_PARTY), p.donorValues());
    assertEquals(List.of(), p.doses(), "the page gives no number of cells");
    // a systemic infusion with no site named reads as intravenous (docs/celltherapy.md)
    assertEquals(Set.of(Route.INTRAVENOUS), p.routeValues());
  }

  @Test
  void poorGraftFunctionTrialGivesThirdPartyMarrowMscAtOneMillionPerKgIntravenously() {
    // "ex-vivo-expanded BM-derived MSCs from third-party donors"; "intravenously infused via a central venous
    // catheter, at a dose of 1×10\^6 cells/kg, over 15 min"; "If the NEU and PLT levels do not attain the
    // completely response(CR) standards within 14d, a second course of MSCs treatment will be given."
    CellTherapyProfile p = profile(PageFixtures.SEED_001);
    assertEquals(Set.of(CellType.MSC), p.cellTypeValues());
    assertEquals(Set.of(TissueSource.BONE_MARROW), p.sourceValues());
    assertEquals(Set.of(Donor.ALLOGENEIC, Donor.THIRD_PARTY), p.donorValues());
    assertEquals(1, p.doses().size(), p.doses().toString());
    Dose d = p.doses().get(0);
    assertEquals(Dose.Basis.PER_KG, d.basis());
    assertEquals(1e6, d.min());
    assertEquals(1e6, d.max());
    assertEquals(Set.of(Route.INTRAVENOUS), p.routeValues());
    String schedule = p.schedule().phrases().stream().map(Fact::value).collect(Collectors.joining(" | "));
    assertTrue(schedule.contains("second course"), schedule);
    assertTrue(schedule.contains("15 min"), schedule);
    // the page writes "1×10\^6" (an escaped caret); the reader may keep or drop the backslash
    assertTrue(d.evidence().text().matches("1×10\\\\?\\^6 cells/kg"), d.evidence().text());
  }

  @Test
  void lupusTrialGivesAllogeneicCordMscOneToThreeHundredMillionIntravenously() {
    // "100-300 million allogeneic human umbilical cord derived mesenchymal stem cells were infused intravenously"
    CellTherapyProfile p = profile(PageFixtures.SEED_002);
    assertEquals(Set.of(CellType.MSC), p.cellTypeValues());
    assertEquals(Set.of(TissueSource.UMBILICAL_CORD), p.sourceValues());
    assertEquals(Set.of(Donor.ALLOGENEIC), p.donorValues());
    assertEquals(1, p.doses().size(), p.doses().toString());
    Dose d = p.doses().get(0);
    assertEquals(Dose.Basis.TOTAL, d.basis());
    assertEquals(1e8, d.min());
    assertEquals(3e8, d.max());
    assertEquals(Set.of(Route.INTRAVENOUS), p.routeValues());
  }

  @Test
  void iMscTrialSaysNeitherTissueNorDonorNorDose() {
    // "iMesenchymal Stromal Cells(iMSC)": the page never says which tissue (or iPSC) the cells come from,
    // nor whose they are, nor how many; outcomes count days "after initial infusion"
    CellTherapyProfile p = profile(PageFixtures.SEED_003);
    assertEquals(Set.of(CellType.MSC), p.cellTypeValues());
    assertEquals(Set.of(), p.sourceValues());
    assertEquals(Set.of(), p.donorValues());
    assertEquals(List.of(), p.doses());
  }

  @Test
  void sjogrenTrialGivesAllogeneicMscWithNoTissueDoseOrRouteStated() {
    // "allogeneic mesenchymal stem cells transplantation (MSCT)"; no tissue, number or route on the page
    // ("fetal harm" in the eligibility criteria is not a tissue source)
    CellTherapyProfile p = profile(PageFixtures.SEED_004);
    assertEquals(Set.of(CellType.MSC), p.cellTypeValues());
    assertEquals(Set.of(), p.sourceValues());
    assertEquals(Set.of(Donor.ALLOGENEIC), p.donorValues());
    assertEquals(List.of(), p.doses());
    assertEquals(Set.of(), p.routeValues());
  }

  @Test
  void everyEvidenceSpanIsTheTextAtThatPlaceInTheRecord() {
    for (String seed : List.of(PageFixtures.SEED_000, PageFixtures.SEED_001, PageFixtures.SEED_002,
        PageFixtures.SEED_003, PageFixtures.SEED_004)) {
      CellTherapyProfile p = profile(seed);
      List<Evidence> all = new java.util.ArrayList<>();
      p.cellTypes().forEach(f -> all.addAll(f.evidence()));
      p.sources().forEach(f -> all.addAll(f.evidence()));
      p.donors().forEach(f -> all.addAll(f.evidence()));
      p.routes().forEach(f -> all.addAll(f.evidence()));
      p.doses().forEach(d -> all.add(d.evidence()));
      for (Evidence e : all) {
        assertTrue(e.end() > e.start(), e.toString());
        assertTrue(!e.text().isBlank(), e.toString());
      }
    }
  }
}
