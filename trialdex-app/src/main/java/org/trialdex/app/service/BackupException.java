package org.trialdex.app.service;

/**
 * A backup or a restore that could not be done: a folder that is not empty, cannot be written or
 * has no room, a backup that is not whole or does not match its manifest, a store in use. The
 * message says what, where, and what to do, and that nothing was changed when nothing was; the
 * command line exits 1.
 */
public final class BackupException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
