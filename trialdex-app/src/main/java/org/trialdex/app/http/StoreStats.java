package org.trialdex.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trialdex.core.json.StudyJson;
import org.trialdex.app.service.Records;
import org.trialdex.app.service.Reports;
import org.trialdex.store.StoredStudy;

/**
 * Statistics over every current record (sizes, enum value counts), computed in one pass over the
 * records and kept until the store's change log moves (any write of a record, a link included). A
 * server computes them once at start, off the request path, so the first statistics request does
 * not wait for a pass over the store.
 */
final class StoreStats {

  private static final Logger LOG = LoggerFactory.getLogger("trialdex.http");
  private static final int LARGEST = 10;

  private final Records records;
  private final Reports reports;
  private Snapshot snapshot;
  private long snapshotHead = -1;
  private volatile boolean stopped;
  private final ReentrantLock lock = new ReentrantLock();

  StoreStats(Records records, Reports reports) {
    this.records = records;
    this.reports = reports;
  }

  /** The statistics of the records as they are now: kept ones while the change log stays put. */
  Snapshot snapshot() {
    // A lock rather than synchronized: a pass is long, and a virtual thread waiting on a monitor
    // would hold its carrier thread (Java 21).
    lock.lock();
    try {
      // The head is read before the pass: a write during it moves the head past the one kept.
      long head = reports.changeHead();
      if (snapshot == null || head != snapshotHead) {
        snapshot = compute();
        snapshotHead = head;
      }
      return snapshot;
    } finally {
      lock.unlock();
    }
  }

  /** Computes the statistics in a background thread, so that the first request finds them ready. */
  void warmInBackground() {
    Thread.ofVirtual().name("store statistics").start(() -> {
      try {
        snapshot();
      } catch (RuntimeException e) {
        // The server stopped (and its store closed) during the pass, or the store failed: a request
        // computes them again and says what failed.
        LOG.debug("store statistics not computed at start: {}", e.toString());
      }
    });
  }

  /** Stops a pass in progress: the server is stopping and its store is closed next. */
  void stop() {
    stopped = true;
  }

  private Snapshot compute() {
    List<StudyFields.Field> enums = StudyFields.model().all().stream().filter(StudyFields.Field::isEnum).toList();
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    Map<String, Integer> missing = new HashMap<>();
    List<long[]> sizes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (Stream<StoredStudy> all = records.all()) {
      for (var it = all.iterator(); it.hasNext(); ) {
        if (stopped) {
          throw new IllegalStateException("the server is stopping");
        }
        StoredStudy s = it.next();
        ids.add(s.nctId());
        sizes.add(new long[] {StudyJson.standard().writeBytes(s.study()).length, ids.size() - 1});
        JsonNode tree = StudyJson.standard().tree(s.study());
        for (StudyFields.Field f : enums) {
          List<String> values = StudyFields.values(tree, f.path());
          if (values.isEmpty()) {
            missing.merge(f.path(), 1, Integer::sum);
          }
          Map<String, Integer> c = counts.computeIfAbsent(f.path(), k -> new TreeMap<>());
          values.stream().distinct().forEach(v -> c.merge(v, 1, Integer::sum));
        }
      }
    }
    return new Snapshot(ids, sizes, counts, missing);
  }

  record Snapshot(List<String> ids, List<long[]> sizes,
      Map<String, Map<String, Integer>> counts, Map<String, Integer> missing) {

    /**
     * The {@code GzipStats} shape: sizes are of each record's compact v2 JSON (uncompressed);
     * percentiles are keyed 5, 25, 50, 75, 95; ranges are 10 KB wide.
     */
    ObjectNode gzipStats() {
      ObjectNode n = HttpServer.json().createObjectNode();
      long[] sorted = sizes.stream().mapToLong(a -> a[0]).sorted().toArray();
      n.put("totalStudies", sorted.length);
      n.put("averageSizeBytes", sorted.length == 0 ? 0 : Math.round(Arrays.stream(sorted).average().orElse(0)));
      ArrayNode largest = n.putArray("largestStudies");
      sizes.stream().sorted(Comparator.comparingLong((long[] a) -> -a[0])).limit(LARGEST)
          .forEach(a -> largest.addObject().put("id", ids.get((int) a[1])).put("sizeBytes", a[0]));
      ObjectNode percentiles = n.putObject("percentiles");
      if (sorted.length > 0) {
        for (int p : new int[] {5, 25, 50, 75, 95}) {
          percentiles.put(Integer.toString(p), sorted[Math.min(sorted.length - 1, (int) Math.floor(p / 100.0 * sorted.length))]);
        }
      }
      ArrayNode ranges = n.putArray("ranges");
      Map<Long, Integer> buckets = new TreeMap<>();
      for (long s : sorted) {
        buckets.merge(s / 10_000, 1, Integer::sum);
      }
      buckets.forEach((b, c) -> ranges.addObject()
          .put("sizeRange", (b * 10) + "KB-" + ((b + 1) * 10) + "KB").put("studiesCount", c));
      return n;
    }

    /** The {@code EnumStats} shape for one enum field. */
    ObjectNode enumStats(StudyFields.Field f) {
      ObjectNode n = HttpServer.json().createObjectNode();
      n.put("type", "ENUM");
      n.put("piece", f.piece() != null ? f.piece() : f.path());
      n.put("field", f.path());
      n.put("missingStudiesCount", missing.getOrDefault(f.path(), 0));
      Map<String, Integer> c = counts.getOrDefault(f.path(), Map.of());
      n.put("uniqueValuesCount", c.size());
      ArrayNode top = n.putArray("topValues");
      c.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> top.addObject().put("value", e.getKey()).put("studiesCount", e.getValue()));
      return n;
    }
  }
}
