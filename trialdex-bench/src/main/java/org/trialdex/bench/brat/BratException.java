package org.trialdex.bench.brat;

/** A brat file could not be read; the message names the file, the line and what was wrong. */
public final class BratException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BratException(String message) {
    super(message);
  }

  public BratException(String message, Throwable cause) {
    super(message, cause);
  }
}
