package org.trialdex.core.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialdex.core.eligibility.Constraint.Comparator;
import org.trialdex.core.eligibility.Constraint.Reference;
import org.trialdex.core.eligibility.Criterion.Section;
import org.trialdex.core.terms.Concept;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.testing.SharedData;

/**
 * The criteria parser on real eligibility items (issue #10, "Must show"), most from the MSC set
 * ({@code data/msc-trials-2022}, field EligibilityCriteria); each test names the record the item is
 * from and its section there. Expected values are the team's reading of the item: comparator, value,
 * unit, kind, negation and window as a clinician would state them, not what the parser printed.
 */
class CriterionParserTest {

  private static final double MONTH = 30.4375;

  private static Vocabulary vocabulary;
  private static CriterionParser parser;

  @BeforeAll
  static void load() {
    vocabulary = Vocabulary.load(SharedData.terms());
    parser = new CriterionParser(vocabulary);
  }

  static ParsedCriterion inclusion(String text) {
    return parser.parse(new Criterion(Section.INCLUSION, text, 0, text.length(), 0, List.of()));
  }

  static ParsedCriterion exclusion(String text) {
    return parser.parse(new Criterion(Section.EXCLUSION, text, 0, text.length(), 0, List.of()));
  }

  static <T extends Constraint> List<T> all(ParsedCriterion pc, Class<T> type) {
    return pc.constraints().stream().filter(type::isInstance).map(type::cast).toList();
  }

  static <T extends Constraint> T only(ParsedCriterion pc, Class<T> type) {
    List<T> found = all(pc, type);
    assertEquals(1, found.size(), () -> "one " + type.getSimpleName() + " in «" + pc.criterion().text() + "»: " + pc.constraints());
    return found.getFirst();
  }

  static Constraint.Measurement measurement(ParsedCriterion pc, String analyte) {
    List<Constraint.Measurement> found = all(pc, Constraint.Measurement.class).stream().filter(m -> m.analyte().id().equals(analyte)).toList();
    assertEquals(1, found.size(), () -> "one " + analyte + " limit in «" + pc.criterion().text() + "»: " + pc.constraints());
    return found.getFirst();
  }

  static void assertLimit(Constraint.Measurement m, Comparator comparator, double value, String unit, Reference reference) {
    assertEquals(comparator, m.comparator(), m::toString);
    assertEquals(value, m.value(), 1e-9, m::toString);
    assertEquals(unit, m.unit(), m::toString);
    assertEquals(reference, m.reference(), m::toString);
  }

  static void assertPerformance(Constraint.Performance p, PerformanceScale scale, int min, int max) {
    assertEquals(scale, p.scale(), p::toString);
    assertEquals(min, p.min(), p::toString);
    assertEquals(max, p.max(), p::toString);
  }

  /** The vocabulary's concepts for a disease name, as a reader would look it up. */
  static Set<String> concepts(String name) {
    Set<String> ids = Set.copyOf(vocabulary.lookup(Vocabulary.Area.CONDITION, name).stream().map(Concept::id).toList());
    assertFalse(ids.isEmpty(), () -> "the vocabulary knows " + name);
    return ids;
  }

  // ---- multiples of the upper limit of normal

  @Test
  void bothTransaminasesTakeTheOneMultipleOfTheUpperLimit() {
    // NCT01541579, exclusion: the abbreviations in parentheses name the same two analytes
    ParsedCriterion pc = exclusion("Aspartate aminotransferase (AST) and alanine aminotransferase(ALT) ≥ 2.5 x ULN");
    assertEquals(2, all(pc, Constraint.Measurement.class).size(), pc::toString);
    assertLimit(measurement(pc, "ast"), Comparator.GE, 2.5, "", Reference.ULN);
    assertLimit(measurement(pc, "alt"), Comparator.GE, 2.5, "", Reference.ULN);
  }

  @Test
  void moreThanTimesTheUpperLimitOfNormalIsAStrictMultiple() {
    // NCT02378974, exclusion
    ParsedCriterion pc = exclusion("ALT or AST: More than 2.5 times the upper limit of normal");
    assertLimit(measurement(pc, "alt"), Comparator.GT, 2.5, "", Reference.ULN);
    assertLimit(measurement(pc, "ast"), Comparator.GT, 2.5, "", Reference.ULN);
    assertTrue(pc.anyOf());
  }

