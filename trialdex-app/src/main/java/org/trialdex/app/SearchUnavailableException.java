package org.trialdex.app;

/**
 * Search cannot answer now, though the store can: the index is being rebuilt from the store, or
 * another process holds it and has not written it yet. The message says why and when to try
 * again; the HTTP API answers 503, the portal shows the message, record pages keep working.
 */
public final class SearchUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SearchUnavailableException(String message) {
    super(message);
  }

  public SearchUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
