package org.trialdex.core.eligibility;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.trialdex.core.terms.Vocabulary;

/**
 * Fuzzes the clinical-note reader: any text gives a patient, or an {@link IllegalArgumentException}
 * with a message for an empty or over-long note, nothing else. It reads through the curated
 * vocabulary, so it needs no terminology folder. The seed corpus ({@code NoteReaderFuzzTestInputs/})
 * runs in the normal suite; {@code scripts/fuzz note 3m} fuzzes it.
 */
class NoteReaderFuzzTest {

  private static final NoteReader READER = new NoteReader(Vocabulary.curated());
  private static final LocalDate AS_OF = LocalDate.of(2021, 6, 1);

  @FuzzTest(maxDuration = "30s")
  void anyTextGivesAPatientOrSaysWhyNot(byte[] data) {
    String note = new String(data, StandardCharsets.UTF_8);
    Patient patient;
    try {
      patient = READER.read(note, AS_OF);
    } catch (IllegalArgumentException e) {
      assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "the error says what is wrong");
      return;
    }
    assertNotNull(patient);
  }
}