  @Test
  void bilirubinAtMostOneAndAHalfTimesTheUpperLimit() {
    // NCT04758533, inclusion
    ParsedCriterion pc = inclusion("Total bilirubin ≤ 1.5 × the upper limit of normal (ULN)");
    assertLimit(only(pc, Constraint.Measurement.class), Comparator.LE, 1.5, "", Reference.ULN);
    assertEquals("bilirubin", only(pc, Constraint.Measurement.class).analyte().id());
  }

  @Test
  void anExceptionInParenthesesIsNotAConditionTheItemAsksFor() {
    // NCT02530047, inclusion: Gilbert's syndrome is the exception to the bilirubin limit, not a requirement
    ParsedCriterion pc = inclusion("Bilirubin < 1.5 x upper limit of normal (unless Gilbert's syndrome), ALT or AST < 3 x upper limit of normal.");
    assertLimit(measurement(pc, "bilirubin"), Comparator.LT, 1.5, "", Reference.ULN);
    assertLimit(measurement(pc, "alt"), Comparator.LT, 3, "", Reference.ULN);
    assertLimit(measurement(pc, "ast"), Comparator.LT, 3, "", Reference.ULN);
    assertTrue(all(pc, Constraint.HasCondition.class).isEmpty(), pc::toString);
  }

  @Test
  void noGreaterThanIsAtMost() {
    // NCT00003702 (SIGIR pool, legacy XML set), inclusion, two items
    ParsedCriterion pc = inclusion("Bilirubin no greater than 1.5 times upper limit of normal (ULN)");
    assertLimit(measurement(pc, "bilirubin"), Comparator.LE, 1.5, "", Reference.ULN);
    assertLimit(measurement(inclusion("Creatinine no greater than 2.0 mg/dL"), "creatinine"), Comparator.LE, 2.0, "mg/dL", Reference.ABSOLUTE);
  }

  @Test
  void twiceTheUpperLimitWrittenInWords() {
    // seed 002 (NCT03219801), inclusion item 5: "twice times" is a multiple of 2
    ParsedCriterion pc = inclusion("Both transaminase and serum creatinine level are more than twice times the upper limit of normal");
    assertLimit(measurement(pc, "creatinine"), Comparator.GT, 2, "", Reference.ULN);
  }

  // ---- cardiac function

  @Test
  void leftVentricularEjectionFractionAtLeastFiftyPercent() {
    // NCT00081055, inclusion
    ParsedCriterion pc = inclusion("LVEF ≥ 50% by MUGA or echocardiogram");
    Constraint.Measurement m = measurement(pc, "lvef");
    assertLimit(m, Comparator.GE, 50, "%", Reference.ABSOLUTE);
  }

  @Test
  void ejectionFractionBelowThirtyPercent() {
    // NCT02266394, exclusion
    ParsedCriterion pc = exclusion("Cardiac ejection fraction less than 30%");
    assertLimit(measurement(pc, "lvef"), Comparator.LT, 30, "%", Reference.ABSOLUTE);
  }

  @Test
  void ejectionFractionUnderFortyInAHeartFailureTrial() {
    // NCT00629018, inclusion
    ParsedCriterion pc = inclusion("Left ventricular ejection fraction < 40%");
    assertLimit(measurement(pc, "lvef"), Comparator.LT, 40, "%", Reference.ABSOLUTE);
  }

  // ---- performance status

  @Test
  void karnofskyRange() {
    // NCT00081055, inclusion
    assertPerformance(only(inclusion("Karnofsky 70-100%"), Constraint.Performance.class), PerformanceScale.KARNOFSKY, 70, 100);
  }

  @Test
  void karnofskyMinimumWrittenInWords() {
    // NCT00366145, inclusion
    ParsedCriterion pc = inclusion("Participant must have a minimum Karnofsky Performance Level of at least 30 at the time of study entry.");
    assertPerformance(only(pc, Constraint.Performance.class), PerformanceScale.KARNOFSKY, 30, 100);
  }

  @Test
  void ecogRangeWithATilde() {
    // NCT00823316, inclusion: "0~2" is grades 0 to 2, and the full stop ends the sentence, not a decimal
    assertPerformance(only(inclusion("Patients must have an ECOG 0~2."), Constraint.Performance.class), PerformanceScale.ECOG, 0, 2);
  }

