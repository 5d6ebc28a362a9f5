package org.trialdex.store;

/**
 * The one unchecked exception of the store: a database that cannot be opened, reached or written.
 * The message says what failed, where (folder, file or redacted JDBC URL) and what to do; the
 * cause is kept.
 */
public final class StoreException extends RuntimeException {

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
