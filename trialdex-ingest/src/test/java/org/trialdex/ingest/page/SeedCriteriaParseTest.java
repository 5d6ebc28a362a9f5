package org.trialdex.ingest.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialdex.ingest.page.PageFixtures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialdex.core.eligibility.Constraint;
import org.trialdex.core.eligibility.Criterion;
import org.trialdex.core.eligibility.CriterionParser;
import org.trialdex.core.eligibility.ParsedCriterion;
import org.trialdex.core.terms.Concept;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.testing.SharedData;

/**
 * All five seed pages' eligibility criteria (issue #10, "Must show"): each page read by the page
 * reader, its criteria split into items and every item parsed. For every item the team wrote down,
 * by reading it, the constraints it should give, in a short form (see {@link #describe}); an item
 * judged uncomputable is expected to be free text ({@code none()}). Conditions are named by the
 * vocabulary's preferred names (MeSH descriptors, Disease Ontology terms, the team's curated list).
 */
class SeedCriteriaParseTest {

  private static Vocabulary vocabulary;
  private static CriterionParser parser;

  @BeforeAll
  static void load() {
    vocabulary = Vocabulary.load(SharedData.terms());
    parser = new CriterionParser(vocabulary);
  }

  private static List<ParsedCriterion> items(String seed) {
    String criteria = seed(seed).study().protocolSection().eligibilityModule().eligibilityCriteria();
    return parser.parseAll(criteria);
  }

  private static List<String> none() {
    return List.of();
  }

  private static List<String> of(String... constraints) {
    return List.of(constraints);
  }

  /** One item: its section, how its text starts, and its constraints in text order. */
  private record Expected(Criterion.Section section, String start, List<String> constraints) {}

  private static Expected in(String start, List<String> constraints) {
    return new Expected(Criterion.Section.INCLUSION, start, constraints);
  }

  private static Expected ex(String start, List<String> constraints) {
    return new Expected(Criterion.Section.EXCLUSION, start, constraints);
  }

  private static void assertItems(String seed, List<Expected> expected) {
    List<ParsedCriterion> items = items(seed);
    List<String> got = items.stream().map(pc -> pc.criterion().section() + " " + pc.criterion().text()).toList();
    assertEquals(expected.size(), items.size(), () -> seed + " items: " + String.join("\n", got));
    for (int i = 0; i < items.size(); i++) {
      ParsedCriterion pc = items.get(i);
      Expected e = expected.get(i);
      String where = seed + " item " + i + " «" + pc.criterion().text() + "»";
      assertEquals(e.section(), pc.criterion().section(), where);
      assertTrue(pc.criterion().text().startsWith(e.start()), where);
      List<String> described = pc.constraints().stream().map(SeedCriteriaParseTest::describe).toList();
      if (e.constraints().stream().anyMatch(x -> x.contains("~"))) {
        // "CONDITION ~X": a condition whose concepts include X (the vocabulary may add others)
        assertEquals(e.constraints().size(), described.size(), where + " " + described);
        for (int j = 0; j < described.size(); j++) {
          String want = e.constraints().get(j);
          String have = described.get(j);
          boolean ok = want.contains("~")
              ? have.startsWith("CONDITION ") && List.of(have.substring(10).split("\\|| now| qualified| within.*")).contains(want.substring(want.indexOf('~') + 1))
              : want.equals(have);
          assertTrue(ok, where + ": expected " + want + ", got " + have);
        }
        continue;
      }
      assertEquals(e.constraints(), described, where);
      if (e.constraints().isEmpty()) {
        assertTrue(pc.freeText(), where);
      }
    }
  }

  /** A constraint in the short form the expectations are written in. */
  static String describe(Constraint c) {
    return switch (c) {
      case Constraint.Age a -> "AGE " + num(a.min()) + "-" + num(a.max());
      case Constraint.SexIs s -> "SEX " + s.sex();
      case Constraint.HasCondition h -> "CONDITION " + (h.negated() ? "not " : "")
          + String.join("|", h.conceptIds().stream().map(id -> vocabulary.concept(id).map(Concept::name).orElse(id)).sorted().toList())
          + window(h.window()) + (h.qualified() ? " qualified" : "");
      case Constraint.Measurement m -> "MEASUREMENT " + m.analyte().id() + " " + m.comparator() + " " + num(m.value())
          + (m.reference() == Constraint.Reference.ABSOLUTE ? (m.unit().isEmpty() ? "" : " " + m.unit()) : " " + m.reference());
      case Constraint.Performance p -> "PERFORMANCE " + p.scale() + " " + p.min() + "-" + p.max();
      case Constraint.Reproductive r -> "REPRODUCTIVE " + r.what() + (r.negated() ? " negated" : "");
      case Constraint.LifeExpectancy l -> "LIFE_EXPECTANCY " + l.comparator() + " " + String.format(Locale.ROOT, "%.1f", l.weeks()) + " weeks";
      case Constraint.Therapy t -> "THERAPY " + t.therapy() + (t.negated() ? " negated" : "") + (t.refractory() ? " refractory" : "")
          + (t.minLines() > 0 ? " lines " + t.minLines() : "") + window(t.window());
      case Constraint.Infection i -> "INFECTION " + i.agent() + (i.negated() ? " negated" : "");
      case Constraint.Assumed a -> "ASSUMED " + a.what() + (a.negated() ? " refused" : "");
    };
  }

