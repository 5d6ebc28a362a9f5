package org.trialdex.core.eligibility;

/**
 * A patient could not be read: the input is not the form it claims to be, or a value in it is
 * wrong. The message starts with the path of the offending value in the input
 * ({@code observations[2].value: expected a number, got "high"}) and says what was expected, so the
 * sender can fix that one place. Readers of every patient format (trialdex's JSON form, FHIR R4
 * bundles) throw it, so a face maps one exception to "bad patient input".
 */
public final class PatientFormatException extends RuntimeException {

  private final String path;

  /**
   * @param path where in the input the problem is ({@code conditions[0].status}, {@code entry[3] (Observation)}),
   *     or "" for the input as a whole
   * @param problem what is wrong and, where it helps, what was expected
   */
  public PatientFormatException(String path, String problem) {
    this(path, problem, null);
  }

  /**
   * @param path where in the input the problem is, or "" for the input as a whole
   * @param problem what is wrong and, where it helps, what was expected
   * @param cause the parser's own exception, kept for its detail
   */
  public PatientFormatException(String path, String problem, Throwable cause) {
    super(path == null || path.isEmpty() ? problem : path + ": " + problem, cause);
    this.path = path == null ? "" : path;
  }

  /** Where in the input the problem is, or "" when it concerns the whole input. */
  public String path() {
    return path;
  }
}
