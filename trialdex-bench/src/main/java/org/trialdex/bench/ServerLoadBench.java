package org.trialdex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A load generator for a running {@code trialdex serve} (a separate process, loopback only): a fixed
 * number of connections, each a virtual thread sending one request after another for a fixed time,
 * over a mixed workload (API searches with various parameters, one study as JSON and CSV, a search
 * as CSV, study pages, search pages). Prints requests/s and p50/p99 latency per request type and
 * overall as a Markdown table.
 *
 * <p>Several servers behind one load balancer (nodes on one store): {@code --url} takes a comma-separated
 * list, and connection i sends its requests to server i modulo their number.
 *
 * <pre>ServerLoadBench --url http://127.0.0.1:8080[,http://127.0.0.1:8081...] [--connections 50] [--seconds 30] [--warmup 5]</pre>
 */
public final class ServerLoadBench {

  static final List<String> CONDITIONS = List.of("breast cancer", "NSCLC", "lung cancer", "diabetes",
      "multiple sclerosis", "asthma", "heart failure", "depression", "stroke", "HIV", "melanoma", "leukemia");
  private static final List<String> TERMS = List.of("pembrolizumab", "placebo", "vaccine", "insulin",
      "interferon", "radiotherapy", "exercise", "chemotherapy");
  private static final List<String> STATUSES = List.of("COMPLETED", "RECRUITING", "TERMINATED|WITHDRAWN", "ACTIVE_NOT_RECRUITING");

  /** One kind of request: its share of the workload, how to make one, and the status it answers. */
  record Kind(String name, int weight, Function<Random, String> path, int status) {
    Kind(String name, int weight, Function<Random, String> path) {
      this(name, weight, path, 200);
    }
  }

  private ServerLoadBench() {}

  public static void main(String[] args) throws Exception {
    String base = "http://127.0.0.1:8080";
    int connections = 50;
    int seconds = 30;
    int warmup = 5;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> base = args[++i];
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Math.min(600, Integer.parseInt(args[++i]));
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    List<String> bases = List.of(base.split(","));
    for (String b : bases) {
      if (!URI.create(b).getHost().matches("127\\.0\\.0\\.1|localhost|\\[?::1]?")) {
        throw new IllegalArgumentException("loopback only: " + b);
      }
    }
    base = bases.get(0);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    List<String> ids = ids(client, base);
    System.err.printf(Locale.ROOT, "%d studies served at %s%n", ids.size(), base);
    List<Kind> kinds = workload(ids);

    System.err.printf(Locale.ROOT, "%d server(s): %s%n", bases.size(), bases);
    run(client, bases, kinds, connections, warmup, false);
    Map<String, ConcurrentLinkedQueue<Long>> lat = run(client, bases, kinds, connections, seconds, true);
    report(lat, seconds, connections);
  }

  static List<Kind> workload(List<String> ids) {
    Function<Random, String> id = r -> ids.get(r.nextInt(ids.size()));
    Function<Random, String> cond = r -> q(CONDITIONS.get(r.nextInt(CONDITIONS.size())));
    return List.of(
        new Kind("API search: query.cond", 20, r -> "/api/v2/studies?query.cond=" + cond.apply(r)),
        new Kind("API search: term + status filter + sort + countTotal", 10, r -> "/api/v2/studies?query.term="
            + q(TERMS.get(r.nextInt(TERMS.size()))) + "&filter.overallStatus=" + q(STATUSES.get(r.nextInt(STATUSES.size())))
            + "&sort=LastUpdatePostDate:desc&countTotal=true&pageSize=20"),
        new Kind("API search: advanced + fields + facets", 10, r -> "/api/v2/studies?filter.advanced="
            + q("AREA[Phase]PHASE" + (2 + r.nextInt(2))) + "&fields=NCTId,BriefTitle,OverallStatus&facets=status,phase&pageSize=50"),
        new Kind("API search: CSV", 5, r -> "/api/v2/studies?query.cond=" + cond.apply(r) + "&format=csv&pageSize=100"),
        new Kind("study JSON", 20, r -> "/api/v2/studies/" + id.apply(r)),
        new Kind("study CSV", 5, r -> "/api/v2/studies/" + id.apply(r) + "?format=csv"),
        new Kind("study page", 20, r -> "/study/" + id.apply(r)),
        new Kind("search page", 10, r -> "/search?query.cond=" + cond.apply(r)));
  }