  @Test
  void ecogSpelledOutIsAScaleNotAConsentWord() {
    // NCT01275612, inclusion: "Cooperative" is the group's name, not a compliance item
    ParsedCriterion pc = inclusion("An Eastern Cooperative Oncology Group performance status (ECOG PS) <2");
    assertPerformance(only(pc, Constraint.Performance.class), PerformanceScale.ECOG, 0, 1);
    assertTrue(all(pc, Constraint.Assumed.class).isEmpty(), pc::toString);
  }

  @Test
  void karnofskyOrLanskyShareOneLimit() {
    // NCT00957931, exclusion: below 70 on either scale (scores go in tens, so at most 60)
    ParsedCriterion pc = exclusion("Karnofsky or Lansky performance score <70 (See Appendices I and II).");
    List<Constraint.Performance> ps = all(pc, Constraint.Performance.class);
    assertEquals(2, ps.size(), pc::toString);
    assertPerformance(ps.get(0), PerformanceScale.KARNOFSKY, 0, 60);
    assertPerformance(ps.get(1), PerformanceScale.LANSKY, 0, 60);
  }

  // ---- renal function and units

  @Test
  void creatinineInMicromolesPerLitre() {
    // NCT01539902, exclusion
    Constraint.Measurement m = measurement(exclusion("Serum creatinine more than 250 µmol/L."), "creatinine");
    assertLimit(m, Comparator.GT, 250, "umol/L", Reference.ABSOLUTE);
    // 250 µmol/L × 113.12 g/mol = 28.28 mg/L = 2.828 mg/dL
    assertEquals(2.828, Units.convert(250, "umol/L", "mg/dL", 113.12).orElseThrow(), 0.001);
  }

  @Test
  void creatinineInMilligramsWithItsMicromolarEquivalentInParentheses() {
    // NCT01739777, exclusion: one limit written twice, 2.26 mg/dL = 200 µmol/L
    ParsedCriterion pc = exclusion("Serum creatinine >2.26 mg/dL (200 umol/L)");
    assertLimit(measurement(pc, "creatinine"), Comparator.GT, 2.26, "mg/dL", Reference.ABSOLUTE);
    // 200 µmol/L × 113.12 g/mol = 22.62 mg/L = 2.262 mg/dL
    assertEquals(2.262, Units.convert(200, "umol/L", "mg/dL", 113.12).orElseThrow(), 0.001);
    // and back: 1.5 mg/dL = 15 mg/L ÷ 113.12 g/mol = 132.6 µmol/L
    assertEquals(132.6, Units.convert(1.5, "mg/dL", "umol/L", 113.12).orElseThrow(), 0.05);
  }

  @Test
  void creatinineOrClearanceEitherOfWhichExcludes() {
    // NCT01461720, exclusion
    ParsedCriterion pc = exclusion("Renal impairment indicated with serum creatinine greater than 200 umol/l or creatinine clearance less than 30 ml/min");
    assertLimit(measurement(pc, "creatinine"), Comparator.GT, 200, "umol/L", Reference.ABSOLUTE);
    assertLimit(measurement(pc, "crcl"), Comparator.LT, 30, "mL/min", Reference.ABSOLUTE);
    assertTrue(pc.anyOf());
  }

  @Test
  void creatinineClearanceMinimum() {
    // NCT00081055, inclusion
    assertLimit(measurement(inclusion("Creatinine clearance ≥ 60 mL/min"), "crcl"), Comparator.GE, 60, "mL/min", Reference.ABSOLUTE);
    // NCT00136903, inclusion: the method and the abbreviation between name and limit
    ParsedCriterion pc = inclusion("Calculated creatinine clearance (CLcr) of > 30 mL/min using the Cockroft-Gault equation.");
    assertLimit(measurement(pc, "crcl"), Comparator.GT, 30, "mL/min", Reference.ABSOLUTE);
  }

  // ---- GVHD and refractoriness

  @Test
  void steroidRefractoryAcuteOrChronicGvhd() {
    // NCT01549665, inclusion: refractory to corticosteroids, with acute or chronic GVHD (either one)
    ParsedCriterion pc = inclusion("Steroid-refractory acute or chronic graft-versus-host-disease");
    Constraint.Therapy t = only(pc, Constraint.Therapy.class);
    assertEquals(Therapies.Kind.CORTICOSTEROID, t.therapy());
    assertTrue(t.refractory());
    assertFalse(t.negated());
    Constraint.HasCondition gvhd = only(pc, Constraint.HasCondition.class);
    assertTrue(gvhd.conceptIds().stream().anyMatch(concepts("acute graft versus host disease")::contains), gvhd::toString);
    assertTrue(gvhd.conceptIds().stream().anyMatch(concepts("chronic graft versus host disease")::contains), gvhd::toString);
    assertFalse(gvhd.negated());
  }

