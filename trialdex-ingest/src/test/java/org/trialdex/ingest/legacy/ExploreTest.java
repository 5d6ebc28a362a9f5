package org.trialdex.ingest.legacy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.trialdex.ingest.ReadResult;
import org.trialdex.testing.SharedData;

class ExploreTest {
  @Test
  void explore() {
    Map<String, Integer> fields = new TreeMap<>();
    Map<String, String> example = new TreeMap<>();
    int[] counts = new int[2];
    long t0 = System.nanoTime();
    LegacyArchive.readAll(SharedData.legacyArchive(), new LegacyXmlReader(), r -> {
      switch (r) {
        case ReadResult.Read read -> {
          counts[0]++;
          read.warnings().forEach(w -> {
            String key = w.field().replaceAll("\\[\\d+\\]", "") + " :: " + w.message().replaceAll("'[^']*'", "'…'").replaceAll("\\(.*\\)", "(…)");
            fields.merge(key, 1, Integer::sum);
            example.putIfAbsent(key, w.toString());
          });
        }
        case ReadResult.Failed f -> { counts[1]++; System.out.println("FAILED " + f.problem()); }
      }
    });
    System.out.println("read=" + counts[0] + " failed=" + counts[1] + " ms=" + (System.nanoTime() - t0) / 1_000_000);
    fields.forEach((k, v) -> System.out.println(v + "\t" + k + "\n\t\t" + example.get(k)));
  }
}
