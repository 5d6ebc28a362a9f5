package org.trialdex.ingest.legacy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.trialdex.ingest.ReaderFuzzing;

/**
 * Fuzzes the legacy ClinicalStudy XML reader against {@link ReaderFuzzing}'s
 * property. The seed corpus ({@code LegacyXmlReaderFuzzTestInputs/}) runs in the normal suite;
 * {@code scripts/fuzz legacy 3m} fuzzes it.
 */
class LegacyXmlReaderFuzzTest {

  private static final LegacyXmlReader READER = new LegacyXmlReader();

  @FuzzTest(maxDuration = "30s")
  void anyBytesAreReadOrFailWithAReason(byte[] data) {
    ReaderFuzzing.readsOrFails(READER, "fuzz.xml", data);
  }
}
