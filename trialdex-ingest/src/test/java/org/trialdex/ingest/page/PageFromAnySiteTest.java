package org.trialdex.ingest.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialdex.ingest.page.PageFixtures.one;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.source.Provenance;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;

/**
 * The rules that let the reader take pages from sites it has no layout for (issue #16), each on a
 * small page written for the rule. The measure on real pages is {@link PageCorpusTest}.
 */
class PageFromAnySiteTest {

  private static JsonNode ps(ReadResult.Read r) {
    return StudyJson.standard().tree(r.study()).path("protocolSection");
  }

  @Test
  void theTitleIsTheLineThatReadsAsOneNotTheSitesNavigationOrBanner() {
    ReadResult.Read r = one("portal.txt", """
        Skip to main content
        Back to results
        Example Clinical Trials Directory
        A Randomized Study of Drug X Versus Placebo in Adults With Moderate Asthma
        Status: Recruiting
        Phase: Phase 3
        """);
    assertEquals("A Randomized Study of Drug X Versus Placebo in Adults With Moderate Asthma",
        ps(r).path("identificationModule").path("briefTitle").asText());
    assertEquals(Set.of(), r.provenance().lowConfidencePaths(), "a title that reads as one is not a weak reading");
  }

  @Test
  void aLabelledTitleStandsAndTheSitesNameAboveItIsNotTaken() {
    ReadResult.Read r = one("registry.txt", """
        Pan-Regional Clinical Trials Registry
        Trial no.: PACTR202311470737025
        Public title: Child Health and Low Density Malaria
        Recruitment status: Active, not recruiting
        """);
    JsonNode id = ps(r).path("identificationModule");
    assertEquals("Child Health and Low Density Malaria", id.path("briefTitle").asText());
    assertTrue(id.path("officialTitle").isMissingNode(), id.toString());
    assertEquals("ACTIVE_NOT_RECRUITING", ps(r).path("statusModule").path("overallStatus").asText());
  }

  @Test
  void anHtmlPagesTitleTagAndCanonicalLinkAreEvidence() {
    String html = """
        <html><head><title>Drug X for Adults With Asthma (NCT05000002) | Example Trials</title>
        <link rel="canonical" href="https://trials.example.org/study/NCT05000002"></head>
        <body><nav>Home Trials About</nav><p>Welcome</p><h1>Drug X for Adults With Asthma</h1>
        <p>Status: Completed</p></body></html>
        """;
    ReadResult.Read r = one("saved.html", html);
    assertEquals("Drug X for Adults With Asthma", ps(r).path("identificationModule").path("briefTitle").asText());
    assertEquals("NCT05000002", ps(r).path("identificationModule").path("nctId").asText());
    assertEquals("https://trials.example.org/study/NCT05000002", r.provenance().attribute(Provenance.URL));
  }

  @Test
  void labelsRunTogetherWithTheirValuesOrWithTheNextLabelAreCutApart() {
    ReadResult.Read r = one("copied.txt", """
        ISRCTN ISRCTN28785842
        Scientific titlePathology-guided treatment of rectal cancer: a randomised controlled trial
        Primary study designInterventional
        Health condition(s) or problem(s) studiedRectal cancer
        Overall study start date01/02/1998
        Last edited17/10/2018
        SexBoth
        Phase 1Accepts Healthy Volunteers?
        No
        """);
    JsonNode ps = ps(r);
    assertEquals("Pathology-guided treatment of rectal cancer: a randomised controlled trial",
        ps.path("identificationModule").path("officialTitle").asText());
    assertEquals("INTERVENTIONAL", ps.path("designModule").path("studyType").asText());
    assertEquals("[\"Rectal cancer\"]", ps.path("conditionsModule").path("conditions").toString());
    assertEquals("1998-02-01", ps.path("statusModule").path("startDateStruct").path("date").asText());
    assertEquals("ALL", ps.path("eligibilityModule").path("sex").asText());
    assertEquals("[\"PHASE1\"]", ps.path("designModule").path("phases").toString());
    assertEquals("false", ps.path("eligibilityModule").path("healthyVolunteers").asText());
  }

