package org.trialdex.ingest;

/**
 * Limits that apply to every reader.
 *
 * @param maxRecordBytes the largest record accepted, in bytes of source text; a larger record fails
 *     with a message giving both sizes. The default (32 MiB) is about twenty times the largest real
 *     record in the public data (1.5 MB with results and documents).
 */
public record ReadOptions(long maxRecordBytes) {

  public static final long DEFAULT_MAX_RECORD_BYTES = 32L * 1024 * 1024;

  public ReadOptions {
    if (maxRecordBytes <= 0) {
      throw new IllegalArgumentException("maxRecordBytes must be positive, was " + maxRecordBytes);
    }
  }

  public static ReadOptions defaults() {
    return new ReadOptions(DEFAULT_MAX_RECORD_BYTES);
  }

  /** The message for a record over the limit. */
  public String tooLarge(long bytes) {
    return String.format(java.util.Locale.ROOT,
        "record is %,d bytes, over the limit of %,d bytes (--max-record-size); it was not imported",
        bytes, maxRecordBytes);
  }
}
