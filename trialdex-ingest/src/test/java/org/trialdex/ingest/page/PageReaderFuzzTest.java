package org.trialdex.ingest.page;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.trialdex.ingest.ReaderFuzzing;

/**
 * Fuzzes the registry page reader (text and HTML pages) against {@link ReaderFuzzing}'s
 * property. The seed corpus ({@code PageReaderFuzzTestInputs/}) runs in the normal suite;
 * {@code scripts/fuzz page 3m} fuzzes it.
 */
class PageReaderFuzzTest {

  private static final PageReader READER = new PageReader();

  @FuzzTest(maxDuration = "30s")
  void anyBytesAreReadOrFailWithAReason(byte[] data) {
    ReaderFuzzing.readsOrFails(READER, "fuzz.html", data);
  }
}
