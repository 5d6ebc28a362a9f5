package org.trialdex.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class that searches the {@link IndexedSample}: the index is built once before the class's
 * tests and closed after them (it is never opened when the shared data is absent, and then each
 * test reports as skipped with that reason).
 */
abstract class IndexedSampleTest {

  static IndexedSample sample;

  @BeforeAll
  static void indexTheSample() throws Exception {
    sample = new IndexedSample();
  }

  @AfterAll
  static void closeTheSample() throws Exception {
    if (sample != null) {
      sample.close();
      sample = null;
    }
  }
}
