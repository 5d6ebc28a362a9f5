package org.trialdex.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** consistency.criteria-age-range: ages stated in the criteria text against minimumAge and maximumAge. */
class CriteriaAgeRuleTest {

  private static final String ELIGIBILITY = "protocolSection.eligibilityModule.";
  private static final String RULE = "consistency.criteria-age-range";

  /** The clean interventional record (ages 40 to 80) with the given criteria and limits. */
  private static ValidationReport given(String criteria, String min, String max) {
    GivenRecord r = GivenRecord.interventional().set(ELIGIBILITY + "eligibilityCriteria", TextNode.valueOf(criteria).toString());
    r = min == null ? r.remove(ELIGIBILITY + "minimumAge") : r.set(ELIGIBILITY + "minimumAge", TextNode.valueOf(min).toString());
    r = max == null ? r.remove(ELIGIBILITY + "maximumAge") : r.set(ELIGIBILITY + "maximumAge", TextNode.valueOf(max).toString());
    return r.validate();
  }

  private static ValidationReport ages(String criteria, String min, String max) {
    return new ValidationReport(given(criteria, min, max).ofRule(RULE));
  }

  @Test
  void seed004StatesFifteenToSeventyWhereThePageSaysThirteenToSixtyEight() {
    ValidationReport report = ages("Inclusion Criteria:\n\n* All patients fulfilled the criteria, man or woman aged from 15 to 70"
        + " years old, SSDAI\\>=8.\n\nExclusion Criteria:\n\n* End-stage renal failure.", "13 Years", "68 Years");
    assertEquals(java.util.List.of(
        new Finding(Severity.WARNING, RULE, ELIGIBILITY + "minimumAge",
            "minimumAge is 13 Years but eligibilityCriteria says \"aged from 15 to 70 years\", a minimum of 15 Years"),
        new Finding(Severity.WARNING, RULE, ELIGIBILITY + "maximumAge",
            "maximumAge is 68 Years but eligibilityCriteria says \"aged from 15 to 70 years\", a maximum of 70 Years")),
        report.findings());
    Expect.findings(ages("Inclusion Criteria:\n* man or woman aged from 15 to 70 years old", "15 Years", "70 Years"));
  }

  @Test
  void eachUsualWayOfStatingAnAgeIsRead() {
    Expect.findings(ages("* Patients 18-65 years", "18 Years", "64 Years"), RULE + " at " + ELIGIBILITY + "maximumAge");
    Expect.findings(ages("* age ≥ 18 years", "21 Years", null), RULE + " at " + ELIGIBILITY + "minimumAge");
    Expect.findings(ages("* between 18 and 75 years of age", "18 Years", "70 Years"), RULE + " at " + ELIGIBILITY + "maximumAge");
    Expect.findings(ages("* Male or female, 4-70 years", "5 Years", "70 Years"), RULE + " at " + ELIGIBILITY + "minimumAge");
    Expect.findings(ages("* Patients older than 18", "16 Years", null), RULE + " at " + ELIGIBILITY + "minimumAge");
    Expect.findings(ages("* children aged 2 to 17", "2 Years", "18 Years"), RULE + " at " + ELIGIBILITY + "maximumAge");
    Expect.findings(ages("* Age 18 months through 17 years", "1 Year", "17 Years"), RULE + " at " + ELIGIBILITY + "minimumAge");
  }

  @Test
  void statementsThatAgreeInAnyUnitOrStrictnessAreNotReported() {
    Expect.findings(ages("* Patients 18-65 years", "216 Months", "65 Years"));
    // "older than 18" is registered as 18 and as 19; both agree with it.
    Expect.findings(ages("* Patients older than 18", "18 Years", null));
    Expect.findings(ages("* Patients older than 18", "19 Years", null));
    Expect.findings(ages("* age < 75 years", null, "74 Years"));
    Expect.findings(ages("* 18 years or older", "18 Years", "N/A"));
    // A stated age the structured fields leave out is not a contradiction.
    Expect.findings(ages("* aged 18 to 65 years", null, null));
  }

  @Test
  void ambiguousTextsGiveNoFinding() {
    // Two populations.
    Expect.findings(ages("* adults aged 18-65 years\n* children aged 2 to 17 years", "2 Years", "65 Years"));
    Expect.findings(ages("Cohort A: aged 18 to 65 years", "2 Years", "65 Years"));
    // Not the participant's age.
    Expect.findings(ages("* gestational age ≥ 34 weeks", "1 Day", "14 Days"));
    Expect.findings(ages("* radiograph not older than 3 months", "50 Years", null));
    Expect.findings(ages("* diabetes for 1-10 years", "18 Years", null));
    Expect.findings(ages("* Advanced maternal age above 38 years", "20 Years", "40 Years"));
    Expect.findings(ages("* HLA-matched donor aged 0-21 years", "1 Year", "25 Years"));
    // In the exclusion part "age over 75" means the opposite.
    Expect.findings(ages("Inclusion Criteria:\n* knee pain\n\nExclusion Criteria:\n* age over 75 years", "40 Years", "75 Years"));
    // A minimum above the maximum: statements about different people.
    Expect.findings(ages("* Age greater than 55 years\n* age <12 years", "1 Year", "80 Years"));
  }
}
