package org.trialdex.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ValueRulesTest {

  private static final String STATUS = "protocolSection.statusModule.";

  @Test
  void completionBeforeStartIsAnErrorNamingBothDates() {
    Finding f = Expect.only(GivenRecord.observational()
        .set(STATUS + "completionDateStruct", "{\"date\": \"2014-06\", \"type\": \"ACTUAL\"}")
        .validate());
    assertEquals(new Finding(Severity.ERROR, "value.completion-before-start", STATUS + "completionDateStruct.date",
        "completionDateStruct.date 2014-06 is before startDateStruct.date 2015-01;"
            + " a study cannot complete before it starts"), f);
  }

  @Test
  void partialDatesThatMayMeanTheSameDayAreNotBeforeEachOther() {
    // Start 2015-01 may be 31 January; completion 2015-01-20 is not certainly before it.
    Expect.findings(GivenRecord.observational()
        .set(STATUS + "completionDateStruct", "{\"date\": \"2015-01-20\", \"type\": \"ACTUAL\"}")
        .validate());
  }

  @Test
  void primaryCompletionMustFallBetweenStartAndCompletion() {
    Expect.findings(GivenRecord.interventional()
            .set(STATUS + "primaryCompletionDateStruct", "{\"date\": \"2022-12\", \"type\": \"ESTIMATED\"}")
            .validate(),
        "value.primary-completion-before-start at " + STATUS + "primaryCompletionDateStruct.date");
    Expect.findings(GivenRecord.interventional()
            .set(STATUS + "primaryCompletionDateStruct", "{\"date\": \"2027\", \"type\": \"ESTIMATED\"}")
            .validate(),
        "value.primary-completion-after-completion at " + STATUS + "completionDateStruct.date");
  }

  @Test
  void registryMilestonesCannotPrecedeTheFirstSubmission() {
    Expect.findings(GivenRecord.interventional()
            .set(STATUS + "studyFirstPostDateStruct", "{\"date\": \"2022-11-01\", \"type\": \"ACTUAL\"}")
            .set(STATUS + "lastUpdateSubmitDate", "\"2021-01-01\"")
            .set(STATUS + "resultsFirstSubmitDate", "\"2024-03-01\"")
            .set(STATUS + "resultsFirstPostDateStruct", "{\"date\": \"2024-02-01\", \"type\": \"ACTUAL\"}")
            .validate(),
        "value.first-posted-before-submitted at " + STATUS + "studyFirstPostDateStruct.date",
        "value.last-update-before-first-submitted at " + STATUS + "lastUpdateSubmitDate",
        "value.results-posted-before-submitted at " + STATUS + "resultsFirstPostDateStruct.date");
  }

  @Test
  void dateTextThatIsNoDateIsAnErrorAndAForeignSpellingAWarning() {
    ValidationReport report = GivenRecord.observational()
        .set(STATUS + "startDateStruct", "{\"date\": \"soon\", \"type\": \"ESTIMATED\"}")
        .set(STATUS + "statusVerifiedDate", "\"March 2021\"")
        .validate();
    Expect.findings(report,
        "value.date-unreadable at " + STATUS + "startDateStruct.date",
        "value.date-not-v2-spelling at " + STATUS + "statusVerifiedDate");
    assertEquals("startDateStruct \"soon\" is not a date; v2 writes dates as YYYY, YYYY-MM or YYYY-MM-DD",
        report.errors().get(0).message());
    assertEquals("statusVerifiedDate \"March 2021\" is a date but not in the v2 spelling 2021-03;"
        + " readers should normalize it", report.warnings().get(0).message());
  }

  @Test
  void datesOutsideTheEraOfRegisteredTrialsAreWarnings() {
    Expect.findings(GivenRecord.interventional()
            .set(STATUS + "startDateStruct", "{\"date\": \"1903-02-01\", \"type\": \"ACTUAL\"}")
            .set(STATUS + "completionDateStruct", "{\"date\": \"2206\", \"type\": \"ESTIMATED\"}")
            .validate(),
        // 2206 is outside what PartialDate accepts at all (1800-2200): not a date.
        "value.date-unreadable at " + STATUS + "completionDateStruct.date",
        "value.date-out-of-range at " + STATUS + "startDateStruct.date");
    Expect.findings(GivenRecord.interventional()
            .set(STATUS + "completionDateStruct", "{\"date\": \"2106\", \"type\": \"ESTIMATED\"}")
            .validate(),
        "value.date-out-of-range at " + STATUS + "completionDateStruct.date");
  }

  @Test
  void ageLimitsThatExcludeEveryoneAreAnError() {
    String eligibility = "protocolSection.eligibilityModule.";
    // 480 Months is 40 Years exactly, the minimum: allowed. 360 Months is 30 Years.
    Expect.findings(GivenRecord.interventional().set(eligibility + "maximumAge", "\"480 Months\"").validate());
    Finding f = Expect.only(GivenRecord.interventional().set(eligibility + "maximumAge", "\"360 Months\"").validate());
    assertEquals(new Finding(Severity.ERROR, "value.minimum-age-above-maximum", eligibility + "minimumAge",
        "minimumAge 40 Years is above maximumAge 360 Months; no one could be eligible"), f);
    Expect.findings(GivenRecord.interventional().set(eligibility + "maximumAge", "\"N/A\"").validate());
    Expect.findings(GivenRecord.interventional().set(eligibility + "maximumAge", "\"elderly\"").validate(),
        "value.age-unreadable at " + eligibility + "maximumAge");
  }

  @Test
  void enrollmentIsNeverNegativeAndACompletedStudyEnrolledSomeone() {
    String count = "protocolSection.designModule.enrollmentInfo.count";
    Expect.findings(GivenRecord.interventional().set(count, "-5").validate(), "value.enrollment-negative at " + count);
    Finding zero = Expect.only(GivenRecord.observational().set(count, "0").validate());
    assertEquals(Severity.WARNING, zero.severity());
    assertEquals("value.enrollment-zero-completed", zero.rule());
  }

  @Test
  void coordinatesOffTheGlobeAreErrors() {
    String locations = "protocolSection.contactsLocationsModule.locations";
    Expect.findings(GivenRecord.interventional()
            .set(locations, "[{\"facility\": \"A\", \"geoPoint\": {\"lat\": 90, \"lon\": -180}},"
                + " {\"facility\": \"B\", \"geoPoint\": {\"lat\": 91.5, \"lon\": 4.85}},"
                + " {\"facility\": \"C\", \"geoPoint\": {\"lat\": 45.1, \"lon\": -180.01}}]")
            .validate(),
        "value.geo-point-out-of-range at " + locations + "[1].geoPoint.lat",
        "value.geo-point-out-of-range at " + locations + "[2].geoPoint.lon");
  }
}