  @Test
  void refractoryBelongsToTheSteroidNotToTheTransplant() {
    // NCT02824653, inclusion
    ParsedCriterion pc = inclusion("Patient who has undergone allogeneic HSCT and has steroid-refractory grade II-IV acute GVHD.");
    List<Constraint.Therapy> ts = all(pc, Constraint.Therapy.class);
    assertEquals(2, ts.size(), pc::toString);
    assertEquals(Therapies.Kind.HSCT, ts.get(0).therapy());
    assertFalse(ts.get(0).refractory(), "the transplant is a prior therapy, not one the disease failed");
    assertEquals(Therapies.Kind.CORTICOSTEROID, ts.get(1).therapy());
    assertTrue(ts.get(1).refractory());
    Constraint.HasCondition gvhd = only(pc, Constraint.HasCondition.class);
    assertTrue(gvhd.conceptIds().stream().anyMatch(concepts("acute graft versus host disease")::contains), gvhd::toString);
    assertTrue(gvhd.qualified(), "grade II-IV is a qualifier a diagnosis alone does not settle");
  }

  // ---- pregnancy, lactation, contraception

  @Test
  void pregnantOrBreastfeeding() {
    // NCT00114452, exclusion
    Constraint.Reproductive r = only(exclusion("Pregnant or breastfeeding"), Constraint.Reproductive.class);
    assertEquals(Constraint.Reproductive.What.PREGNANT_OR_LACTATING, r.what());
    assertFalse(r.negated());
  }

  @Test
  void notPregnantIsANegatedPregnancy() {
    // NCT00081055, inclusion
    Constraint.Reproductive r = only(inclusion("Not pregnant"), Constraint.Reproductive.class);
    assertEquals(Constraint.Reproductive.What.PREGNANT, r.what());
    assertTrue(r.negated());
    // NCT00081055, inclusion
    assertEquals(Constraint.Reproductive.What.NEGATIVE_PREGNANCY_TEST,
        only(inclusion("Negative pregnancy test"), Constraint.Reproductive.class).what());
  }

  @Test
  void womenOfChildbearingAgeMustNotBePregnantOrNursingAndMustUseContraception() {
    // NCT00136903, inclusion
    ParsedCriterion pc = inclusion("If female and of child-bearing age, participant must be non-pregnant, not breast feeding, and use adequate contraception."
        + " Males must use adequate contraception.");
    assertEquals(ParsedCriterion.AppliesTo.FEMALE_OF_CHILDBEARING_POTENTIAL, pc.appliesTo());
    List<Constraint.Reproductive> rs = all(pc, Constraint.Reproductive.class);
    assertEquals(2, rs.size(), pc::toString);
    assertEquals(Constraint.Reproductive.What.PREGNANT, rs.get(0).what());
    assertTrue(rs.get(0).negated());
    assertEquals(Constraint.Reproductive.What.LACTATING, rs.get(1).what());
    assertTrue(rs.get(1).negated());
    Constraint.Assumed contraception = only(pc, Constraint.Assumed.class);
    assertEquals("contraception", contraception.what());
    assertFalse(contraception.negated());
  }

  @Test
  void fertilePatientsOfEitherSexMustUseContraception() {
    // NCT00081055, inclusion
    ParsedCriterion pc = inclusion("Fertile patients must use 2 effective methods of contraception");
    assertEquals(ParsedCriterion.AppliesTo.OF_REPRODUCTIVE_POTENTIAL, pc.appliesTo());
    assertEquals("contraception", only(pc, Constraint.Assumed.class).what());
  }

  // ---- prior therapies, windows and lines

