package org.trialdex.ingest;

import java.util.Objects;

/**
 * Something a reader noticed in a record it did import: a value it could not map, a field it
 * dropped, a parallel list that was shorter than its siblings.
 *
 * @param file the file, with the archive entry when there is one
 * @param record the record's NCT id, or its position when it has none
 * @param field the field, as a source field name or a v2 path ({@code statusModule.startDateStruct})
 * @param message what happened to the value
 */
public record ReadWarning(String file, String record, String field, String message) {

  public ReadWarning {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return file + ", " + record + ", " + field + ": " + message;
  }
}
