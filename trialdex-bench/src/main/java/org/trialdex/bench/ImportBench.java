package org.trialdex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.trialdex.app.Trialdex;
import org.trialdex.ingest.ChunkWriter;
import org.trialdex.ingest.ImportReport;
import org.trialdex.ingest.Importer;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.store.ImportRun;
import org.trialdex.store.RunCounts;
import org.trialdex.store.StoreLocation;

/**
 * Import throughput per source format, on SQLite and on PostgreSQL, end to end (read, map, hash,
 * write, commit), plus the read-only rate of each format to show where the time goes.
 *
 * <pre>
 * java -cp trialdex-bench/target/trialdex-bench.jar:trialdex-bench/target/lib/* org.trialdex.bench.ImportBench \
 *     [--shared ../shared] [--copies 200] [--pg jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres]
 * </pre>
 *
 * <p>The API v2 set is the 100 real records copied with new NCT ids ({@code --copies} times) so
 * that the store sees many distinct records; the legacy XML set is the 6,786-record archive as is;
 * the classic set is the 1,480 MSC records, copied the same way. Prints a Markdown table for
 * {@code docs/benchmarks.md}. Each format is read once without a store before it is measured, so
 * the figures are for compiled code, as in a long import.
 */
public final class ImportBench {

  private ImportBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchArgs.parse("ImportBench", args);
    Path shared = Path.of(opts.getOrDefault("--shared", "../shared"));
    int copies = Integer.parseInt(opts.getOrDefault("--copies", "200"));
    String pg = opts.getOrDefault("--pg", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    Path work = Files.createTempDirectory("trialdex-bench");

    Map<String, Path> sets = new LinkedHashMap<>();
    sets.put("API v2 JSON (NDJSON)", copyNdjson(shared.resolve("data/ctgov-api-v2/nsclcbench-100/ctg-studies.json"), true,
        copies, work.resolve("v2.ndjson"), "/protocolSection/identificationModule/nctId"));
    sets.put("legacy XML (tar.gz)", shared.resolve("data/ctgov-legacy-xml-2023/allpublicxml-subset-2023-02-03.tar.gz"));
    sets.put("classic fields (NDJSON)", copyNdjson(shared.resolve("data/msc-trials-2022/msc_studyfields_2022-10.jsonl"), false,
        Math.max(1, copies / 14), work.resolve("classic.ndjson"), "/NCTId/0"));

    System.out.printf(Locale.ROOT, "| format | records | store | records/s | MB/s | failed |%n|---|---:|---|---:|---:|---:|%n");
    for (var set : sets.entrySet()) {
      readOnly(set.getValue()); // warm-up: let the JIT compile the reader before measuring
      ImportReport read = readOnly(set.getValue());
      row(set.getKey(), "none (read + map only)", read);
      Path dataDir = work.resolve("sqlite-" + Math.abs(set.getKey().hashCode()));
      row(set.getKey(), "SQLite", timed(new StoreLocation.Sqlite(dataDir), set.getValue()));
      String db = "trialdex_bench_" + System.nanoTime();
      if (createDatabase(pg, db)) {
        try {
          row(set.getKey(), "PostgreSQL", timed(new StoreLocation.Postgres(withDatabase(pg, db)), set.getValue()));
        } finally {
          dropDatabase(pg, db);
        }
      } else {
        System.out.printf(Locale.ROOT, "| %s | | PostgreSQL | not reachable at %s | | |%n", set.getKey(), pg);
      }
    }
  }

  private static void row(String format, String store, ImportReport r) {
    System.out.printf(Locale.ROOT, "| %s | %,d | %s | %,.0f | %.1f | %,d |%n", format, r.read(), store,
        r.recordsPerSecond(), r.bytes() / 1e6 / (r.elapsed().toNanos() / 1e9), r.failed());
  }

  private static ImportReport readOnly(Path file) {
    ChunkWriter discard = chunk -> chunk.stream().map(c -> ChunkWriter.Outcome.NEW).toList();
    return new Importer(ReadOptions.defaults(), Trialdex.CHUNK_SIZE, discard, Importer.Listener.NONE).run(List.of(file));
  }

  private static ImportReport timed(StoreLocation location, Path file) {
    try (Trialdex trialdex = Trialdex.open(location, Clock.systemUTC())) {
      ImportRun run = trialdex.store().beginRun("bench", List.of(file.toString()));
      ImportReport r = trialdex.importer(run.id(), ReadOptions.defaults(), Importer.Listener.NONE).run(List.of(file));
      trialdex.store().finishRun(run.id(), new RunCounts(r.read(), r.created(), r.updated(), r.unchanged(), r.failed()));
      if (r.aborted().isPresent()) {
        throw new IllegalStateException(r.aborted().get());
      }
      return r;
    }
  }

  /** Writes {@code copies} copies of every record with new NCT ids (NCT8CCCNNNN), one per line. */
  private static Path copyNdjson(Path source, boolean jsonArray, int copies, Path out, String idPointer) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> records = new ArrayList<>();
    if (jsonArray) {
      mapper.readTree(source.toFile()).forEach(records::add);
    } else {
      try (Stream<String> lines = Files.lines(source, StandardCharsets.UTF_8)) {
        for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
          records.add(mapper.readTree(it.next()));
        }
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int c = 0; c < copies; c++) {
        for (int i = 0; i < records.size(); i++) {
          ObjectNode n = records.get(i).deepCopy();
          String id = String.format(Locale.ROOT, "NCT8%03d%04d", c, i);
          setId(n, idPointer, id);
          w.write(n.toString());
          w.write('\n');
        }
      }
    }
    return out;
  }

  private static void setId(ObjectNode n, String pointer, String id) {
    if (pointer.startsWith("/NCTId")) {
      n.putArray("NCTId").add(id);
    } else {
      ((ObjectNode) n.at("/protocolSection/identificationModule")).put("nctId", id);
    }
  }

  private static boolean createDatabase(String adminUrl, String db) {
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static void dropDatabase(String adminUrl, String db) {
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db);
    } catch (SQLException e) {
      System.err.println("could not drop " + db + ": " + e.getMessage());
    }
  }

  static String withDatabase(String url, String db) {
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    String query = q < 0 ? "" : url.substring(q);
    return base.substring(0, base.lastIndexOf('/') + 1) + db + query;
  }
}
