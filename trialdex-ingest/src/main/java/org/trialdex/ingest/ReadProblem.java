package org.trialdex.ingest;

import java.util.Objects;

/**
 * Why a record, or a whole file, was not imported.
 *
 * @param file the file, with the archive entry when there is one
 * @param record the record: its NCT id when known, else its position ({@code record 12},
 *     {@code line 40}); "" when the whole file failed
 * @param reason what was wrong, in words a registry operator can act on; never empty (a missing
 *     reason becomes one that says so)
 */
public record ReadProblem(String file, String record, String reason) {

  public ReadProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(record, "record");
    if (reason == null || reason.isBlank() || reason.equals("null")) {
      reason = "no reason was given (a reader bug; please report it with the record)";
    }
  }

  /**
   * The words for what went wrong in {@code e}: its message, or, when it has none (a
   * {@code NullPointerException}, an {@code EOFException}), its class in words, so that a reason
   * never reads {@code null}.
   */
  public static String reasonOf(Throwable e) {
    if (e == null) {
      return "an unknown error";
    }
    String message = e.getMessage();
    if (message != null && !message.isBlank() && !message.equals("null")) {
      int nl = message.indexOf('\n');
      return nl < 0 ? message : message.substring(0, nl);
    }
    if (e instanceof java.io.EOFException) {
      return "the data ended unexpectedly (truncated)";
    }
    String words = e.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
    return "a " + words + " with no message (" + e.getClass().getName() + ")";
  }

  @Override
  public String toString() {
    return file + (record.isEmpty() ? "" : ", " + record) + ": " + reason;
  }
}
