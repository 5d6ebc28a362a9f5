package org.trialdex.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConsistencyRulesTest {

  private static final String STATUS = "protocolSection.statusModule.";
  private static final String DESIGN = "protocolSection.designModule.";
  private static final String ARMS = "protocolSection.armsInterventionsModule.";

  @Test
  void phasesOnAnObservationalStudyContradictItsType() {
    Finding f = Expect.only(GivenRecord.observational().set(DESIGN + "phases", "[\"PHASE2\"]").validate());
    assertEquals(new Finding(Severity.ERROR, "consistency.phases-on-observational", DESIGN + "phases",
        "phases [PHASE2] on a study whose studyType is OBSERVATIONAL; phases describe interventional studies only"), f);
    // NA is what v2 writes when phases do not apply.
    Expect.findings(GivenRecord.observational().set(DESIGN + "phases", "[\"NA\"]").validate());
  }

  @Test
  void hasResultsMustMatchThePresenceOfAResultsSection() {
    Expect.findings(GivenRecord.observational().set("hasResults", "true").validate(),
        "consistency.has-results at hasResults");
    Expect.findings(GivenRecord.observational().set("resultsSection", "{\"participantFlowModule\": {}}").validate(),
        "consistency.has-results at resultsSection");
  }

  @Test
  void anEndedStudyWithAnEstimatedCompletionInItsOwnPastIsAWarning() {
    Finding f = Expect.only(GivenRecord.observational()
        .set(STATUS + "completionDateStruct", "{\"date\": \"2020-12\", \"type\": \"ESTIMATED\"}")
        .set(STATUS + "lastUpdatePostDateStruct", "{\"date\": \"2021-03-04\", \"type\": \"ACTUAL\"}")
        .validate());
    assertEquals(new Finding(Severity.WARNING, "consistency.ended-with-estimated-completion",
        STATUS + "completionDateStruct.date",
        "overallStatus is COMPLETED but completionDateStruct 2020-12 is ESTIMATED although it lies before"
            + " lastUpdatePostDateStruct 2021-03-04; a past completion of an ended study is ACTUAL"), f);
    // An estimate of a day the record has not yet reached is no contradiction.
    Expect.findings(GivenRecord.observational()
        .set(STATUS + "completionDateStruct", "{\"date\": \"2021-03\", \"type\": \"ESTIMATED\"}")
        .validate());
  }

  @Test
  void aStudyNotYetRecruitingCannotHaveStartedOrCountedActualEnrollment() {
    Expect.findings(GivenRecord.interventional()
            .set(STATUS + "overallStatus", "\"NOT_YET_RECRUITING\"")
            .set(DESIGN + "enrollmentInfo", "{\"count\": 12, \"type\": \"ACTUAL\"}")
            .set("protocolSection.contactsLocationsModule.locations", "[]")
            .validate(),
        "consistency.not-yet-recruiting-actual-start at " + STATUS + "startDateStruct.date",
        "consistency.not-yet-recruiting-actual-enrollment at " + DESIGN + "enrollmentInfo.type");
  }

  @Test
  void aWithdrawnStudyEnrolledNoOneAndSaysWhyItStopped() {
    Expect.findings(GivenRecord.observational()
            .set(STATUS + "overallStatus", "\"WITHDRAWN\"")
            .validate(),
        "consistency.withdrawn-with-enrollment at " + DESIGN + "enrollmentInfo.count",
        "consistency.why-stopped-missing at " + STATUS + "whyStopped");
    Expect.findings(GivenRecord.observational()
        .set(STATUS + "overallStatus", "\"WITHDRAWN\"")
        .set(STATUS + "whyStopped", "\"No funding\"")
        .set(DESIGN + "enrollmentInfo", "{\"count\": 0, \"type\": \"ACTUAL\"}")
        .validate());
  }

  @Test
  void aReasonForStoppingOnAStudyThatDidNotStopIsAWarning() {
    Finding f = Expect.only(GivenRecord.observational().set(STATUS + "whyStopped", "\"Sponsor decision\"").validate());
    assertEquals(new Finding(Severity.WARNING, "consistency.why-stopped-while-not-stopped", STATUS + "whyStopped",
        "whyStopped \"Sponsor decision\" is given but overallStatus is COMPLETED;"
            + " the PRS asks for it only of TERMINATED, SUSPENDED or WITHDRAWN studies"), f);
    // UNKNOWN keeps the reason of the status it was last known to have.
    Expect.findings(GivenRecord.observational()
        .set(STATUS + "overallStatus", "\"UNKNOWN\"")
        .set(STATUS + "lastKnownStatus", "\"SUSPENDED\"")
        .set(STATUS + "whyStopped", "\"Sponsor decision\"")
        .validate());
  }

  @Test
  void armsAndInterventionsMustNameEachOther() {
    ValidationReport report = GivenRecord.interventional()
        .set(ARMS + "armGroups", "[{\"label\": \"MSC\", \"interventionNames\": [\"Biological: Stromal cells\", \"Drug: Aspirin\"]},"
            + " {\"label\": \"Placebo\", \"interventionNames\": [\"saline\"]}]")
        .set(ARMS + "interventions", "[{\"type\": \"BIOLOGICAL\", \"name\": \"Stromal cells\", \"armGroupLabels\": [\"MSC\", \"High dose\"]},"
            + " {\"type\": \"OTHER\", \"name\": \"Saline\", \"armGroupLabels\": [\"Placebo\"]}]")
        .validate();
    // "saline" without its type prefix and in other case still names Saline.
    Expect.findings(report,
        "consistency.arm-names-unknown-intervention at " + ARMS + "armGroups[0].interventionNames[1]",
        "consistency.intervention-names-unknown-arm at " + ARMS + "interventions[0].armGroupLabels[1]");
    assertEquals("arm group \"MSC\" names intervention \"Drug: Aspirin\", which is not among interventions[].name",
        report.findings().get(0).message());
    assertEquals("intervention \"Stromal cells\" names arm group \"High dose\", which is not among armGroups[].label",
        report.findings().get(1).message());
  }

  @Test
  void multiWordInterventionTypesPrefixWithTheirDisplayName() {
    Expect.findings(GivenRecord.interventional()
        .set(ARMS + "armGroups", "[{\"label\": \"MSC\", \"interventionNames\": [\"Dietary Supplement: Vitamin D\"]},"
            + " {\"label\": \"Placebo\", \"interventionNames\": [\"Other: Saline\"]}]")
        .set(ARMS + "interventions", "[{\"type\": \"DIETARY_SUPPLEMENT\", \"name\": \"Vitamin D\"},"
            + " {\"type\": \"OTHER\", \"name\": \"Saline\"}]")
        .validate());
  }

  @Test
  void aSiteStillRecruitingInACompletedStudyIsAWarning() {
    String locations = "protocolSection.contactsLocationsModule.locations";
    Finding f = Expect.only(GivenRecord.observational()
        .set(locations, "[{\"facility\": \"Hopital Nord\", \"status\": \"COMPLETED\"},"
            + " {\"facility\": \"Hopital Sud\", \"status\": \"RECRUITING\"}]")
        .validate());
    assertEquals(new Finding(Severity.WARNING, "consistency.site-open-study-closed", locations + "[1].status",
        "location \"Hopital Sud\" has status RECRUITING while overallStatus is COMPLETED"), f);
  }
}
