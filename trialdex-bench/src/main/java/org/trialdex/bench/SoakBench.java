package org.trialdex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.bench.ServerLoadBench.Kind;

/**
 * A soak run of {@code trialdex serve} (issue #12): starts the server as a child process on a free
 * loopback port, sends it a mixed load at a bounded rate for a long time while an {@code import}
 * child writes into the same store every minute, and samples the server's heap, resident memory,
 * file descriptors and threads, to show whether they stay flat.
 *
 * <p>The load is open-loop: a pacer starts one request every {@code 1/rate} s on a virtual thread,
 * at most {@code connections} in flight; a request whose turn comes while all are busy is counted as
 * dropped, not queued. The imports cycle through the v2 sample of 100 studies, NCT02513394 as
 * published, and a copy of NCT02513394 whose brief title carries a counter ({@code soakrevN}), so
 * each of the last two adds a version; after each modified copy the bench asks the server's search
 * for {@code soakrevN} until it finds the study, which shows the live index following the store.
 *
 * <p>Every sample reads {@code VmRSS} and {@code Threads} of {@code /proc/PID/status} and counts
 * {@code /proc/PID/fd}; then it stops admitting requests, waits for the ones in flight (up to 5 s),
 * forces a full GC through {@code jcmd PID GC.run} and reads {@code GC.heap_info} and
 * {@code VM.metaspace basic} (the Attach API of the same JDK, no debugger), so "heap after GC" is
 * the live set of a server between requests. A forced full GC would also shrink the committed heap
 * and make the RSS jump from sample to sample, so by default the server runs with its heap pinned
 * ({@code -Xms} equal to {@code -Xmx}, {@code -XX:+AlwaysPreTouch}: all of it resident from the
 * start); its RSS then moves with native memory only (thread stacks, buffers, code, mapped index
 * files), and the heap is watched through "heap after GC". Each sample is a CSV row; at the end a
 * Markdown summary gives the first and last window and a least-squares slope per hour over the
 * second half of the run (the first half is warm-up: caches fill, the JIT settles, the heap sizes
 * itself), against the thresholds in {@link #THRESHOLDS}.
 *
 * <pre>SoakBench --jar trialdex-app/target/trialdex-app.jar --data DIR [--xmx 1g] [--seconds 1800]
 *     [--rate 20] [--connections 8] [--sample-seconds 15] [--import-seconds 60] [--shared ../shared]
 *     [--csv soak-samples.csv] [--embeddings false] [--pin-heap true]</pre>
 *
 * <p>Bounded: the whole run stops at {@code seconds + 300} s whatever happens, and a shutdown hook
 * kills the server and any import still running. Linux only ({@code /proc}).
 */
public final class SoakBench {

  /** A figure watched for growth and the slope per hour above which it is not flat. */
  record Threshold(String name, double perHour, String why) {}

  /**
   * The slopes per hour over the second half above which a figure is called growing. Each is well
   * under the growth of a leak per import (60 imports an hour) or per request (72,000 an hour at
   * 20 requests/s), and above what the figure moves between windows of a healthy server (Lucene's
   * segment files come and go with merges; the server's pool threads with its idle timeout).
   */
  static final List<Threshold> THRESHOLDS = List.of(
      new Threshold("heap after GC MB", 20, "1 KB per request or 0.3 MB per import would be 72 and 20 MB/h"),
      new Threshold("RSS MB", 50, "with the heap pinned, 0.8 MB of native memory per import would be 50 MB/h"),
      new Threshold("open fds", 20, "one descriptor per import would be 60/h"),
      new Threshold("threads", 10, "one thread per import would be 60/h"));

  private static final String STUDY = "NCT02513394";
  private static final String MISSING = "NCT99999999";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SoakBench() {}

