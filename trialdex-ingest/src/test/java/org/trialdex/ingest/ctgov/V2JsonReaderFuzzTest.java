package org.trialdex.ingest.ctgov;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.trialdex.ingest.ReaderFuzzing;

/**
 * Fuzzes the v2 JSON reader (one study, an array, a {@code studies} page, NDJSON) against
 * {@link ReaderFuzzing}'s property. The seed corpus ({@code V2JsonReaderFuzzTestInputs/}) runs in
 * the normal suite; {@code scripts/fuzz v2json 3m} fuzzes it.
 */
class V2JsonReaderFuzzTest {

  private static final V2JsonReader READER = new V2JsonReader();

  @FuzzTest(maxDuration = "30s")
  void anyBytesAreReadOrFailWithAReason(byte[] data) {
    ReaderFuzzing.readsOrFails(READER, "fuzz.json", data);
  }
}
