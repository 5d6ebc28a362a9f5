package org.trialdex.search;

/**
 * The search module's one exception: an index that cannot be opened or written, or a request that
 * does not fit the schema (an unknown field, a value that is not a date, a tampered page token).
 * The message says what failed, where, and what is accepted; the HTTP API shows it as a 400 when
 * the request was at fault.
 */
public final class SearchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SearchException(String message) {
    super(message);
  }

  public SearchException(String message, Throwable cause) {
    super(message, cause);
  }
}
