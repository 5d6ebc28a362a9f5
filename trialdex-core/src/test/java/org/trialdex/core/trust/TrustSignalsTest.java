package org.trialdex.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.core.trust.FdaaaApplicability.Category;
import org.trialdex.core.trust.TrustSignal.Evidence;
import org.trialdex.core.trust.TrustSignal.Kind;

/** Trust signals on small records written for each rule, with hand-worked dates. */
class TrustSignalsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  private static final StudyJson JSON = StudyJson.standard();

  private static Study study(String protocolMembers) {
    return study(protocolMembers, "");
  }

  private static Study study(String protocolMembers, String topMembers) {
    return JSON.read("{\"protocolSection\":{" + protocolMembers + "}" + (topMembers.isEmpty() ? "" : "," + topMembers)
        + "}");
  }

  private static String text(String s) {
    return JSON.mapper().valueToTree(s).toString();
  }

  private static Optional<TrustSignal> signal(Study s, LocalDate asOf, boolean cell, Kind kind) {
    return TrustSignals.of(s, asOf, cell).stream().filter(t -> t.kind() == kind).findFirst();
  }

  private static Optional<TrustSignal> pay(String field, String value) {
    String member = switch (field) {
      case "detailed" -> "\"descriptionModule\":{\"detailedDescription\":" + text(value) + "}";
      case "criteria" -> "\"eligibilityModule\":{\"eligibilityCriteria\":" + text(value) + "}";
      case "arm" -> "\"armsInterventionsModule\":{\"armGroups\":[{\"label\":\"A\"},{\"label\":\"B\",\"description\":"
          + text(value) + "}]}";
      default -> "\"descriptionModule\":{\"briefSummary\":" + text(value) + "}";
    };
    return signal(study(member), TODAY, false, Kind.PAY_TO_PARTICIPATE);
  }

  // ---- pay to participate

  @Test
  void payCueIsQuotedWithItsSpanInTheField() {
    String d = "Stem cells may help. This patient funded trial aims to study the safety of infusions.";
    TrustSignal s = pay("detailed", d).orElseThrow();
    Evidence e = s.evidence().get(0);
    assertEquals("protocolSection.descriptionModule.detailedDescription", e.field());
    assertEquals("patient funded", e.value());
    assertEquals(d.indexOf("patient funded"), e.start());
    assertEquals(d.indexOf("patient funded") + "patient funded".length(), e.end());
    assertEquals("The record's text says participants pay: \u201cpatient funded\u201d (detailed description)",
        s.statement());
  }

  @Test
  void payCueInAnArmNamesTheArmByIndex() {
    TrustSignal s = pay("arm", "Participants will pay for the cell injections.").orElseThrow();
    assertEquals("protocolSection.armsInterventionsModule.armGroups[1].description", s.evidence().get(0).field());
    assertEquals("Participants will pay", s.evidence().get(0).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "The cost of treatment will be borne by the patient.",
      "Patients must pay to participate in this program.",
      "This is a self-pay study of adipose-derived cells.",
      "Patients will be charged for the processing of their cells.",
      "Treatment fee: the cell therapy is offered to participants as a paid service.",
      "The treatment cost is $15,000 per injection.",
      "Participants are required to cover the cost of the stem cell product.",
      "All expenses of the procedure are paid by the participant.",
      "Privately funded by patients; the study is self funded.",
      // any case, and a letter that case-insensitive matching takes as another (dotless i as i)
      "PATIENTS WILL BE CHARGED FOR THE CELLS.",
      "This study is self-f\u0131nanced."})
  void payPhrasingsGiveTheSignal(String sentence) {
    assertTrue(pay("brief", sentence).isPresent(), sentence);
  }

  @Test
  void financialMeansInTheCriteriaGiveTheSignal() {
    String c = "Inclusion Criteria:\n\nAge 2-18\nAdequate financial means to cover $7,200 (US Dollars) plus travel expenses\n";
    TrustSignal s = pay("criteria", c).orElseThrow();
    assertEquals("financial means to cover", s.evidence().get(0).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Participants will not be charged for the study drug.",
      "The cells are provided at no cost to participants.",
      "There is no fee; participants will pay nothing.",
      "Patients will be charged nothing for the cells.",
      "The study product is supplied free of charge.",
      "Routine care will be paid for by you or your insurance.",
      "Your insurance will be billed for standard of care; patients will be charged the usual co-payments for standard care.",
      "Participants will be reimbursed for out-of-pocket travel expenses.",
      "Participants will be paid $50 for each visit.",
      "The high cost of liver transplantation limits its use.",
      "This reduces the cost of treatment and the hospital stay.",
      "You won't pay for the investigational cells.",
      "Neither you nor your insurer will be charged for the study injections.",
      "The person in charge of the trial decides.",
      "Attention should be paid to creatinine units.",
      "Participants' ability to pay attention will be tested with and without TMS."})
  void negationsOppositesAndBackgroundGiveNoSignal(String sentence) {
    assertEquals(Optional.empty(), pay("brief", sentence), sentence);
  }

  @Test
  void aNegatedCueDoesNotHideALaterOneInAnotherSentence() {
    TrustSignal s = pay("brief", "Screening is free of charge. Patients will pay for the infusion.").orElseThrow();
    assertEquals("Patients will pay", s.evidence().get(0).value());
  }

  // ---- single-site company sponsor

  private static Study sponsored(String agencyClass, String locations) {
    return study("\"sponsorCollaboratorsModule\":{\"leadSponsor\":{\"name\":\"Acme Cells\",\"class\":\"" + agencyClass
        + "\"}}" + (locations == null ? "" : ",\"contactsLocationsModule\":{\"locations\":[" + locations + "]}"));
  }

  private static final String CLINIC = "{\"facility\":\"Acme Clinic\",\"city\":\"Miami\",\"country\":\"United States\"}";

  @Test
  void companySponsorWithOneSiteIsSignalled() {
    TrustSignal s = signal(sponsored("INDUSTRY", CLINIC), TODAY, false, Kind.SINGLE_SITE_COMPANY_SPONSOR).orElseThrow();
    assertEquals("Lead sponsor Acme Cells is a company (class INDUSTRY); the record lists one site: Acme Clinic, "
        + "Miami, United States", s.statement());
  }

  @Test
  void twoSitesNoSitesOrANonCompanySponsorAreNot() {
    assertFalse(signal(sponsored("INDUSTRY", CLINIC + "," + CLINIC), TODAY, false, Kind.SINGLE_SITE_COMPANY_SPONSOR)
        .isPresent());
    assertFalse(signal(sponsored("INDUSTRY", null), TODAY, false, Kind.SINGLE_SITE_COMPANY_SPONSOR).isPresent());
    assertFalse(signal(sponsored("INDUSTRY", ""), TODAY, false, Kind.SINGLE_SITE_COMPANY_SPONSOR).isPresent());
    assertFalse(signal(sponsored("OTHER", CLINIC), TODAY, false, Kind.SINGLE_SITE_COMPANY_SPONSOR).isPresent());
  }

  // ---- US stem-cell trial without an FDA-regulated product flag

  private static Study usCellTrial(String oversight, String country) {
    return usCellTrial(oversight, country, "2019-04-02");
  }

  private static Study usCellTrial(String oversight, String country, String lastUpdate) {
    return study("\"contactsLocationsModule\":{\"locations\":[{\"facility\":\"A\",\"country\":\"Mexico\"},"
        + "{\"facility\":\"B\",\"city\":\"San Juan\",\"country\":\"" + country + "\"}]}"
        + ",\"statusModule\":{\"lastUpdatePostDateStruct\":{\"date\":\"" + lastUpdate + "\"}}"
        + (oversight == null ? "" : ",\"oversightModule\":{" + oversight + "}"));
  }

  @Test
  void absentFlagsInARecordThatPredatesThemSayNothing() {
    // the flags came with the final rule on 2017-01-18: a record last updated before then cannot have them
    assertFalse(signal(usCellTrial(null, "United States", "2016-12-30"), TODAY, true,
        Kind.US_STEM_CELL_NOT_FDA_REGULATED).isPresent());
    assertTrue(signal(usCellTrial(null, "United States", "2017-01-18"), TODAY, true,
        Kind.US_STEM_CELL_NOT_FDA_REGULATED).isPresent());
    // recorded flags speak for themselves, whatever the date
    assertTrue(signal(usCellTrial("\"isFdaRegulatedDrug\":false", "United States", "2012-05"), TODAY, true,
        Kind.US_STEM_CELL_NOT_FDA_REGULATED).isPresent());
  }

  @Test
  void absentFlagsAreStatedAsNotRecorded() {
    TrustSignal s = signal(usCellTrial(null, "United States"), TODAY, true, Kind.US_STEM_CELL_NOT_FDA_REGULATED)
        .orElseThrow();
    assertTrue(s.statement().contains("no FDA-regulated product flag recorded"), s.statement());
    assertEquals("protocolSection.contactsLocationsModule.locations[1].country", s.evidence().get(0).field());
    assertEquals(Evidence.ABSENT, s.evidence().get(1).value());
  }

  @Test
  void flagsRecordedAsNoAreStatedAsNo() {
    TrustSignal s = signal(usCellTrial("\"isFdaRegulatedDrug\":false,\"isFdaRegulatedDevice\":false", "Puerto Rico"),
        TODAY, true, Kind.US_STEM_CELL_NOT_FDA_REGULATED).orElseThrow();
    assertTrue(s.statement().endsWith("FDA-regulated product flags recorded as drug no, device no"), s.statement());
  }

  @Test
  void aTrueFlagNoUsSiteOrNoCellProductGiveNoSignal() {
    Kind k = Kind.US_STEM_CELL_NOT_FDA_REGULATED;
    assertFalse(signal(usCellTrial("\"isFdaRegulatedDrug\":false,\"isFdaRegulatedDevice\":true", "United States"),
        TODAY, true, k).isPresent());
    assertFalse(signal(usCellTrial(null, "Canada"), TODAY, true, k).isPresent());
    assertFalse(signal(usCellTrial(null, "United States"), TODAY, false, k).isPresent());
  }

  // ---- results overdue (FDAAA ACT / pACT as the TrialsTracker decides)

  private static Study act(String start, String pcd, String phases, String oversight, String extraStatus,
      String top) {
    return study("\"statusModule\":{\"overallStatus\":\"COMPLETED\",\"startDateStruct\":{\"date\":\"" + start + "\"}"
        + (pcd == null ? "" : ",\"primaryCompletionDateStruct\":{\"date\":\"" + pcd + "\"}") + extraStatus + "},"
        + "\"designModule\":{\"studyType\":\"INTERVENTIONAL\",\"phases\":[" + phases + "]},"
        + "\"armsInterventionsModule\":{\"interventions\":[{\"type\":\"BIOLOGICAL\",\"name\":\"MSC\"}]},"
        + "\"contactsLocationsModule\":{\"locations\":[{\"country\":\"United States\"}]}"
        + (oversight == null ? "" : ",\"oversightModule\":{" + oversight + "}"), top);
  }

  private static final String DRUG = "\"isFdaRegulatedDrug\":true";

  private static Optional<TrustSignal> overdue(Study s, LocalDate asOf) {
    return signal(s, asOf, false, Kind.RESULTS_OVERDUE);
  }

  @Test
  void anActWithoutResultsAYearAfterPrimaryCompletionIsOverdue() {
    Study s = act("2018-01", "2019-03", "\"PHASE2\"", DRUG, "", "");
    assertEquals(Category.ACT, FdaaaApplicability.assess(s).category());
    TrustSignal t = overdue(s, TODAY).orElseThrow();
    // 2019-03 is read as 2019-03-31; due one year later.
    assertEquals("Primary completion 2019-03; results due 2020-03-31; none posted or submitted in this record by "
        + "2026-11-30; ACT by the FDAAA TrialsTracker rules", t.statement());
  }

  @Test
  void theThirtyDayGraceIsCountedToTheDay() {
    Study s = act("2018-01-10", "2020-01-15", "\"PHASE3\"", DRUG, "", "");
    // due 2021-01-15; grace to 2021-02-14 inclusive
    assertFalse(overdue(s, LocalDate.of(2021, 1, 16)).isPresent(), "one year and a day: within the grace period");
    assertFalse(overdue(s, LocalDate.of(2021, 2, 14)).isPresent(), "last day of grace");
    assertTrue(overdue(s, LocalDate.of(2021, 2, 15)).isPresent(), "day after the grace period");
  }

  @Test
  void postedSubmittedOrDelayedResultsAreNotOverdue() {
    String base = "\"PHASE2\",\"PHASE3\"";
    assertFalse(overdue(act("2018-01", "2019-03", base, DRUG, "", "\"hasResults\":true"), TODAY).isPresent());
    assertFalse(overdue(act("2018-01", "2019-03", base, DRUG, ",\"resultsFirstSubmitDate\":\"2020-05-01\"", ""),
        TODAY).isPresent());
    String released = "\"annotationSection\":{\"annotationModule\":{\"unpostedAnnotation\":{\"unpostedEvents\":"
        + "[{\"type\":\"RELEASE\",\"date\":\"2020-04-01\"}]}}}";
    assertFalse(overdue(act("2018-01", "2019-03", base, DRUG, "", released), TODAY).isPresent());
    String cancelled = "\"annotationSection\":{\"annotationModule\":{\"unpostedAnnotation\":{\"unpostedEvents\":"
        + "[{\"type\":\"RELEASE\",\"date\":\"2020-04-01\"},{\"type\":\"UNRELEASE\",\"date\":\"2020-04-09\"}]}}}";
    assertTrue(overdue(act("2018-01", "2019-03", base, DRUG, "", cancelled), TODAY).isPresent(),
        "a cancelled submission counts as not submitted");
    // certificate of delay: three years (due 2022-03-31, grace to 2022-04-30)
    Study cert = act("2018-01", "2019-03", base, DRUG, ",\"dispFirstSubmitDate\":\"2020-01-10\"", "");
    assertFalse(overdue(cert, LocalDate.of(2022, 4, 30)).isPresent());
    assertTrue(overdue(cert, LocalDate.of(2022, 5, 1)).isPresent());
  }

  @Test
  void phaseOnePurposeStatusTypeAndFlagsDecideApplicability() {
    assertEquals(Category.NOT_APPLICABLE, FdaaaApplicability.assess(act("2018-01", "2019-03", "\"PHASE1\"", DRUG, "",
        "")).category());
    assertEquals(Category.NOT_APPLICABLE, FdaaaApplicability.assess(act("2018-01", "2019-03", "\"EARLY_PHASE1\"",
        DRUG, "", "")).category());
    assertEquals(Category.ACT, FdaaaApplicability.assess(act("2018-01", "2019-03", "\"PHASE1\",\"PHASE2\"", DRUG, "",
        "")).category());
    assertEquals(Category.ACT, FdaaaApplicability.assess(act("2018-01", "2019-03", "\"NA\"",
        "\"isFdaRegulatedDevice\":true", "", "")).category());
    assertEquals(Category.NOT_APPLICABLE, FdaaaApplicability.assess(act("2018-01", "2019-03", "\"PHASE2\"",
        "\"isFdaRegulatedDrug\":false,\"isFdaRegulatedDevice\":false", "", "")).category());
    Study withdrawn = study("\"statusModule\":{\"overallStatus\":\"WITHDRAWN\",\"startDateStruct\":{\"date\":\"2018\"},"
        + "\"primaryCompletionDateStruct\":{\"date\":\"2019\"}},\"designModule\":{\"studyType\":\"INTERVENTIONAL\","
        + "\"phases\":[\"PHASE2\"]},\"oversightModule\":{\"isFdaRegulatedDrug\":true}");
    assertEquals(Category.NOT_APPLICABLE, FdaaaApplicability.assess(withdrawn).category());
    Study feasibility = study("\"statusModule\":{\"startDateStruct\":{\"date\":\"2018\"}},\"designModule\":{"
        + "\"studyType\":\"INTERVENTIONAL\",\"phases\":[\"NA\"],\"designInfo\":{\"primaryPurpose\":\"DEVICE_FEASIBILITY\"}},"
        + "\"oversightModule\":{\"isFdaRegulatedDevice\":true}");
    assertEquals(Category.NOT_APPLICABLE, FdaaaApplicability.assess(feasibility).category());
  }

  @Test
  void startAndCompletionAroundTheEffectiveDateDecideActAndPact() {
    // Month-only start January 2017 is read as 2017-01-31: on or after 2017-01-18, so an ACT (as the tracker does).
    assertEquals(Category.ACT, FdaaaApplicability.assess(act("2017-01", "2018-03", "\"PHASE2\"", DRUG, "", ""))
        .category());
    assertEquals(Category.PACT, FdaaaApplicability.assess(act("2017-01-17", "2017-01-18", "\"PHASE2\"", DRUG, "", ""))
        .category());
    assertEquals(Category.NOT_APPLICABLE, FdaaaApplicability.assess(act("2015-06", "2017-01-17", "\"PHASE2\"", DRUG,
        "", "")).category());
    TrustSignal t = overdue(act("2016-06", "2017-06", "\"PHASE2\"", DRUG, "", ""), TODAY).orElseThrow();
    assertTrue(t.statement().endsWith("pACT by the FDAAA TrialsTracker rules"), t.statement());
  }

  @Test
  void withoutFlagsAPreRuleTrialIsUndeterminedAndGetsNoSignal() {
    Study s = act("2015-02", "2018-05", "\"PHASE2\"", null, "", "");
    assertEquals(Category.UNDETERMINED, FdaaaApplicability.assess(s).category());
    assertFalse(overdue(s, TODAY).isPresent());
  }

  @Test
  void completionDateStandsInForAMissingPrimaryCompletion() {
    // 2019-02 is read as 2019-02-28, so due 2020-02-28.
    Study s = act("2018-01", null, "\"PHASE4\"", DRUG, ",\"completionDateStruct\":{\"date\":\"2019-02\"}", "");
    TrustSignal t = overdue(s, TODAY).orElseThrow();
    assertTrue(t.statement().startsWith("Completion (no primary completion date) 2019-02; results due 2020-02-28"),
        t.statement());
  }

  @Test
  void anAnticipatedCompletionDateIsSaidToBeOne() {
    Study s = study("\"statusModule\":{\"startDateStruct\":{\"date\":\"2018-01\"},\"primaryCompletionDateStruct\":"
        + "{\"date\":\"2019-03\",\"type\":\"ESTIMATED\"}},\"designModule\":{\"studyType\":\"INTERVENTIONAL\","
        + "\"phases\":[\"PHASE3\"]},\"oversightModule\":{\"isFdaRegulatedDrug\":true}");
    String statement = overdue(s, TODAY).orElseThrow().statement();
    assertTrue(statement.startsWith("Primary completion 2019-03 (anticipated); results due 2020-03-31"), statement);
  }

  // ---- status not verified

  private static Optional<TrustSignal> unverified(String status, String verified) {
    return signal(study("\"statusModule\":{\"overallStatus\":\"" + status + "\",\"statusVerifiedDate\":" + text(verified)
        + "}"), TODAY, false, Kind.STATUS_NOT_VERIFIED);
  }

  @Test
  void verificationMoreThanTwoYearsOldIsSignalledToTheDay() {
    assertFalse(unverified("RECRUITING", "2024-11-30").isPresent(), "exactly two years");
    assertTrue(unverified("RECRUITING", "2024-11-29").isPresent(), "two years and a day");
    assertEquals("Listed as not yet recruiting; status last verified 2019-05, more than two years before 2026-11-30",
        unverified("NOT_YET_RECRUITING", "2019-05").orElseThrow().statement());
  }

  @Test
  void aPartialVerificationDateCountsFromItsLastPossibleDay() {
    assertFalse(unverified("RECRUITING", "2024-11").isPresent(), "2024-11-30 is exactly two years");
    assertTrue(unverified("RECRUITING", "2024-10").isPresent(), "2024-10-31");
    assertFalse(unverified("RECRUITING", "2024").isPresent(), "2024-12-31");
    assertTrue(unverified("ENROLLING_BY_INVITATION", "2023").isPresent(), "2023-12-31");
  }

  @Test
  void otherStatusesAndUnreadableDatesGiveNoSignal() {
    for (String status : List.of("ACTIVE_NOT_RECRUITING", "UNKNOWN", "COMPLETED", "SUSPENDED")) {
      assertFalse(unverified(status, "2010-01").isPresent(), status);
    }
    for (String garbage : List.of("", " ", "soon", "2019-13", "2019-02-30", "0000-00", "99999", "May 2019x")) {
      assertFalse(unverified("RECRUITING", garbage).isPresent(), garbage);
    }
  }

  // ---- hostile input

  @Test
  void emptyAndNullRecordsGiveNoSignals() {
    assertEquals(List.of(), TrustSignals.of(Study.empty(), TODAY, true));
    assertEquals(List.of(), TrustSignals.of(null, TODAY, true));
    assertEquals(Category.NOT_APPLICABLE, FdaaaApplicability.assess(null).category());
  }

  @Test
  void garbageDatesGiveNoSignalAndNoException() {
    Study s = act("yesterday", "2019-02-31", "\"PHASE2\"", DRUG, ",\"completionDateStruct\":{\"date\":\"\\u0000\"}",
        "");
    assertEquals(List.of(), TrustSignals.of(s, TODAY, false));
  }

  @Test
  void randomTextAndDatesNeverThrow() {
    Random random = new Random(11);
    String alphabet = "ab pay cost fee $1, no not free charge patient will be charged. \n;-0123456789";
    for (int i = 0; i < 2_000; i++) {
      StringBuilder t = new StringBuilder();
      for (int n = random.nextInt(120); n > 0; n--) {
        t.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String d = t.length() > 10 ? t.substring(0, 10) : t.toString();
      Study s = study("\"statusModule\":{\"overallStatus\":\"RECRUITING\",\"statusVerifiedDate\":" + text(d)
          + ",\"startDateStruct\":{\"date\":" + text(d) + "}},\"descriptionModule\":{\"briefSummary\":" + text(t.toString())
          + "},\"designModule\":{\"studyType\":\"INTERVENTIONAL\",\"phases\":[\"PHASE2\"]},"
          + "\"oversightModule\":{\"isFdaRegulatedDrug\":true}");
      for (TrustSignal sig : TrustSignals.of(s, TODAY, true)) {
        for (Evidence e : sig.evidence()) {
          if (e.hasSpan()) {
            assertEquals(e.value(), t.substring(e.start(), e.end()));
          }
        }
      }
    }
  }

  @Test
  void kindCodesAreStableAndDistinct() {
    assertEquals(List.of("pay", "single-site-company", "us-no-fda-flag", "results-overdue", "status-unverified"),
        List.of(Kind.values()).stream().map(Kind::code).toList());
    Set<String> labels = List.of(Kind.values()).stream().map(Kind::label).collect(Collectors.toSet());
    assertEquals(Kind.values().length, labels.size());
    assertEquals(Optional.of(Kind.RESULTS_OVERDUE), Kind.ofCode(" Results-Overdue "));
    assertEquals(Optional.empty(), Kind.ofCode("fraud"));
    List<String> words = new ArrayList<>();
    for (Kind k : Kind.values()) {
      words.add(k.label().toLowerCase());
    }
    for (String accusing : List.of("fraud", "scam", "suspicious", "violation", "illegal", "warning")) {
      assertTrue(words.stream().noneMatch(w -> w.contains(accusing)), accusing);
    }
  }
}
