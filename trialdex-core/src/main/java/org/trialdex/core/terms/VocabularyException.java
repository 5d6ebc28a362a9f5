package org.trialdex.core.terms;

/** A terminology file could not be read; the message names the file, the line and what was wrong. */
public final class VocabularyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VocabularyException(String message) {
    super(message);
  }

  public VocabularyException(String message, Throwable cause) {
    super(message, cause);
  }
}