  @Test
  void valuesRunTogetherWithoutLabelsArePlacedByTypeAsWeakReadings() {
    ReadResult.Read r = one("mirror.txt", """
        RECRUITINGPhase 2INTERVENTIONAL
        Ascorbic Acid and Chemotherapy for the Treatment of Relapsed Lymphoma
        Eligibility Criteria
        18 Years - undefined (Adult, Older Adult)All SexesDoes not accept healthy volunteers
        """);
    JsonNode ps = ps(r);
    assertEquals("RECRUITING", ps.path("statusModule").path("overallStatus").asText());
    assertEquals("[\"PHASE2\"]", ps.path("designModule").path("phases").toString());
    assertEquals("INTERVENTIONAL", ps.path("designModule").path("studyType").asText());
    assertEquals("18 Years", ps.path("eligibilityModule").path("minimumAge").asText());
    assertTrue(ps.path("eligibilityModule").path("maximumAge").isMissingNode());
    assertEquals("ALL", ps.path("eligibilityModule").path("sex").asText());
    assertEquals("false", ps.path("eligibilityModule").path("healthyVolunteers").asText());
    assertTrue(r.provenance().lowConfidencePaths().containsAll(List.of("protocolSection.statusModule.overallStatus",
        "protocolSection.eligibilityModule.sex", "protocolSection.eligibilityModule.healthyVolunteers")),
        r.provenance().toString());
  }

  @Test
  void aLabelBrokenOverTwoLinesIsOneLabel() {
    ReadResult.Read r = one("narrow.txt", """
        A Study of Drug X in Adults With Asthma
        Health condition(s) or problem(s)
        studied
        Asthma
        Primary Completion
        Date:
        March 2025
        Overall Trial
        Status
        Recruiting
        """);
    JsonNode ps = ps(r);
    assertEquals("[\"Asthma\"]", ps.path("conditionsModule").path("conditions").toString());
    assertEquals("2025-03", ps.path("statusModule").path("primaryCompletionDateStruct").path("date").asText());
    assertEquals("RECRUITING", ps.path("statusModule").path("overallStatus").asText());
  }

  @Test
  void aRecordFlattenedOntoOneLineIsCutAtItsLabels() {
    ReadResult.Read r = one("flat.txt", "Example Group S1418 Trial Trial Title Pembrolizumab in Treating Patients With"
        + " Triple-Negative Breast Cancer Trial Status Open to Enrollment Start Date October 15, 2017 Phase Phase III"
        + " Sponsor Example Oncology Group\n");
    JsonNode ps = ps(r);
    assertEquals("Pembrolizumab in Treating Patients With Triple-Negative Breast Cancer",
        ps.path("identificationModule").path("briefTitle").asText());
    assertEquals("RECRUITING", ps.path("statusModule").path("overallStatus").asText());
    assertEquals("2017-10-15", ps.path("statusModule").path("startDateStruct").path("date").asText());
  }

  @Test
  void markdownTablesAreReadCellByCell() {
    ReadResult.Read r = one("table.md", """
        Co-operative surgical trial for gastric cancer
        | ISRCTN | ISRCTN13882846 |
        |---|---|
        | Sponsor | Medical Research Council (MRC) (UK) |
        | Target sample size at registration | 400 |
        | Primary outcome measure(s) |
        1. Operative morbidity and mortality |
        """);
    JsonNode ps = ps(r);
    assertEquals("Medical Research Council (MRC) (UK)", ps.path("sponsorCollaboratorsModule").path("leadSponsor").path("name").asText());
    assertEquals(400, ps.path("designModule").path("enrollmentInfo").path("count").asInt());
    assertEquals("ISRCTN13882846", r.provenance().attribute(PageReader.REGISTRY_ID));
  }

