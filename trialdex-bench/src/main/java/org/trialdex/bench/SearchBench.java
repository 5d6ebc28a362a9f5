package org.trialdex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SourceEntry;
import org.trialdex.ingest.classic.ClassicFieldsReader;
import org.trialdex.search.SearchService;
import org.trialdex.search.StudyIndex;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.search.query.SearchRequests;

/**
 * The search scale benchmark: generates a corpus of {@code --records} studies from the real records
 * (the 100 API v2 records, PALLAS and the 1,480 classic MSC records as templates; see
 * {@link CorpusGenerator}), indexes it, and measures indexing time, index size, heap after indexing,
 * and single-thread latency (p50, p99) of a mix of condition, term, advanced, geo and faceted
 * queries.
 *
 * <pre>
 * java -Xmx4g -cp "trialdex-bench/target/trialdex-bench.jar:trialdex-bench/target/lib/*" org.trialdex.bench.SearchBench \
 *     --shared ../shared --records 600000 --queries 2000
 * </pre>
 */
public final class SearchBench {

  /** The query mix: parameters as the API takes them. */
  static final List<Map<String, List<String>>> QUERIES = List.of(
      Map.of("query.cond", List.of("breast cancer")),
      Map.of("query.cond", List.of("graft versus host disease")),
      Map.of("query.cond", List.of("aGVHD"), "facets", List.of("all")),
      Map.of("query.cond", List.of("lung cancer"), "filter.overallStatus", List.of("RECRUITING")),
      Map.of("query.term", List.of("mesenchymal stem cells")),
      Map.of("query.term", List.of("\"overall survival\""), "countTotal", List.of("true")),
      Map.of("query.intr", List.of("pembrolizumab")),
      Map.of("filter.advanced", List.of("AREA[Phase]PHASE2 AND AREA[StartDate]RANGE[2015-01-01, MAX]")),
      Map.of("filter.advanced", List.of("AREA[EnrollmentCount]RANGE[100, MAX] AND AREA[OverallStatus]COMPLETED")),
      Map.of("filter.advanced", List.of("AREA[MinimumAge]RANGE[MIN, 16 years]")),
      Map.of("filter.geo", List.of("distance(42.3601,-71.0589,50mi)")),
      Map.of("filter.geo", List.of("distance(39.9042,116.4074,100km)"), "query.cond", List.of("cancer")),
      Map.of("query.cond", List.of("lupus"), "facets", List.of("all"), "countTotal", List.of("true")),
      Map.of("facets", List.of("all"), "aggFilters", List.of("status:rec,phase:2 3")),
      Map.of("query.locn", List.of("China"), "sort", List.of("LastUpdatePostDate:desc")),
      Map.of("query.cond", List.of("diabetes"), "aggFilters", List.of("sex:f,ages:adult"), "pageSize", List.of("100")),
      // By meaning (issue #9): lay names, narrower concepts, interventions, a place as centre.
      Map.of("query.cond", List.of("high blood pressure"), "countTotal", List.of("true")),
      Map.of("query.cond", List.of("heart attack")),
      Map.of("query.cond", List.of("steroid-refractory GVHD")),
      Map.of("query.cond", List.of("neoplasms"), "countTotal", List.of("true")),
      Map.of("query.intr", List.of("insulin")),
      Map.of("near", List.of("Boston, MA"), "sort", List.of("@distance")));

  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchArgs.parse("SearchBench", args);
    Path shared = Path.of(opts.getOrDefault("--shared", "../shared"));
    long records = Long.parseLong(opts.getOrDefault("--records", "600000"));
    int queries = Integer.parseInt(opts.getOrDefault("--queries", "2000"));
    Path dir = opts.containsKey("--index") ? Path.of(opts.get("--index")) : Files.createTempDirectory("trialdex-search-bench");

    List<JsonNode> templates = templates(shared);
    System.out.printf(Locale.ROOT, "templates: %d real records%n", templates.size());

    long started = System.nanoTime();
    Vocabulary vocabulary = Vocabulary.load(shared.resolve("data/terms"));
    System.out.println("vocabulary: " + vocabulary.description());
    try (StudyIndex index = StudyIndex.open(dir, vocabulary)) {
      long n = CorpusGenerator.indexInto(index, templates, records, started);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      System.out.printf(Locale.ROOT, "indexed %,d records in %.1f s (%,.0f records/s); index %,.0f MB; heap after GC %,.0f MB%n",
          n, seconds, n / seconds, size(dir) / 1e6, heap / 1e6);

      SearchService service = new SearchService(index);
      List<SearchRequest> requests = QUERIES.stream().map(SearchRequests::parse).toList();
      for (int i = 0; i < 200; i++) { // warm-up
        service.search(requests.get(i % requests.size()));
      }
      long[] nanos = new long[queries];
      long[] perQuery = new long[requests.size()];
      int[] perQueryCount = new int[requests.size()];
      for (int i = 0; i < queries; i++) {
        int q = i % requests.size();
        long t = System.nanoTime();
        service.search(requests.get(q));
        nanos[i] = System.nanoTime() - t;
        perQuery[q] += nanos[i];
        perQueryCount[q]++;
      }
      Arrays.sort(nanos);
      System.out.printf(Locale.ROOT, "queries: %d, single thread: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          queries, nanos[queries / 2] / 1e6, nanos[queries * 9 / 10] / 1e6, nanos[queries * 99 / 100] / 1e6,
          nanos[queries - 1] / 1e6);
      for (int q = 0; q < requests.size(); q++) {
        System.out.printf(Locale.ROOT, "  %6.2f ms mean  %s%n", perQuery[q] / 1e6 / perQueryCount[q], QUERIES.get(q));
      }
    }
  }

  /** The real records: 100 API v2 + PALLAS + the 1,480 MSC classic records read with their reader. */
  static List<JsonNode> templates(Path shared) throws IOException {
    StudyJson json = StudyJson.standard();
    List<JsonNode> templates = new ArrayList<>();
    json.mapper().readTree(shared.resolve("data/ctgov-api-v2/nsclcbench-100/ctg-studies.json").toFile())
        .forEach(templates::add);
    templates.add(json.mapper().readTree(shared.resolve("data/ctgov-api-v2/NCT02513394.v2.json").toFile()));
    Path classic = shared.resolve("data/msc-trials-2022/msc_studyfields_2022-10.jsonl");
    try (var in = Files.newInputStream(classic);
        Stream<ReadResult> results = new ClassicFieldsReader().read(
            new SourceEntry(classic.toString(), Files.size(classic), in), ReadOptions.defaults())) {
      results.forEach(r -> {
        if (r instanceof ReadResult.Read read) {
          templates.add(json.tree(read.study()));
        }
      });
    }
    return templates;
  }

  private static long size(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
