package org.trialdex.core.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trialdex.core.eligibility.Patient.Condition;
import org.trialdex.core.eligibility.Patient.Fact;
import org.trialdex.core.eligibility.Patient.Observation;
import org.trialdex.core.eligibility.Patient.Performance;
import org.trialdex.core.eligibility.Patient.Response;
import org.trialdex.core.eligibility.Patient.Sex;
import org.trialdex.core.eligibility.Patient.Status;
import org.trialdex.core.eligibility.Patient.Therapy;
import org.trialdex.core.eligibility.Patient.TherapyKind;

/**
 * The patient JSON form as a user fills it in: a full form read into exact facts with their evidence,
 * partial dates, a round trip, and each way a form can be wrong with the message that names the place.
 */
class PatientJsonTest {

  /** A woman with steroid-refractory Crohn disease, as the portal's form would send her. */
  private static final String FULL = """
      {"asOf": "2026-11-30", "age": 45, "birthDate": "1981-05-02", "sex": "Female",
       "conditions": [
         {"name": "Crohn disease", "codes": ["mesh|D003424", "http://snomed.info/sct|34000006"],
          "status": "active", "onset": "2019-04"},
         {"name": "perianal fistula", "status": "PAST", "onset": "2021"},
         {"name": "tuberculosis", "status": "absent"}],
       "observations": [
         {"name": "creatinine", "code": "http://loinc.org|2160-0", "value": 1.1, "unit": "mg/dL",
          "low": 0.6, "high": 1.2, "date": "2026-11-01"},
         {"name": "hemoglobin", "value": 10.4, "unit": "g/dL"}],
       "medications": [
         {"name": "prednisone", "codes": ["http://www.nlm.nih.gov/research/umls/rxnorm|8640"], "status": "past",
          "start": "2026-06", "end": "2026-09-15", "response": "refractory"},
         {"name": "infliximab", "codes": [], "status": "active", "start": "2026-10-01"},
         {"name": "natalizumab", "status": "absent"}],
       "procedures": [{"name": "ileocecal resection", "status": "past", "start": "2022-03-14", "end": "2022-03-14",
          "response": "responsive"}],
       "performance": {"scale": "ecog", "value": 1},
       "pregnant": false, "lactating": false,
       "facts": ["smokes 10 cigarettes a day"]}""";

  private static PatientFormatException rejected(String json) {
    return assertThrows(PatientFormatException.class, () -> PatientJson.read(json));
  }

