package org.trialdex.ingest.patient;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.trialdex.core.eligibility.PatientFormatException;

/**
 * Fuzzes the FHIR R4 patient reader: any text gives a patient or a {@link PatientFormatException}
 * with a message, nothing else. The seed corpus ({@code FhirPatientsFuzzTestInputs/}) runs in the
 * normal suite; {@code scripts/fuzz fhir 3m} fuzzes it.
 */
class FhirPatientsFuzzTest {

  private static final LocalDate AS_OF = LocalDate.of(2024, 1, 15);

  @FuzzTest(maxDuration = "30s")
  void anyTextGivesAPatientOrAFormatError(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      assertNotNull(FhirPatients.read(text, AS_OF));
    } catch (PatientFormatException e) {
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().isBlank(), "the error says what is wrong");
    }
  }
}
