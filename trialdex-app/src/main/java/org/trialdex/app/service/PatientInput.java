package org.trialdex.app.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.trialdex.core.eligibility.Patient;
import org.trialdex.core.eligibility.PatientFormatException;
import org.trialdex.core.eligibility.PatientJson;
import org.trialdex.ingest.patient.FhirPatients;

/**
 * A patient as a caller gives one: trialdex's JSON form, a FHIR R4 Bundle, or a clinical note. The
 * same reading for the command line, the API and the portal; the text is read and forgotten.
 */
public final class PatientInput {

  /** The forms a patient comes in. */
  public enum Form {
    /** trialdex's own JSON form ({@link PatientJson}). */
    JSON,
    /** A FHIR R4 Bundle with one Patient. */
    FHIR,
    /** A free-text clinical note. */
    NOTE;

    /** The form a name stands for ("json", "fhir", "note"), case aside. */
    public static Form named(String name) {
      try {
        return Form.valueOf(name.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new PatientFormatException("form", "unknown patient form '" + name + "'; use json, fhir or note");
      }
    }
  }

  private PatientInput() {}

  /**
   * Reads {@code text} in {@code form}, as of today by {@code clock}.
   *
   * @throws PatientFormatException when the text is not a patient in that form (the message says where)
   */
  public static Patient read(Form form, String text, Matches matches, Clock clock) {
    if (text == null || text.isBlank()) {
      throw new PatientFormatException("patient", "no patient given: send trialdex's patient JSON, a FHIR R4 Bundle or a note");
    }
    return switch (form) {
      case JSON -> PatientJson.read(text);
      case FHIR -> FhirPatients.read(text, LocalDate.now(clock));
      case NOTE -> {
        try {
          yield matches.readNote(text);
        } catch (IllegalArgumentException e) {
          throw new PatientFormatException("note", e.getMessage(), e);
        }
      }
    };
  }

  /** The form of a body by its first characters: a JSON object with resourceType Bundle is FHIR, another object our form, else a note. */
  public static Form sniff(String text) {
    String t = text == null ? "" : text.stripLeading();
    if (t.startsWith("{")) {
      return t.matches("(?s)\\{\\s*(?:\"[^\"]*\"\\s*:\\s*(?:\"[^\"]*\"|[^,{}\\[\\]]*)\\s*,\\s*)*\"resourceType\"\\s*:\\s*\"Bundle\".*")
          || t.contains("\"resourceType\"") ? Form.FHIR : Form.JSON;
    }
    return Form.NOTE;
  }
}
