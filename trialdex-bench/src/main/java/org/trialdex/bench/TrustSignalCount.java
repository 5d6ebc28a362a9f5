package org.trialdex.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.trialdex.core.celltherapy.CellTherapy;
import org.trialdex.core.model.Study;
import org.trialdex.core.trust.FdaaaApplicability;
import org.trialdex.core.trust.FdaaaApplicability.Category;
import org.trialdex.core.trust.TrustSignal;
import org.trialdex.core.trust.TrustSignal.Kind;
import org.trialdex.core.trust.TrustSignals;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SharedSets;
import org.trialdex.ingest.SourceEntry;
import org.trialdex.ingest.page.PageReader;

/**
 * Trust signals counted over every record we hold (issue #11): the legacy XML archive, the classic
 * MSC study fields, the API v2 sample and the seed pages, each set as of today ({@code --today},
 * default 2026-11-30) and as of the day the set was retrieved (legacy 2023-02-03, MSC 2022-10-31, v2
 * sample 2025-12-09; the seed pages have no retrieval date). Prints Markdown tables, writes them to
 * {@code --out}, and writes one line per record with its signals as of today to {@code --records}
 * (tab-separated: set, id, cell therapy, kinds, statements) for the hand-checked sample
 * ({@code tools/trust-sample}).
 *
 * <p>Whether a trial gives a cell product is the cell-therapy extractor's reading ({@link
 * org.trialdex.core.celltherapy.CellTherapy}).
 *
 * <pre>
 * /tmp/mvnc . -pl trialdex-bench -am package -DskipTests
 * java -cp "trialdex-bench/target/trialdex-bench.jar:trialdex-bench/target/lib/*" org.trialdex.bench.TrustSignalCount \
 *     --shared ../shared [--today 2026-11-30] [--out trialdex-bench/target/trust-count.md] \
 *     [--records trialdex-bench/target/trust-records.tsv]
 * </pre>
 */
public final class TrustSignalCount {

  private static final Map<String, LocalDate> RETRIEVED = Map.of("legacy-xml", LocalDate.of(2023, 2, 3),
      "classic-msc", LocalDate.of(2022, 10, 31), "v2-sample", LocalDate.of(2025, 12, 9));
  private static final List<String> SETS = List.of("legacy-xml", "classic-msc", "v2-sample", "seeds");

  private TrustSignalCount() {}

  /** Counts for one set. */
  private static final class Tally {
    int records;
    int failed;
    int cell;
    final Map<Kind, Integer> today = new EnumMap<>(Kind.class);
    final Map<Kind, Integer> retrieved = new EnumMap<>(Kind.class);
    final Map<Category, Integer> fdaaa = new EnumMap<>(Category.class);
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> opts = BenchArgs.parse(
        "TrustSignalCount [--shared DIR] [--today YYYY-MM-DD] [--out FILE.md] [--records FILE.tsv]", args);
    Path shared = Path.of(opts.getOrDefault("--shared", "../shared"));
    LocalDate today = LocalDate.parse(opts.getOrDefault("--today", "2026-11-30"));
    Path out = Path.of(opts.getOrDefault("--out", "trialdex-bench/target/trust-count.md"));
    Path recordsOut = Path.of(opts.getOrDefault("--records", "trialdex-bench/target/trust-records.tsv"));

    long started = System.nanoTime();
    Map<String, Tally> tallies = new LinkedHashMap<>();
    SETS.forEach(s -> tallies.put(s, new Tally()));
    StringBuilder records = new StringBuilder("set\tid\tcellTherapy\tkinds\tstatements\n");
    BiConsumer<String, ReadResult> sink = (set, result) -> {
      Tally t = tallies.get(set);
      if (!(result instanceof ReadResult.Read read)) {
        t.failed++;
        return;
      }
      t.records++;
      boolean cell = cellTherapy(read.study());
      if (cell) {
        t.cell++;
      }
      List<TrustSignal> now = TrustSignals.of(read.study(), today, cell);
      now.forEach(s -> t.today.merge(s.kind(), 1, Integer::sum));
      LocalDate then = RETRIEVED.get(set);
      if (then != null) {
        TrustSignals.of(read.study(), then, cell).forEach(s -> t.retrieved.merge(s.kind(), 1, Integer::sum));
      }
      t.fdaaa.merge(FdaaaApplicability.assess(read.study()).category(), 1, Integer::sum);
      synchronized (records) {
        records.append(set).append('\t').append(read.recordId()).append('\t').append(cell).append('\t')
            .append(String.join(",", now.stream().map(s -> s.kind().code()).toList())).append('\t')
            .append(String.join(" | ", now.stream().map(s -> s.statement().replaceAll("\\s+", " ")).toList()))
            .append('\n');
      }
    };
    SharedSets.readAll(shared.resolve("data"), sink);
    readSeeds(shared.resolve("seeds"), sink);

    String table = markdown(tallies, today);
    System.out.print(table);
    write(out, table);
    write(recordsOut, records.toString());
    System.out.printf(Locale.ROOT, "%nwrote %s and %s in %.1f s%n", out, recordsOut, (System.nanoTime() - started) / 1e9);
  }

  /** Whether the trial gives a cell product, as the cell-therapy extractor reads it. */
  static boolean cellTherapy(Study study) {
    return CellTherapy.profile(study).hasProduct();
  }

  private static void readSeeds(Path dir, BiConsumer<String, ReadResult> sink) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> pages = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.txt")) {
      ds.forEach(pages::add);
    }
    pages.sort(null);
    for (Path p : pages) {
      try (InputStream in = Files.newInputStream(p);
          Stream<ReadResult> rs = new PageReader().read(new SourceEntry(p.getFileName().toString(), Files.size(p), in),
              ReadOptions.defaults())) {
        rs.forEach(r -> sink.accept("seeds", r));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  private static String markdown(Map<String, Tally> tallies, LocalDate today) {
    StringBuilder b = new StringBuilder();
    b.append("| signal | ");
    tallies.forEach((set, t) -> b.append(set).append(" (").append(String.format(Locale.ROOT, "%,d", t.records))
        .append(") | "));
    b.append("\n|---|").append("---:|".repeat(tallies.size())).append('\n');
    b.append("| cell therapy (extractor) | ");
    tallies.values().forEach(t -> b.append(String.format(Locale.ROOT, "%,d", t.cell)).append(" | "));
    b.append('\n');
    for (Kind k : Kind.values()) {
      b.append("| `").append(k.code()).append("` as of ").append(today).append(" | ");
      tallies.values().forEach(t -> b.append(String.format(Locale.ROOT, "%,d", t.today.getOrDefault(k, 0))).append(" | "));
      b.append('\n');
      b.append("| `").append(k.code()).append("` as of retrieval | ");
      tallies.forEach((set, t) -> b.append(RETRIEVED.containsKey(set)
          ? String.format(Locale.ROOT, "%,d", t.retrieved.getOrDefault(k, 0)) : "n/a").append(" | "));
      b.append('\n');
    }
    for (Category c : Category.values()) {
      b.append("| FDAAA ").append(c.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" | ");
      tallies.values().forEach(t -> b.append(String.format(Locale.ROOT, "%,d", t.fdaaa.getOrDefault(c, 0))).append(" | "));
      b.append('\n');
    }
    b.append("| records that failed to read | ");
    tallies.values().forEach(t -> b.append(t.failed).append(" | "));
    b.append("\n\nRetrieval dates: legacy-xml 2023-02-03, classic-msc 2022-10-31, v2-sample 2025-12-09; seeds: none.\n");
    return b.toString();
  }

  private static void write(Path file, String content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, content);
  }
}
