package org.trialdex.ingest.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trialdex.ingest.page.PageFixtures.one;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialdex.core.model.ProtocolSection;
import org.trialdex.core.model.SecondaryIdInfo;
import org.trialdex.core.source.Provenance;
import org.trialdex.ingest.ReadResult;

/** Pages in layouts none of the seeds has, written for these tests: the labels alone carry them. */
class PageGenericLayoutTest {

  @Test
  void aLabelColonValuePageWithAnIsrctnIdKeepsTheIdAsARegistrySecondaryId() {
    String page = """
        ISRCTN registry
        Scientific title: Bone marrow stromal cells for knee osteoarthritis: a randomised controlled trial
        Acronym: BOSTON
        ISRCTN: ISRCTN12345678
        Overall status: Recruiting
        Phase: Phase II/III
        Study type: Interventional
        Target number of participants: 120
        Age group: 18 years and older
        Sex: Both
        Condition: Knee osteoarthritis; Cartilage damage
        Primary sponsor: University of Exampleton
        Overall trial start date: 1 March 2021
        Overall trial end date: 31 December 2024
        Primary outcome measure: Pain measured by WOMAC at 12 months
        """;
    ReadResult.Read r = one("isrctn.txt", page);
    ProtocolSection ps = r.study().protocolSection();
    assertEquals(null, ps.identificationModule().nctId());
    assertEquals(List.of(new SecondaryIdInfo("ISRCTN12345678", org.trialdex.core.model.SecondaryIdType.REGISTRY, "ISRCTN", null, Map.of())),
        ps.identificationModule().secondaryIdInfos());
    assertEquals("ISRCTN12345678", r.provenance().attribute(PageReader.REGISTRY_ID));
    assertEquals("", r.provenance().attribute(PageReader.CONTENT_ID));
    assertEquals("generic", r.provenance().attribute(Provenance.LAYOUT));
    assertEquals("Bone marrow stromal cells for knee osteoarthritis: a randomised controlled trial",
        ps.identificationModule().officialTitle());
    assertEquals("BOSTON", ps.identificationModule().acronym());
    assertEquals("RECRUITING", ps.statusModule().overallStatus().name());
    assertEquals("[PHASE2, PHASE3]", ps.designModule().phases().toString());
    assertEquals("INTERVENTIONAL", ps.designModule().studyType().name());
    assertEquals(120, ps.designModule().enrollmentInfo().count());
    assertEquals("18 Years", ps.eligibilityModule().minimumAge());
    assertEquals(null, ps.eligibilityModule().maximumAge());
    assertEquals("ALL", ps.eligibilityModule().sex().name());
    assertEquals(List.of("Knee osteoarthritis", "Cartilage damage"), ps.conditionsModule().conditions());
    assertEquals("University of Exampleton", ps.sponsorCollaboratorsModule().leadSponsor().name());
    assertEquals("2021-03-01", ps.statusModule().startDateStruct().date());
    assertEquals("2024-12-31", ps.statusModule().completionDateStruct().date());
    assertEquals("Pain measured by WOMAC at 12 months", ps.outcomesModule().primaryOutcomes().get(0).measure());
  }

  @Test
  void labelsAndValuesOnSeparateLinesWithAChictrId() {
    String page = """
        Umbilical cord MSC infusion for COVID-19 pneumonia

        Registration number
        ChiCTR2000031234
        Recruiting status
        Not yet recruiting
        Study type
        Interventional
        Sample size
        40
        Gender
        Male and female
        Minimum age
        18 Years
        Maximum age
        75 Years
        Date of registration
        2020-03-25
        Sponsor
        Wuhan Union Hospital
        Inclusion criteria
        1) Confirmed COVID-19 pneumonia;
        2) Age 18 to 75 years.
        Exclusion criteria
        1) Pregnancy.
        """;
    ReadResult.Read r = one("chictr.txt", page);
    ProtocolSection ps = r.study().protocolSection();
    assertEquals("ChiCTR2000031234", r.provenance().attribute(PageReader.REGISTRY_ID));
    assertEquals("ChiCTR", ps.identificationModule().secondaryIdInfos().get(0).domain());
    assertEquals("Umbilical cord MSC infusion for COVID-19 pneumonia", ps.identificationModule().briefTitle());
    assertEquals("NOT_YET_RECRUITING", ps.statusModule().overallStatus().name());
    assertEquals(40, ps.designModule().enrollmentInfo().count());
    assertEquals("ALL", ps.eligibilityModule().sex().name());
    assertEquals("18 Years", ps.eligibilityModule().minimumAge());
    assertEquals("75 Years", ps.eligibilityModule().maximumAge());
    assertEquals("2020-03-25", ps.statusModule().studyFirstSubmitDate());
    assertEquals("Wuhan Union Hospital", ps.sponsorCollaboratorsModule().leadSponsor().name());
    assertEquals("Inclusion Criteria:\n\n* Confirmed COVID-19 pneumonia;\n* Age 18 to 75 years.\n\nExclusion Criteria:\n\n* Pregnancy.",
        ps.eligibilityModule().eligibilityCriteria());
  }

