package org.trialdex.ingest.classic;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.trialdex.ingest.ReaderFuzzing;

/**
 * Fuzzes the classic study-fields reader (JSON lines) against {@link ReaderFuzzing}'s
 * property. The seed corpus ({@code ClassicFieldsReaderFuzzTestInputs/}) runs in the normal suite;
 * {@code scripts/fuzz classic 3m} fuzzes it.
 */
class ClassicFieldsReaderFuzzTest {

  private static final ClassicFieldsReader READER = new ClassicFieldsReader();

  @FuzzTest(maxDuration = "30s")
  void anyBytesAreReadOrFailWithAReason(byte[] data) {
    ReaderFuzzing.readsOrFails(READER, "fuzz.jsonl", data);
  }
}
