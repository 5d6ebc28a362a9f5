package org.trialdex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Provenance;
import org.trialdex.store.testing.TestClock;
import org.trialdex.testing.SharedData;

/**
 * {@link ChangeFollower} on a real SQLite store and 100 real records, with a sink that keeps the
 * version it last saw of each record: what a search index does, in a map.
 */
class ChangeFollowerTest {

  static final StudyJson JSON = StudyJson.standard();

  @TempDir
  Path dir;
  StudyStore store;
  List<Study> sample;

  /** Derived data in a map; its "durable" position survives a new follower like an index commit. */
  static final class MapSink implements ChangeFollower.Sink {
    final Map<String, Integer> versions = new TreeMap<>();
    long position;
    int rebuilds;
    final List<Integer> batchSizes = new ArrayList<>();
    final AtomicInteger failuresToThrow = new AtomicInteger();
    final List<Long> caughtUp = new ArrayList<>();

    @Override
    public void caughtUp(long position) {
      caughtUp.add(position);
    }

    @Override
    public long open(StudyStore store) {
      return position;
    }

    @Override
    public void apply(List<Change> changes, long upTo) {
      if (failuresToThrow.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new IllegalStateException("disk full (a test failure)");
      }
      List<String> ids = changes.stream().map(Change::recordId).distinct().toList();
      store.currentOf(ids).forEach(s -> versions.put(s.nctId(), s.version()));
      batchSizes.add(changes.size());
      position = upTo;
    }

    StudyStore store;
  }

  @BeforeEach
  void open() throws IOException {
    store = StudyStores.open(new StoreLocation.Sqlite(dir.resolve("data")), new TestClock(java.time.Instant.EPOCH));
    var array = JSON.mapper().readTree(Files.readString(SharedData.v2Sample()));
    List<Study> studies = new ArrayList<>();
    array.forEach(n -> studies.add(JSON.read(n)));
    sample = studies;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  void put(List<Study> studies) {
    ImportRun run = store.beginRun("test", List.of());
    List<Incoming> in = studies.stream().map(s -> new Incoming(s, new Provenance("ctgov-v2-json", "f", "r"))).toList();
    store.putAll(run.id(), in);
    store.finishRun(run.id(), RunCounts.zero());
  }

  MapSink sink() {
    MapSink sink = new MapSink();
    sink.store = store;
    return sink;
  }

  @Test
  void catchUpAppliesEveryCommittedChangeInBatchesOfAtMostTheBatchSize() {
    put(sample.subList(0, 60));
    put(sample.subList(60, 100));
    MapSink sink = sink();
    try (ChangeFollower follower = ChangeFollower.of(store, sink, "test", 25, Duration.ofMillis(50))) {
      assertEquals(100, follower.catchUp());
      assertEquals(List.of(25, 25, 25, 25), sink.batchSizes);
      assertEquals(List.of(100L), sink.caughtUp, "told once, at the end of the catch-up");
      assertEquals(100, sink.versions.size());
      assertEquals(new ChangeFollower.Status(true, 100, java.util.Optional.empty()), follower.status());
      // Nothing new: no batch.
      assertEquals(100, follower.catchUp());
      assertEquals(4, sink.batchSizes.size());
      assertEquals(List.of(100L), sink.caughtUp, "nothing applied, nothing to make durable");
    }
  }

  @Test
  void aNewFollowerResumesAfterThePositionItsSinkRecorded() {
    put(sample.subList(0, 30));
    MapSink sink = sink();
    try (ChangeFollower follower = ChangeFollower.of(store, sink, "test", 1000, Duration.ofMillis(50))) {
      follower.catchUp();
    }
    put(sample.subList(30, 40));
    sink.batchSizes.clear();
    try (ChangeFollower follower = ChangeFollower.of(store, sink, "test", 1000, Duration.ofMillis(50))) {
      assertEquals(40, follower.catchUp());
    }
    assertEquals(List.of(10), sink.batchSizes, "only the ten changes after position 30");
  }

  @Test
  void aBackgroundFollowerSeesChangesCommittedLaterAndOutlivesFailuresOfItsSink() throws InterruptedException {
    MapSink sink = sink();
    try (ChangeFollower follower = ChangeFollower.of(store, sink, "test", 1000, Duration.ofMillis(20))
        .startInBackground()) {
      put(sample.subList(0, 10));
      assertTrue(follower.awaitPosition(10, Duration.ofSeconds(30)), follower.status().toString());
      assertEquals(10, sink.versions.size());

      sink.failuresToThrow.set(2);
      put(sample.subList(10, 20));
      assertTrue(follower.awaitPosition(20, Duration.ofSeconds(30)), follower.status().toString());
      assertEquals(20, sink.versions.size());
      assertEquals(java.util.Optional.empty(), follower.status().lastError());
    }
  }

  @Test
  void aFailingSinkIsReportedInTheStatusWhileItFails() throws InterruptedException {
    MapSink sink = sink();
    sink.failuresToThrow.set(Integer.MAX_VALUE);
    put(sample.subList(0, 5));
    try (ChangeFollower follower = ChangeFollower.of(store, sink, "test", 1000, Duration.ofMillis(10))
        .startInBackground()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (follower.status().lastError().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(java.util.Optional.of("disk full (a test failure)"), follower.status().lastError());
      assertEquals(0, follower.status().position());
    }
  }
}