  @Test
  void priorTreatmentWithMesenchymalStemCellsIsMscTherapyNotAnyTherapy() {
    // NCT02336230, exclusion: every therapy named is MSC therapy; "prior treatment" alone would exclude everyone treated
    ParsedCriterion pc = exclusion("Participant has had prior treatment with mesenchymal stem cells (MSCs), including remestemcel-L.");
    List<Constraint.Therapy> ts = all(pc, Constraint.Therapy.class);
    assertFalse(ts.isEmpty());
    for (Constraint.Therapy t : ts) {
      assertEquals(Therapies.Kind.MSC, t.therapy(), t::toString);
      assertFalse(t.negated());
      assertEquals(Constraint.Window.ANY_TIME, t.window());
    }
    // NCT03929120, exclusion
    assertEquals(Therapies.Kind.MSC, only(exclusion("Previous treatment with mesenchymal stem cells"), Constraint.Therapy.class).therapy());
  }

  @Test
  void noStemCellTreatmentWithinSixMonths() {
    // NCT01216865, inclusion
    Constraint.Therapy t = only(inclusion("Subject has had no stem cell treatment within the past 6 months"), Constraint.Therapy.class);
    assertEquals(Therapies.Kind.MSC, t.therapy());
    assertTrue(t.negated());
    assertEquals(6 * MONTH, t.window().withinDays(), 1e-9);
  }

  @Test
  void noPriorAllogeneicTransplant() {
    // NCT00002878 (TREC 2021 pool, legacy XML set), inclusion
    Constraint.Therapy t = only(inclusion("No prior allogeneic transplant"), Constraint.Therapy.class);
    assertEquals(Therapies.Kind.HSCT, t.therapy());
    assertTrue(t.negated());
  }

  @Test
  void immunosuppressantsWithinFourWeeks() {
    // NCT01157650, exclusion
    ParsedCriterion pc = exclusion("Patients who have received tacrolimus or cyclosporine within 4 weeks before cell treatment.");
    List<Constraint.Therapy> ts = all(pc, Constraint.Therapy.class);
    assertEquals(List.of("tacrolimus", "cyclosporine"), ts.stream().map(Constraint.Therapy::mention).toList());
    for (Constraint.Therapy t : ts) {
      assertEquals(Therapies.Kind.IMMUNOSUPPRESSANT, t.therapy());
      assertEquals(28, t.window().withinDays(), 1e-9);
      assertFalse(t.negated());
    }
  }

  @Test
  void investigationalAgentsWithinFourWeeks() {
    // NCT01374854, exclusion
    Constraint.Therapy t = only(exclusion("Use of any investigational agents within 4 weeks of enrollment."), Constraint.Therapy.class);
    assertEquals(Therapies.Kind.INVESTIGATIONAL, t.therapy());
    assertEquals(28, t.window().withinDays(), 1e-9);
  }

  @Test
  void aTherapyClassNeedsNoCueWordWhenTheItemGivesItATime() {
    // NCT01771679, exclusion: no "prior", "received" or "treatment", yet a surgery within 4 weeks
    Constraint.Therapy t = only(exclusion("Major surgery within 4 weeks of Study Day 1"), Constraint.Therapy.class);
    assertEquals(Therapies.Kind.SURGERY, t.therapy());
    assertEquals(28, t.window().withinDays(), 1e-9);
    // NCT01922908, exclusion
    ParsedCriterion pc = exclusion("Prior immunosuppression, including chemotherapy within last 3 years");
    Constraint.Therapy chemo = all(pc, Constraint.Therapy.class).stream().filter(x -> x.therapy() == Therapies.Kind.CHEMOTHERAPY).findFirst().orElseThrow();
    assertEquals(3 * 365.25, chemo.window().withinDays(), 1e-9);
  }

  @Test
  void aTherapySaidToBeAllowedIsNotAskedAbout() {
    // NCT00005572 (SIGIR pool, legacy XML set), exclusion: prednisone is the allowed exception
    ParsedCriterion pc = exclusion("Have taken GM-CSF, any investigational drugs, or any drugs that might affect the immune system within 30 days"
        + " of study entry or plan to take 1 of these medications during the study. (Prednisone for patients with PCP and G-CSF is allowed.)");
    List<Constraint.Therapy> ts = all(pc, Constraint.Therapy.class);
    assertTrue(ts.stream().anyMatch(t -> t.therapy() == Therapies.Kind.INVESTIGATIONAL && Double.valueOf(30).equals(t.window().withinDays())), ts::toString);
    assertTrue(ts.stream().noneMatch(t -> t.therapy() == Therapies.Kind.CORTICOSTEROID), ts::toString);
  }

