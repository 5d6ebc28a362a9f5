package org.trialdex.core.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialdex.core.eligibility.Criterion.Section;
import org.trialdex.core.eligibility.Patient.Fact;
import org.trialdex.core.eligibility.Patient.Status;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.testing.SharedData;

/**
 * The evaluator on real criteria (the records named in each test, MSC set) against patients the team
 * built by hand, with the verdict a clinician reading both would give.
 */
class EvaluatorTest {

  private static final LocalDate TODAY = LocalDate.of(2024, 3, 1);

  private static Vocabulary vocabulary;
  private static CriterionParser parser;
  private static Evaluator evaluator;

  @BeforeAll
  static void load() {
    vocabulary = Vocabulary.load(SharedData.terms());
    parser = new CriterionParser(vocabulary);
    evaluator = new Evaluator(vocabulary);
  }

  private static ParsedCriterion parse(Section section, String text) {
    return parser.parse(new Criterion(section, text, 0, text.length(), 0, List.of()));
  }

  private static CriterionVerdict judge(Section section, String text, Patient patient) {
    Evaluator.Trial trial = evaluator.trial("NCT00000000", null, List.of());
    return evaluator.evaluate(parse(section, text), patient, trial);
  }

  private static Patient adult(Patient.Sex sex, double age) {
    return Patient.empty(TODAY).withAge(new Fact<>(age, "form: age")).withSex(new Fact<>(sex, "form: sex"));
  }

  private static Patient.Observation lab(String name, double value, String unit, Double low, Double high) {
    return new Patient.Observation(name, null, value, unit, low, high, TODAY.minusDays(2), "lab: " + name + " " + value + " " + unit);
  }

  private static Patient.Therapy therapy(String name, Patient.TherapyKind kind, Status status, LocalDate end, Patient.Response response) {
    return new Patient.Therapy(name, List.of(), kind, status, end == null ? null : end.minusDays(30), end, response, "history: " + name);
  }

  // ---- units and reference ranges

  @Test
  void creatinineInMicromolesAgainstALimitInMilligrams() {
    // NCT01739777, exclusion: > 2.26 mg/dL. 150 µmol/L = 1.70 mg/dL (150 × 113.12 / 10,000); 230 µmol/L = 2.60 mg/dL.
    String item = "Serum creatinine >2.26 mg/dL (200 umol/L)";
    CriterionVerdict low = judge(Section.EXCLUSION, item, adult(Patient.Sex.MALE, 50).withObservations(List.of(lab("creatinine", 150, "µmol/L", null, null))));
    assertEquals(Verdict.NOT_MET, low.verdict(), low::explanation);
    assertFalse(low.excludes());
    CriterionVerdict high = judge(Section.EXCLUSION, item, adult(Patient.Sex.MALE, 50).withObservations(List.of(lab("creatinine", 230, "umol/L", null, null))));
    assertEquals(Verdict.MET, high.verdict(), high::explanation);
    assertTrue(high.excludes());
  }

  @Test
  void creatinineInMilligramsAgainstALimitInMicromoles() {
    // NCT01461720, exclusion: creatinine > 200 µmol/L. 2.5 mg/dL = 221 µmol/L; 2.0 mg/dL = 176.8 µmol/L.
    String item = "Renal impairment indicated with serum creatinine greater than 200 umol/l or creatinine clearance less than 30 ml/min";
    Patient p = adult(Patient.Sex.FEMALE, 62).withObservations(List.of(lab("Serum creatinine", 2.5, "mg/dL", null, null)));
    assertEquals(Verdict.MET, judge(Section.EXCLUSION, item, p).verdict());
    Patient q = adult(Patient.Sex.FEMALE, 62).withObservations(List.of(lab("Serum creatinine", 2.0, "mg/dL", null, null),
        lab("creatinine clearance", 55, "mL/min", null, null)));
    assertEquals(Verdict.NOT_MET, judge(Section.EXCLUSION, item, q).verdict());
  }