  @Test
  void statusesInTheWordsRegistriesUseAndTheOverallStatusWhenTheTrialEnded() {
    String[][] cases = {
        {"Status: Open to accrual", "RECRUITING"}, {"Trial Status: Prematurely Ended", "TERMINATED"},
        {"Recruitment status: Preinitiation", "NOT_YET_RECRUITING"}, {"Status: Closed to accrual", "ACTIVE_NOT_RECRUITING"},
        {"Overall Status: Active - Recruiting", "RECRUITING"},
        {"Recruitment status: No longer recruiting\nOverall study status: Completed", "COMPLETED"}};
    for (String[] c : cases) {
      ReadResult.Read r = one("status.txt", "A Study of Drug X in Adults With Asthma\n" + c[0] + "\nPhase: Phase 2\n");
      assertEquals(c[1], ps(r).path("statusModule").path("overallStatus").asText(), c[0]);
    }
  }

  @Test
  void sponsorsLoseTheClassSuffixPortalsAddButKeepBracketsThatAreTheirs() {
    ReadResult.Read r = one("s.txt", "A Study of Drug X in Adults With Asthma\nLead Sponsor: Acme Pharma Inc. (Industry)\nStatus: Completed\n");
    JsonNode lead = ps(r).path("sponsorCollaboratorsModule").path("leadSponsor");
    assertEquals("Acme Pharma Inc.", lead.path("name").asText());
    assertEquals("INDUSTRY", lead.path("class").asText());
    ReadResult.Read kept = one("s.txt", "A Study of Drug X in Adults With Asthma\nSponsor: Fudan University (Shanghai)\nStatus: Completed\n");
    assertEquals("Fudan University (Shanghai)", ps(kept).path("sponsorCollaboratorsModule").path("leadSponsor").path("name").asText());
  }

  @Test
  void idsAnywhereOnThePageAndInItsAddressButNotExamplesOrRelatedTrials() {
    ReadResult.Read footer = one("footer.txt", """
        A Study of Drug X in Adults With Asthma
        Status: Recruiting
        Also registered as EudraCT 2021-001234-77.
        Source: ClinicalTrials.gov record NCT05000003, last refreshed 2024-01-02.
        Related trials
        NCT05000004
        NCT05000005
        """);
    assertEquals("NCT05000003", ps(footer).path("identificationModule").path("nctId").asText());
    assertEquals("2021-001234-77", ps(footer).path("identificationModule").path("secondaryIdInfos").get(0).path("id").asText());

    byte[] page = "A Study of Drug X in Adults With Asthma\nStatus: Recruiting\n".getBytes(StandardCharsets.UTF_8);
    ReadResult.Read byUrl = assertInstanceOf(ReadResult.Read.class, PageFixtures.read("p.txt", page,
        ReadOptions.defaults().withPageUrl("https://www.isrctn.com/ISRCTN28785842")).get(0));
    assertEquals("ISRCTN28785842", byUrl.provenance().attribute(PageReader.REGISTRY_ID));
    assertEquals("https://www.isrctn.com/ISRCTN28785842", byUrl.provenance().attribute(Provenance.URL));

    ReadResult.Read example = one("help.txt", "A Study of Drug X in Adults With Asthma\nStatus: Recruiting\n"
        + "Phase: Phase 2\nIds look like NCT12345678 on ClinicalTrials.gov.\n");
    assertTrue(ps(example).path("identificationModule").path("nctId").isMissingNode(), "an example id is not the page's");
  }

  @Test
  void helpAndGlossaryPagesFullOfFieldNamesAreRefusedWithTheReason() {
    List<ReadResult> rs = PageFixtures.read("glossary.txt", """
        Trial reference number
        The identifier is an identification number that the website assigns to a trial. It is in the format NCTXXXXXXXX.
        Trial name
        The official title of a clinical trial. Sometimes a trial also has a short title.
        Trial phases
        The phase of the clinical trial, which is a number 1 through 4.
        Sponsor
        Name of the organization(s) that initiated the clinical investigation.
        Learn more about the 4 clinical trial phases
        """);
    ReadResult.Failed f = assertInstanceOf(ReadResult.Failed.class, rs.get(0), rs.toString());
    assertTrue(f.problem().reason().startsWith("the page does not look like a trial record"), f.problem().reason());
  }

