package org.trialdex.ingest;

import java.util.stream.Stream;

/**
 * Reads one source format into the model. One implementation per format, registered in
 * {@link SourceFormat}. Implementations are thread-safe: one instance serves every import.
 *
 * <p>{@link #read} returns a lazy stream: records are read as the caller pulls them, so a large file
 * never sits whole in memory. The caller closes the stream. A reader never throws for bad input: a
 * record it cannot read becomes {@link ReadResult.Failed} naming the file, record and reason, and
 * reading goes on with the next record when the format allows it.
 */
public interface StudyReader {

  /** The records of {@code entry}, read lazily. */
  Stream<ReadResult> read(SourceEntry entry, ReadOptions options);

  /**
   * True when every file or archive entry of this format holds exactly one record (legacy XML).
   * The import then reads such entries into memory and maps several at once on all cores; other
   * formats are read as streams, one entry at a time.
   */
  default boolean oneRecordPerEntry() {
    return false;
  }
}