  @Test
  void upperLimitOfNormalIsTheResultsOwnWhenItHasOne() {
    // NCT04758533, inclusion: bilirubin ≤ 1.5 × ULN. 1.6 mg/dL against the lab's own ULN 1.0 (limit 1.5): not met;
    // against the typical adult ULN 1.2 (limit 1.8) when the result carries no range: met, and said so.
    String item = "Total bilirubin ≤ 1.5 × the upper limit of normal (ULN)";
    CriterionVerdict own = judge(Section.INCLUSION, item, adult(Patient.Sex.MALE, 40).withObservations(List.of(lab("bilirubin", 1.6, "mg/dL", 0.2, 1.0))));
    assertEquals(Verdict.NOT_MET, own.verdict(), own::explanation);
    assertTrue(own.explanation().contains("the result's reference range"), own::explanation);
    CriterionVerdict typical = judge(Section.INCLUSION, item, adult(Patient.Sex.MALE, 40).withObservations(List.of(lab("bilirubin", 1.6, "mg/dL", null, null))));
    assertEquals(Verdict.MET, typical.verdict(), typical::explanation);
    assertTrue(typical.explanation().contains("typical adult reference range"), typical::explanation);
  }

  // ---- performance status across scales

  @Test
  void ecogOneMeetsKarnofskySeventyThroughTheBand() {
    // NCT01213186, inclusion: KPS ≥ 70. ECOG 1 stands for Karnofsky 70–80, all of it ≥ 70.
    Patient p = adult(Patient.Sex.FEMALE, 51).withPerformance(new Patient.Performance(PerformanceScale.ECOG, 1, "clinic: ECOG 1"));
    CriterionVerdict v = judge(Section.INCLUSION, "Karnofsky performance score greater than or equal to 70 within 30 days prior to study entry", p);
    assertEquals(Verdict.MET, v.verdict(), v::explanation);
  }

  @Test
  void karnofskySixtyDoesNotMeetEcogZeroOrOne() {
    // NCT01275612, inclusion: ECOG < 2. Karnofsky 60 is ECOG 2.
    Patient p = adult(Patient.Sex.MALE, 67).withPerformance(new Patient.Performance(PerformanceScale.KARNOFSKY, 60, "clinic: KPS 60"));
    CriterionVerdict v = judge(Section.INCLUSION, "An Eastern Cooperative Oncology Group performance status (ECOG PS) <2", p);
    assertEquals(Verdict.NOT_MET, v.verdict(), v::explanation);
    assertTrue(v.excludes());
  }

  // ---- pregnancy and contraception

  @Test
  void aManIsNotPregnantOrBreastfeeding() {
    // NCT00114452, exclusion
    CriterionVerdict v = judge(Section.EXCLUSION, "Pregnant or breastfeeding", adult(Patient.Sex.MALE, 30));
    assertEquals(Verdict.NOT_MET, v.verdict(), v::explanation);
    assertFalse(v.excludes());
  }

  @Test
  void contraceptionForWomenOfChildbearingPotentialDoesNotApplyAtSixty() {
    // NCT04896853, inclusion
    String item = "Women of childbearing potential must agree to use contraception or acceptable birth control for the duration of the study.";
    CriterionVerdict v = judge(Section.INCLUSION, item, adult(Patient.Sex.FEMALE, 60));
    assertEquals(Verdict.NOT_APPLICABLE, v.verdict(), v::explanation);
    assertTrue(v.admits());
    assertEquals(Verdict.NOT_APPLICABLE, judge(Section.INCLUSION, item, adult(Patient.Sex.MALE, 30)).verdict());
  }

  // ---- therapies: refractoriness and windows

