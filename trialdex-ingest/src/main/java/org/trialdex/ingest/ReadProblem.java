package org.trialdex.ingest;

import java.util.Objects;

/**
 * Why a record, or a whole file, was not imported.
 *
 * @param file the file, with the archive entry when there is one
 * @param record the record: its NCT id when known, else its position ({@code record 12},
 *     {@code line 40}); "" when the whole file failed
 * @param reason what was wrong, in words a registry operator can act on
 */
public record ReadProblem(String file, String record, String reason) {

  public ReadProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return file + (record.isEmpty() ? "" : ", " + record) + ": " + reason;
  }
}
