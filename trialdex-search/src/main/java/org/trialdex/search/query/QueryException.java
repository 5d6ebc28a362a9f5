package org.trialdex.search.query;

import java.util.OptionalInt;

/**
 * A search request that cannot be read: an unknown parameter, a value outside what the parameter
 * accepts, or an Essie query with a syntax error. The message says what is wrong, where (the
 * parameter, and for syntax errors the character position), and what is accepted; an HTTP layer
 * can show it as it is, with status 400.
 */
public final class QueryException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String parameter;
  private final int position;
  private final boolean unknownParameter;
  private final String invalidValue;

  QueryException(String parameter, String message) {
    this(parameter, message, false, null);
  }

  private QueryException(String parameter, String message, boolean unknownParameter, String invalidValue) {
    super(parameter + ": " + message);
    this.parameter = parameter;
    this.position = -1;
    this.unknownParameter = unknownParameter;
    this.invalidValue = invalidValue;
  }

  QueryException(String parameter, int position, String message) {
    super(parameter + ": " + message + " (at position " + position + ")");
    this.parameter = parameter;
    this.position = position;
    this.unknownParameter = false;
    this.invalidValue = null;
  }

  /** {@code value} is not one of the constants {@code parameter} takes; {@code message} says which are. */
  static QueryException invalidValue(String parameter, String value, String message) {
    return new QueryException(parameter, message, false, value);
  }

  /**
   * The value, for an error about one item of a parameter that takes constants (a status, a
   * phase): an HTTP layer may word it as ClinicalTrials.gov does; empty for other errors.
   */
  public java.util.Optional<String> invalidValue() {
    return java.util.Optional.ofNullable(invalidValue);
  }

  /** {@code parameter} is not one the search takes; {@code message} says which are. */
  static QueryException unknownParameter(String parameter, String message) {
    return new QueryException(parameter, message, true, null);
  }

  /**
   * Whether the parameter's name is what is wrong (not one the search takes), rather than its
   * value; an HTTP layer may word the two differently.
   */
  public boolean isUnknownParameter() {
    return unknownParameter;
  }

  /** The parameter whose name or value is wrong, e.g. {@code query.cond}. */
  public String parameter() {
    return parameter;
  }

  /**
   * For syntax errors, the 0-based character position in the parameter's value where the problem
   * was found; empty for errors about the value as a whole.
   */
  public OptionalInt position() {
    return position < 0 ? OptionalInt.empty() : OptionalInt.of(position);
  }
}
