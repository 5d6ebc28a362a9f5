package org.trialdex.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;

class StudyValidatorTest {

  @Test
  void ruleIdsAreUniqueKebabCaseAndGroupedByKind() {
    List<String> ids = new StudyValidator().ruleIds();
    assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicate rule ids in " + ids);
    for (String id : ids) {
      assertTrue(id.matches("(required|length|value|consistency)\\.[a-z0-9]+(-[a-z0-9]+)*"), id);
    }
    assertEquals(30, ids.stream().filter(id -> id.startsWith("required.")).count());
    assertEquals(22, ids.stream().filter(id -> id.startsWith("length.")).count());
    assertEquals(15, ids.stream().filter(id -> id.startsWith("value.")).count());
    assertEquals(12, ids.stream().filter(id -> id.startsWith("consistency.")).count());
  }

  @Test
  void aNullStudyGivesAReportNotAnException() {
    ValidationReport report = new StudyValidator().validate(null);
    assertFalse(report.isClean());
    assertEquals(17, report.errors().size());
  }

  @Test
  void aRuleThatFailsBecomesOneFindingAndTheOtherRulesStillRun() {
    Rule broken = Rule.error("value.broken", (s, r) -> {
      throw new IllegalStateException("boom");
    });
    Rule working = Rule.warning("value.working", (s, r) -> r.at("x", "seen"));
    ValidationReport report = new StudyValidator(List.of(broken, working)).validate(Study.empty());
    Expect.findings(report, StudyValidator.RULE_FAILED + " at ", "value.working at x");
    assertEquals("rule value.broken failed on this record with java.lang.IllegalStateException: boom;"
        + " the record is fine to store, please report the rule with its NCT id", report.findings().get(0).message());
  }

  @Test
  void reportHelpersSplitBySeverityAndCountByRule() {
    ValidationReport report = GivenRecord.interventional()
        .remove("protocolSection.identificationModule.officialTitle")
        .remove("protocolSection.identificationModule.briefTitle")
        .set("protocolSection.conditionsModule.keywords", "[\"" + "k".repeat(161) + "\", \"" + "k".repeat(170) + "\"]")
        .validate();
    assertEquals(List.of("required.brief-title"), report.errors().stream().map(Finding::rule).toList());
    assertEquals(List.of("required.official-title", "length.keyword", "length.keyword"),
        report.warnings().stream().map(Finding::rule).toList());
    assertEquals("{length.keyword=2, required.brief-title=1, required.official-title=1}", report.countByRule().toString());
  }

  @Test
  void randomlyDamagedRecordsAlwaysGiveAReport() {
    // Seeded: drop random members of the clean record and put odd values in others.
    Random random = new Random(20240517L);
    String[] paths = {
        "protocolSection.statusModule.startDateStruct", "protocolSection.statusModule.statusVerifiedDate",
        "protocolSection.designModule.enrollmentInfo", "protocolSection.designModule.designInfo",
        "protocolSection.armsInterventionsModule.armGroups", "protocolSection.eligibilityModule.minimumAge",
        "protocolSection.contactsLocationsModule.locations", "protocolSection.identificationModule",
        "protocolSection.statusModule.overallStatus", "hasResults"};
    String[] values = {"null", "\"\"", "[]", "{}", "[null]", "\"2016-02-30\"", "[{}]", "-1"};
    StudyValidator validator = new StudyValidator();
    for (int round = 0; round < 300; round++) {
      GivenRecord given = round % 2 == 0 ? GivenRecord.interventional() : GivenRecord.observational();
      for (int edit = 0; edit < 3; edit++) {
        String path = paths[random.nextInt(paths.length)];
        if (random.nextBoolean()) {
          given.remove(path);
        } else {
          try {
            given.set(path, values[random.nextInt(values.length)]);
          } catch (RuntimeException notAValueTheModelReads) {
            // set() itself never fails; reading may, and that is the reader's report, not ours.
          }
        }
      }
      Study study;
      try {
        study = given.study();
      } catch (RuntimeException unreadable) {
        continue;
      }
      ValidationReport report = validator.validate(study);
      assertTrue(report.ofRule(StudyValidator.RULE_FAILED).isEmpty(), () -> "round: " + report.findings());
    }
  }

  @Test
  void theEmptyJsonObjectReadsAndValidates() {
    assertFalse(new StudyValidator().validate(StudyJson.standard().read("{}")).isClean());
  }
}
