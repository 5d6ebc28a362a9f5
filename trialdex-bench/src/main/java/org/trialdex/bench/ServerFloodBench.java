package org.trialdex.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A flood against a running {@code trialdex serve} (a separate process, loopback only): a fixed
 * number of connections, each a virtual thread sending one request after another for a fixed time,
 * over a mixed workload heavy in expensive answers (searches of 1,000 full studies, CSV, statistics)
 * beside cheap ones (a study, a study page), while one more connection asks {@code /health} every
 * 100 ms. That prober is a process of its own (this class with {@code --probe}, a small heap and the
 * serial collector), as a load balancer's health check would be: the flood client's pauses and
 * threads are not counted in the server's {@code /health} time. Prints one Markdown table row: answers/s, p50/p99 of the 200 answers, answers by status,
 * {@code /health} p50/p99 and the server's peak resident memory (its {@code VmHWM}, reset at the start
 * of the run through {@code /proc/PID/clear_refs} when {@code --pid} is given).
 *
 * <pre>ServerFloodBench --url http://127.0.0.1:8080 --connections 200 [--seconds 20] [--warmup 3] [--pid PID] [--label L]
 *     [--probe-every MS]
 * ServerFloodBench --probe --url http://127.0.0.1:8080 [--seconds 20] [--warmup 3] [--probe-every MS]</pre>
 *
 * <p>With {@code --probe} it only asks {@code /health} every 100 ms (or {@code --probe-every} ms; more
 * probes make a steadier p99), for the warm-up (not counted)
 * and then the measured seconds, and prints one line: {@code probes N failures {..} ns t1 t2 ...}.
 */
public final class ServerFloodBench {

  private static final List<String> CONDITIONS = List.of("breast cancer", "lung cancer", "multiple sclerosis",
      "graft versus host disease", "heart failure", "osteoarthritis", "stroke", "diabetes");

  /** One kind of request: its share of the workload and how to make one. */
  record Kind(String name, int weight, Function<Random, String> path) {}

  private ServerFloodBench() {}

