package org.trialdex.ingest.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trialdex.ingest.page.PageFixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialdex.core.model.Contact;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.Outcome;
import org.trialdex.core.model.ProtocolSection;
import org.trialdex.ingest.ReadResult;

/** Seed 003 (NCT06321198) is in no data set: the page alone gives the whole record. */
class PageSeed003Test {

  private final ReadResult.Read read = seed(SEED_003);
  private final ProtocolSection ps = read.study().protocolSection();

  @Test
  void identificationStatusAndDesignAreReadFromTheDashedLabels() {
    assertEquals("NCT06321198", ps.identificationModule().nctId());
    assertEquals("A Trial to Evaluate the Safety and Preliminary Efficacy of iMesenchymal Stromal Cells(iMSC) in Subjects With SR-aGVHD",
        ps.identificationModule().briefTitle());
    assertEquals(List.of("Steroid-refractory Acute Graft-versus-host Disease(SR-aGVHD)"), ps.conditionsModule().conditions());
    assertEquals("RECRUITING", ps.statusModule().overallStatus().name());
    assertEquals("ALL", ps.eligibilityModule().sex().name());
    assertEquals(12, ps.designModule().enrollmentInfo().count());
    assertEquals(null, ps.designModule().enrollmentInfo().type());
    assertEquals("INTERVENTIONAL", ps.designModule().studyType().name());
    assertEquals("SINGLE_GROUP", ps.designModule().designInfo().interventionModel().name());
    assertEquals("Anhui Provincial Hospital", ps.sponsorCollaboratorsModule().leadSponsor().name());
    assertEquals("A study to evaluate the safety and preliminary efficacy of iMSC in subjects with SR-aGVHD",
        ps.descriptionModule().briefSummary());
    assertEquals("A single center, open label, dose escalation study to evaluate the safety,tolerability and preliminary"
        + " efficacy of iMSC in subjects with SR-aGVHD", ps.descriptionModule().detailedDescription());
    // fields the page does not show stay absent
    assertEquals(null, ps.designModule().phases());
    assertEquals(null, ps.statusModule().startDateStruct());
    assertEquals(null, ps.eligibilityModule().minimumAge());
  }

  @Test
  void outcomeRowsWhoseCellsRunTogetherSplitIntoMeasureTimeFrameAndDescription() {
    assertEquals(List.of(
        new Outcome("Adverse Event(AE),Serious Adverse Event(SAE),Treatment Emergent Adverse Event(TEAE)and Treatment Related Adverse Event(TRAE)",
            "Number of treatment-related adverse events,treatment emergent adverse event,treatment related adverse event or serious adverse events as assessed by CTCAE v5.0",
            "From the date of initial infusion to 180 days after initial infusion", java.util.Map.of()),
        new Outcome("Dose-Limiting Toxicity(DLT)", "Number of Dose-limiting toxicity in 28 days after injection",
            "4 weeks after initial infusion", java.util.Map.of())), ps.outcomesModule().primaryOutcomes());
    assertEquals(List.of(
        new Outcome("Objective Response Rate(ORR)", "Percentage of participants achieved Complete Response(CR) or Partial Response(PR)",
            "28 days after initial infusion", java.util.Map.of()),
        new Outcome("Overall Survival(OS)", "The time from initial infusion to death", "100 days after initial infusion",
            java.util.Map.of())), ps.outcomesModule().secondaryOutcomes());
  }

  @Test
  void criteriaWithoutHeadingsAreReadAsInclusionThenExclusionWithAWarning() {
    List<String> items = FieldComparison.items(ps.eligibilityModule().eligibilityCriteria());
    assertEquals(List.of("Inclusion Criteria:",
        "Subjects who understand and voluntarily sign the Informed Consent Form(ICF)", "4-70 years", "Subjects with SR-aGVHD",
        "ECOG≤2", "Subjects with II to IV grades of steroid hormone resistance", "Exclusion Criteria:"), items.subList(0, 7));
    assertEquals(24, items.size());
    assertEquals("Accepted systemic or local treatment of mesenchymal stem cells;", items.get(7));
    assertEquals("Not suitable for this clinical trial for other reasons.", items.get(23));
    assertEquals(List.of("eligibilityModule.eligibilityCriteria"),
        read.warnings().stream().map(w -> w.field()).toList());
  }

  @Test
  void theSiteLineWithFlagAndRunTogetherContactsGivesTheLocationAndItsContacts() {
    assertEquals(List.of(new Location("Anhui Provincial Hospital", null, "Hefei", "Anhui", null, "China", List.of(
        new Contact("Zhu Xiaoyu, Ph.D", org.trialdex.core.model.ContactRole.CONTACT, "+86 15255456091", null,
            "xiaoyuz@ustc.edu.cn", java.util.Map.of()),
        new Contact("Sun Guangyu", org.trialdex.core.model.ContactRole.CONTACT, "+86 13956970687", null,
            "sunguangyu_vip@foxmail.com", java.util.Map.of())), null, java.util.Map.of())),
        ps.contactsLocationsModule().locations());
  }
}
