package org.trialdex.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Peak memory of {@code trialdex import} on the hostile inputs of issue #12, each generated here in
 * a temporary folder (never committed): a small zip expanding to a lot of duplicate classic records
 * (a zip bomb), a file of one short classic record repeated a million times, and a zip of 200,000
 * one-record entries. Each case runs the CLI jar as a child process, with a given {@code -Xmx} and
 * without one, samples the child's peak resident memory ({@code VmHWM} in {@code /proc/PID/status})
 * every 50 ms, and prints a Markdown table with the elapsed time, exit code, the failures the import
 * counted and how many bytes it printed.
 *
 * <pre>ImportMemoryBench --jar trialdex-app/target/trialdex-app.jar [--bomb-mb 1100] [--lines 1000000]
 *     [--entries 200000] [--xmx 256m,none] [--keep false]</pre>
 *
 * <p>Linux only ({@code /proc}).
 */
public final class ImportMemoryBench {

  private ImportMemoryBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = BenchArgs.parse("ImportMemoryBench", args);
    Path jar = Path.of(o.getOrDefault("--jar", "trialdex-app/target/trialdex-app.jar"));
    long bombMb = Long.parseLong(o.getOrDefault("--bomb-mb", "1100"));
    int lines = Integer.parseInt(o.getOrDefault("--lines", "1000000"));
    int entries = Integer.parseInt(o.getOrDefault("--entries", "200000"));
    List<String> heaps = List.of(o.getOrDefault("--xmx", "256m,none").split(","));
    boolean keep = Boolean.parseBoolean(o.getOrDefault("--keep", "false"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no CLI jar at " + jar + "; build it first (./trialdex --help builds it)");
    }
    Path dir = Files.createTempDirectory("trialdex-memory-bench");
    try {
      List<Case> cases = new ArrayList<>();
      Path bomb = zipBomb(dir.resolve("bomb.zip"), bombMb * 1024 * 1024);
      cases.add(new Case("zip bomb, " + bombMb + " MB of duplicate classic records", bomb, List.of()));
      cases.add(new Case("same, --max-expansion 1000000", bomb, List.of("--max-expansion", "1000000")));
      Path dups = duplicateLines(dir.resolve("dups.jsonl"), lines);
      cases.add(new Case(String.format(Locale.ROOT, "%,d duplicate lines", lines), dups, List.of()));
      Path many = manyEntries(dir.resolve("many.zip"), entries);
      cases.add(new Case(String.format(Locale.ROOT, "zip of %,d one-record entries", entries), many, List.of()));

      System.out.println("| case | input | -Xmx | exit | elapsed s | peak RSS MB | failed | printed KB |");
      System.out.println("|---|---:|---|---:|---:|---:|---:|---:|");
      int run = 0;
      for (Case c : cases) {
        for (String heap : heaps) {
          Result r = run(jar, heap, c, dir.resolve("data" + run++));
          System.out.printf(Locale.ROOT, "| %s | %,.1f MB | %s | %d | %.1f | %,d | %s | %,d |%n", c.name(),
              Files.size(c.input()) / 1e6, heap, r.exit(), r.seconds(), r.peakKb() / 1024, r.failed(), r.printedBytes() / 1024);
        }
      }
    } finally {
      if (!keep) {
        deleteAll(dir);
      } else {
        System.out.println("inputs kept in " + dir);
      }
    }
  }

  private record Case(String name, Path input, List<String> extra) {}

  private record Result(int exit, double seconds, long peakKb, String failed, long printedBytes) {}

  private static Result run(Path jar, String heap, Case c, Path data) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("import", "--no-progress", "--data", data.toString()));
    args.addAll(c.extra());
    args.add(c.input().toString());
    List<String> cmd = ChildJvm.command(jar, heap, args);
    Path out = data.resolveSibling(data.getFileName() + ".out");
    Path err = data.resolveSibling(data.getFileName() + ".err");
    long start = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    long peak = 0;
    while (p.isAlive()) {
      peak = Math.max(peak, vmHwm(p.pid()));
      Thread.sleep(50);
    }
    int exit = p.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    String printed = Files.readString(out, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?m)^  failed +([0-9,]+)$").matcher(printed);
    String failed = m.find() ? m.group(1) : "-";
    if (exit != 0 && exit != 3) {
      System.err.println(c.name() + " (-Xmx " + heap + ") exited " + exit + ": "
          + Files.readString(err, StandardCharsets.UTF_8).lines().limit(5).toList());
    }
    return new Result(exit, seconds, peak, failed, Files.size(out) + Files.size(err));
  }

  /** The high-water mark of the process's resident memory in KiB, or 0 once it is gone. */
  private static long vmHwm(long pid) {
    try {
      return Math.max(0, ProcStatus.of(pid).hwmKb());
    } catch (IOException | RuntimeException gone) {
      return 0; // the process ended between two samples
    }
  }

  /** A short classic record: the smallest line the classic reader takes. */
  private static String classic(int id) {
    return String.format(Locale.ROOT, "{\"NCTId\":[\"NCT%08d\"],\"BriefTitle\":[\"Dup\"]}%n", id);
  }

  private static Path zipBomb(Path file, long expandedBytes) throws IOException {
    byte[] line = classic(1).getBytes(StandardCharsets.UTF_8);
    byte[] block = new byte[line.length * 20_000];
    for (int i = 0; i < 20_000; i++) {
      System.arraycopy(line, 0, block, i * line.length, line.length);
    }
    try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      z.setLevel(Deflater.BEST_COMPRESSION);
      z.putNextEntry(new ZipEntry("records.jsonl"));
      for (long written = 0; written < expandedBytes; written += block.length) {
        z.write(block);
      }
    }
    return file;
  }

  private static Path duplicateLines(Path file, int lines) throws IOException {
    byte[] line = classic(1).getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (int i = 0; i < lines; i++) {
        out.write(line);
      }
    }
    return file;
  }

  private static Path manyEntries(Path file, int entries) throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      for (int i = 0; i < entries; i++) {
        z.putNextEntry(new ZipEntry(String.format(Locale.ROOT, "r/%06d.jsonl", i)));
        z.write(classic(10_000_000 + i).getBytes(StandardCharsets.UTF_8));
      }
    }
    return file;
  }

  private static void deleteAll(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
