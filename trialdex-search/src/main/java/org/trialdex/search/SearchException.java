package org.trialdex.search;

/**
 * The search module's one exception: an index that cannot be opened or written, or a request that
 * does not fit the schema (an unknown field, a value that is not a date, a tampered page token).
 * The message says what failed, where, and what is accepted; the HTTP API shows it as a 400 when
 * the request was at fault. {@link #isIndexFailure()} tells the two apart: the index (its folder,
 * its disk) failed, or the request was wrong.
 */
public final class SearchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Whether the index failed (not the request). */
  private final boolean indexFailure;
  /** The parameter whose query named the field, when known. */
  private final String parameter;
  /** The AREA[...] name that is no field, for that error. */
  private final String unknownArea;

  /** A request that does not fit: the caller's fault. */
  public SearchException(String message) {
    super(message);
    this.indexFailure = false;
    this.parameter = null;
    this.unknownArea = null;
  }

  private SearchException(String message, Throwable cause, String parameter, String unknownArea) {
    super(message, cause);
    this.indexFailure = false;
    this.parameter = parameter;
    this.unknownArea = unknownArea;
  }

  /** {@code AREA[area]} names no field; {@code message} says which there are. */
  static SearchException unknownArea(String area, String message) {
    return new SearchException(message, null, null, area);
  }

  /**
   * This error, as raised by the query of {@code parameter} ({@code query.intr},
   * {@code filter.advanced}); an error that already names its parameter is returned as it is.
   */
  SearchException in(String parameter) {
    return this.parameter != null || indexFailure ? this
        : new SearchException(getMessage(), getCause(), parameter, unknownArea);
  }

  /** The parameter whose query the error is in, when known. */
  public java.util.Optional<String> parameter() {
    return java.util.Optional.ofNullable(parameter);
  }

  /** For an {@code AREA[...]} that names no field, the name. */
  public java.util.Optional<String> unknownArea() {
    return java.util.Optional.ofNullable(unknownArea);
  }

  /** A request that does not fit: the caller's fault, with the cause. */
  public SearchException(String message, Throwable cause) {
    this(message, cause, null, null);
  }

  private SearchException(String message, Throwable cause, boolean indexFailure) {
    super(message, cause);
    this.indexFailure = indexFailure;
    this.parameter = null;
    this.unknownArea = null;
  }

  /**
   * The index failed: it cannot be opened, read or written (a folder that cannot be written, a
   * full disk, a lock held by another process). Not the request's fault.
   *
   * @param cause the cause, or null
   */
  public static SearchException indexFailure(String message, Throwable cause) {
    return new SearchException(diskFull(cause) ? message + "; the disk holding the search index"
        + " is full: free space there, or give --index a folder on a disk with room (the index is"
        + " derived from the store: nothing stored is lost)" : message, cause, true);
  }

  /** Whether a cause says the disk is full (ENOSPC). */
  private static boolean diskFull(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains("No space left on device")) {
        return true;
      }
    }
    return false;
  }

  /** Whether the index failed rather than the request: a failure, not a usage error. */
  public boolean isIndexFailure() {
    return indexFailure;
  }
}