  static Map<String, ConcurrentLinkedQueue<Long>> run(HttpClient client, String base, List<Kind> kinds,
      int connections, int seconds, boolean measured) throws InterruptedException {
    return run(client, List.of(base), kinds, connections, seconds, measured);
  }

  /** As {@link #run(HttpClient, String, List, int, int, boolean)}, connection i asking server i modulo their number. */
  static Map<String, ConcurrentLinkedQueue<Long>> run(HttpClient client, List<String> bases, List<Kind> kinds,
      int connections, int seconds, boolean measured) throws InterruptedException {
    Map<String, ConcurrentLinkedQueue<Long>> lat = new ConcurrentHashMap<>();
    Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(connections);
    for (int c = 0; c < connections; c++) {
      int seed = c;
      String base = bases.get(c % bases.size());
      Thread.ofVirtual().start(() -> {
        Random random = new Random(seed);
        try {
          while (System.nanoTime() < end) {
            Kind kind = Weighted.pick(kinds, Kind::weight, random);
            String path = kind.path().apply(random);
            long t0 = System.nanoTime();
            try {
              HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                  .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
              long t = System.nanoTime() - t0;
              if (r.statusCode() != kind.status()) {
                errors.computeIfAbsent(kind.name() + " " + r.statusCode(), k -> new AtomicLong()).incrementAndGet();
              } else {
                lat.computeIfAbsent(kind.name(), k -> new ConcurrentLinkedQueue<>()).add(t);
              }
            } catch (Exception e) {
              errors.computeIfAbsent(kind.name() + " " + e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
            }
          }
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    if (measured && !errors.isEmpty()) {
      System.err.println("errors: " + errors);
    }
    if (measured) {
      System.out.println("non-200 or failed requests: " + errors.values().stream().mapToLong(AtomicLong::get).sum() + " " + errors);
    }
    return lat;
  }

  private static void report(Map<String, ConcurrentLinkedQueue<Long>> lat, int seconds, int connections) {
    System.out.printf(Locale.ROOT, "%d connections, %d s measured%n%n", connections, seconds);
    System.out.println("| request type | requests | requests/s | p50 ms | p99 ms |");
    System.out.println("|---|---:|---:|---:|---:|");
    List<Long> all = new ArrayList<>();
    Map<String, ConcurrentLinkedQueue<Long>> sorted = new LinkedHashMap<>();
    lat.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sorted.put(e.getKey(), e.getValue()));
    sorted.forEach((name, q) -> {
      all.addAll(q);
      row(name, q, seconds);
    });
    row("**all**", all, seconds);
  }

  static void row(String name, java.util.Collection<Long> nanos, int seconds) {
    long[] a = Latencies.sorted(nanos);
    System.out.printf(Locale.ROOT, "| %s | %,d | %,.1f | %.1f | %.1f |%n", name, a.length, a.length / (double) seconds,
        pct(a, 50) / 1e6, pct(a, 99) / 1e6);
  }

  static long pct(long[] sorted, int p) {
    return Latencies.percentile(sorted, p);
  }

  /** Every NCT id the server has, paging through the search API. */
  static List<String> ids(HttpClient client, String base) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      String url = base + "/api/v2/studies?fields=NCTId&pageSize=1000" + (token == null ? "" : "&pageToken=" + q(token));
      JsonNode page = mapper.readTree(client.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      for (JsonNode s : page.path("studies")) {
        ids.add(s.at("/protocolSection/identificationModule/nctId").asText());
      }
      token = page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
    } while (token != null && ids.size() < 100_000);
    return ids;
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