  public static void main(String[] args) throws Exception {
    String base = "http://127.0.0.1:8080";
    int connections = 50;
    int seconds = 20;
    int warmup = 3;
    long pid = -1;
    String label = "";
    boolean probe = false;
    int probeEvery = 100;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> base = args[++i];
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Math.min(300, Integer.parseInt(args[++i]));
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--pid" -> pid = Long.parseLong(args[++i]);
        case "--label" -> label = args[++i];
        case "--probe" -> probe = true;
        case "--probe-every" -> probeEvery = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost|\\[?::1]?")) {
      throw new IllegalArgumentException("loopback only: " + base);
    }
    if (probe) {
      probeOnly(base, warmup, seconds, probeEvery);
      return;
    }
    Process prober = startProber(base, warmup, seconds, probeEvery);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    List<Kind> kinds = workload();
    run(client, base, kinds, connections, warmup, new Totals());
    if (pid > 0) {
      ProcStatus.resetHwm(pid);
    }
    Totals t = new Totals();
    run(client, base, kinds, connections, seconds, t);
    readProbes(prober, t);
    String hwm = pid > 0 ? hwmMb(pid) : "n/a";
    long[] ok = Latencies.sorted(t.latencies);
    long[] health = Latencies.sorted(t.health);
    long answers = t.statuses.values().stream().mapToLong(AtomicLong::get).sum();
    System.out.printf(Locale.ROOT, "| %s | %d | %,.1f | %,.1f | %.0f | %.0f | %s | %d | %.1f | %.1f | %s |%n", label, connections,
        answers / (double) seconds, ok.length / (double) seconds, pct(ok, 50) / 1e6, pct(ok, 99) / 1e6,
        new TreeMap<>(t.statuses), health.length, pct(health, 50) / 1e6, pct(health, 99) / 1e6, hwm);
    if (!t.healthFailures.isEmpty()) {
      System.out.println("  /health failures: " + t.healthFailures);
    }
  }

  /** Counts of one measured run. */
  static final class Totals {
    final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Long> health = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicLong> healthFailures = new ConcurrentHashMap<>();
  }

  static List<Kind> workload() {
    Function<Random, String> cond = r -> q(CONDITIONS.get(r.nextInt(CONDITIONS.size())));
    return List.of(
        new Kind("1,000 studies JSON", 15, r -> "/api/v2/studies?pageSize=1000"),
        new Kind("1,000 studies CSV", 10, r -> "/api/v2/studies?pageSize=1000&format=csv"),
        new Kind("search", 20, r -> "/api/v2/studies?query.cond=" + cond.apply(r) + "&countTotal=true"),
        new Kind("search page", 10, r -> "/search?query.cond=" + cond.apply(r)),
        new Kind("stats", 5, r -> "/api/v2/stats/fieldValues?fields=OverallStatus"),
        new Kind("study JSON", 25, r -> "/api/v2/studies/NCT02513394"),
        new Kind("study page", 15, r -> "/study/NCT02513394"));
  }

  private static void run(HttpClient client, String base, List<Kind> kinds, int connections, int seconds, Totals t)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(connections);
    for (int c = 0; c < connections; c++) {
      int seed = c;
      Thread.ofVirtual().start(() -> {
        Random random = new Random(seed);
        try {
          while (System.nanoTime() < end) {
            Kind kind = Weighted.pick(kinds, Kind::weight, random);
            long t0 = System.nanoTime();
            String status;
            try {
              HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base + kind.path().apply(random)))
                  .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding());
              status = Integer.toString(r.statusCode());
              if (r.statusCode() == 200) {
                t.latencies.add(System.nanoTime() - t0);
              } else if (r.statusCode() == 503) {
                Thread.sleep(200); // a client that honours Retry-After backs off a little
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            } catch (Exception e) {
              status = e.getClass().getSimpleName();
            }
            t.statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
          }
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
  }

  /** Starts this class with {@code --probe} in a JVM of its own: same java, same class path, a small heap. */
  private static Process startProber(String base, int warmup, int seconds, int every) throws java.io.IOException {
    List<String> cmd = List.of(ChildJvm.java(), "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        ServerFloodBench.class.getName(), "--probe", "--url", base, "--warmup", Integer.toString(warmup),
        "--seconds", Integer.toString(seconds), "--probe-every", Integer.toString(every));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  /** Reads the prober's one line ({@code probes N failures {..} ns t1 t2 ...}) into the totals. */
  private static void readProbes(Process prober, Totals t) throws java.io.IOException, InterruptedException {
    String out = new String(prober.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (prober.waitFor() != 0 || !out.startsWith("probes ")) {
      throw new IllegalStateException("the /health prober failed (exit " + prober.exitValue() + "): " + out);
    }
    String failures = out.substring(out.indexOf("failures ") + 9, out.indexOf(" ns"));
    if (!failures.equals("{}")) {
      t.healthFailures.put(failures, new AtomicLong(1));
    }
    for (String ns : out.substring(out.indexOf(" ns") + 3).trim().split(" +")) {
      if (!ns.isEmpty()) {
        t.health.add(Long.parseLong(ns));
      }
    }
  }

  /** The prober's own run: {@code /health} every {@code every} ms on one kept connection; the warm-up is not counted. */
  private static void probeOnly(String base, int warmup, int seconds, int every) throws InterruptedException {
    HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    long counted = System.nanoTime() + warmup * 1_000_000_000L;
    long end = counted + seconds * 1_000_000_000L;
    List<Long> times = new java.util.ArrayList<>();
    Map<String, Long> failures = new TreeMap<>();
    while (System.nanoTime() < end) {
      long t0 = System.nanoTime();
      String failure = null;
      try {
        HttpResponse<Void> r = own.send(HttpRequest.newBuilder(URI.create(base + "/health"))
            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
          failure = Integer.toString(r.statusCode());
        }
      } catch (java.io.IOException e) {
        failure = e.getClass().getSimpleName();
      }
      long took = System.nanoTime() - t0;
      if (t0 >= counted) {
        if (failure == null) {
          times.add(took);
        } else {
          failures.merge(failure, 1L, Long::sum);
        }
      }
      Thread.sleep(every);
    }
    StringBuilder line = new StringBuilder("probes ").append(times.size()).append(" failures ")
        .append(failures.toString().replace(' ', '_')).append(" ns");
    times.forEach(ns -> line.append(' ').append(ns));
    System.out.println(line);
  }

  private static String hwmMb(long pid) throws java.io.IOException {
    long kb = ProcStatus.of(pid).hwmKb();
    return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MB", kb / 1024);
  }

  private static long pct(long[] sorted, int p) {
    return Latencies.percentile(sorted, p);
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