  @Test
  void aFullFormGivesEveryFactWithItsPlaceInTheFormAsEvidence() {
    Patient p = PatientJson.read(FULL);
    assertEquals(LocalDate.of(2026, 11, 30), p.asOf());
    assertEquals(new Fact<>(45.0, "form: age"), p.age());
    assertEquals(LocalDate.of(1981, 5, 2), p.birthDate());
    assertEquals(new Fact<>(Sex.FEMALE, "form: sex"), p.sex());
    assertEquals(List.of(
        new Condition("Crohn disease", List.of("mesh|D003424", "http://snomed.info/sct|34000006"), Status.ACTIVE,
            LocalDate.of(2019, 4, 1), "form: conditions[0]"),
        new Condition("perianal fistula", List.of(), Status.PAST, LocalDate.of(2021, 1, 1), "form: conditions[1]"),
        new Condition("tuberculosis", List.of(), Status.ABSENT, null, "form: conditions[2]")), p.conditions());
    assertEquals(List.of(
        new Observation("creatinine", "http://loinc.org|2160-0", 1.1, "mg/dL", 0.6, 1.2, LocalDate.of(2026, 11, 1),
            "form: observations[0]"),
        new Observation("hemoglobin", null, 10.4, "g/dL", null, null, null, "form: observations[1]")),
        p.observations());
    assertEquals(List.of(
        new Therapy("prednisone", List.of("http://www.nlm.nih.gov/research/umls/rxnorm|8640"), TherapyKind.MEDICATION,
            Status.PAST, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 9, 15), Response.REFRACTORY,
            "form: medications[0]"),
        new Therapy("infliximab", List.of(), TherapyKind.MEDICATION, Status.ACTIVE, LocalDate.of(2026, 10, 1), null,
            Response.UNSTATED, "form: medications[1]"),
        new Therapy("natalizumab", List.of(), TherapyKind.MEDICATION, Status.ABSENT, null, null, Response.UNSTATED,
            "form: medications[2]"),
        new Therapy("ileocecal resection", List.of(), TherapyKind.PROCEDURE, Status.PAST, LocalDate.of(2022, 3, 14),
            LocalDate.of(2022, 3, 14), Response.RESPONSIVE, "form: procedures[0]")), p.therapies());
    assertEquals(new Performance(PerformanceScale.ECOG, 1, "form: performance"), p.performance());
    assertEquals(new Fact<>(false, "form: pregnant"), p.pregnant());
    assertEquals(new Fact<>(false, "form: lactating"), p.lactating());
    assertEquals(List.of("smokes 10 cigarettes a day"), p.facts());
  }

  @Test
  void anEmptyFormIsAPatientWithNothingKnownAsOfToday() {
    LocalDate before = LocalDate.now();
    Patient p = PatientJson.read("{}");
    assertTrue(!p.asOf().isBefore(before) && !p.asOf().isAfter(LocalDate.now()));
    assertEquals(Patient.empty(p.asOf()), p);
  }

  @Test
  void nullIsTheSameAsAbsent() {
    Patient p = PatientJson.read("""
        {"asOf": "2026-11-30", "age": null, "sex": null, "conditions": null,
         "medications": [{"name": "aspirin", "status": null, "start": null}]}""");
    assertNull(p.age());
    assertNull(p.sex());
    assertEquals(List.of(new Therapy("aspirin", List.of(), TherapyKind.MEDICATION, Status.ACTIVE, null, null,
        Response.UNSTATED, "form: medications[0]")), p.therapies());
  }

  @Test
  void partialDatesAreTheFirstDayOfTheirMonthOrYear() {
    Patient p = PatientJson.read("""
        {"asOf": "2026-11", "birthDate": "1981",
         "conditions": [{"name": "acute GVHD", "onset": "2026-02"}],
         "procedures": [{"name": "allogeneic HSCT", "status": "past", "start": "2025-12", "end": "2026"}]}""");
    assertEquals(LocalDate.of(2026, 11, 1), p.asOf());
    assertEquals(LocalDate.of(1981, 1, 1), p.birthDate());
    assertEquals(LocalDate.of(2026, 2, 1), p.conditions().getFirst().onset());
    assertEquals(LocalDate.of(2025, 12, 1), p.therapies().getFirst().start());
    assertEquals(LocalDate.of(2026, 1, 1), p.therapies().getFirst().end());
    assertEquals(45.0 + 10 / 12.0, p.ageYears().orElseThrow().value(), 1e-9);
  }

  @Test
  void aFormWrittenAndReadBackIsTheSamePatient() {
    Patient p = PatientJson.read(FULL);
    String written = PatientJson.write(p);
    assertEquals(p, PatientJson.read(written));
    assertEquals(written, PatientJson.write(PatientJson.read(written)));
    assertTrue(written.contains("\"age\" : 45,"), written);
    assertTrue(written.contains("\"onset\" : \"2019-04-01\""), "partial dates are written whole: " + written);
  }

  @Test
  void aPatientFromAnotherSourceIsWrittenWithItsValuesAndReadBackWithFormEvidence() {
    Patient fromNote = Patient.empty(LocalDate.of(2026, 11, 30))
        .withAge(new Fact<>(7.5, "note: 7 1/2-year-old boy"))
        .withSex(new Fact<>(Sex.MALE, "note: boy"))
        .withTherapies(List.of(
            new Therapy("radiation", List.of(), TherapyKind.PROCEDURE, Status.PAST, null, null, null, "note: s/p XRT"),
            new Therapy("vincristine", List.of(), TherapyKind.MEDICATION, Status.ACTIVE, null, null, null, "note: on VCR")))
        .withPerformance(new Performance(PerformanceScale.LANSKY, 70, "note: Lansky 70"));
    Patient back = PatientJson.read(PatientJson.write(fromNote));
    assertEquals(new Fact<>(7.5, "form: age"), back.age());
    assertEquals(new Performance(PerformanceScale.LANSKY, 70, "form: performance"), back.performance());
    // Medications are written before procedures, so the evidence counts each list on its own.
    assertEquals(List.of("vincristine form: medications[0]", "radiation form: procedures[0]"),
        back.therapies().stream().map(t -> t.name() + " " + t.evidence()).toList());
  }

  @Test
  void aByteOrderMarkIsNotContent() {
    assertEquals(PatientJson.read(FULL), PatientJson.read("\uFEFF" + FULL));
    assertEquals(PatientJson.read(FULL), PatientJson.read(new ByteArrayInputStream(
        ("\uFEFF" + FULL).getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void readsFromAStream() {
    Patient p = PatientJson.read(new ByteArrayInputStream(FULL.getBytes(StandardCharsets.UTF_8)));
    assertEquals(PatientJson.read(FULL), p);
  }

  // ---- malformed forms: each names the place and what was expected

  @Test
  void wrongTypesNameThePathAndTheValue() {
    assertEquals("observations[1].value: expected a number, got \"high\"", rejected("""
        {"observations": [{"name": "a", "value": 1}, {"name": "b", "value": "high"}]}""").getMessage());
    assertEquals("age: expected a number, got \"45\"", rejected("{\"age\": \"45\"}").getMessage());
    assertEquals("pregnant: expected true or false, got \"no\"", rejected("{\"pregnant\": \"no\"}").getMessage());
    assertEquals("conditions: expected an array, got an object", rejected("{\"conditions\": {\"name\": \"x\"}}")
        .getMessage());
    assertEquals("conditions[0]: expected a condition (an object), got \"asthma\"",
        rejected("{\"conditions\": [\"asthma\"]}").getMessage());
    assertEquals("facts[1]: expected a string, got 3", rejected("{\"facts\": [\"a\", 3]}").getMessage());
    assertEquals("medications[0].codes[0]: expected system|code (\"mesh|D003424\", \"http://loinc.org|2160-0\"), "
        + "got \"8640\"", rejected("{\"medications\": [{\"name\": \"prednisone\", \"codes\": [\"8640\"]}]}")
        .getMessage());
    assertEquals("", rejected("[]").path());
    assertEquals("expected a JSON object, got an array", rejected("[]").getMessage());
  }

  @Test
  void requiredPartsOfAnEntryAreNamed() {
    assertEquals("conditions[0].name: missing; every condition needs a name",
        rejected("{\"conditions\": [{\"status\": \"active\"}]}").getMessage());
    assertEquals("procedures[0].name: is blank; every procedure needs a name",
        rejected("{\"procedures\": [{\"name\": \"  \"}]}").getMessage());
    assertEquals("observations[0].value: missing; every observation needs a numeric value",
        rejected("{\"observations\": [{\"name\": \"ALT\", \"unit\": \"U/L\"}]}").getMessage());
    assertEquals("performance.scale: missing; expected one of ECOG, Karnofsky, Lansky",
        rejected("{\"performance\": {\"value\": 1}}").getMessage());
  }

  @Test
  void unknownEnumWordsListTheWordsThatAreKnown() {
    assertEquals("sex: expected one of female, male, got \"f\"", rejected("{\"sex\": \"f\"}").getMessage());
    assertEquals("conditions[0].status: expected one of active, past, absent, got \"resolved\"",
        rejected("{\"conditions\": [{\"name\": \"x\", \"status\": \"resolved\"}]}").getMessage());
    assertEquals("medications[0].response: expected one of refractory, responsive, got \"partial\"",
        rejected("{\"medications\": [{\"name\": \"x\", \"response\": \"partial\"}]}").getMessage());
    assertEquals("performance.scale: expected one of ECOG, Karnofsky, Lansky, got \"WHO\"",
        rejected("{\"performance\": {\"scale\": \"WHO\", \"value\": 1}}").getMessage());
  }

  @Test
  void impossibleDatesAreRefused() {
    assertEquals("conditions[0].onset: \"2026-02-30\" is not a calendar date (Invalid date 'FEBRUARY 30')",
        rejected("{\"conditions\": [{\"name\": \"x\", \"onset\": \"2026-02-30\"}]}").getMessage());
    assertTrue(rejected("{\"birthDate\": \"1981-13\"}").getMessage()
        .startsWith("birthDate: \"1981-13\" is not a calendar date (Invalid value for MonthOfYear"));
    assertEquals("asOf: expected a date YYYY-MM-DD, YYYY-MM or YYYY, got \"30/11/2026\"",
        rejected("{\"asOf\": \"30/11/2026\"}").getMessage());
    assertEquals("birthDate: 2027-01-01 is after asOf 2026-11-30",
        rejected("{\"asOf\": \"2026-11-30\", \"birthDate\": \"2027\"}").getMessage());
    assertEquals("medications[0].end: 2026-01-01 is before start 2026-03-01",
        rejected("{\"medications\": [{\"name\": \"x\", \"start\": \"2026-03\", \"end\": \"2026\"}]}").getMessage());
  }

  @Test
  void unknownFieldsAreRefusedWithTheirNameSoATypoIsNeverIgnored() {
    PatientFormatException top = rejected("{\"age\": 45, \"pregnent\": true}");
    assertEquals("pregnent", top.path());
    assertEquals("pregnent: unknown field (did you mean \"pregnant\"?); the fields of the form are asOf, age, "
        + "birthDate, sex, conditions, observations, medications, procedures, performance, pregnant, lactating, facts",
        top.getMessage());
    assertEquals("diagnosis: unknown field; the fields of the form are asOf, age, birthDate, sex, conditions, "
        + "observations, medications, procedures, performance, pregnant, lactating, facts",
        rejected("{\"diagnosis\": \"Crohn\"}").getMessage());
    assertEquals("conditions[0].stauts: unknown field (did you mean \"status\"?); the fields of a condition are "
        + "name, codes, status, onset", rejected("{\"conditions\": [{\"name\": \"x\", \"stauts\": \"past\"}]}")
        .getMessage());
    assertEquals("observations[0].units", rejected("{\"observations\": [{\"name\": \"x\", \"value\": 1, "
        + "\"units\": \"mg\"}]}").path());
  }

  @Test
  void outOfRangeValuesAreRefused() {
    assertEquals("age: 150 is not a human age in years (0 to 130)", rejected("{\"age\": 150}").getMessage());
    assertEquals("age: -1 is not a human age in years (0 to 130)", rejected("{\"age\": -1}").getMessage());
    assertEquals("age: 45 does not agree with birthDate 2000-01-01 (26 years on 2026-11-30); give one of them or "
        + "correct it", rejected("{\"asOf\": \"2026-11-30\", \"age\": 45, \"birthDate\": \"2000\"}").getMessage());
    assertEquals("performance.value: 7 is not a score on the ECOG scale (an integer, 0 to 5)",
        rejected("{\"performance\": {\"scale\": \"ECOG\", \"value\": 7}}").getMessage());
    assertEquals("performance.value: 1.5 is not a score on the ECOG scale (an integer, 0 to 5)",
        rejected("{\"performance\": {\"scale\": \"ECOG\", \"value\": 1.5}}").getMessage());
    assertEquals("observations[0]: the range's low 5 is above its high 1",
        rejected("{\"observations\": [{\"name\": \"x\", \"value\": 1, \"low\": 5, \"high\": 1}]}").getMessage());
  }

  @Test
  void nonFiniteNumbersAreRefused() {
    assertEquals("observations[0].value: expected a finite number, got one too large for a double",
        rejected("{\"observations\": [{\"name\": \"x\", \"value\": 1e999}]}").getMessage());
    // JSON has no NaN; the parser says so.
    assertTrue(rejected("{\"age\": NaN}").getMessage().startsWith("not valid JSON at line 1, column "));
  }

  @Test
  void notJsonDuplicatesAndTrailingTextAreRefusedWithTheirPosition() {
    assertTrue(rejected("{\"age\": 45,}").getMessage().startsWith("not valid JSON at line 1, column 12: "));
    assertTrue(rejected("{\"age\": 45, \"age\": 46}").getMessage().contains("Duplicate field 'age'"));
    assertTrue(rejected("{\"age\": 45} {\"age\": 46}").getMessage().startsWith("not valid JSON"));
    assertEquals("the input is empty; expected a JSON object such as {\"age\": 45}", rejected("  ").getMessage());
  }

  @Test
  void inputOverOneMegabyteIsRefusedBeforeParsing() {
    String big = "{\"facts\": [\"" + "x".repeat(PatientJson.MAX_BYTES) + "\"]}";
    String message = "the patient JSON is over 1 MB (1048576 bytes); a patient's form is a few kilobytes: send one "
        + "patient, without attachments";
    assertEquals(message, rejected(big).getMessage());
    assertEquals(message, assertThrows(PatientFormatException.class, () -> PatientJson.read(
        new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).getMessage());
    // Under the limit in characters, over it in UTF-8 bytes.
    String wide = "{\"facts\": [\"" + "é".repeat(PatientJson.MAX_BYTES / 2 + 1) + "\"]}";
    assertEquals(message, rejected(wide).getMessage());
  }

  @Test
  void deepNestingIsRefusedEarly() {
    String deep = "{\"facts\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertTrue(rejected(deep).getMessage().startsWith("not valid JSON"), "a nesting bomb is not a patient");
  }

  private static final String NOISE = "{}[]\",:0-9eE.x\\ ";

  @Test
  void randomDamageToAFormIsEitherReadOrRefusedWithAFormatError() {
    Random random = new Random(10);
    int read = 0;
    for (int i = 0; i < 3000; i++) {
      StringBuilder s = new StringBuilder(FULL);
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        int at = random.nextInt(s.length());
        switch (random.nextInt(3)) {
          case 0 -> s.deleteCharAt(at);
          case 1 -> s.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
          default -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
        }
      }
      try {
        PatientJson.read(s.toString());
        read++;
      } catch (PatientFormatException e) {
        assertTrue(!e.getMessage().isBlank());
      }
    }
    assertTrue(read > 0, "some damage (inside free text) leaves a readable form");
  }
}