  @Test
  void aRegistrysDescriptionOfItsEntryFormIsRefusedAndChoicesAreNoValues() {
    List<ReadResult> form = PageFixtures.read("fields.txt", """
        Description of entry fields
        Title [Free text]
        Brief Summary in Lay Language [Free text]
        Date of Registration [Date]
        Study Type
          • Interventional
          • Non-interventional
        Recruitment Status
          • Recruiting
          • Completed
        """);
    ReadResult.Failed f = assertInstanceOf(ReadResult.Failed.class, form.get(0), form.toString());
    assertTrue(f.problem().reason().contains("entry form"), f.problem().reason());

    ReadResult.Read r = one("choices.txt", """
        A Study of Drug X in Adults With Asthma
        Status: Recruiting
        Study Type
          • Interventional
          • Observational
        """);
    assertTrue(ps(r).path("designModule").path("studyType").isMissingNode(), "a list of choices is no study type");
    assertTrue(r.warnings().stream().anyMatch(w -> w.message().contains("list of choices")), r.warnings().toString());
  }

  @Test
  void anEuCtrSummaryWithNumberedLabelsReadsItsIdsAndStatusNotTheSitesBanner() {
    ReadResult.Read r = one("euctr.txt", """
        Flag of the European Union EU Clinical Trials Register Help
        Clinical trials
        The European Union Clinical Trials Register allows you to search for protocol and results information.
        < Back to search results
        Print Download
        Summary
        EudraCT Number:2011-002362-21
        Sponsor's Protocol Code Number:14178A
        Trial Status:Completed
        A. Protocol Information
        A.3 Full title of the trial: A randomised, double-blind study of drug X in adults with major depressive disorder
        E.1.1 Medical condition(s) being investigated: Major depressive disorder
        E.1.1.2 Therapeutic area: Diseases [C] - Mental Disorders [F03]
        E.2.1 Main objective of the trial
        To show that drug X lowers the depression score.
        F.1.1 Trial has subjects under 18
        No
        F.1.1.1 In Utero
        0
        """);
    JsonNode ps = ps(r);
    assertEquals("2011-002362-21", r.provenance().attribute(PageReader.REGISTRY_ID));
    assertEquals("COMPLETED", ps.path("statusModule").path("overallStatus").asText());
    assertEquals("A randomised, double-blind study of drug X in adults with major depressive disorder",
        ps.path("identificationModule").path("officialTitle").asText());
    assertEquals("[\"Major depressive disorder\"]", ps.path("conditionsModule").path("conditions").toString());
    assertTrue(ps.path("identificationModule").path("briefTitle").isMissingNode(), "the register's banner is not a title: "
        + ps.path("identificationModule").path("briefTitle"));
    assertTrue(ps.path("eligibilityModule").isMissingNode(), "no ages out of nowhere: " + ps);
  }

  @Test
  void agesAreTakenFromTheCriteriaWhenThePageShowsNoneAsValues() {
    String[][] cases = {
        {"Patient must be ≥ 18 years of age", "18 Years", null},
        {"Patient must be between 18 and 79 years of age", "18 Years", "79 Years"},
        {"Patients must be women age 45 or older and under age 75 at the time of study entry", "45 Years", "74 Years"},
        {"Infants, children, teens and adults, 6 months to 20 years, who have sickle cell anemia", "6 Months", "20 Years"},
        {"Healthy children 3 to 4 years old who were at least 37 weeks at birth", "3 Years", "4 Years"}};
    for (String[] c : cases) {
      ReadResult.Read r = one("criteria.txt", "A Study of Drug X in Adults With Asthma\nStatus: Recruiting\nInclusion Criteria:\n- "
          + c[0] + "\n- Signed consent\n");
      JsonNode e = ps(r).path("eligibilityModule");
      assertEquals(c[1], e.path("minimumAge").asText(null), c[0]);
      assertEquals(c[2], e.path("maximumAge").asText(null), c[0]);
      assertTrue(r.provenance().lowConfidencePaths().contains("protocolSection.eligibilityModule.minimumAge"), c[0]);
    }
    ReadResult.Read labelled = one("criteria.txt", "A Study of Drug X in Adults With Asthma\nMinimum Age: 21 Years\n"
        + "Inclusion Criteria:\n- Aged 18 to 65 years\n");
    assertEquals("21 Years", ps(labelled).path("eligibilityModule").path("minimumAge").asText(), "a labelled age stands");
    assertTrue(ps(labelled).path("eligibilityModule").path("maximumAge").isMissingNode());
  }

