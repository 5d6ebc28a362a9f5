package org.trialdex.ingest.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trialdex.core.eligibility.Patient;
import org.trialdex.core.eligibility.Patient.Condition;
import org.trialdex.core.eligibility.Patient.Fact;
import org.trialdex.core.eligibility.Patient.Observation;
import org.trialdex.core.eligibility.Patient.Performance;
import org.trialdex.core.eligibility.Patient.Response;
import org.trialdex.core.eligibility.Patient.Sex;
import org.trialdex.core.eligibility.Patient.Status;
import org.trialdex.core.eligibility.Patient.Therapy;
import org.trialdex.core.eligibility.Patient.TherapyKind;
import org.trialdex.core.eligibility.PatientFormatException;
import org.trialdex.core.eligibility.PerformanceScale;

/**
 * FHIR R4 bundles written by hand after real exports (a Synthea-style oncology record, an EHR
 * {@code $everything} search of a transplant patient) and malformed ones, each under
 * {@code src/test/resources/fhir/}, with the exact facts a matcher gets or the message a sender gets.
 */
class FhirPatientsTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);
  private static final String SCT = "http://snomed.info/sct|";
  private static final String LOINC = "http://loinc.org|";
  private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm|";
  private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm|";

  private static String bundle(String name) {
    try (InputStream in = FhirPatientsTest.class.getResourceAsStream("/fhir/" + name)) {
      if (in == null) {
        throw new IllegalStateException("test resource fhir/" + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PatientFormatException rejected(String json) {
    return assertThrows(PatientFormatException.class, () -> FhirPatients.read(json, AS_OF));
  }

  @Test
  void aSyntheaStyleOncologyRecordGivesEveryMappedFactWithItsResource() {
    Patient p = FhirPatients.read(bundle("oncology-nsclc.json"), AS_OF);
    assertEquals(AS_OF, p.asOf());
    assertEquals(new Fact<>(Sex.FEMALE, "FHIR Patient/5cbc121b-cd71-4428-b8b7-31e53eba8184 gender: female"), p.sex());
    assertEquals(LocalDate.of(1964, 3, 17), p.birthDate());
    assertNull(p.age());
    assertEquals(62, p.ageYears().orElseThrow().value().intValue());
    String nsclc = "Non-small cell lung cancer, adenocarcinoma of right upper lobe, stage IIIA";
    assertEquals(List.of(
        new Condition(nsclc, List.of(SCT + "254637007", ICD10CM + "C34.11"), Status.ACTIVE, LocalDate.of(2026, 2, 20),
            "FHIR Condition/nsclc: " + nsclc),
        new Condition("Essential hypertension (disorder)", List.of(SCT + "59621000"), Status.ACTIVE,
            LocalDate.of(2009, 6, 11), "FHIR Condition/htn: Essential hypertension (disorder)"),
        // resolved, onset from onsetPeriod.start
        new Condition("Acute bronchitis (disorder)", List.of(SCT + "10509002"), Status.PAST, LocalDate.of(2025, 12, 3),
            "FHIR Condition/bronchitis: Acute bronchitis (disorder)"),
        // inactive, onsetAge 8 a from the birth date 1964-03-17
        new Condition("Childhood asthma", List.of(SCT + "195967001"), Status.PAST, LocalDate.of(1972, 3, 17),
            "FHIR Condition/asthma: Childhood asthma"),
        // verificationStatus refuted; the entered-in-error diabetes after it is left out
        new Condition("Brain metastasis", List.of(SCT + "94225005"), Status.ABSENT, null,
            "FHIR Condition/brain-met: Brain metastasis")), p.conditions());
    LocalDate labs = LocalDate.of(2026, 11, 18);
    LocalDate visit = LocalDate.of(2026, 11, 20);
    assertEquals(List.of(
        new Observation("Creatinine", LOINC + "2160-0", 0.86, "mg/dL", 0.57, 1.0, labs,
            "FHIR Observation/creatinine: Creatinine 0.86 mg/dL"),
        // the UCUM code, not the display unit "mL/min/1.73m2"
        new Observation("eGFR (CKD-EPI 2021)", LOINC + "98979-8", 74, "mL/min/{1.73_m2}", 60.0, null, labs,
            "FHIR Observation/egfr: eGFR (CKD-EPI 2021) 74 mL/min/{1.73_m2}"),
        new Observation("Hemoglobin [Mass/volume] in Blood", LOINC + "718-7", 11.8, "g/dL", 11.1, 15.9, labs,
            "FHIR Observation/hemoglobin: Hemoglobin [Mass/volume] in Blood 11.8 g/dL"),
        new Observation("Platelets [#/volume] in Blood by Automated count", LOINC + "777-3", 212, "10*3/uL", 150.0,
            450.0, labs, "FHIR Observation/platelets: Platelets [#/volume] in Blood by Automated count 212 10*3/uL"),
        new Observation("ALT", LOINC + "1742-6", 24, "U/L", 0.0, 32.0, labs, "FHIR Observation/alt: ALT 24 U/L"),
        new Observation("Bilirubin.total [Mass/volume] in Serum or Plasma", LOINC + "1975-2", 0.4, "mg/dL", 0.0, 1.2,
            labs, "FHIR Observation/bilirubin: Bilirubin.total [Mass/volume] in Serum or Plasma 0.4 mg/dL"),
        // the blood pressure panel's components, one observation each
        new Observation("Systolic blood pressure", LOINC + "8480-6", 128, "mm[Hg]", null, null, visit,
            "FHIR Observation/bp component 8480-6: Systolic blood pressure 128 mm[Hg]"),
        new Observation("Diastolic blood pressure", LOINC + "8462-4", 82, "mm[Hg]", null, null, visit,
            "FHIR Observation/bp component 8462-4: Diastolic blood pressure 82 mm[Hg]")), p.observations());
    // the later of two ECOG observations (LA9622-7 = 0 in March, LA9623-5 = 1 in November)
    assertEquals(new Performance(PerformanceScale.ECOG, 1, "FHIR Observation/ecog-latest: ECOG Performance Status score 1"),
        p.performance());
    assertEquals(new Fact<>(false, "FHIR Observation/pregnancy: Pregnancy status: Not pregnant"), p.pregnant());
    assertNull(p.lactating());
    assertEquals(List.of("Tobacco smoking status: Ex-smoker (finding) (FHIR Observation/smoking)"), p.facts());
    assertEquals(List.of(
        // medicationReference to a Medication elsewhere in the bundle, by its urn:uuid
        new Therapy("durvalumab (Imfinzi)", List.of(RXNORM + "1919503"), TherapyKind.MEDICATION, Status.ACTIVE,
            LocalDate.of(2026, 6, 15), null, Response.UNSTATED,
            "FHIR MedicationStatement/durvalumab-consolidation: durvalumab (Imfinzi)"),
        // a contained Medication (#carbo); a completed request is a past therapy from its authoredOn
        new Therapy("carboplatin", List.of(RXNORM + "40048"), TherapyKind.MEDICATION, Status.PAST,
            LocalDate.of(2026, 4, 6), null, Response.UNSTATED, "FHIR MedicationRequest/carboplatin: carboplatin"),
        new Therapy("paclitaxel", List.of(RXNORM + "56946"), TherapyKind.MEDICATION, Status.PAST,
            LocalDate.of(2026, 4, 6), null, Response.UNSTATED, "FHIR MedicationRequest/paclitaxel: paclitaxel"),
        // (the cancelled ondansetron request was never given: left out)
        new Therapy("lisinopril 10 MG Oral Tablet", List.of(RXNORM + "314076"), TherapyKind.MEDICATION, Status.ACTIVE,
            LocalDate.of(2009, 6, 11), null, Response.UNSTATED,
            "FHIR MedicationStatement/lisinopril: lisinopril 10 MG Oral Tablet"),
        new Therapy("pembrolizumab", List.of(RXNORM + "1547545"), TherapyKind.MEDICATION, Status.ABSENT, null, null,
            Response.UNSTATED, "FHIR MedicationStatement/pembrolizumab-never: pembrolizumab"),
        new Therapy("Bronchoscopy with endobronchial ultrasound-guided biopsy", List.of(SCT + "10847001"),
            TherapyKind.PROCEDURE, Status.PAST, LocalDate.of(2026, 2, 20), LocalDate.of(2026, 2, 20), Response.UNSTATED,
            "FHIR Procedure/bronchoscopy: Bronchoscopy with endobronchial ultrasound-guided biopsy"),
        new Therapy("Definitive thoracic radiotherapy, 60 Gy in 30 fractions", List.of(SCT + "108290001"),
            TherapyKind.PROCEDURE, Status.PAST, LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 15), Response.UNSTATED,
            "FHIR Procedure/radiotherapy: Definitive thoracic radiotherapy, 60 Gy in 30 fractions"),
        new Therapy("Lobectomy of lung (procedure)", List.of(SCT + "173171007"), TherapyKind.PROCEDURE, Status.ABSENT,
            null, null, Response.UNSTATED, "FHIR Procedure/lobectomy-not-done: Lobectomy of lung (procedure)")),
        p.therapies());
  }

  @Test
  void aTransplantPatientWithSteroidRefractoryAcuteGvhdAsAnMscTrialWouldScreenHim() {
    Patient p = FhirPatients.read(bundle("msc-gvhd.json"), AS_OF);
    assertEquals(new Fact<>(Sex.MALE, "FHIR Patient/gvhd-7 gender: male"), p.sex());
    assertEquals(LocalDate.of(1992, 8, 9), p.birthDate());
    assertEquals(34, p.ageYears().orElseThrow().value().intValue());
    String aml = "Acute myeloid leukemia with FLT3-ITD, in first complete remission";
    String gvhd = "Steroid-refractory acute GVHD, MAGIC grade III (skin stage 2, lower GI stage 3)";
    assertEquals(List.of(
        // clinicalStatus remission: past
        new Condition(aml, List.of(SCT + "91861009", ICD10CM + "C92.01"), Status.PAST, LocalDate.of(2026, 3, 11),
            "FHIR Condition/aml: " + aml),
        new Condition("Stem cells transplant status", List.of(ICD10CM + "Z94.84"), Status.ACTIVE,
            LocalDate.of(2026, 9, 1), "FHIR Condition/hsct-status: Stem cells transplant status"),
        new Condition(gvhd, List.of(SCT + "402355000", ICD10CM + "D89.810"), Status.ACTIVE, LocalDate.of(2026, 10, 19),
            "FHIR Condition/agvhd: " + gvhd),
        // refuted; the uncoded Condition after it names nothing and is left out
        new Condition("Cytomegalovirus infection (disorder)", List.of(SCT + "28944009"), Status.ABSENT, null,
            "FHIR Condition/cmv: Cytomegalovirus infection (disorder)")), p.conditions());
    String hsct = "Allogeneic peripheral blood stem cell transplant (matched unrelated donor, 10/10)";
    String mtx = "methotrexate (GVHD prophylaxis, days +1, +3, +6, +11)";
    assertEquals(List.of(
        new Therapy(hsct, List.of(SCT + "234336002"), TherapyKind.PROCEDURE, Status.PAST, LocalDate.of(2026, 9, 1),
            LocalDate.of(2026, 9, 1), Response.UNSTATED, "FHIR Procedure/hsct: " + hsct),
        new Therapy("Flexible sigmoidoscopy with biopsy", List.of(SCT + "44441009"), TherapyKind.PROCEDURE, Status.PAST,
            LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 24), Response.UNSTATED,
            "FHIR Procedure/sigmoidoscopy: Flexible sigmoidoscopy with biopsy"),
        new Therapy(mtx, List.of(RXNORM + "6851"), TherapyKind.MEDICATION, Status.PAST, LocalDate.of(2026, 9, 2),
            LocalDate.of(2026, 9, 12), Response.UNSTATED, "FHIR MedicationStatement/mtx: " + mtx),
        new Therapy("tacrolimus", List.of(RXNORM + "42316"), TherapyKind.MEDICATION, Status.ACTIVE,
            LocalDate.of(2026, 8, 29), null, Response.UNSTATED, "FHIR MedicationStatement/tacrolimus: tacrolimus"),
        // stopped, and its statusReason says steroid-refractory
        new Therapy("methylprednisolone", List.of(RXNORM + "6902"), TherapyKind.MEDICATION, Status.PAST,
            LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 3), Response.REFRACTORY,
            "FHIR MedicationStatement/methylpred: methylprednisolone"),
        // a relative reference, Medication/rux, to a Medication included in the search
        new Therapy("ruxolitinib", List.of(RXNORM + "1193326"), TherapyKind.MEDICATION, Status.ACTIVE,
            LocalDate.of(2026, 11, 4), null, Response.UNSTATED, "FHIR MedicationRequest/rux-order: ruxolitinib")),
        p.therapies());
    assertEquals(new Performance(PerformanceScale.KARNOFSKY, 60,
        "FHIR Observation/kps: Karnofsky Performance Status score 60"), p.performance());
    LocalDate labs = LocalDate.of(2026, 11, 28);
    assertEquals(List.of(
        new Observation("Bilirubin, total", LOINC + "1975-2", 1.1, "mg/dL", 0.1, 1.2, labs,
            "FHIR Observation/bili: Bilirubin, total 1.1 mg/dL"),
        new Observation("Creatinine", LOINC + "2160-0", 1.02, "mg/dL", 0.76, 1.27, labs,
            "FHIR Observation/creat: Creatinine 1.02 mg/dL"),
        // unit "K/uL" as displayed, UCUM code 10*3/uL as kept
        new Observation("ANC", LOINC + "751-8", 2.1, "10*3/uL", 1.4, 7.0, labs, "FHIR Observation/anc: ANC 2.1 10*3/uL"),
        new Observation("Platelets", LOINC + "777-3", 48, "10*3/uL", 150.0, 400.0, labs,
            "FHIR Observation/plt: Platelets 48 10*3/uL"),
        // a comparator stays in the evidence
        new Observation("CRP", LOINC + "1988-5", 5, "mg/L", null, null, labs, "FHIR Observation/crp: CRP < 5 mg/L"),
        new Observation("Weight", LOINC + "29463-7", 71.4, "kg", null, null, labs,
            "FHIR Observation/weight: Weight 71.4 kg")), p.observations());
    // (the entered-in-error platelet count of 480, the Provenance and the OperationOutcome are left out)
    assertNull(p.pregnant());
    assertEquals(List.of(), p.facts());
  }

  @Test
  void aStreamReadsTheSameAsAString() {
    String json = bundle("msc-gvhd.json");
    assertEquals(FhirPatients.read(json, AS_OF),
        FhirPatients.read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), AS_OF));
  }

  @Test
  void aLonePatientResourceIsABundleHoldingOnlyIt() {
    Patient p = FhirPatients.read(bundle("lone-patient.json"), AS_OF);
    assertEquals(new Fact<>(Sex.FEMALE, "FHIR Patient/solo gender: female"), p.sex());
    assertEquals(LocalDate.of(2011, 7, 1), p.birthDate(), "a partial birth date is its first day");
    assertEquals(List.of(), p.conditions());
  }

  @Test
  void resourcesOfTypesNotMappedAreSkippedUnreadEvenWhenBroken() {
    Patient p = FhirPatients.read(bundle("ignored-types.json"), AS_OF);
    assertEquals(List.of(new Condition("Chronic obstructive lung disease (disorder)", List.of(SCT + "13645005"),
        Status.ACTIVE, null, "FHIR Condition/copd: Chronic obstructive lung disease (disorder)")), p.conditions());
    assertEquals(LocalDate.of(1950, 1, 1), p.birthDate());
  }

  @Test
  void aBundleWithoutAPatientStillGivesTheFactsOfItsOneSubject() {
    Patient p = FhirPatients.read("""
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"resource": {"resourceType": "Condition", "code": {"text": "Crohn disease"}, "subject": {"reference": "Patient/x"}}},
          {"resource": {"resourceType": "Condition", "code": {"text": "Anemia"}, "subject": {"reference": "Patient/x"}}}]}""",
        AS_OF);
    assertEquals(List.of("Crohn disease FHIR Condition at entry[0]: Crohn disease",
        "Anemia FHIR Condition at entry[1]: Anemia"),
        p.conditions().stream().map(c -> c.name() + " " + c.evidence()).toList());
    assertNull(p.sex());
  }

  // ---- malformed bundles

  @Test
  void severalPatientsAreRefusedNamingThem() {
    PatientFormatException e = rejected(bundle("two-patients.json"));
    assertEquals("bundle holds 2 patients (Patient/a, Patient/b); send one", e.getMessage());
  }

  @Test
  void aResourceAboutAnotherPatientIsRefused() {
    assertEquals("entry[2] (Condition/theirs): subject Patient/q is not the bundle's patient (Patient/p); send one "
        + "patient's resources", rejected(bundle("foreign-subject.json")).getMessage());
  }

  @Test
  void aMalformedResourceNamesItsIndexAndType() {
    PatientFormatException e = rejected(bundle("bad-observation-value.json"));
    assertEquals("entry[2] (Observation/crp)", e.path());
    assertTrue(e.getMessage().startsWith("entry[2] (Observation/crp): not a valid FHIR R4 Observation: "), e.getMessage());
    assertTrue(e.getMessage().contains("high"), e.getMessage());
  }

  @Test
  void anUnknownElementIsRefusedByTheStrictParser() {
    PatientFormatException e = rejected(bundle("unknown-element.json"));
    assertTrue(e.getMessage().startsWith("entry[1] (Condition/crohn): not a valid FHIR R4 Condition: "), e.getMessage());
    assertTrue(e.getMessage().contains("onsetDate"), e.getMessage());
  }

  @Test
  void anImpossibleDateIsRefused() {
    PatientFormatException e = rejected(bundle("impossible-date.json"));
    assertTrue(e.getMessage().startsWith("entry[1] (Procedure/appendectomy): "), e.getMessage());
    assertTrue(e.getMessage().contains("2019-02-30"), e.getMessage());
  }

  @Test
  void aMemberWithAnEmptyNameIsRefusedWithItsPlace() {
    // Found by FhirPatientsFuzzTest: HAPI threw StringIndexOutOfBoundsException on a member named "".
    PatientFormatException e = rejected("""
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"resource": {"resourceType": "Patient", "gender": "female"}},
          {"resource": {"resourceType": "Condition", "code": {"text": "asthma"}, "": "active"}}]}""");
    assertTrue(e.getMessage().contains("not a valid FHIR R4 Condition: resource has a member with an empty name"),
        e.getMessage());
    assertTrue(e.getMessage().contains("entry[1]"), e.getMessage());
  }

  @Test
  void anotherLoneResourceIsNotABundle() {
    assertEquals("expected a FHIR Bundle, got a Condition resource; send the patient's resources in a Bundle "
        + "(\"type\": \"collection\"), or a lone Patient", rejected(bundle("lone-condition.json")).getMessage());
    assertEquals("expected a FHIR Bundle, got JSON without a resourceType; send the patient's resources in a Bundle "
        + "(\"type\": \"collection\"), or a lone Patient", rejected("{\"entry\": []}").getMessage());
    assertEquals("expected a FHIR Bundle (a JSON object with \"resourceType\": \"Bundle\"), got JSON [",
        rejected("[{\"resourceType\": \"Bundle\"}]").getMessage());
    assertEquals("expected a FHIR Bundle (a JSON object with \"resourceType\": \"Bundle\"), got nothing",
        rejected("").getMessage());
  }

  @Test
  void textThatIsNotJsonIsRefusedWithItsPosition() {
    PatientFormatException e = rejected("{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": }]}");
    assertTrue(e.getMessage().startsWith("not valid JSON at line 1, column "), e.getMessage());
    assertTrue(rejected("{\"resourceType\": \"Bundle\"} trailing").getMessage().startsWith("not valid JSON"));
  }

  @Test
  void entriesThatAreNotResourcesAreRefused() {
    assertEquals("entry[0].resource: has no resourceType; every FHIR resource names its type",
        rejected("{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": {\"id\": \"x\"}}]}").getMessage());
    assertEquals("entry[1]: expected a bundle entry (an object), got a string",
        rejected("{\"resourceType\": \"Bundle\", \"entry\": [{}, \"Patient/x\"]}").getMessage());
  }

  @Test
  void aScoreOutsideItsScaleIsRefused() {
    assertEquals("entry[0] (Observation/e): ECOG Performance Status score: ECOG score 7 is outside the scale (0 to 5)",
        rejected("""
            {"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Observation", "id": "e",
             "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "89247-1",
             "display": "ECOG Performance Status score"}]}, "valueInteger": 7}}]}""").getMessage());
  }

  @Test
  void aFractionalEcogScoreIsRefused() {
    assertEquals("entry[0] (Observation/e): ECOG Performance Status score: ECOG score 1.5 is not a whole number",
        rejected("""
            {"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Observation", "id": "e",
             "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "89247-1",
             "display": "ECOG Performance Status score"}]}, "valueQuantity": {"value": 1.5}}}]}""").getMessage());
  }

  @Test
  void deepNestingAndAByteOrderMarkAreHandled() {
    String deep = "{\"resourceType\": \"Bundle\", \"entry\": [{\"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}]}";
    assertTrue(rejected(deep).getMessage().startsWith("not valid JSON"), "a nesting bomb is not a bundle");
    String json = bundle("lone-patient.json");
    assertEquals(FhirPatients.read(json, AS_OF), FhirPatients.read("\uFEFF" + json, AS_OF));
  }

  @Test
  void aBirthAfterTheDateOfTheFactsIsRefused() {
    assertEquals("entry[0] (Patient/p): birthDate 2027-01-02 is after the date the facts describe, 2026-11-30",
        rejected("""
            {"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Patient", "id": "p",
             "birthDate": "2027-01-02"}}]}""").getMessage());
  }

  @Test
  void randomDamageToABundleIsEitherReadOrRefusedWithAFormatError() {
    String json = bundle("msc-gvhd.json");
    Random random = new Random(10);
    String noise = "{}[]\",:0-9eE.x\\ ";
    int read = 0;
    for (int i = 0; i < 400; i++) {
      StringBuilder s = new StringBuilder(json);
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        int at = random.nextInt(s.length());
        switch (random.nextInt(3)) {
          case 0 -> s.deleteCharAt(at);
          case 1 -> s.insert(at, noise.charAt(random.nextInt(noise.length())));
          default -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
        }
      }
      try {
        FhirPatients.read(s.toString(), AS_OF);
        read++;
      } catch (PatientFormatException e) {
        assertTrue(!e.getMessage().isBlank());
      }
    }
    assertTrue(read > 0, "some damage (inside text, in skipped resources) leaves a readable bundle");
  }
}