  /** One sample: the server's figures at time {@code t} and the answers of the window that ended then. */
  record Sample(double t, double heapMb, double metaspaceMb, double rssMb, long fds, long threads, long answers,
      double perSecond, double p50Ms, double p99Ms, long unexpected, long dropped, int imports, Map<String, Long> statuses) {

    static final String CSV_HEADER = "t_s,heap_after_gc_mb,metaspace_mb,rss_mb,fds,threads,answers,answers_per_s,"
        + "p50_ms,p99_ms,unexpected,dropped,imports_done,statuses";

    String csv() {
      return String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f,%d,%d,%d,%.2f,%.1f,%.1f,%d,%d,%d,\"%s\"", t, heapMb,
          metaspaceMb, rssMb, fds, threads, answers, perSecond, p50Ms, p99Ms, unexpected, dropped, imports,
          statuses.toString().replace(", ", " "));
    }
  }

  /** Answers of one sampling window. */
  private static final class Window {
    final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
    final AtomicLong unexpected = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final long start = System.nanoTime();
  }

  /** One import child's outcome. */
  record Import(String file, int exit, double seconds, double followSeconds) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = BenchArgs.parse("SoakBench", args);
    Path jar = Path.of(o.getOrDefault("--jar", "trialdex-app/target/trialdex-app.jar"));
    Path data = Path.of(required(o, "--data"));
    String xmx = o.getOrDefault("--xmx", "1g");
    int seconds = Integer.parseInt(o.getOrDefault("--seconds", "1800"));
    double rate = Double.parseDouble(o.getOrDefault("--rate", "20"));
    int connections = Integer.parseInt(o.getOrDefault("--connections", "8"));
    int sampleSeconds = Integer.parseInt(o.getOrDefault("--sample-seconds", "15"));
    int importSeconds = Integer.parseInt(o.getOrDefault("--import-seconds", "60"));
    Path shared = Path.of(o.getOrDefault("--shared", "../shared"));
    Path csv = Path.of(o.getOrDefault("--csv", "soak-samples.csv"));
    String embeddings = o.get("--embeddings");
    boolean pinHeap = Boolean.parseBoolean(o.getOrDefault("--pin-heap", "true")) && !xmx.equals("none");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no CLI jar at " + jar + "; build it first (./trialdex --help builds it)");
    }
    if (!Files.isDirectory(data)) {
      throw new IllegalArgumentException("no store at " + data + "; make one with `trialdex import --data " + data + " FILE...`");
    }
    List<Path> inputs = List.of(shared.resolve("data/ctgov-api-v2/nsclcbench-100/ctg-studies.json"),
        shared.resolve("data/ctgov-api-v2/" + STUDY + ".v2.json"));
    for (Path in : inputs) {
      if (!Files.isRegularFile(in)) {
        throw new IllegalArgumentException("no import input at " + in + "; pass --shared with the shared data folder");
      }
    }
    if (seconds < 2 * sampleSeconds * 3) {
      throw new IllegalArgumentException("--seconds " + seconds + " leaves fewer than 3 samples in the second half;"
          + " use at least " + 6 * sampleSeconds);
    }

    Thread.ofPlatform().daemon().name("soak-deadline").start(() -> {
      sleep(Duration.ofSeconds(seconds + 300L));
      System.err.println("soak: hard timeout of " + (seconds + 300) + " s reached; stopping");
      System.exit(2); // the shutdown hook kills the children
    });
    Path work = Files.createTempDirectory("trialdex-soak");
    Path log = work.resolve("server.log");
    int port = freePort();
    List<String> command = new ArrayList<>(ChildJvm.command(jar, xmx, List.of("serve", "--data", data.toString(),
        "--host", "127.0.0.1", "--port", Integer.toString(port))));
    if (pinHeap) {
      command.addAll(1, List.of("-Xms" + xmx, "-XX:+AlwaysPreTouch"));
    }
    ProcessBuilder serve = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    environment(serve, embeddings);
    Process server = serve.start();
    AtomicReference<Process> importing = new AtomicReference<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop(importing.get());
      stop(server);
    }));
    String base = "http://127.0.0.1:" + port;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    awaitHealth(client, base, server, log);
    List<String> ids = ServerLoadBench.ids(client, base);
    System.err.printf(Locale.ROOT, "soak: server pid %d on %s, %d studies, %d s at %.0f requests/s, samples every %d s,"
        + " an import every %d s; server log %s%n", server.pid(), base, ids.size(), seconds, rate, sampleSeconds,
        importSeconds, log);

    List<Kind> kinds = workload(ids);
    Semaphore inFlight = new Semaphore(connections);
    AtomicBoolean sampling = new AtomicBoolean();
    AtomicReference<Window> window = new AtomicReference<>(new Window());
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    Thread pacer = Thread.ofPlatform().daemon().name("soak-pacer")
        .start(() -> pace(client, base, kinds, rate, inFlight, sampling, window, end));
    List<Import> imports = new ArrayList<>();
    Thread importer = Thread.ofPlatform().daemon().name("soak-importer").start(() -> importLoop(jar, data, inputs,
        work, embeddings, importSeconds, end, importing, imports, client, base));

    List<Sample> samples = new ArrayList<>();
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
      out.println(Sample.CSV_HEADER);
      for (long next = start + sampleSeconds * 1_000_000_000L; next <= end; next += sampleSeconds * 1_000_000_000L) {
        LockSupport.parkNanos(next - System.nanoTime());
        if (!server.isAlive()) {
          throw new IllegalStateException("the server exited with " + server.exitValue() + "; see " + log);
        }
        Window w = window.getAndSet(new Window());
        double windowSeconds = (System.nanoTime() - w.start) / 1e9;
        ProcStatus status = ProcStatus.of(server.pid()); // before the forced GC, which may give memory back
        long fds = ProcStatus.openFds(server.pid());
        double[] heap = heapAfterGc(server.pid(), inFlight, sampling, connections);
        int done;
        synchronized (imports) {
          done = imports.size();
        }
        Sample s = sample((System.nanoTime() - start) / 1e9, heap, status, fds, w,
            windowSeconds, done);
        samples.add(s);
        out.println(s.csv());
        out.flush();
        System.err.printf(Locale.ROOT, "soak: %4.0f s  heap %.1f MB  rss %.0f MB  fds %d  threads %d  %.1f answers/s"
            + "  p99 %.0f ms  unexpected %d  dropped %d  imports %d%n", s.t(), s.heapMb(), s.rssMb(), s.fds(),
            s.threads(), s.perSecond(), s.p99Ms(), s.unexpected(), s.dropped(), s.imports());
      }
    }
    pacer.join(Duration.ofSeconds(40));
    importer.join(Duration.ofSeconds(5));
    stop(importing.get());
    stop(server);
    List<Import> finished;
    synchronized (imports) {
      finished = List.copyOf(imports);
    }
    System.out.print(summary(samples, finished, seconds, rate, xmx, csv));
    deleteQuietly(work);
    System.exit(0);
  }

  /** The soak's mix of requests: mostly cheap reads, some expensive answers, some that do not exist. */
  static List<Kind> workload(List<String> ids) {
    List<String> conditions = ServerLoadBench.CONDITIONS;
    Function<Random, String> id = r -> ids.get(r.nextInt(ids.size()));
    Function<Random, String> cond = r -> q(conditions.get(r.nextInt(conditions.size())));
    return List.of(
        new Kind("study JSON", 20, r -> "/api/v2/studies/" + id.apply(r)),
        new Kind("study page", 15, r -> "/study/" + id.apply(r)),
        new Kind("API search", 15, r -> "/api/v2/studies?query.cond=" + cond.apply(r) + "&countTotal=true"),
        new Kind("API search, 1,000 studies", 4, r -> "/api/v2/studies?pageSize=1000"),
        new Kind("API search, CSV", 4, r -> "/api/v2/studies?query.cond=" + cond.apply(r) + "&pageSize=1000&format=csv"),
        new Kind("search page", 10, r -> "/search?query.cond=" + cond.apply(r)),
        new Kind("stats", 4, r -> "/api/v2/stats/fieldValues?fields=OverallStatus,Phase"),
        new Kind("feed", 4, r -> "/feed?query.cond=" + cond.apply(r)),
        new Kind("health", 10, r -> "/health"),
        new Kind("missing study", 4, r -> "/api/v2/studies/" + MISSING, 404),
        new Kind("missing page", 2, r -> "/no/such/page", 404));
  }

  private static void pace(HttpClient client, String base, List<Kind> kinds, double rate, Semaphore inFlight,
      AtomicBoolean sampling, AtomicReference<Window> window, long end) {
    long interval = (long) (1e9 / rate);
    Random random = new Random(12);
    for (long next = System.nanoTime(); next < end; next += interval) {
      LockSupport.parkNanos(next - System.nanoTime());
      if (sampling.get()) {
        continue; // the server is being measured idle
      }
      if (!inFlight.tryAcquire()) {
        window.get().dropped.incrementAndGet();
        continue;
      }
      Kind chosen = Weighted.pick(kinds, Kind::weight, random);
      String path = chosen.path().apply(random);
      Thread.ofVirtual().start(() -> {
        try {
          send(client, base, chosen, path, window);
        } finally {
          inFlight.release();
        }
      });
    }
  }

  private static void send(HttpClient client, String base, Kind kind, String path, AtomicReference<Window> window) {
    long t0 = System.nanoTime();
    String status;
    boolean expected;
    try {
      HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
          .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding());
      status = Integer.toString(r.statusCode());
      expected = r.statusCode() == kind.status();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (IOException e) {
      status = e.getClass().getSimpleName();
      expected = false;
    }
    Window w = window.get();
    w.nanos.add(System.nanoTime() - t0);
    w.statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
    if (!expected) {
      w.unexpected.incrementAndGet();
    }
  }

  private static void importLoop(Path jar, Path data, List<Path> inputs, Path work, String embeddings,
      int importSeconds, long end, AtomicReference<Process> importing, List<Import> imports, HttpClient client, String base) {
    int round = 0;
    for (long next = System.nanoTime() + importSeconds * 1_000_000_000L; next < end - 5_000_000_000L;
        next += importSeconds * 1_000_000_000L) {
      LockSupport.parkNanos(next - System.nanoTime());
      int kind = round % 3;
      int revision = round / 3 + 1;
      round++;
      try {
        Path input = kind == 2 ? retitled(inputs.get(1), work.resolve("retitled.v2.json"), revision) : inputs.get(kind);
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(jar, "512m", List.of("import", "--no-progress",
            "--data", data.toString(), input.toString())))
            .redirectErrorStream(true).redirectOutput(work.resolve("import.log").toFile());
        environment(pb, embeddings);
        long t0 = System.nanoTime();
        Process p = pb.start();
        importing.set(p);
        boolean ended = p.waitFor(Math.max(importSeconds, 120), TimeUnit.SECONDS);
        if (!ended) {
          stop(p);
        }
        int exit = ended ? p.exitValue() : -1;
        importing.set(null);
        double took = (System.nanoTime() - t0) / 1e9;
        double follow = kind == 2 && exit == 0 ? follow(client, base, "soakrev" + revision) : Double.NaN;
        if (exit != 0) {
          System.err.println("soak: import of " + input.getFileName() + " exited " + exit + ": "
              + Files.readString(work.resolve("import.log")).lines().limit(5).toList());
        }
        synchronized (imports) {
          imports.add(new Import(input.getFileName().toString(), exit, took, follow));
        }
      } catch (IOException e) {
        System.err.println("soak: import failed to start: " + e);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Seconds until the server's search finds {@link #STUDY} by {@code term}, or NaN after 60 s. */
  private static double follow(HttpClient client, String base, String term) throws InterruptedException {
    long t0 = System.nanoTime();
    URI uri = URI.create(base + "/api/v2/studies?fields=NCTId&query.term=" + term);
    while (System.nanoTime() - t0 < 60_000_000_000L) {
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains(STUDY)) {
          return (System.nanoTime() - t0) / 1e9;
        }
      } catch (IOException e) {
        // try again
      }
      Thread.sleep(100);
    }
    return Double.NaN;
  }

  /** A copy of the v2 record {@code original} whose brief title ends with {@code soakrevN}. */
  static Path retitled(Path original, Path copy, int revision) throws IOException {
    JsonNode study = JSON.readTree(original.toFile());
    ObjectNode id = (ObjectNode) study.path("protocolSection").path("identificationModule");
    id.put("briefTitle", id.path("briefTitle").asText() + " soakrev" + revision);
    JSON.writeValue(copy.toFile(), study);
    return copy;
  }

  /**
   * Heap used and metaspace used (MB) right after a full GC of an idle server: admissions stop and
   * the requests in flight finish (up to 5 s) first, so no half-built answer counts as live.
   */
  private static double[] heapAfterGc(long pid, Semaphore inFlight, AtomicBoolean sampling, int connections)
      throws IOException, InterruptedException {
    sampling.set(true);
    boolean idle = inFlight.tryAcquire(connections, 5, TimeUnit.SECONDS);
    try {
      Path commands = Files.createTempFile("soak-jcmd", ".txt");
      try {
        Files.writeString(commands, "GC.run\nGC.heap_info\nVM.metaspace basic\n");
        Process p = new ProcessBuilder(ChildJvm.tool("jcmd"), Long.toString(pid), "-f", commands.toString())
            .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          stop(p);
        }
        return parseHeapInfo(text);
      } finally {
        Files.deleteIfExists(commands);
      }
    } finally {
      if (idle) {
        inFlight.release(connections);
      }
      sampling.set(false);
    }
  }

  private static final Pattern HEAP_USED = Pattern.compile("(?m)^\\s*\\S.*heap\\s+total.*?used (\\d+)K");
  private static final Pattern METASPACE_USED = Pattern.compile("(?m)^\\s*Metaspace\\s+used (\\d+)K");

  /**
   * Heap used and metaspace used in MB from the text of {@code jcmd PID GC.heap_info}, NaN for a figure
   * the text lacks (a jcmd that could not attach prints an error instead).
   */
  static double[] parseHeapInfo(String text) {
    Matcher heap = HEAP_USED.matcher(text);
    Matcher meta = METASPACE_USED.matcher(text);
    return new double[] {heap.find() ? Long.parseLong(heap.group(1)) / 1024.0 : Double.NaN,
        meta.find() ? Long.parseLong(meta.group(1)) / 1024.0 : Double.NaN};
  }

  private static Sample sample(double t, double[] heap, ProcStatus status, long fds, Window w, double windowSeconds,
      int imports) {
    long[] nanos = Latencies.sorted(w.nanos);
    Map<String, Long> statuses = new TreeMap<>();
    w.statuses.forEach((k, v) -> statuses.put(k, v.get()));
    return new Sample(t, heap[0], heap[1], status.rssKb() / 1024.0, fds, status.threads(), nanos.length,
        nanos.length / windowSeconds, Latencies.percentile(nanos, 50) / 1e6, Latencies.percentile(nanos, 99) / 1e6,
        w.unexpected.get(), w.dropped.get(), imports, statuses);
  }

  /** The Markdown summary of a run: first and last window, trends over the second half, the verdict. */
  static String summary(List<Sample> samples, List<Import> imports, int seconds, double rate, String xmx, Path csv) {
    if (samples.isEmpty()) {
      return "no samples\n";
    }
    StringBuilder b = new StringBuilder();
    List<Sample> second = samples.stream().filter(s -> s.t() >= seconds / 2.0).toList();
    double[] t = second.stream().mapToDouble(Sample::t).toArray();
    Sample first = samples.getFirst();
    Sample last = samples.getLast();
    b.append(String.format(Locale.ROOT, "Soak: %d s at %.0f requests/s, -Xmx%s, %d samples (CSV: %s); trends over the"
        + " last %d samples (t >= %d s).%n%n", seconds, rate, xmx, samples.size(), csv, second.size(), seconds / 2));
    b.append("| figure | first window | last window | slope per hour, second half | ± standard error | flat below | verdict |\n");
    b.append("|---|---:|---:|---:|---:|---:|---|\n");
    List<ToDoubleFunction<Sample>> watched = List.of(Sample::heapMb, Sample::rssMb, s -> s.fds(), s -> s.threads());
    List<String> growing = new ArrayList<>();
    List<String> unclear = new ArrayList<>();
    for (int i = 0; i < THRESHOLDS.size(); i++) {
      Threshold th = THRESHOLDS.get(i);
      ToDoubleFunction<Sample> f = watched.get(i);
      Trend trend = Trend.fit(t, second.stream().mapToDouble(f).toArray());
      Trend.Verdict verdict = trend.against(th.perHour());
      switch (verdict) {
        case GROWING -> growing.add(th.name());
        case UNCLEAR -> unclear.add(th.name());
        case FLAT -> { }
      }
      b.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %+.1f | %.1f | %.0f | %s |%n", th.name(),
          f.applyAsDouble(first), f.applyAsDouble(last), trend.perHour(), trend.standardError(), th.perHour(),
          verdict == Trend.Verdict.GROWING ? "**growing**" : verdict.name().toLowerCase(Locale.ROOT)));
    }
    List<ToDoubleFunction<Sample>> shown = List.of(Sample::metaspaceMb, Sample::p50Ms, Sample::p99Ms);
    List<String> names = List.of("metaspace MB", "p50 ms", "p99 ms");
    for (int i = 0; i < shown.size(); i++) {
      Trend trend = Trend.fit(t, second.stream().mapToDouble(shown.get(i)).toArray());
      b.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %+.1f | %.1f | | |%n", names.get(i),
          shown.get(i).applyAsDouble(first), shown.get(i).applyAsDouble(last), trend.perHour(), trend.standardError()));
    }
    b.append(String.format(Locale.ROOT, "| answers/s | %.1f | %.1f | | | | |%n%n", first.perSecond(), last.perSecond()));

    Map<String, Long> statuses = new TreeMap<>();
    samples.forEach(s -> s.statuses().forEach((k, v) -> statuses.merge(k, v, Long::sum)));
    long answers = samples.stream().mapToLong(Sample::answers).sum();
    long unexpected = samples.stream().mapToLong(Sample::unexpected).sum();
    long dropped = samples.stream().mapToLong(Sample::dropped).sum();
    b.append(String.format(Locale.ROOT, "Answers: %,d by status %s; unexpected status or failure: %,d; dropped (all"
        + " connections busy): %,d.%n", answers, statuses, unexpected, dropped));
    long failed = imports.stream().filter(i -> i.exit() != 0).count();
    double follow = imports.stream().mapToDouble(Import::followSeconds).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
    long retitled = imports.stream().filter(i -> i.file().startsWith("retitled")).count();
    long followed = imports.stream().filter(i -> i.file().startsWith("retitled") && !Double.isNaN(i.followSeconds())).count();
    b.append(String.format(Locale.ROOT, "Imports while serving: %d (%d failed), %.1f s on average; search found %d of %d"
        + " retitled versions, the slowest %.1f s after its import ended.%n%n", imports.size(), failed,
        imports.stream().mapToDouble(Import::seconds).average().orElse(Double.NaN), followed, retitled, follow));
    if (!growing.isEmpty()) {
      b.append("Verdict: GROWING: " + String.join(", ", growing) + " grew at or above the threshold over the second half,"
          + " even at two standard errors below the slope.\n");
    } else if (!unclear.isEmpty()) {
      b.append("Verdict: UNCLEAR: " + String.join(", ", unclear) + " cannot be told flat from growing (the slope plus"
          + " two standard errors reaches the threshold); run longer.\n");
    } else {
      b.append("Verdict: FLAT: heap after GC, RSS, open fds and threads all grow slower than their thresholds over the"
          + " second half, even at two standard errors above the slope.\n");
    }
    b.append("Thresholds per hour: ");
    b.append(String.join("; ", THRESHOLDS.stream().map(th -> String.format(Locale.ROOT, "%s %.0f (%s)", th.name(),
        th.perHour(), th.why())).toList()));
    b.append(".\n");
    return b.toString();
  }

  private static void environment(ProcessBuilder pb, String embeddings) {
    if (embeddings != null) {
      pb.environment().put("TRIALDEX_EMBEDDINGS", embeddings);
    }
  }

  private static void awaitHealth(HttpClient client, String base, Process server, Path log) throws Exception {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("the server exited with " + server.exitValue() + " while starting; see " + log);
      }
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"following\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the server did not answer /health as following within 180 s; see " + log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void stop(Process p) {
    if (p == null || !p.isAlive()) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("soak: could not delete " + dir + ": " + e);
    }
  }

  private static String required(Map<String, String> o, String name) {
    String v = o.get(name);
    if (v == null) {
      throw new IllegalArgumentException("SoakBench needs " + name);
    }
    return v;
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