  @Test
  void anActualDateReplacesTheAnticipatedOneShownBeforeIt() {
    ReadResult.Read r = one("pactr.txt", """
        Public title CHILD Malaria
        Trial no.: PACTR202311470737025
        Anticipated trial start date 05/06/2023
        Actual trial start date 18/07/2023
        """);
    JsonNode start = ps(r).path("statusModule").path("startDateStruct");
    assertEquals("2023-07-18", start.path("date").asText());
    assertEquals("ACTUAL", start.path("type").asText());
  }

  @Test
  void aPortalsOwnSentencesGiveTheSponsorAndADiseaseHeadingTheCondition() {
    ReadResult.Read r = one("portal.txt", """
        Breast Cancer

        EA1151

        Digital Tomosynthesis Mammography and Digital Mammography in Screening Patients for Breast Cancer

        STATUS: Recruiting

        This randomized phase III trial compares two ways of screening, sponsored by the ECOG-ACRIN Cancer Research Group. It enrolls women.
        """);
    JsonNode ps = ps(r);
    assertEquals("[\"Breast Cancer\"]", ps.path("conditionsModule").path("conditions").toString());
    assertEquals("ECOG-ACRIN Cancer Research Group", ps.path("sponsorCollaboratorsModule").path("leadSponsor").path("name").asText());
    assertEquals("[\"PHASE3\"]", ps.path("designModule").path("phases").toString());
    assertTrue(r.provenance().lowConfidencePaths().containsAll(List.of("protocolSection.conditionsModule.conditions",
        "protocolSection.sponsorCollaboratorsModule.leadSponsor.name", "protocolSection.designModule.phases")), r.provenance().toString());
  }

  @Test
  void aFormFieldWithNoPlaceInTheRecordSkipsOnlyItsOwnValue() {
    ReadResult.Read r = one("umin.txt", """
        Public title Exploratory Study of Glycyrrhizin in Systemic Sclerosis
        Condition
        Condition Systemic Sclerosis
        Classification by specialty
        Clinical immunology Dermatology
        Genomic information NO
        Developmental phase Phase I,II
        Recruitment status Open public recruiting
        """);
    JsonNode ps = ps(r);
    assertEquals("[\"Systemic Sclerosis\"]", ps.path("conditionsModule").path("conditions").toString());
    assertEquals("[\"PHASE1\",\"PHASE2\"]", ps.path("designModule").path("phases").toString());
    assertEquals("RECRUITING", ps.path("statusModule").path("overallStatus").asText());
  }

  @Test
  void eachRecordSaysHowSureItsReadingIs() {
    ReadResult.Read labelled = one("full.txt", """
        NCT Number: NCT05000006
        Brief Title: Drug X for Adults With Asthma
        Overall Status: Recruiting
        Phase: Phase 2
        Enrollment: 120
        Study Type: Interventional
        Sex: All
        """);
    assertEquals("high", labelled.provenance().attribute(Provenance.CONFIDENCE));
    ReadResult.Read thin = one("thin.txt", """
        Example Hospital Research
        Testing Drug X in Treating Patients With Head and Neck Cancer
        This phase II trial compares drug X with the usual treatment.
        """);
    assertEquals("low", thin.provenance().attribute(Provenance.CONFIDENCE));
    assertTrue(thin.provenance().lowConfidencePaths().contains("protocolSection.designModule.phases"), thin.provenance().toString());
    assertTrue(thin.warnings().stream().anyMatch(w -> w.message().startsWith("read on weak evidence")), thin.warnings().toString());
  }
}