  @Test
  void eachTherapyKeepsItsOwnWindowAndSite() {
    // NCT02467387, exclusion
    Constraint.Therapy t = only(exclusion("Cardiac surgery within 3 months prior to randomization or the likelihood of a requirement for such"
        + " procedures during the study period"), Constraint.Therapy.class);
    assertEquals("Cardiac surgery", t.mention());
    assertEquals(3 * MONTH, t.window().withinDays(), 1e-9);
  }

  @Test
  void drugClassesAreTherapies() {
    // NCT02123368, exclusion
    Constraint.Therapy nsaid = only(exclusion("NSAID therapy within 15 days prior to inclusion in the study."), Constraint.Therapy.class);
    assertEquals(Therapies.Kind.NSAID, nsaid.therapy());
    assertEquals(15, nsaid.window().withinDays(), 1e-9);
    // NCT01745744, exclusion: the antiplatelet agents are the allowed ones
    ParsedCriterion allowed = exclusion("Concomitant therapy including hyperbaric oxygen. It is allowed the use of antiplatelet agents.");
    assertTrue(all(allowed, Constraint.Therapy.class).stream().noneMatch(t -> t.therapy() == Therapies.Kind.ANTIPLATELET), allowed::toString);
  }

  @Test
  void moreThanThirtyDaysSinceIsAWashout() {
    // NCT00081055, inclusion: the last investigational agent at least 30 days ago
    Constraint.Therapy t = only(inclusion("More than 30 days since prior investigational agents or devices"), Constraint.Therapy.class);
    assertEquals(Therapies.Kind.INVESTIGATIONAL, t.therapy());
    assertEquals(30, t.window().atLeastDaysAgo(), 1e-9);
    assertEquals(null, t.window().withinDays());
  }

  @Test
  void historyOfInfarctionAtLeastTwoWeeksAgo() {
    // NCT01753440, inclusion: the history keeps the item's "at least 14 days previously"
    Constraint.HasCondition mi = only(inclusion("History of acute myocardial infarction at least 14 days previously"), Constraint.HasCondition.class);
    assertTrue(mi.conceptIds().stream().anyMatch(concepts("acute myocardial infarction")::contains), mi::toString);
    assertEquals(14, mi.window().atLeastDaysAgo(), 1e-9);
    assertFalse(mi.window().current());
  }

  @Test
  void refractoryToAtLeastTwoPreviousLines() {
    // NCT01844661, inclusion: age, lines and ECOG in one item
    ParsedCriterion pc = inclusion("Adults: 18-75 yrs. Refractory to at least 2 previous therapy lines. ECOG (Eastern Cooperative Oncology Group) <2. Measurable disease.");
    Constraint.Age age = only(pc, Constraint.Age.class);
    assertEquals(18, age.min());
    assertEquals(75, age.max());
    Constraint.Therapy lines = only(pc, Constraint.Therapy.class);
    assertEquals(2, lines.minLines());
    assertTrue(lines.refractory());
    assertPerformance(only(pc, Constraint.Performance.class), PerformanceScale.ECOG, 0, 1);
    assertTrue(all(pc, Constraint.Assumed.class).isEmpty(), pc::toString);
  }

  @Test
  void failedTwoLinesOfTreatment() {
    // NCT05113342, inclusion: "active" speaks of the myeloma, not of a therapy given now
    Constraint.Therapy t = only(inclusion("diagnosed with active R/RMM, who have failed 2 lines of treatment"), Constraint.Therapy.class);
    assertEquals(2, t.minLines());
    assertTrue(t.refractory());
    assertFalse(t.window().current());
  }

  // ---- infections

  @Test
  void hivAntibodyNegative() {
    // NCT00081055, inclusion: "HIV-1 and 2 antibody negative" negates HIV across "and 2 antibody"
    Constraint.Infection hiv = only(inclusion("HIV-1 and 2 antibody negative"), Constraint.Infection.class);
    assertEquals(Constraint.Infection.Agent.HIV, hiv.agent());
    assertTrue(hiv.negated());
    // NCT00081055, inclusion
    Constraint.Infection hcv = only(inclusion("Hepatitis C RNA negative"), Constraint.Infection.class);
    assertEquals(Constraint.Infection.Agent.HCV, hcv.agent());
    assertTrue(hcv.negated());
    // NCT00114452, exclusion
    Constraint.Infection positive = only(exclusion("Positive for HIV 1 and 2"), Constraint.Infection.class);
    assertEquals(Constraint.Infection.Agent.HIV, positive.agent());
    assertFalse(positive.negated());
  }

