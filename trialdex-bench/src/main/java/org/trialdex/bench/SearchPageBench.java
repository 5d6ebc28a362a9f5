package org.trialdex.bench;

import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialdex.app.Trialdex;
import org.trialdex.app.web.WebPages;
import org.trialdex.store.StoreLocation;

/**
 * Server-side time of the portal's search page ({@link WebPages#searchAnswer}: the search with every
 * facet and the total, the map, the chips, rendered to HTML) for a few searches a person makes, on a
 * numbered page deep in the results beside the first page, and near a place (whose map reads up to
 * 300 matching trials). Each case: warm-up rounds, then timed rounds; prints p50, p99 and mean.
 *
 * <pre>SearchPageBench --data DIR [--rounds 200]</pre>
 */
public final class SearchPageBench {

  private SearchPageBench() {}

  public static void main(String[] args) throws Exception {
    Path data = null;
    int rounds = 200;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (data == null) {
      throw new IllegalArgumentException("give --data DIR, a store made by trialdex import");
    }
    Map<String, Map<String, List<String>>> cases = new LinkedHashMap<>();
    cases.put("everything, page 1", Map.of());
    cases.put("everything, page 100", Map.of("page", List.of("100")));
    cases.put("everything, page 1001", Map.of("page", List.of("1001")));
    cases.put("cancer, phase 2 or 3, page 1", Map.of("query.cond", List.of("cancer"), "aggFilters", List.of("phase:2 3")));
    cases.put("cancer, phase 2 or 3, page 40", Map.of("query.cond", List.of("cancer"), "aggFilters", List.of("phase:2 3"),
        "page", List.of("40")));
    cases.put("cancer, China or Spain, recruiting", Map.of("query.cond", List.of("cancer"), "country", List.of("China", "Spain"),
        "open", List.of("on")));
    cases.put("near Boston 50mi (map of up to 300 trials)", Map.of("near", List.of("Boston"), "nearDistance", List.of("50mi")));
    try (Trialdex t = Trialdex.open(new StoreLocation.Sqlite(data), Clock.systemUTC())) {
      Duration limit = Duration.ofSeconds(30);
      for (var c : cases.entrySet()) {
        WebPages.Answer first = WebPages.searchAnswer(t, c.getValue(), limit);
        if (first.status() != 200) {
          throw new IllegalStateException(c.getKey() + " answered " + first.status());
        }
        for (int i = 0; i < rounds / 4; i++) {
          WebPages.searchAnswer(t, c.getValue(), limit);
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
          long t0 = System.nanoTime();
          WebPages.searchAnswer(t, c.getValue(), limit);
          nanos[i] = System.nanoTime() - t0;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-45s %,9d bytes  p50 %7.2f ms  p99 %7.2f ms  mean %7.2f ms%n", c.getKey(),
            first.body().size(), ServerLoadBench.pct(sorted, 50) / 1e6, ServerLoadBench.pct(sorted, 99) / 1e6,
            Arrays.stream(nanos).average().orElse(0) / 1e6);
      }
    }
  }
}