  private static String window(Constraint.Window w) {
    List<String> parts = new ArrayList<>();
    if (w.withinDays() != null) {
      parts.add("within " + Math.round(w.withinDays()) + "d");
    }
    if (w.atLeastDaysAgo() != null) {
      parts.add("atleast " + Math.round(w.atLeastDaysAgo()) + "d");
    }
    if (w.current()) {
      parts.add("now");
    }
    return parts.isEmpty() ? "" : " " + String.join(" ", parts);
  }

  private static String num(Double d) {
    return d == null ? "" : d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
  }

  @Test
  void seed000ClassicRegistryPage() {
    // NCT03123458: MSC for immune and age-related disorders, GVHD among them
    assertItems(SEED_000, List.of(
        in("Informed consent.", of("ASSUMED consent")),
        in("No available alternative treatment", none()), // no treatment class or condition named: uncomputable
        in("Any patient that has clinically documented", of("CONDITION acute graft versus host disease|chronic graft versus host disease")),
        // "... are not eligible": an exclusion in the inclusion list, so the infectious diseases are to be absent
        in("Patients with symptoms associated with genetic defects", of("CONDITION not Communicable Diseases")),
        ex("Inability to give informed consent.", of("ASSUMED consent refused")),
        ex("Patients with ongoing infection or history of cancer.", of("CONDITION Infection now", "CONDITION Neoplasms")),
        ex("Patients with poor clinical conditions", of("LIFE_EXPECTANCY LT 2.0 weeks")),
        ex("Pregnancy.", of("REPRODUCTIVE PREGNANT"))));
  }

  @Test
  void seed001PortalPageForPoorGraftFunction() {
    // NCT01763086: MSC for poor graft function after allogeneic transplantation
    assertItems(SEED_001, List.of(
        // the transplant is a therapy the patient had, not a condition
        in("Poor graft function developing after allo-HSCT", of("CONDITION poor graft function", "THERAPY HSCT")),
        in("Subjects (or their legally acceptable representatives)", of("ASSUMED consent")),
        ex("Patients with any conditions not suitable", none()))); // the investigators' judgement
  }

  @Test
  void seed002PortalPageForLupus() {
    // NCT03219801: umbilical cord MSC for systemic lupus erythematosus
    assertItems(SEED_002, List.of(
        in("Diagnosis of SLE", of("CONDITION Lupus Erythematosus, Systemic")),
        in("Age from 14 to 60 years", of("AGE 14-60")),
        // "no serious infection or acute hemorrhage": both absent; "serious" is a qualifier a record cannot settle
        in("No serious infection or acute hemorrhage", of("CONDITION not Infection qualified", "CONDITION not Hemorrhage qualified")),
        in("Left ventricular ejection fraction (LVEF)≥ 50%", of("MEASUREMENT lvef GE 50 %")),
        // read as written (transaminases have no single analyte; creatinine above twice the ULN)
        in("Both transaminase and serum creatinine", of("MEASUREMENT creatinine GT 2 ULN")),
        in("No acute infectious diseases.", of("CONDITION not Communicable Diseases")),
        in("Understanding and willingness to sign a written informed consent", of("ASSUMED consent")),
        ex("SLE(Systemic lupus erythematosus) with severe infection.", of("CONDITION Lupus Erythematosus, Systemic", "CONDITION Infection qualified")),
        ex("Severe heart attack, liver and kidney disease", of("CONDITION Myocardial Infarction qualified", "CONDITION Kidney Diseases|Liver Diseases qualified")),
        ex("Patients with allergic constitution.", none()), // a constitution, not a diagnosis
        ex("Pregnancy and breastfeeding women.", of("REPRODUCTIVE PREGNANT_OR_LACTATING")),
        ex("Accompanied by malignant tumors", of("CONDITION cancer")),
        ex("Patients as participant in the other clinical text", none()), // "text" for "trial": not readable as a study
        ex("Patients with active tuberculosis, acute sever hepatitis", of("INFECTION TB", "CONDITION ~Hepatitis"))));
  }

