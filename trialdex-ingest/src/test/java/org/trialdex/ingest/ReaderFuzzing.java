package org.trialdex.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.util.stream.Stream;

/**
 * The property every reader's fuzz test checks: whatever the bytes, {@link StudyReader#read} never
 * throws; each record is either read or a {@link ReadResult.Failed} whose reason says something.
 * An exception escaping the stream (NullPointerException, StackOverflowError, ClassCastException...)
 * is the finding. Records are capped at 1 MiB, so a fuzzed input cannot ask for a large allocation
 * that the real limit would allow.
 */
public final class ReaderFuzzing {

  /** The record size limit while fuzzing: far below the default, well above every seed. */
  public static final ReadOptions OPTIONS = new ReadOptions(1024 * 1024);

  /** At most this many results are pulled from one input; fuzzed inputs are small. */
  private static final int MAX_RESULTS = 10_000;

  private ReaderFuzzing() {}

  /** Reads {@code data} as the file {@code name} and checks every result. */
  public static void readsOrFails(StudyReader reader, String name, byte[] data) {
    SourceEntry entry = new SourceEntry(name, data.length, new ByteArrayInputStream(data));
    try (Stream<ReadResult> results = reader.read(entry, OPTIONS)) {
      results.limit(MAX_RESULTS).forEach(ReaderFuzzing::check);
    }
  }

  private static void check(ReadResult result) {
    switch (result) {
      case ReadResult.Read read -> assertNotNull(read.study(), "a read record has a study");
      case ReadResult.Failed failed -> {
        String reason = failed.problem().reason();
        assertFalse(reason.isBlank(), "a failure gives a reason: " + failed.problem());
        assertNotEquals("null", reason, "a failure gives a reason, not 'null': " + failed.problem());
      }
    }
  }
}
