package org.trialdex.core.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialdex.core.eligibility.Patient.Status;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.testing.SharedData;

/**
 * The note reader on real TREC 2021 and SIGIR 2016 patient descriptions
 * ({@code data/trialgpt/*}/queries.jsonl}, read from the shared folder by topic id). The expected facts
 * are what a reader of each note takes from it.
 */
class NoteReaderTest {

  private static final LocalDate AS_OF = LocalDate.of(2021, 6, 1);

  private static Vocabulary vocabulary;
  private static NoteReader reader;

  @BeforeAll
  static void load() {
    vocabulary = Vocabulary.load(SharedData.terms());
    reader = new NoteReader(vocabulary);
  }

  private static String note(String set, String id) throws IOException {
    Path file = SharedData.require("data/trialgpt/" + set + "/queries.jsonl");
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(file)) {
      JsonNode q = json.readTree(line);
      if (q.path("_id").asText().equals(id)) {
        return q.path("text").asText();
      }
    }
    throw new AssertionError(id + " is not in " + file);
  }

  /** The patient's condition that is (or is under) the vocabulary's concept of {@code name}. */
  private static Optional<Patient.Condition> condition(Patient p, String name) {
    List<String> wanted = vocabulary.lookup(Vocabulary.Area.CONDITION, name).stream().map(c -> c.id()).toList();
    assertTrue(!wanted.isEmpty(), () -> "the vocabulary knows " + name);
    return p.conditions().stream().filter(c -> c.codes().stream()
        .anyMatch(code -> wanted.stream().anyMatch(w -> vocabulary.closure(code.substring(code.indexOf('|') + 1)).contains(w)))).findFirst();
  }

  private static Patient.Observation observation(Patient p, String analyte) {
    Analytes.Analyte a = Analytes.standard().byId(analyte).orElseThrow();
    return p.observations().stream().filter(o -> Analytes.standard().named(o.name()).filter(a::equals).isPresent()).findFirst()
        .orElseThrow(() -> new AssertionError("no " + analyte + " in " + p.observations()));
  }

  @Test
  void chestPainWithDeniedRiskFactorsAndAFamilyHistoryLeftOut() throws IOException {
    // SIGIR 20141: "A 58-year-old African-American woman ... She is known to have hypertension and obesity. She denies
    // smoking, diabetes, hypercholesterolemia, or a family history of heart disease. She currently takes no medications."
    Patient p = reader.read(note("sigir", "sigir-20141"), AS_OF);
    assertEquals(58.0, p.age().value());
    assertEquals(Patient.Sex.FEMALE, p.sex().value());
    assertEquals(Status.ACTIVE, condition(p, "chest pain").orElseThrow().status());
    assertEquals(Status.ACTIVE, condition(p, "hypertension").orElseThrow().status());
    assertEquals(Status.ACTIVE, condition(p, "obesity").orElseThrow().status());
    assertEquals(Status.ABSENT, condition(p, "diabetes mellitus").orElseThrow().status());
    assertEquals(Status.ABSENT, condition(p, "hypercholesterolemia").orElseThrow().status());
    // her relatives' heart disease is not hers
    assertTrue(condition(p, "heart diseases").filter(c -> c.status() != Status.ABSENT).isEmpty(), p.conditions()::toString);
    assertTrue(p.therapies().isEmpty(), p.therapies()::toString);
    assertEquals(null, p.pregnant());
  }

  @Test
  void astrocytomaTreatedWithRadiationAndTemozolomide() throws IOException {
    // TREC 2021 topic 1: a 45-year-old man, unresectable anaplastic astrocytoma s/p radiation, then temozolomide,
    // high-dose steroids, hypertension
    Patient p = reader.read(note("trec_2021", "trec-20211"), AS_OF);
    assertEquals(45.0, p.age().value());
    assertEquals(Patient.Sex.MALE, p.sex().value());
    assertEquals(Status.ACTIVE, condition(p, "astrocytoma").orElseThrow().status(), "the tumour is unresectable: present now");
    // "with a history of ... hypertension": a chronic disease, still had
    assertEquals(Status.ACTIVE, condition(p, "hypertension").orElseThrow().status());
    List<Patient.Therapy> ts = p.therapies();
    Patient.Therapy radiation = ts.stream().filter(t -> Therapies.Kind.RADIOTHERAPY.names(t.name())).findFirst().orElseThrow();
    assertEquals(Status.PAST, radiation.status());
    assertEquals(Patient.TherapyKind.PROCEDURE, radiation.kind());
    Patient.Therapy temozolomide = ts.stream().filter(t -> t.name().equalsIgnoreCase("temozolomide")).findFirst().orElseThrow();
    assertEquals(Status.PAST, temozolomide.status(), "\"Therapy included ... 11 cycles of temozolomide\" is a completed course");
    assertTrue(Therapies.classesOf(temozolomide.name()).contains(Therapies.Kind.CHEMOTHERAPY));
    assertTrue(ts.stream().anyMatch(t -> Therapies.Kind.CORTICOSTEROID.names(t.name())), ts::toString);
    // "This was followed by CPT-11 Weekly x4 with Avastin Q2 weeks/ 2 weeks rest and repeat cycle": the current regimen
    Patient.Therapy irinotecan = ts.stream().filter(t -> t.name().equalsIgnoreCase("CPT-11")).findFirst().orElseThrow(() -> new AssertionError(ts));
    assertEquals(Status.ACTIVE, irinotecan.status());
    assertTrue(Therapies.classesOf(irinotecan.name()).contains(Therapies.Kind.CHEMOTHERAPY));
    Patient.Therapy bevacizumab = ts.stream().filter(t -> t.name().equalsIgnoreCase("Avastin")).findFirst().orElseThrow(() -> new AssertionError(ts));
    assertEquals(Status.ACTIVE, bevacizumab.status());
  }

  @Test
  void aPastMedicalHistoryOfChronicDiseasesIsStillHeld() throws IOException {
    // SIGIR 201423: "His past medical history is notable for heavy smoking, spinal stenosis, diabetes, hypothyroidism and
    // mild psoriasis. He also has a family history of early onset dementia. ... He denies fever."
    Patient p = reader.read(note("sigir", "sigir-201423"), AS_OF);
    assertEquals(63.0, p.age().value());
    assertEquals(Patient.Sex.MALE, p.sex().value());
    assertEquals(Status.ACTIVE, condition(p, "diabetes mellitus").orElseThrow().status());
    assertEquals(Status.ACTIVE, condition(p, "hypothyroidism").orElseThrow().status());
    assertEquals(Status.ACTIVE, condition(p, "psoriasis").orElseThrow().status());
    assertEquals(Status.ABSENT, condition(p, "fever").orElseThrow().status());
    assertTrue(condition(p, "dementia").isEmpty(), "the family's dementia: " + p.conditions());
  }

  @Test
  void labValuesWithTheirUnits() throws IOException {
    // TREC 2021 topic 32: a 17-year-old boy with bloody diarrhoea and renal failure; labs listed one per line
    Patient p = reader.read(note("trec_2021", "trec-202132"), AS_OF);
    assertEquals(17.0, p.age().value());
    assertEquals(Patient.Sex.MALE, p.sex().value());
    assertEquals(9.7, observation(p, "hemoglobin").value());
    assertEquals("g/dL", observation(p, "hemoglobin").unit());
    assertEquals(110_000, observation(p, "platelets").value());
    assertEquals("/uL", observation(p, "platelets").unit());
    assertEquals(3.6, observation(p, "creatinine").value());
    assertEquals("mg/dL", observation(p, "creatinine").unit());
    assertEquals(73, observation(p, "bun").value());
    assertEquals(2.4, observation(p, "dbili").value());
    assertEquals(881, observation(p, "ldh").value());
    assertEquals("U/L", observation(p, "ldh").unit());
    assertEquals(Status.ACTIVE, condition(p, "diarrhea").orElseThrow().status());
    assertTrue(p.therapies().isEmpty(), "\"he is not on any medications\": " + p.therapies());
  }

  @Test
  void labValuesInParenthesesAndAFamilyHistoryLeftOut() throws IOException {
    // TREC 2021 topic 21: "... no history of allergies ... His family history is positive for type 2 diabetes (his father
    // and sister). ... high CRP (145), high amylase (1200) ..."
    Patient p = reader.read(note("trec_2021", "trec-202121"), AS_OF);
    assertEquals(57.0, p.age().value());
    assertEquals(Patient.Sex.MALE, p.sex().value());
    assertEquals(145, observation(p, "crp").value());
    assertEquals(1200, observation(p, "amylase").value());
    assertEquals(110, observation(p, "sbp").value());
    assertEquals(75, observation(p, "dbp").value());
    assertTrue(condition(p, "diabetes mellitus").isEmpty(), "the father's diabetes: " + p.conditions());
    assertEquals(Status.ABSENT, condition(p, "hypersensitivity").orElseThrow().status());
    assertEquals(Status.ACTIVE, condition(p, "abdominal pain").orElseThrow().status());
    // "CRP" is the lab here, not a condition the vocabulary also abbreviates so
    assertTrue(p.conditions().stream().noneMatch(c -> c.name().equalsIgnoreCase("crp")), p.conditions()::toString);
  }

  @Test
  void whenAConditionBeganIsReadFromTheWaysNotesSayIt() throws IOException {
    // "has had type 1 diabetes for 11 years": diagnosed about 2010.
    Patient t2129 = reader.read(note("trec_2021", "trec-202129"), AS_OF);
    assertEquals(LocalDate.of(2010, 6, 1), condition(t2129, "type 1 diabetes").orElseThrow().onset());
    // "type 1 diabetes confirmed with molecular analysis 7 years ago".
    Patient t2165 = reader.read(note("trec_2021", "trec-202165"), AS_OF);
    assertEquals(LocalDate.of(2014, 6, 1), condition(t2165, "type 1 diabetes").orElseThrow().onset());
  }

  @Test
  void onsetFormsOneSentenceAtATime() {
    assertEquals(LocalDate.of(2015, 6, 1), NoteReader.onset("She has been living with HIV for the past 6 years.", AS_OF, 40.0));
    assertEquals(LocalDate.of(2014, 7, 1), NoteReader.onset("He has suffered from Crohn's disease since 2014.", AS_OF, 30.0));
    assertEquals(LocalDate.of(2021, 3, 1), NoteReader.onset("Multiple sclerosis was diagnosed 3 months ago.", AS_OF, 30.0));
    assertEquals(LocalDate.of(2018, 7, 1), NoteReader.onset("Breast cancer was detected in 2018 at screening.", AS_OF, 50.0));
    // Diagnosed at 12, now 24: twelve years ago.
    assertEquals(LocalDate.of(2009, 6, 1), NoteReader.onset("She was diagnosed with asthma at age 12.", AS_OF, 24.0));
    // An age after the patient's own, or no age known: not a date.
    assertEquals(null, NoteReader.onset("He was diagnosed with asthma at the age of 40.", AS_OF, 24.0));
    assertEquals(null, NoteReader.onset("She was diagnosed with asthma at age 12.", AS_OF, null));
    // A habit's duration is not a diagnosis's, and a sentence without a date has none.
    assertEquals(null, NoteReader.onset("He smokes 1 pack per day for 40 years.", AS_OF, 62.0));
    assertEquals(null, NoteReader.onset("He has hypertension and hyperlipidemia.", AS_OF, 62.0));
  }
}
