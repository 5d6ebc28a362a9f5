package org.trialdex.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Provenance;
import org.trialdex.testing.SharedData;

/**
 * A manual speed check, not a test: puts the 100 sample records {@code copies} times under new NCT
 * ids, in chunks of 500, into a fresh store, and prints records per second of {@code putAll}
 * (serializing, hashing and writing; building the Study objects is not counted). Timing belongs
 * in trialdex-bench; this is the quick look until it has a store benchmark.
 *
 * <p>Arguments: {@code DATA_DIR [COPIES=100] [JDBC_URL]}; with a URL it measures PostgreSQL.
 */
final class StoreSpeedCheck {

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int copies = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    StoreLocation location = args.length > 2
        ? new StoreLocation.Postgres(args[2]) : new StoreLocation.Sqlite(dir);
    StudyJson json = StudyJson.standard();
    List<ObjectNode> trees = new ArrayList<>();
    json.mapper().readTree(Files.readString(SharedData.v2Sample()))
        .forEach(n -> trees.add((ObjectNode) n));
    long bytes = 0;
    long putNanos = 0;
    long serializeNanos = 0;
    long putCpuNanos = 0;
    long records = 0;
    long wallStart = System.nanoTime();
    try (StudyStore store = StudyStores.open(location, Clock.systemUTC())) {
      ImportRun run = store.beginRun("speed check", List.of());
      List<Incoming> chunk = new ArrayList<>(500);
      for (int copy = 0; copy < copies; copy++) {
        for (int i = 0; i < trees.size(); i++) {
          ObjectNode tree = trees.get(i).deepCopy();
          ((ObjectNode) tree.at("/protocolSection/identificationModule"))
              .put("nctId", String.format(Locale.ROOT, "NCT9%07d", copy * 100 + i));
          Study study = json.read((JsonNode) tree);
          chunk.add(new Incoming(study, new Provenance("speed", "copy " + copy, "record " + i)));
          if (chunk.size() == 500) {
            long s = System.nanoTime();
            bytes += chunk.stream().mapToLong(c -> json.contentHash(c.study()).length()
                + json.writeBytes(c.study()).length).sum();
            serializeNanos += System.nanoTime() - s;
            long t = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            records += store.putAll(run.id(), chunk).size();
            putCpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
            putNanos += System.nanoTime() - t;
            chunk.clear();
          }
        }
      }
      if (!chunk.isEmpty()) {
        long t = System.nanoTime();
        records += store.putAll(run.id(), chunk).size();
        putNanos += System.nanoTime() - t;
      }
      store.finishRun(run.id(), RunCounts.zero());
      long streamStart = System.nanoTime();
      long streamed;
      try (Stream<StoredStudy> all = store.currentAll()) {
        streamed = all.count();
      }
      long streamNanos = System.nanoTime() - streamStart;
      System.out.printf(Locale.ROOT,
          "%s: put %d records (avg %.1f KB JSON) in %.2f s of putAll = %.0f records/s;"
              + " streamed %d back (parsing each) at %.0f records/s; wall %.1f s%n",
          location, records, bytes / 1024.0 / Math.max(1, records - chunk.size()),
          putNanos / 1e9, records / (putNanos / 1e9), streamed, streamed / (streamNanos / 1e9),
          (System.nanoTime() - wallStart) / 1e9);
      System.out.printf(Locale.ROOT, "  putAll used %.2f s of CPU on its thread = %.0f records"
          + " per CPU second (less sensitive to other load on the machine)%n", putCpuNanos / 1e9,
          records / (putCpuNanos / 1e9));
      System.out.printf(Locale.ROOT, "  of which serializing and hashing alone takes about %.2f s%n",
          serializeNanos / 2 / 1e9);
    }
  }
}