  @Test
  void aMarkdownPageWithHeadingsBoldLabelsAndBullets() {
    String page = """
        # Mesenchymal stromal cells for ARDS (MUST-ARDS)

        **NCT Number:** NCT04444444
        **Status:** Active, not recruiting
        **Phase:** Phase 1/Phase 2
        **Enrollment:** 30 (Actual)
        URL: https://clinicaltrials.gov/study/NCT04444444

        ## Conditions
        - ARDS
        - COVID-19

        ## Interventions
        - Biological: MSC infusion
        - Drug: Placebo

        ## Eligibility
        **Ages:** 18 Years to 80 Years
        **Healthy volunteers:** No

        ### Inclusion Criteria
        * Moderate to severe ARDS
        * Age 18 to 80 years

        ### Exclusion Criteria
        * Pregnancy

        ## Locations
        Karolinska University Hospital
        Stockholm, Sweden
        """;
    ReadResult.Read r = one("must.md", page);
    ProtocolSection ps = r.study().protocolSection();
    assertEquals("NCT04444444", ps.identificationModule().nctId());
    assertEquals("https://clinicaltrials.gov/study/NCT04444444", r.provenance().attribute(Provenance.URL));
    assertEquals("Mesenchymal stromal cells for ARDS (MUST-ARDS)", ps.identificationModule().briefTitle());
    assertEquals("ACTIVE_NOT_RECRUITING", ps.statusModule().overallStatus().name());
    assertEquals("[PHASE1, PHASE2]", ps.designModule().phases().toString());
    assertEquals("30 ACTUAL", ps.designModule().enrollmentInfo().count() + " " + ps.designModule().enrollmentInfo().type());
    assertEquals(List.of("ARDS", "COVID-19"), ps.conditionsModule().conditions());
    assertEquals("[BIOLOGICAL MSC infusion, DRUG Placebo]", ps.armsInterventionsModule().interventions().stream()
        .map(i -> i.type() + " " + i.name()).toList().toString());
    assertEquals("18 Years", ps.eligibilityModule().minimumAge());
    assertEquals("80 Years", ps.eligibilityModule().maximumAge());
    assertEquals(false, ps.eligibilityModule().healthyVolunteers());
    assertEquals("Inclusion Criteria:\n\n* Moderate to severe ARDS\n* Age 18 to 80 years\n\nExclusion Criteria:\n\n* Pregnancy",
        ps.eligibilityModule().eligibilityCriteria());
    assertEquals("Karolinska University Hospital | Stockholm | Sweden", ps.contactsLocationsModule().locations().stream()
        .map(l -> l.facility() + " | " + l.city() + " | " + l.country()).findFirst().orElseThrow());
  }

  @Test
  void anHtmlPageIsReadFromItsTextWithBlocksAsLines() {
    String html = """
        <!DOCTYPE html><html><head><title>Trial</title><script>var x = "Status: Completed";</script></head>
        <body><h1>Stem cells for heart failure</h1>
        <dl><dt>NCT ID</dt><dd>NCT01234567</dd><dt>Overall Status</dt><dd>Completed</dd>
        <dt>Phase</dt><dd>Phase 2</dd></dl>
        <h2>Conditions</h2><ul><li>Heart Failure</li><li>Cardiomyopathy</li></ul>
        <h2>Eligibility Criteria</h2><table><tr><td>Sex</td><td>All</td></tr><tr><td>Minimum Age</td><td>18 Years</td></tr></table>
        </body></html>""";
    ReadResult.Read r = one("trial.html", html);
    ProtocolSection ps = r.study().protocolSection();
    assertEquals("NCT01234567", ps.identificationModule().nctId());
    assertEquals("Stem cells for heart failure", ps.identificationModule().briefTitle());
    assertEquals("COMPLETED", ps.statusModule().overallStatus().name());
    assertEquals("[PHASE2]", ps.designModule().phases().toString());
    assertEquals(List.of("Heart Failure", "Cardiomyopathy"), ps.conditionsModule().conditions());
    assertEquals("ALL", ps.eligibilityModule().sex().name());
    assertEquals("18 Years", ps.eligibilityModule().minimumAge());
  }
}
