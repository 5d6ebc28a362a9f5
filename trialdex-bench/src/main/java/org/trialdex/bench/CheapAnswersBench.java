package org.trialdex.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.Random;

/**
 * Cheap answers side by side (issue #12): each request type alone, one after another, at a fixed
 * number of connections against a running {@code trialdex serve} (loopback only), so that a study
 * page compares with the same study's JSON and {@code /health} with a 404. First, before any other
 * request, it times the first answer of each statistics endpoint (what a server started just before
 * gives its first caller). Prints Markdown tables.
 *
 * <p>{@code --only} runs the named request types alone ({@code "study JSON,study page"}); {@code
 * --records N} draws study ids from N of the served studies (the first N of a seeded shuffle, a
 * popular set asked for again and again) instead of from all.
 *
 * <pre>CheapAnswersBench --url http://127.0.0.1:8080 [--connections 16,64] [--seconds 10] [--warmup 3]
 *     [--only TYPE,TYPE] [--records N]</pre>
 */
public final class CheapAnswersBench {

  private CheapAnswersBench() {}

  public static void main(String[] args) throws Exception {
    String base = "http://127.0.0.1:8080";
    List<Integer> connections = List.of(16, 64);
    int seconds = 10;
    int warmup = 3;
    List<String> only = List.of();
    int records = Integer.MAX_VALUE;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> base = args[++i];
        case "--connections" -> connections = java.util.Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
        case "--seconds" -> seconds = Math.min(600, Integer.parseInt(args[++i]));
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--only" -> only = List.of(args[++i].split(","));
        case "--records" -> records = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost|\\[?::1]?")) {
      throw new IllegalArgumentException("loopback only: " + base);
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    System.out.println("| first request | status | ms |");
    System.out.println("|---|---:|---:|");
    for (String path : List.of("/api/v2/version", "/api/v2/stats/size", "/api/v2/stats/fieldValues/OverallStatus")) {
      long t0 = System.nanoTime();
      HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
          .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      System.out.printf(Locale.ROOT, "| %s | %d | %.1f |%n", path, r.statusCode(), (System.nanoTime() - t0) / 1e6);
    }
    List<String> ids = ServerLoadBench.ids(client, base);
    if (records < ids.size()) {
      List<String> shuffled = new java.util.ArrayList<>(ids);
      java.util.Collections.shuffle(shuffled, new Random(12));
      ids = List.copyOf(shuffled.subList(0, records));
    }
    System.err.printf(Locale.ROOT, "%d studies served at %s%n", ids.size(), base);
    List<String> asked = ids;
    Function<Random, String> id = r -> asked.get(r.nextInt(asked.size()));
    List<ServerLoadBench.Kind> kinds = List.of(
        new ServerLoadBench.Kind("404", 1, r -> "/no-such-path", 404),
        new ServerLoadBench.Kind("/health", 1, r -> "/health"),
        new ServerLoadBench.Kind("/api/v2/version", 1, r -> "/api/v2/version"),
        new ServerLoadBench.Kind("study JSON", 1, r -> "/api/v2/studies/" + id.apply(r)),
        new ServerLoadBench.Kind("study page", 1, r -> "/study/" + id.apply(r)),
        new ServerLoadBench.Kind("search, 100 whole studies", 1, r -> "/api/v2/studies?pageSize=100&query.cond=cancer"),
        new ServerLoadBench.Kind("search, 100 studies, fields=NCTId,BriefTitle", 1,
            r -> "/api/v2/studies?pageSize=100&query.cond=cancer&fields=NCTId,BriefTitle"));
    if (!only.isEmpty()) {
      List<String> named = only;
      kinds = kinds.stream().filter(k -> named.contains(k.name())).toList();
    }
    for (int n : connections) {
      System.out.printf(Locale.ROOT, "%n%d connections, each type alone for %d s (after %d s of warm-up)%n%n", n, seconds, warmup);
      System.out.println("| request type | requests | requests/s | p50 ms | p99 ms |");
      System.out.println("|---|---:|---:|---:|---:|");
      for (ServerLoadBench.Kind kind : kinds) {
        ServerLoadBench.run(client, base, List.of(kind), n, warmup, false);
        Map<String, ConcurrentLinkedQueue<Long>> lat = ServerLoadBench.run(client, base, List.of(kind), n, seconds, true);
        ServerLoadBench.row(kind.name(), lat.getOrDefault(kind.name(), new ConcurrentLinkedQueue<>()), seconds);
      }
    }
  }
}
