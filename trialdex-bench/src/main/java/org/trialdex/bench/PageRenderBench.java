package org.trialdex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.trialdex.app.Trialdex;
import org.trialdex.app.web.WebPages;
import org.trialdex.store.StoreLocation;

/**
 * Server-side render time of the study page: {@link WebPages#study} for every MSC record in a store
 * (one untimed pass to warm the JIT, then one timed pass). Prints p50, p99, max and mean.
 *
 * <pre>PageRenderBench --data DIR --msc msc_studyfields_2022-10.jsonl</pre>
 */
public final class PageRenderBench {

  private PageRenderBench() {}

  public static void main(String[] args) throws Exception {
    Path data = null;
    Path msc = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--msc" -> msc = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    List<String> ids = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(msc)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          JsonNode id = mapper.readTree(line).path("NCTId");
          ids.add(id.isArray() ? id.path(0).asText() : id.asText());
        }
      }
    }
    try (Trialdex t = Trialdex.open(new StoreLocation.Sqlite(data), Clock.systemUTC())) {
      long bytes = 0;
      for (String id : ids) {
        bytes += WebPages.study(t, id).size();
      }
      long[] nanos = new long[ids.size()];
      for (int i = 0; i < ids.size(); i++) {
        long t0 = System.nanoTime();
        WebPages.study(t, ids.get(i));
        nanos[i] = System.nanoTime() - t0;
      }
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "WebPages.study over %d MSC records (%,d bytes of HTML): p50 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms%n",
          ids.size(), bytes, ServerLoadBench.pct(sorted, 50) / 1e6, ServerLoadBench.pct(sorted, 99) / 1e6,
          sorted[sorted.length - 1] / 1e6, Arrays.stream(nanos).average().orElse(0) / 1e6);
    }
  }
}