  @Test
  void hivHepatitisBOrC() {
    // NCT00294112, exclusion
    ParsedCriterion pc = exclusion("Subject has an active infection with HIV or hepatitis B or C.");
    assertEquals(List.of(Constraint.Infection.Agent.HIV, Constraint.Infection.Agent.HBV, Constraint.Infection.Agent.HCV),
        all(pc, Constraint.Infection.class).stream().map(Constraint.Infection::agent).toList());
    assertTrue(all(pc, Constraint.Infection.class).stream().noneMatch(Constraint.Infection::negated));
  }

  // ---- life expectancy, consent, negation, vocabulary guards

  @Test
  void lifeExpectancyUnderSixMonths() {
    // NCT00683722, exclusion
    Constraint.LifeExpectancy l = only(exclusion("Participant has a life expectancy of < 6 months."), Constraint.LifeExpectancy.class);
    assertEquals(Comparator.LT, l.comparator());
    assertEquals(6 * MONTH / 7, l.weeks(), 1e-9);
  }

  @Test
  void consentIsAssumed() {
    // NCT00314483, inclusion
    ParsedCriterion pc = inclusion("Informed consent obtained from patient and donor");
    Constraint.Assumed a = only(pc, Constraint.Assumed.class);
    assertEquals("consent", a.what());
    assertFalse(a.negated());
    assertEquals(1, pc.constraints().size(), pc::toString);
  }

  @Test
  void doesntNegates() {
    // LCT corpus NCT03868527, exclusion: the contraction negates the diseases after it
    Constraint.HasCondition c = only(exclusion("Patients who doesn't have hematological diseases"), Constraint.HasCondition.class);
    assertTrue(c.conceptIds().stream().anyMatch(concepts("Hematologic Diseases")::contains), c::toString);
    assertTrue(c.negated());
  }

  @Test
  void wordsWithoutADiseaseTreeAreNotConditions() {
    // NCT00418418, exclusion: "contraindication" and "MRI" name no disease
    assertTrue(all(exclusion("Contraindications to coronary angiogram or MRI"), Constraint.HasCondition.class).isEmpty());
    // NCT00790764, inclusion: the check tags Male and Female are not diagnoses
    assertTrue(all(inclusion("Male or female"), Constraint.HasCondition.class).isEmpty());
  }

  @Test
  void aTimeWindowStaysInItsSentenceAndClause() {
    // NCT01392625, exclusion: both abuses within 24 months
    Constraint.HasCondition abuse = only(exclusion("Have a history of drug or alcohol abuse within the past 24 months."), Constraint.HasCondition.class);
    assertEquals(24 * MONTH, abuse.window().withinDays(), 1e-9);
    assertTrue(abuse.conceptIds().stream().anyMatch(concepts("Alcoholism")::contains), abuse::toString);
    // seed 003 (NCT06321198): the tumours within 5 years, the window read from the same clause
    Constraint.HasCondition tumours = only(exclusion("Have untreated or uncertain active solid tumors within 5 years;"), Constraint.HasCondition.class);
    assertEquals(5 * 365.25, tumours.window().withinDays(), 1e-9);
  }

  @Test
  void anExclusionWrittenAmongTheInclusionsIsTurnedRound() {
    // seed 000 (NCT03123458), inclusion: "... are not eligible" asks for the absence of the diseases
    ParsedCriterion pc = inclusion("Patients with symptoms associated with genetic defects or infectious diseases are not eligible.");
    List<Constraint.HasCondition> cs = all(pc, Constraint.HasCondition.class);
    assertFalse(cs.isEmpty());
    assertTrue(cs.stream().allMatch(Constraint.HasCondition::negated), pc::toString);
  }

  @Test
  void randomTextParsesWithoutThrowing() {
    java.util.Random random = new java.util.Random(10);
    String alphabet = "abcdefghijklmnopqrstuvwxyz ≥≤<>=.,;:()-/%0123456789 ULN mg/dL µmol/L ECOG HIV not no within weeks";
    for (int i = 0; i < 500; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(120);
      for (int j = 0; j < n; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      ParsedCriterion pc = random.nextBoolean() ? inclusion(text) : exclusion(text);
      for (Constraint c : pc.constraints()) {
        assertTrue(c.span().end() <= text.length(), () -> c + " in «" + text + "»");
      }
    }
  }
}
