package org.trialdex.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;

class RequiredRulesTest {

  private static final String ID = "protocolSection.identificationModule.";
  private static final String STATUS = "protocolSection.statusModule.";
  private static final String DESIGN = "protocolSection.designModule.";

  @Test
  void completeRecordsOfBothStudyTypesAreClean() {
    Expect.findings(GivenRecord.interventional().validate());
    Expect.findings(GivenRecord.observational().validate());
  }

  @Test
  void missingTitleIsAnErrorNamingThePath() {
    Finding f = Expect.only(GivenRecord.interventional().remove(ID + "briefTitle").validate());
    assertEquals(new Finding(Severity.ERROR, "required.brief-title", ID + "briefTitle",
        "briefTitle is missing; the PRS requires it of every record (this record: INTERVENTIONAL)"), f);
  }

  @Test
  void blankTextAndEmptyListsCountAsMissing() {
    Expect.findings(GivenRecord.interventional()
            .set(ID + "orgStudyIdInfo.id", "\"  \"")
            .set("protocolSection.conditionsModule.conditions", "[]")
            .validate(),
        "required.org-study-id at " + ID + "orgStudyIdInfo.id",
        "required.conditions at protocolSection.conditionsModule.conditions");
  }

  @Test
  void nctIdMustBeNctAndEightDigits() {
    Finding f = Expect.only(GivenRecord.interventional().set(ID + "nctId", "\"NCT123\"").validate());
    assertEquals("required.nct-id-format", f.rule());
    assertEquals("nctId \"NCT123\" is not NCT followed by 8 digits, the form ClinicalTrials.gov assigns", f.message());
  }

  @Test
  void missingOfficialTitleIsOnlyAWarningAndOnlyForInterventionalStudies() {
    Finding f = Expect.only(GivenRecord.interventional().remove(ID + "officialTitle").validate());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("required.official-title", f.rule());
    assertEquals("officialTitle is missing; the PRS has required it of interventional studies since the 2017"
        + " Final Rule (this record was first submitted \"2022-11-10\")", f.message());
    // The observational record has no official title and no finding for it.
    Expect.findings(GivenRecord.observational().validate());
  }

  @Test
  void interventionalDesignElementsAreRequiredOfInterventionalStudies() {
    Expect.findings(GivenRecord.interventional()
            .remove(DESIGN + "phases")
            .remove(DESIGN + "designInfo")
            .remove("protocolSection.armsInterventionsModule")
            .remove("protocolSection.outcomesModule")
            .remove(STATUS + "primaryCompletionDateStruct")
            .validate(),
        "required.primary-completion-date at " + STATUS + "primaryCompletionDateStruct.date",
        "required.phases at " + DESIGN + "phases",
        "required.allocation at " + DESIGN + "designInfo.allocation",
        "required.intervention-model at " + DESIGN + "designInfo.interventionModel",
        "required.primary-purpose at " + DESIGN + "designInfo.primaryPurpose",
        "required.masking at " + DESIGN + "designInfo.maskingInfo.masking",
        "required.interventions at protocolSection.armsInterventionsModule.interventions",
        "required.primary-outcomes at protocolSection.outcomesModule.primaryOutcomes");
  }

  @Test
  void observationalDesignElementsAreRequiredOfObservationalStudies() {
    Expect.findings(GivenRecord.observational().remove(DESIGN + "designInfo").validate(),
        "required.observational-model at " + DESIGN + "designInfo.observationalModel",
        "required.time-perspective at " + DESIGN + "designInfo.timePerspective");
  }

  @Test
  void aRecruitingStudyNeedsACentralOrALocationContact() {
    String contacts = "protocolSection.contactsLocationsModule.";
    Expect.findings(GivenRecord.interventional().remove(contacts + "centralContacts").validate(),
        "required.recruiting-contact at " + contacts + "centralContacts");
    // A contact at a location is enough.
    Expect.findings(GivenRecord.interventional()
        .remove(contacts + "centralContacts")
        .set(contacts + "locations", "[{\"facility\": \"Site\", \"contacts\": [{\"name\": \"Desk\"}]}]")
        .validate());
    // A completed study needs neither.
    Expect.findings(GivenRecord.observational().validate());
  }

  @Test
  void anEmptyRecordIsReportedMissingEverythingEveryRecordNeeds() {
    ValidationReport report = new StudyValidator().validate(StudyJson.standard().read("{}"));
    Expect.findings(report,
        "required.nct-id at " + ID + "nctId",
        "required.org-study-id at " + ID + "orgStudyIdInfo.id",
        "required.brief-title at " + ID + "briefTitle",
        "required.organization at " + ID + "organization.fullName",
        "required.lead-sponsor at protocolSection.sponsorCollaboratorsModule.leadSponsor.name",
        "required.responsible-party at protocolSection.sponsorCollaboratorsModule.responsibleParty",
        "required.overall-status at " + STATUS + "overallStatus",
        "required.status-verified-date at " + STATUS + "statusVerifiedDate",
        "required.start-date at " + STATUS + "startDateStruct.date",
        "required.completion-date at " + STATUS + "completionDateStruct.date",
        "required.brief-summary at protocolSection.descriptionModule.briefSummary",
        "required.conditions at protocolSection.conditionsModule.conditions",
        "required.study-type at " + DESIGN + "studyType",
        "required.enrollment-count at " + DESIGN + "enrollmentInfo.count",
        "required.eligibility-criteria at protocolSection.eligibilityModule.eligibilityCriteria",
        "required.sex at protocolSection.eligibilityModule.sex",
        "required.healthy-volunteers at protocolSection.eligibilityModule.healthyVolunteers");
    assertEquals(17, report.errors().size());
  }
}
