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
 * Statistics over every current record (sizes, every leaf field's values, every list field's
 * sizes), computed in one pass over the records, one walk over each record's tree, and kept until the store's change log moves (any write of a record, a link included). A
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
    long began = System.nanoTime();
    Map<String, FieldStats> values = new java.util.LinkedHashMap<>();
    Map<String, FieldStats.Sizes> lists = new java.util.LinkedHashMap<>();
    for (StudyFields.Field f : StudyFields.model().all()) {
      FieldStats.Type.of(f).ifPresent(t -> values.put(f.path(), new FieldStats(f, t)));
      if (f.list()) {
        lists.put(f.path(), new FieldStats.Sizes(f));
      }
    }
    List<long[]> sizes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    Map<String, List<JsonNode>> found = new HashMap<>();
    Map<String, Integer> listSizes = new HashMap<>();
    try (Stream<StoredStudy> all = records.all()) {
      for (var it = all.iterator(); it.hasNext(); ) {
        if (stopped) {
          throw new IllegalStateException("the server is stopping");
        }
        StoredStudy s = it.next();
        ids.add(s.nctId());
        sizes.add(new long[] {StudyJson.standard().writeBytes(s.study()).length, ids.size() - 1});
        // One walk over the record's tree gives every leaf's values and every list's size.
        found.clear();
        listSizes.clear();
        walk(StudyJson.standard().tree(s.study()), "", found, listSizes);
        found.forEach((path, v) -> {
          FieldStats f = values.get(path);
          if (f != null) {
            f.study(s.nctId(), v);
          }
        });
        listSizes.forEach((path, n) -> {
          FieldStats.Sizes l = lists.get(path);
          if (l != null) {
            l.study(n);
          }
        });
      }
    }
    LOG.debug("store statistics of {} records in {} ms", ids.size(), (System.nanoTime() - began) / 1_000_000);
    return new Snapshot(ids, sizes, values, lists);
  }

  /** Collects the values under {@code node} by path (lists flattened) and each list's size. */
  private static void walk(JsonNode node, String path, Map<String, List<JsonNode>> found, Map<String, Integer> listSizes) {
    if (node.isObject()) {
      for (var it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), found, listSizes);
      }
    } else if (node.isArray()) {
      listSizes.merge(path, node.size(), Integer::sum);
      for (JsonNode e : node) {
        walk(e, path, found, listSizes);
      }
    } else if (!node.isNull() && !node.isMissingNode()) {
      found.computeIfAbsent(path, k -> new ArrayList<>(2)).add(node);
    }
  }

  record Snapshot(List<String> ids, List<long[]> sizes, Map<String, FieldStats> values,
      Map<String, FieldStats.Sizes> lists) {

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

    /**
     * The {@code FieldValuesStats} of one leaf field, in its type's shape.
     *
     * @throws IllegalArgumentException when the field is not a leaf
     */
    ObjectNode valueStats(StudyFields.Field f) {
      FieldStats s = values.get(f.path());
      if (s == null) {
        throw new IllegalArgumentException(f.path() + " is not a leaf field");
      }
      return s.json(ids.size());
    }

    /**
     * The {@code ListSizes} of one list field.
     *
     * @throws IllegalArgumentException when the field is not a list
     */
    ObjectNode listSizes(StudyFields.Field f) {
      FieldStats.Sizes s = lists.get(f.path());
      if (s == null) {
        throw new IllegalArgumentException(f.path() + " is not a list field");
      }
      return s.json();
    }
  }
}