  @Test
  void steroidRefractoryAcuteGvhd() {
    // NCT01549665, inclusion
    String item = "Steroid-refractory acute or chronic graft-versus-host-disease";
    Patient.Condition agvhd = new Patient.Condition("acute graft-versus-host disease", List.of(), Status.ACTIVE, TODAY.minusDays(40), "history: aGVHD grade III");
    Patient refractory = adult(Patient.Sex.MALE, 34).withConditions(List.of(agvhd)).withTherapies(List.of(
        therapy("methylprednisolone", Patient.TherapyKind.MEDICATION, Status.PAST, TODAY.minusDays(3), Patient.Response.REFRACTORY)));
    CriterionVerdict v = judge(Section.INCLUSION, item, refractory);
    assertEquals(Verdict.MET, v.verdict(), v::explanation);
    // the same steroid course without a word on the response leaves it open
    Patient unstated = adult(Patient.Sex.MALE, 34).withConditions(List.of(agvhd)).withTherapies(List.of(
        therapy("methylprednisolone", Patient.TherapyKind.MEDICATION, Status.PAST, TODAY.minusDays(3), Patient.Response.UNSTATED)));
    assertEquals(Verdict.UNKNOWN, judge(Section.INCLUSION, item, unstated).verdict());
  }

  @Test
  void immunosuppressantWithinFourWeeksCountsFromTheLastDose() {
    // NCT01157650, exclusion: tacrolimus or cyclosporine within 4 weeks
    String item = "Patients who have received tacrolimus or cyclosporine within 4 weeks before cell treatment.";
    Patient recent = adult(Patient.Sex.FEMALE, 45).withTherapies(List.of(
        therapy("tacrolimus", Patient.TherapyKind.MEDICATION, Status.PAST, TODAY.minusDays(10), null)));
    assertEquals(Verdict.MET, judge(Section.EXCLUSION, item, recent).verdict());
    Patient longAgo = adult(Patient.Sex.FEMALE, 45).withTherapies(List.of(
        therapy("tacrolimus", Patient.TherapyKind.MEDICATION, Status.PAST, TODAY.minusDays(60), null)));
    CriterionVerdict v = judge(Section.EXCLUSION, item, longAgo);
    assertEquals(Verdict.NOT_MET, v.verdict(), v::explanation);
    assertFalse(v.excludes());
  }

  @Test
  void aDateAtTheLimitOfAWindowLeavesItOpen() {
    // NCT01157650, exclusion: tacrolimus last given 27 days ago ("about four weeks") against "within 4 weeks"
    String item = "Patients who have received tacrolimus or cyclosporine within 4 weeks before cell treatment.";
    Patient p = adult(Patient.Sex.FEMALE, 45).withTherapies(List.of(
        therapy("tacrolimus", Patient.TherapyKind.MEDICATION, Status.PAST, TODAY.minusDays(27), null)));
    CriterionVerdict v = judge(Section.EXCLUSION, item, p);
    assertEquals(Verdict.UNKNOWN, v.verdict(), v::explanation);
    assertTrue(v.explanation().contains("at the limit"), v::explanation);
  }

  @Test
  void washoutOfThirtyDaysSinceAnInvestigationalAgent() {
    // NCT00081055, inclusion: more than 30 days since prior investigational agents
    String item = "More than 30 days since prior investigational agents or devices";
    Patient washedOut = adult(Patient.Sex.MALE, 38).withTherapies(List.of(
        therapy("investigational agent XL-184", Patient.TherapyKind.MEDICATION, Status.PAST, TODAY.minusDays(45), null)));
    assertEquals(Verdict.MET, judge(Section.INCLUSION, item, washedOut).verdict());
    Patient tooSoon = adult(Patient.Sex.MALE, 38).withTherapies(List.of(
        therapy("investigational agent XL-184", Patient.TherapyKind.MEDICATION, Status.PAST, TODAY.minusDays(12), null)));
    assertEquals(Verdict.NOT_MET, judge(Section.INCLUSION, item, tooSoon).verdict());
  }