  @Test
  void seed003PortalListPageForSteroidRefractoryAcuteGvhd() {
    // NCT06321198: MSC for steroid-refractory acute GVHD; the page writes the inclusion items on one line
    assertItems(SEED_003, List.of(
        in("Subjects who understand and voluntarily sign", of("ASSUMED consent")),
        in("4-70 years", of("AGE 4-70")),
        in("Subjects with SR-aGVHD", of("CONDITION steroid refractory acute graft versus host disease")),
        in("ECOG≤2", of("PERFORMANCE ECOG 0-2")),
        in("Subjects with II to IV grades of steroid hormone resistance", of("THERAPY CORTICOSTEROID refractory")),
        ex("Accepted systemic or local treatment of mesenchymal stem cells", of("THERAPY MSC")),
        ex("Have severe allergy to blood products", of("CONDITION Hypersensitivity qualified", "CONDITION Hypersensitivity")),
        ex("Expected survival period within 3 months", of("LIFE_EXPECTANCY LE 13.0 weeks")),
        ex("Alanine transaminase(ALT)or Aspartate aminotransferase(AST)", of("MEASUREMENT alt GT 2 ULN", "MEASUREMENT ast GT 2 ULN",
            "MEASUREMENT crcl LE 30 mL/min", "MEASUREMENT bun GT 2 ULN", "MEASUREMENT inr GT 1.5 ULN")),
        ex("Have severe hepatic veno-occlusive disease", of("CONDITION Hepatic Veno-Occlusive Disease qualified")),
        ex("Have severe lung disease like severe lung infection", of("CONDITION Lung Diseases qualified", "CONDITION Infection qualified")),
        ex("Have history of severe acute myocardial infarction", of("CONDITION acute myocardial infarction qualified",
            "CONDITION Angina Pectoris now qualified", "CONDITION Arrhythmias, Cardiac now qualified", "CONDITION Heart Failure qualified")),
        ex("Proved having resistant hypertension within 6 months", of("CONDITION Hypertension within 183d")),
        ex("Have active thrombus", none()), // the vocabulary has no "thrombus"
        ex("Have untreated or uncertain active solid tumors within 5 years", of("CONDITION Neoplasms within 1826d now")),
        ex("Have alcohol or drug addiction", of("CONDITION Alcoholism", "CONDITION Mental Disorders", "CONDITION Substance-Related Disorders")),
        ex("Human immunodeficiency virus(HIV)antibody positive", of("INFECTION HIV")),
        ex("Have active hepatitis B or hepatitis C", of("INFECTION HBV", "INFECTION HCV")),
        ex("Have gastrointestinal symptoms which not caused by GVHD", none()), // symptoms and their cause: not computable
        ex("Pregnant or lactating female subjects", of("REPRODUCTIVE PREGNANT_OR_LACTATING", "ASSUMED compliance refused", "ASSUMED contraception refused")),
        ex("Subjects who have participated in other clinical trials", of("THERAPY INVESTIGATIONAL within 84d")),
        ex("Not suitable for this clinical trial", none())));
  }

  @Test
  void seed004StudyPlanPageForSjogrensSyndrome() {
    // NCT00953485 (the page shows no id): allogeneic MSC for primary Sjögren's syndrome
    assertItems(SEED_004, List.of(
        in("All patients fulfilled the international classification criteria", of("CONDITION Sjogren's Syndrome", "AGE 15-70", "CONDITION Sjogren's Syndrome")),
        in("Stimulated whole saliva flow rate", none()), // "less than 1~6ml/6min": not a limit one can hold a value to
        in("Patients must be informed", of("ASSUMED consent")),
        in("Women of reproductive potential may not participate unless", of("ASSUMED compliance", "ASSUMED contraception")),
        ex("End-stage renal failure.", of("CONDITION Kidney Failure, Chronic")),
        ex("Severe cardiopulmonary compromise", none()),
        ex("Active, uncontrolled infections.", of("CONDITION Infection now qualified")),
        // the nursing infants are the reason, not a second statement
        ex("Pregnant or nursing women may not participate", of("REPRODUCTIVE PREGNANT_OR_LACTATING"))));
  }

  @Test
  void theSjogrenItemIsOneStatementNotAChoiceBetweenMenAndWomen() {
    // seed 004 inclusion item 1: "man or woman" does not make the diagnosis and the age alternatives
    ParsedCriterion first = items(SEED_004).getFirst();
    assertFalse(first.anyOf(), first::toString);
    ParsedCriterion contraception = items(SEED_004).get(3);
    assertEquals(ParsedCriterion.AppliesTo.FEMALE_OF_CHILDBEARING_POTENTIAL, contraception.appliesTo());
  }
}
