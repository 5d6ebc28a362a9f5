package org.trialdex.ingest.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trialdex.ingest.page.PageFixtures.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialdex.core.source.Provenance;
import org.trialdex.ingest.ReadResult;

/** The five seed pages: each imports as one record of its layout, and values point back to the page. */
class PageSeedsTest {

  @Test
  void everySeedImportsWithItsLayoutNamed() {
    Map<String, String> layouts = Map.of(SEED_000, "ctgov-classic", SEED_001, "portal-section-blurbs",
        SEED_002, "portal-section-blurbs", SEED_003, "portal-list", SEED_004, "portal-study-plan");
    Map<String, String> ids = Map.of(SEED_000, "NCT03123458", SEED_001, "NCT01763086", SEED_002, "NCT03219801",
        SEED_003, "NCT06321198", SEED_004, "");
    for (String seed : List.of(SEED_000, SEED_001, SEED_002, SEED_003, SEED_004)) {
      ReadResult.Read r = seed(seed);
      assertEquals(layouts.get(seed), r.provenance().attribute(Provenance.LAYOUT), seed);
      assertEquals("page 1", r.provenance().position(), seed);
      assertEquals(PageReader.FORMAT, r.provenance().format(), seed);
      assertEquals(ids.get(seed), r.nctId(), seed);
    }
  }

  @Test
  void aPageWithoutAnyRegistryIdGetsAStableContentId() {
    // Seed 004 shows no NCT id: the id comes from its official title, start date and (absent) sponsor.
    ReadResult.Read first = seed(SEED_004);
    ReadResult.Read again = seed(SEED_004);
    String expected = RegistryIds.contentId(
        "Clinical Trial of Allogeneic Mesenchymal Stem Cells Transplantation for Primary Sjögren's Syndrome - Phase Ⅰ/Ⅱ",
        "2009-06-01", null);
    assertEquals(expected, first.provenance().attribute(PageReader.CONTENT_ID));
    assertEquals(expected, again.provenance().attribute(PageReader.CONTENT_ID));
    assertEquals("", first.provenance().attribute(PageReader.REGISTRY_ID));
    // the same page with other spacing and punctuation keeps its id
    assertEquals(expected, RegistryIds.contentId(
        "clinical  trial of allogeneic mesenchymal stem cells transplantation for primary sjögren's syndrome: phase Ⅰ/Ⅱ",
        "2009-06-01", ""));
  }

  @Test
  void spansOfTheClassicPagePointAtTheValuesShown() {
    String text = seedText(SEED_000);
    ReadResult.Read r = seed(SEED_000);
    assertEquals("NCT03123458", spanText(r, text, "identificationModule.nctId"));
    assertEquals("January 1, 2016", spanText(r, text, "statusModule.startDateStruct.date"));
    assertEquals("100", spanText(r, text, "designModule.enrollmentInfo.count"));
    assertEquals("up to one month", spanText(r, text, "outcomesModule.primaryOutcomes[0].timeFrame"));
    assertEquals("Aerospace Center Hospital", spanText(r, text, "contactsLocationsModule.locations[2].facility"));
    assertEquals("518000", spanText(r, text, "contactsLocationsModule.locations[1].zip"));
  }

  @Test
  void spansOfTheBlurbPortalPagesPointAtTheValuesShown() {
    String text = seedText(SEED_001);
    ReadResult.Read r = seed(SEED_001);
    assertEquals("NFH-MSC-allo-HSCT-2013", spanText(r, text, "identificationModule.orgStudyIdInfo.id"));
    assertEquals("Qifa Liu, MD", spanText(r, text, "contactsLocationsModule.overallOfficials[0].name"));
    // the page escapes the caret; the value is unescaped, the span covers what the page shows
    assertEquals("Mesenchymal stem cells 1×10\\^6 cells/kg, intravenously",
        spanText(r, text, "armsInterventionsModule.armGroups[0].description"));
    String text2 = seedText(SEED_002);
    ReadResult.Read r2 = seed(SEED_002);
    assertEquals("86-311-85917384", spanText(r2, text2, "contactsLocationsModule.centralContacts[0].phone"));
    assertEquals("60 Years", spanText(r2, text2, "eligibilityModule.maximumAge"));
  }

  @Test
  void spansOfTheListAndStudyPlanPagesPointAtTheValuesShown() {
    String text = seedText(SEED_003);
    ReadResult.Read r = seed(SEED_003);
    assertEquals("xiaoyuz@ustc.edu.cn", spanText(r, text, "contactsLocationsModule.locations[0].contacts[0].email"));
    assertEquals("4 weeks after initial infusion", spanText(r, text, "outcomesModule.primaryOutcomes[1].timeFrame"));
    assertEquals("RECRUITING", spanText(r, text, "statusModule.overallStatus"));
    String text4 = seedText(SEED_004);
    ReadResult.Read r4 = seed(SEED_004);
    assertEquals("13 years", spanText(r4, text4, "eligibilityModule.minimumAge"));
    assertEquals("December 1, 2010", spanText(r4, text4, "statusModule.primaryCompletionDateStruct.date"));
    assertEquals("Nanjing", spanText(r4, text4, "contactsLocationsModule.locations[0].city"));
  }
}