  @Test
  void cardiacSurgeryIsNotAnySurgery() {
    // NCT02467387, exclusion: cardiac surgery within 3 months. A pituitary resection last month is not cardiac surgery;
    // coronary bypass surgery two weeks ago is.
    String item = "Cardiac surgery within 3 months prior to randomization or the likelihood of a requirement for such procedures during the study period";
    Patient pituitary = adult(Patient.Sex.MALE, 56).withTherapies(List.of(
        therapy("transsphenoidal pituitary surgery", Patient.TherapyKind.PROCEDURE, Status.PAST, TODAY.minusDays(30), null)));
    assertEquals(Verdict.UNKNOWN, judge(Section.EXCLUSION, item, pituitary).verdict());
    Patient bypass = adult(Patient.Sex.MALE, 56).withTherapies(List.of(
        therapy("cardiac bypass surgery", Patient.TherapyKind.PROCEDURE, Status.PAST, TODAY.minusDays(14), null)));
    assertEquals(Verdict.MET, judge(Section.EXCLUSION, item, bypass).verdict());
  }

  @Test
  void consentIsMetByAssumptionAndSaysSo() {
    // NCT00314483, inclusion
    CriterionVerdict v = judge(Section.INCLUSION, "Informed consent obtained from patient and donor", adult(Patient.Sex.FEMALE, 29));
    assertEquals(Verdict.MET, v.verdict());
    assertTrue(v.checks().getFirst().assumed());
  }

  // ---- a whole record

  @Test
  void aPatientWithLowCreatinineClearanceIsIneligibleForNct00081055AndTheClearanceDecides() throws IOException {
    String criteria = criteriaOf("NCT00081055");
    Patient p = adult(Patient.Sex.MALE, 45)
        .withConditions(List.of(new Patient.Condition("acute myeloid leukemia", List.of(), Status.ACTIVE, TODAY.minusMonths(5), "history: AML in first remission")))
        .withObservations(List.of(lab("creatinine clearance", 40, "mL/min", null, null), lab("bilirubin", 0.8, "mg/dL", 0.2, 1.2),
            lab("LVEF", 60, "%", null, null)))
        .withPerformance(new Patient.Performance(PerformanceScale.KARNOFSKY, 90, "clinic: KPS 90"));
    Evaluator.Trial trial = evaluator.trial("NCT00081055", null, List.of("Leukemia", "Myelodysplastic Syndromes"));
    TrialMatch m = evaluator.judge(trial, parser.parseAll(criteria), p);
    assertEquals(TrialMatch.TrialVerdict.INELIGIBLE, m.verdict());
    assertEquals(List.of("Creatinine clearance ≥ 60 mL/min"), m.deciding().stream().map(v -> v.criterion().criterion().text()).toList());
    // what is left open is ordered by how much it matters
    List<Double> weights = m.unknowns().stream().map(CriterionVerdict::weight).toList();
    assertFalse(weights.isEmpty());
    for (int i = 1; i < weights.size(); i++) {
      assertTrue(weights.get(i - 1) >= weights.get(i), weights::toString);
    }
    // the same patient with a normal clearance is no longer ruled out
    Patient well = p.withObservations(List.of(lab("creatinine clearance", 95, "mL/min", null, null), lab("bilirubin", 0.8, "mg/dL", 0.2, 1.2),
        lab("LVEF", 60, "%", null, null)));
    assertEquals(TrialMatch.TrialVerdict.POSSIBLY_ELIGIBLE, evaluator.judge(trial, parser.parseAll(criteria), well).verdict());
  }

  private static String criteriaOf(String nctId) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = Files.newBufferedReader(SharedData.mscClassic())) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.contains("\"" + nctId + "\"")) {
          JsonNode node = json.readTree(line);
          if (node.path("NCTId").path(0).asText().equals(nctId)) {
            return node.path("EligibilityCriteria").path(0).asText();
          }
        }
      }
    }
    throw new AssertionError(nctId + " is not in the MSC set");
  }
}
