package org.trialdex.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.testing.SharedData;

/**
 * The validator over the 100 real v2 records of the NSCLC sample and PALLAS (NCT02513394). Each
 * finding asserted here was checked by hand against the record's JSON.
 */
class RealRecordsValidationTest {

  private static final StudyValidator VALIDATOR = new StudyValidator();
  private static Map<String, ValidationReport> reports;

  @BeforeAll
  static void validateAll() throws IOException {
    StudyJson json = StudyJson.standard();
    Map<String, Study> studies = new LinkedHashMap<>();
    for (JsonNode node : json.mapper().readTree(SharedData.v2Sample().toFile())) {
      Study s = json.read(node);
      studies.put(s.protocolSection().identificationModule().nctId(), s);
    }
    Study pallas = json.read(Files.readString(SharedData.pallasV2()));
    studies.put(pallas.protocolSection().identificationModule().nctId(), pallas);
    reports = new LinkedHashMap<>();
    studies.forEach((id, study) -> reports.put(id, VALIDATOR.validate(study)));
  }

  @Test
  void everyRecordGetsAReportAndNoRuleFails() {
    assertEquals(101, reports.size());
    reports.forEach((id, report) ->
        assertTrue(report.ofRule(StudyValidator.RULE_FAILED).isEmpty(), () -> id + ": " + report.findings()));
  }

  @Test
  void findingsOverTheRealRecordsAreDistributedAsCheckedByHand() {
    Map<String, Integer> byRule = new TreeMap<>();
    reports.values().forEach(r -> r.countByRule().forEach((rule, n) -> byRule.merge(rule, n, Integer::sum)));
    // Printed for the operator's view of the sample; asserted exactly below.
    byRule.forEach((rule, n) -> System.out.println("validation findings over 101 real records: " + rule + " " + n));
    assertEquals(Map.of(
        "consistency.why-stopped-missing", 1,
        "length.outcome-description", 2,
        "required.allocation", 1,
        "required.enrollment-count", 2,
        "required.healthy-volunteers", 5,
        "required.masking", 2,
        "required.official-title", 1,
        "required.recruiting-contact", 2,
        "required.responsible-party", 1), byRule);
    assertEquals(89, reports.values().stream().filter(ValidationReport::isClean).count());
  }

  @Test
  void pallasWithItsResultsIsClean() {
    Expect.findings(reports.get("NCT02513394"));
  }

  @Test
  void aWithdrawnStudyWithoutAReasonIsReported() {
    // NCT00576225: overallStatus WITHDRAWN, no whyStopped.
    Finding f = Expect.only(reports.get("NCT00576225"));
    assertEquals(new Finding(Severity.ERROR, "consistency.why-stopped-missing", "protocolSection.statusModule.whyStopped",
        "overallStatus is WITHDRAWN but whyStopped is missing; the PRS requires the reason for a stopped study"), f);
  }

  @Test
  void anOutcomeDescriptionOverTheLimitIsReportedWhereverItIsRepeated() {
    // NCT06094296: the same 1,018-character DLT description as primary outcome 4 and secondary outcome 5.
    Expect.findings(reports.get("NCT06094296"),
        "length.outcome-description at protocolSection.outcomesModule.primaryOutcomes[3].description",
        "length.outcome-description at protocolSection.outcomesModule.secondaryOutcomes[4].description");
    assertTrue(reports.get("NCT06094296").findings().get(0).message()
        .startsWith("description has 1018 characters, over the PRS limit of 999: \"Dose-Limiting Toxicities"));
  }

  @Test
  void oldRecordsMissElementsThePrsLaterRequired() {
    // NCT01742767 (interventional, phase 2): designInfo has no allocation or masking, no enrollment.
    Expect.findings(reports.get("NCT01742767"),
        "required.allocation at protocolSection.designModule.designInfo.allocation",
        "required.masking at protocolSection.designModule.designInfo.maskingInfo.masking",
        "required.enrollment-count at protocolSection.designModule.enrollmentInfo.count");
    // NCT01100827 (observational): no responsible party, enrollment or healthy-volunteers answer.
    Expect.findings(reports.get("NCT01100827"),
        "required.responsible-party at protocolSection.sponsorCollaboratorsModule.responsibleParty",
        "required.enrollment-count at protocolSection.designModule.enrollmentInfo.count",
        "required.healthy-volunteers at protocolSection.eligibilityModule.healthyVolunteers");
    // NCT02795884: interventional, first submitted 2016-02-24, before official titles were required.
    assertEquals("officialTitle is missing; the PRS has required it of interventional studies since the 2017"
            + " Final Rule (this record was first submitted \"2016-02-24\")",
        Expect.only(reports.get("NCT02795884")).message());
  }

  @Test
  void aStudyNotYetRecruitingWithoutAnyContactIsReported() {
    // NCT07134413 and NCT06672068: NOT_YET_RECRUITING and no contactsLocationsModule at all.
    for (String id : new String[] {"NCT07134413", "NCT06672068"}) {
      Expect.findings(reports.get(id), "required.recruiting-contact at protocolSection.contactsLocationsModule.centralContacts");
    }
  }
}
